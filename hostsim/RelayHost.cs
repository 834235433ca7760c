using System;
using System.IO;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Storage;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The relay's store-and-forward heart on the host, as on the device: the data directory is
    /// the flash (spool entries q*, mailbox entries m*), the spool feeds the relay worker, the
    /// worker forwards to the upstream (or, with none configured, delivers into the mailbox).
    /// One process at a time owns a data directory (a lock file), as one board owns its flash.
    /// </summary>
    public sealed class RelayHost : IDisposable
    {
        /// <summary>The lock file a running relay holds in its data directory.</summary>
        public const string LockFileName = "relay.lock";

        /// <summary>`queue --retry-now` beside a running relay: this file asks it to make every entry due now.</summary>
        public const string RetryRequestFileName = "retry-now.request";

        private readonly object _workerGate = new object();
        private readonly IClock _clock;
        private readonly ILog _log;
        private FileStream _lock;
        private Thread _thread;
        private volatile bool _stopping;

        private RelayHost(HostConfig config, string dataDirectory, IClock clock, IRandom random, ILog log)
        {
            Config = config;
            DataDirectory = dataDirectory;
            _clock = clock;
            _log = log;
            Random = random;
        }

        public HostConfig Config { get; }

        public string DataDirectory { get; }

        public IRandom Random { get; }

        public DirectoryFileStore Files { get; private set; }

        public Mailbox Mailbox { get; private set; }

        public Spool Spool { get; private set; }

        public RelayWorker Worker { get; private set; }

        /// <summary>When the worker runs (the core's, as on the device); wake it from any thread.</summary>
        public RelayScheduler Scheduler { get; private set; }

        /// <summary>The submission client toward the configured upstream, or null for local delivery.</summary>
        public SmtpUpstream Upstream { get; private set; }

        /// <summary>Direct delivery to each domain's MX hosts (upstream mode "mx"), or null.</summary>
        public MxUpstream Mx { get; private set; }

        /// <summary>The bytes each store (spool, mailbox) may hold: spool.maxBytes, or less when the board's spool is smaller.</summary>
        public long StoreBytes { get; private set; }

        /// <summary>What recovery found in the spool and the mailbox at open.</summary>
        public string RecoverySummary { get; private set; }

        /// <summary>
        /// Takes the data directory (throws <see cref="RelayBusyException"/> if another relay holds it),
        /// recovers the spool and the mailbox, and builds the worker. The worker does not run until <see cref="Start"/>.
        /// </summary>
        public static RelayHost Open(HostConfig config, string dataDirectory, IClock clock, IRandom random, ILog log, long boardSpoolBytes = 0)
        {
            Directory.CreateDirectory(dataDirectory);
            RelayHost host = new RelayHost(config, dataDirectory, clock, random, log);
            host.StoreBytes = boardSpoolBytes > 0 && boardSpoolBytes < config.Spool.MaxBytes ? boardSpoolBytes : config.Spool.MaxBytes;
            host._lock = TakeLock(dataDirectory);
            try
            {
                host.OpenStores();
                return host;
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Takes the data directory's lock (created if missing) or throws <see cref="RelayBusyException"/>;
        /// the directory is this process's until the returned stream is disposed (or the process ends,
        /// even by SIGKILL). Everything that opens the spool or the mailbox takes it first: recovery
        /// deletes unfinished writes, which in a running relay are messages being received.
        /// </summary>
        public static FileStream TakeLock(string dataDirectory)
        {
            Directory.CreateDirectory(dataDirectory);
            try
            {
                return new FileStream(Path.Combine(dataDirectory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                throw new RelayBusyException("another nanoRelay process is using " + dataDirectory);
            }
        }

        private void OpenStores()
        {
            Files = new DirectoryFileStore(DataDirectory, 0);
            Mailbox = new Mailbox(Files, Random, StoreBytes, Limits.StoreEntriesDefault);
            Mailbox.Clock = _clock;   // IMAP's INTERNALDATE (RFC 9051 §2.3.3)
            RecoveryReport mailbox = Mailbox.Open();
            Spool = new Spool(Files, _clock, Random, StoreBytes, Limits.StoreEntriesDefault);
            RecoveryReport spool = Spool.Open();
            RecoverySummary = "spool: " + Spool.Count + " queued" + Describe(spool) + "; mailbox: " + Mailbox.Refresh() + " messages" + Describe(mailbox);

            if (Config.Upstream != null)
            {
                X509Certificate2Collection cas;
                try
                {
                    cas = TcpConnector.LoadTrustedCas(Config.Resolve(Config.Upstream.TrustedCaFile));
                }
                catch (CryptographicException e)
                {
                    throw new ConfigException("upstream.trustedCaFile: not a PEM or DER certificate: " + e.Message);
                }

                // The core chooses (submission or MX); "required" TLS checks the MX host's name, "opportunistic" takes any certificate.
                IUpstream upstream = UpstreamChoice.Create(Config, new TcpConnector(cas), new TcpConnector(cas) { AcceptAnyCertificate = true },
                    new UdpDatagramPort(), _clock, Random, _log);
                Mx = upstream as MxUpstream;
                Upstream = upstream as SmtpUpstream;
            }

            RetryPolicy policy = new RetryPolicy(Config.Retry.FirstDelaySeconds, Config.Retry.MaxDelaySeconds, Config.Retry.LifetimeHours);
            Worker = new RelayWorker(Spool, Mailbox, Mx != null ? Mx : Upstream, _clock, Random, policy, Config.Device.Name, _log);
            Scheduler = new RelayScheduler(Worker, Spool, _clock, _log);
        }

        private static string Describe(RecoveryReport r)
        {
            if (r == null)
            {
                return string.Empty;
            }

            int quarantined = r.Quarantined == null ? 0 : r.Quarantined.Length;
            if (r.OrphansRemoved == 0 && quarantined == 0)
            {
                return string.Empty;
            }

            return " (" + r.OrphansRemoved + " unfinished writes removed, " + quarantined + " quarantined)";
        }

        /// <summary>When a message last left the spool (forwarded or delivered locally), or null.</summary>
        public DateTime? LastDeliveryUtc { get; private set; }

        /// <summary>The last forwarding failure (one line), or null.</summary>
        public string LastError { get; private set; }

        /// <summary>Runs every due entry now, on the calling thread (send, tests).</summary>
        public int RunDueNow()
        {
            return Counted(Worker.RunDue);
        }

        /// <summary>One step of the core's scheduler on the calling thread; returns the milliseconds to wait.</summary>
        public int Step()
        {
            return Counted(Scheduler.Step);
        }

        // Runs the worker under its gate and notes what it delivered or deferred for the status line.
        private int Counted(Func<int> run)
        {
            lock (_workerGate)
            {
                RelayCounters c = Worker.Counters;
                int delivered = c.Sent + c.DeliveredLocally;
                int deferred = c.Deferred + c.Bounces;
                int result = run();
                Note(delivered, deferred);
                return result;
            }
        }

        // The status everyone reads, from what a round changed in the counters.
        private void Note(int delivered, int deferred)
        {
            RelayCounters c = Worker.Counters;
            if (c.Sent + c.DeliveredLocally > delivered)
            {
                LastDeliveryUtc = DateTime.UtcNow;
            }

            if (c.Deferred + c.Bounces > deferred && Upstream?.LastOutcome != null)
            {
                LastError = Upstream.LastOutcome.Describe();
            }

            if (c.Deferred + c.Bounces > deferred && Mx?.LastReply != null)
            {
                LastError = Mx.LastReply;
            }

            if (Worker.IsMailboxFull)
            {
                LastError = Worker.LastError;   // "mailbox full (...)": on the status line, in the status file, at exit
            }
        }

        /// <summary>Starts the worker thread: it runs due entries, then sleeps until the next is due or it is woken.</summary>
        public void Start()
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "relay-worker" };
            _thread.Start();
        }

        /// <summary>Asks the relay running in <paramref name="dataDirectory"/> to make every entry due now (it looks every second).</summary>
        public static void RequestRetryNow(string dataDirectory)
        {
            File.WriteAllText(Path.Combine(dataDirectory, RetryRequestFileName), "retry-now\n");
        }

        /// <summary>Acts on a pending `queue --retry-now` request; true when there was one.</summary>
        public bool TakeRetryRequest()
        {
            string request = Path.Combine(DataDirectory, RetryRequestFileName);
            if (!File.Exists(request))
            {
                return false;
            }

            File.Delete(request);
            _log.Write(LogLevel.Info, "relay", "queue --retry-now: every entry is due now");
            Scheduler.Wake(RelayWake.RetryNow);
            return true;
        }

        // The worker thread: the core's scheduler decides; the host only looks for a retry-now file
        // and a network that comes back (the events nothing in-process announces).
        private void Loop()
        {
            bool watching = WatchNetwork(true);
            try
            {
                while (!_stopping)
                {
                    int wait;
                    try
                    {
                        TakeRetryRequest();
                        wait = Step();
                    }
                    catch (IOException e)
                    {
                        _log.Write(LogLevel.Error, "relay", "worker round failed: " + e.Message);
                        wait = NanoRelay.Limits.RelayPollMs;
                    }

                    Scheduler.Wait(wait);
                }
            }
            finally
            {
                if (watching)
                {
                    WatchNetwork(false);
                }
            }
        }

        // A host without network notifications (a sandbox without netlink) still relays: the poll and the backoff remain.
        private bool WatchNetwork(bool on)
        {
            try
            {
                if (on)
                {
                    NetworkChange.NetworkAvailabilityChanged += OnNetworkAvailabilityChanged;
                }
                else
                {
                    NetworkChange.NetworkAvailabilityChanged -= OnNetworkAvailabilityChanged;
                }

                return true;
            }
            catch (Exception e) when (e is PlatformNotSupportedException || e is System.Net.NetworkInformation.NetworkInformationException || e is IOException)
            {
                _log.Write(LogLevel.Warning, "relay", "no network notifications (" + e.Message + "): the queue follows the network by its poll");
                return false;
            }
        }

        private void OnNetworkAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            if (e.IsAvailable)
            {
                Scheduler.Wake(RelayWake.NetworkUp);
            }
        }

        public void Dispose()
        {
            _stopping = true;
            Scheduler?.Wake(RelayWake.None);
            _thread?.Join(TimeSpan.FromSeconds(30));
            _lock?.Dispose();
            _lock = null;
        }
    }

    /// <summary>The data directory is held by another relay process.</summary>
    public sealed class RelayBusyException : Exception
    {
        public RelayBusyException(string message) : base(message) { }
    }
}
