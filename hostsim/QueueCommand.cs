using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Storage;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// `queue [--config FILE] [--data DIR] [--retry-now] [--drop ID]`: lists the spool (id,
    /// recipients, attempts, next attempt, last error) and the quarantined entries; makes every
    /// entry due now, or drops one without a bounce. The spool has one owner at a time: beside a
    /// running relay the listing is a read-only view and --retry-now is a request the relay picks
    /// up; --drop needs the relay stopped.
    /// </summary>
    public static class QueueCommand
    {
        public static Command Create()
        {
            Option<string> config = new Option<string>("--config") { Description = "JSON config file (schema: README, Configuration)" };
            Option<string> data = new Option<string>("--data") { Description = "data directory (default: the config's spool.path, else ./nanorelay-data)" };
            Option<bool> retryNow = new Option<bool>("--retry-now") { Description = "make every queued message due now" };
            Option<string> drop = new Option<string>("--drop") { Description = "remove entry ID from the queue (no bounce)" };
            Command queue = new Command("queue", "list the outgoing queue, retry it now, or drop an entry") { config, data, retryNow, drop };
            queue.SetAction(parse => Execute(parse.GetValue(config), parse.GetValue(data), parse.GetValue(retryNow), parse.GetValue(drop)));
            return queue;
        }

        public static int Execute(string configFile, string dataDirectory, bool retryNow, string drop)
        {
            HostConfig config = configFile == null ? new HostConfig() : HostConfig.Load(configFile);
            string dir = dataDirectory ?? (configFile != null ? config.Resolve(config.Spool.Path) : "nanorelay-data");
            long id = 0;
            if (drop != null && (!long.TryParse(drop, NumberStyles.None, CultureInfo.InvariantCulture, out id) || id < 1))
            {
                Console.Error.WriteLine("usage: --drop takes an entry id as listed (a positive number)");
                return Program.ExitUsage;
            }

            // The running relay owns the spool: recovery here would delete the message it is
            // receiving (content not yet committed) and race its state writes. Beside it, the
            // listing is a read-only view and --retry-now a request file the relay picks up.
            FileStream held;
            try
            {
                held = RelayHost.TakeLock(dir);
            }
            catch (RelayBusyException e)
            {
                if (drop != null)
                {
                    Console.Error.WriteLine("queue: " + e.Message + " (stop it first to drop an entry)");
                    return Program.ExitFailure;
                }

                if (retryNow)
                {
                    RelayHost.RequestRetryNow(dir);
                    Console.WriteLine("asked the running relay to make every entry due now (it acts within a second)");
                    return Program.ExitOk;
                }

                return ListReadOnly(config, dir);
            }

            using (held)
            {
                return Execute(config, dir, retryNow, drop, id);
            }
        }

        // The relay is running: its spool as it is on disk, changing nothing.
        private static int ListReadOnly(HostConfig config, string dir)
        {
            SystemClock clock = new SystemClock();
            Spool spool = new Spool(new ReadOnlyFileStore(new DirectoryFileStore(dir, 0)), clock, new CryptoRandom(), config.Spool.MaxBytes, Limits.StoreEntriesDefault);
            RecoveryReport report;
            try
            {
                report = spool.Open();
            }
            catch (NanoRelay.Ports.StoreException e)
            {
                Console.Error.WriteLine("queue: cannot read the spool in " + dir + ": " + e.Message);
                return Program.ExitFailure;
            }

            Console.WriteLine("(the relay is running: a read-only view; messages being received are not listed)");
            Print(spool, report, clock);
            return Program.ExitOk;
        }

        private static int Execute(HostConfig config, string dir, bool retryNow, string drop, long id)
        {
            DirectoryFileStore files = new DirectoryFileStore(dir, 0);
            SystemClock clock = new SystemClock();
            Spool spool = new Spool(files, clock, new CryptoRandom(), config.Spool.MaxBytes, Limits.StoreEntriesDefault);
            RecoveryReport report;
            try
            {
                report = spool.Open();
            }
            catch (NanoRelay.Ports.StoreException e)
            {
                Console.Error.WriteLine("queue: cannot read the spool in " + dir + ": " + e.Message);
                return Program.ExitFailure;
            }

            if (drop != null)
            {
                if (!spool.Drop(id))
                {
                    Console.Error.WriteLine("queue: no entry " + id.ToString(CultureInfo.InvariantCulture));
                    return Program.ExitFailure;
                }

                Console.WriteLine("dropped " + id.ToString(CultureInfo.InvariantCulture));
                return Program.ExitOk;
            }

            if (retryNow)
            {
                spool.RetryNow();
                Console.WriteLine("every entry is due now (" + spool.Count.ToString(CultureInfo.InvariantCulture) + ")");
                return Program.ExitOk;
            }

            Print(spool, report, clock);
            return Program.ExitOk;
        }

        private static void Print(Spool spool, RecoveryReport report, SystemClock clock)
        {
            SpoolEntry[] entries = spool.List();
            Console.WriteLine(entries.Length + " queued, " + report.Quarantined.Length + " quarantined, " + spool.Store.UsedBytes + " bytes");
            if (entries.Length > 0)
            {
                Console.WriteLine("ID\tSIZE\tATTEMPTS\tNEXT\tRECIPIENTS\tLAST ERROR");
            }

            foreach (SpoolEntry e in entries)
            {
                string[] rcpts = new string[e.Recipients.Length];
                for (int i = 0; i < rcpts.Length; i++)
                {
                    rcpts[i] = e.Recipients[i] + (e.RecipientStates[i] == RecipientState.Pending ? string.Empty : "(" + e.RecipientStates[i].ToString().ToLowerInvariant() + ")");
                }

                Console.WriteLine(e.Id + "\t" + e.Size + "\t" + e.Attempts + "\t" + Next(e.DueMonotonic - clock.MonotonicMilliseconds) + "\t"
                    + string.Join(",", rcpts) + "\t" + (e.LastError.Length == 0 ? "-" : e.LastError));
            }

            foreach (QuarantinedEntry q in report.Quarantined)
            {
                Console.WriteLine(q.Id + "\tquarantined: " + q.Reason);
            }
        }

        private static string Next(long waitMs)
        {
            if (waitMs <= 0)
            {
                return "now";
            }

            TimeSpan t = TimeSpan.FromMilliseconds(waitMs);
            if (t.TotalHours >= 1)
            {
                return "in " + (int)t.TotalHours + "h" + t.Minutes.ToString("00", CultureInfo.InvariantCulture) + "m";
            }

            return t.TotalMinutes >= 1 ? "in " + (int)t.TotalMinutes + "m" + t.Seconds.ToString("00", CultureInfo.InvariantCulture) + "s" : "in " + t.Seconds + "s";
        }
    }
}
