using System;
using System.Diagnostics;
using System.Threading;
using NanoRelay.Alerts;
using NanoRelay.Boards;
using NanoRelay.Pop3;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;
using NanoRelay.Supervision;
using NanoRelay.Testing;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// The relay's services on the nanoCLR's heap, wired as the device wires them (DeviceServices)
    /// on in-memory ports: the mailbox and spool on <see cref="GeneratedFileStore"/>, POP3
    /// sessions on threads, the SMTP ingress through SmtpServer on an accept thread of its own, the relay worker through
    /// SmtpUpstream to <see cref="SinkUpstream"/>, the alert engine into the spool.
    /// Phase 1 measures what the services and each open session retain (free heap after
    /// GC.Run(false)); phase 2 runs at once a POP3 RETR of a 1 MB message, an SMTP ingress session
    /// taking in 1 MB, the worker sending a 1 MB message upstream and the alert engine raising a
    /// digest, sampling the free heap for its lowest point; phase 3 sends what phase 2 queued and
    /// measures the heap again. Prints "MEM name bytes" lines and ends with SCENARIO-END ok or
    /// SCENARIO-FAIL reason (run.sh reads them).
    /// </summary>
    public static class Program
    {
        private const string Client = "127.0.0.1";
        private const int BodyLines = 13440;                       // 1,048,320 body octets: with its header, just under 1 MiB
        private const long BodyBytes = (long)BodyLines * GeneratedBody.LineBytes;
#if BOARD_CAPS
        private const int Sessions = 1;                            // the smallest boards' caps: what the heap search runs
#else
        private const int Sessions = 3;                            // per service, for the per-session figures
#endif
        private const int WaitMs = 600000;

        private static FlashArena s_arena;
        private static GeneratedFileStore s_store;
        private static Spool s_spool;
        private static Mailbox s_mailbox;
        private static Pop3Server s_pop3;
        private static MemoryListener s_smtpPort;
        private static SmtpServer s_smtp;
        private static RelayWorker s_worker;
        private static AlertEngine s_engine;
        private static SinkUpstream s_sink;
        private static QuietLog s_log;
        private static long s_mailLength;
        private static uint s_mailCrc;
        private static long s_queuedLength;
        private static uint s_queuedCrc;
        private static bool s_workerDone;
        private static bool s_alertsDone;
        private static AlertSpooler s_spooler;   // phase 2's, whose held alerts phase 3 spools as the relay scheduler's step does
        private static HeapGate s_heap;          // the board's heap gate (Caps: the board's capacity, as the device makes it; else no limit)
        private static string s_failure;

        public static void Main()
        {
            // The test doubles' stand-in for flash and for the upstream machine, before anything is
            // measured: the heap at Main ("main") has it taken already, so run.sh's board heap grows by it.
            uint beforeArena = Free();
            s_arena = new FlashArena();
            uint atMain = Free();
            Report("test-arena", (long)beforeArena - atMain);
            s_mainFree = atMain;
            Report("main", atMain);
            Build();
            uint services = Free();
            Report("services", services);
            Seed();
#if !BOARD_CAPS
            Breakdown();   // measurement aids only, not the board's scenario: they hold several sessions' objects at once
#endif
            uint before = Free();
            Report("before", before);
            Report("store-held-before", s_store.HeldBytes);
            MeasureSessions(atMain, before);
            if (s_failure == null)
            {
                RunAtOnce(before);
            }

            if (s_failure == null)
            {
                Drain();
            }

            uint after = Free();
            Report("after", after);
            Report("store-held-after", s_store.HeldBytes);
#if !BOARD_CAPS
            if (s_failure == null)
            {
                MeasureImap();   // after the board's scenario, so its figures stay as they were
            }

            if (s_failure == null)
            {
                MeasureAlone();   // where the four transfers' peak goes: each alone, then two at a time
            }

            if (s_failure == null)
            {
                ProbeAlerts();
            }
#endif
            Report("log-lines", s_log.Lines);
            s_smtpPort.Close();   // the accept loop's thread would keep the interpreter running
            Debug.WriteLine(s_failure == null ? "SCENARIO-END ok" : "SCENARIO-FAIL " + s_failure);
        }

        private static uint Free()
        {
            return nanoFramework.Runtime.Native.GC.Run(false);
        }

        private static void Report(string name, long bytes)
        {
            Debug.WriteLine("MEM " + name + " " + bytes);
        }

        private static void Fail(string why)
        {
            if (s_failure == null)
            {
                s_failure = why;
            }
        }

        // The services as DeviceServices builds them, the board's ports replaced by memory.
        private static void Build()
        {
#if BOARD_CAPS
            // As DeviceServices makes it: the capacity from the board.json run.sh was given (BenchBoard.g.cs).
            string error;
            BoardProfile board = BoardProfile.Parse(BenchBoard.Json, out error);
            s_heap = new HeapGate(board == null ? 0 : board.TransferHeapBytes);
#else
            s_heap = new HeapGate(0);   // the per-activity figures are measured without a limit
#endif
            Report("gate-capacity", s_heap.Capacity);
            s_log = new QuietLog();
            ManualClock clock = new ManualClock();
            SeededRandom random = new SeededRandom(15);
            s_store = new GeneratedFileStore(s_arena);
            uint f = Part("build-store-double", s_mainFree);
            long max = 8 * 1048576;   // the flash bound is not what this measures: a 1 MB message needs room
            s_mailbox = new Mailbox(s_store, random, max, Limits.StoreEntriesDefault);
            s_mailbox.Open();
            f = Part("build-mailbox", f);
            s_spool = new Spool(s_store, clock, random, max, Limits.StoreEntriesDefault);
            s_spool.Open();
            f = Part("build-spool", f);
            Report("build-store-mailbox-spool", (long)s_mainFree - f);

            NanoRelay.Auth.AuthPenalty penalty = new NanoRelay.Auth.AuthPenalty();
            f = Part("build-auth-penalty", f);
            Pop3ServerOptions pop3 = new Pop3ServerOptions();
            pop3.AuthPenalty = penalty;
            pop3.MaxSessions = Sessions;
            pop3.TlsAvailable = true;
            s_pop3 = new Pop3Server(pop3, s_mailbox, clock, random, s_log, 1000);
            f = Part("build-pop3-server", f);

            SmtpServerOptions smtp = new SmtpServerOptions();
            smtp.AuthPenalty = penalty;
            smtp.ServerName = "nanorelay-bench";
            smtp.TlsAvailable = true;
            smtp.GreetingPauseMs = 0;   // the early-talker pause is time, not memory; the scripted client waits for replies anyway
            smtp.MaxMessageBytes = 2 * 1048576;
            SpoolIngressSink sink = new SpoolIngressSink(s_spool);
            sink.Heap = s_heap;
            s_smtpPort = new MemoryListener();
            RelayPolicy policy = RelayPolicy.Create(new string[] { "127.0.0.0/8" });
            uint g = Part("build-smtp-options-policy-sink", f);
            s_smtp = new SmtpServer(smtp, Sessions, policy, sink, clock, s_log, random);
            g = Part("build-smtp-server-object", g);
            new Thread(new ThreadStart(AcceptSmtp)).Start();
            Thread.Sleep(100);
            Part("build-smtp-accept-thread", g);
            f = Part("build-smtp-listener-and-accept-thread", f);

            s_sink = new SinkUpstream(s_arena);
            SmtpClientSettings settings = SmtpClientSettings.ForUpstream("smtp.example.org", 587, "none", null, null, "auto", null, null, "nanorelay-bench");
            SmtpUpstream upstream = new SmtpUpstream(s_sink, clock, s_log, settings);
            Part("build-upstream-client", f);
            s_worker = new RelayWorker(s_spool, s_mailbox, upstream, clock, random, new RetryPolicy(), "nanorelay-bench", s_log);
            s_worker.Heap = s_heap;
            f = Part("build-relay-worker-and-upstream", f);
            AlertSpooler spooler = new AlertSpooler(s_spool, clock, random, s_log, "nanorelay-bench", "nanorelay@example.org", new string[] { "tech@example.org" });
            s_spooler = spooler;
            spooler.Heap = s_heap;
            Part("build-alert-spooler", f);
            s_engine = new AlertEngine("greenhouse-1", new ManualClock(), spooler);
            s_engine.Add(AlertRule.DoorOpen("front-door").WithRateLimit(2, 60000));
            Part("build-alert-engine", f);
        }

        private static uint s_mainFree;

        private static uint Part(string name, uint last)
        {
            uint now = Free();
            Report(name, (long)last - now);
            return now;
        }

        // What the per-session figures are made of: the heap's unit (one object without fields, one
        // empty byte array), a parked thread, and each session's objects built without a thread.
        private static void Breakdown()
        {
            object[] keep = new object[64];
            uint f0 = Free();
            for (int i = 0; i < keep.Length; i++)
            {
                keep[i] = new object();
            }

            uint f1 = Free();
            Report("unit-object", (f0 - f1) / keep.Length);
            for (int i = 0; i < keep.Length; i++)
            {
                keep[i] = new byte[0];
            }

            uint f2 = Free();
            Report("unit-empty-byte-array", ((long)f1 - f2) / keep.Length + (f0 - f1) / keep.Length);
            keep = null;

            uint t0 = Free();
            s_parked = true;
            Thread t = new Thread(new ThreadStart(Park));
            t.Start();
            Thread.Sleep(100);
            uint t1 = Free();
            Report("thread-parked", (long)t0 - t1);
            s_parked = false;
            t.Join();

            Pop3Reader quiet = new Pop3Reader(Client, false, 0, 0);
            uint p0 = Free();
            Pop3ServerDriver driver = new Pop3ServerDriver(s_pop3, quiet, Limits.Pop3TransferChunk);
            uint p1 = Free();
            Pop3ServerSession session = new Pop3ServerSession(s_pop3, false, true, Client);
            uint p2 = Free();
            Report("pop3-driver-objects", (long)p0 - p1);
            Report("pop3-session-objects", (long)p1 - p2);
            SmtpSender device = new SmtpSender(Client, 0);
            SmtpServerOptions options = new SmtpServerOptions();   // shared by a listener's sessions: not counted
            RelayPolicy policy = RelayPolicy.Create(new string[0]);
            SpoolIngressSink sink = new SpoolIngressSink(s_spool);
            ManualClock clock = new ManualClock();
            SeededRandom random = new SeededRandom(1);
            uint s0 = Free();
            SmtpServerDriver smtp = new SmtpServerDriver(device, options, policy, sink, clock, s_log, random);
            uint s1 = Free();
            Report("smtp-driver-and-session-objects", (long)s0 - s1);

            // A queued message's index entry: what a spool keeps in RAM per entry (its files forgotten
            // by the store afterwards, as flash holds them on the device).
            GeneratedFileStore files = new GeneratedFileStore(s_arena);
            Spool spool = new Spool(files, new ManualClock(), new SeededRandom(2), 1048576, Limits.StoreEntriesDefault);
            spool.Open();
            byte[] small = NanoRelay.Framing.Ascii.Bytes("Subject: door\r\n\r\nopen\r\n");
            uint q0 = Free();
            const int Entries = 16;
            for (int i = 0; i < Entries; i++)
            {
                StoreWriter w = spool.Begin("nanorelay@example.org", new string[] { "tech@example.org" }, "<" + i + "@nanobench>");
                w.Write(small, 0, small.Length);
                w.Commit();
            }

            files.Forget();
            uint q1 = Free();
            Report("spool-entry", ((long)q0 - q1) / Entries);
            if (spool.Count != Entries || driver == null || session == null || smtp == null)
            {
                Fail("breakdown");
            }
        }

        private static bool s_parked;

        private static void Park()
        {
            while (s_parked)
            {
                Thread.Sleep(20);
            }
        }

        // One 1 MB message in the mailbox (for RETR) and one in the spool (for the worker).
        private static void Seed()
        {
            byte[] header = NanoRelay.Framing.Ascii.Bytes("From: camera@lan.test\r\nTo: tech@example.org\r\nSubject: one megabyte\r\n" + GeneratedBody.MarkerHeader + "\r\n\r\n");
            byte[] chunk = new byte[512];
            Crc32 crc = new Crc32();
            MailboxDelivery d = s_mailbox.BeginDelivery("seed");
            s_mailLength = Write(header, chunk, crc, d, null);
            d.Commit();
            s_mailCrc = WithDotLine(crc);
            s_mailbox.Refresh();
            if (s_mailbox.Count != 1 || s_mailbox.SizeOf(0) != s_mailLength)
            {
                Fail("seed: the mailbox holds " + s_mailbox.Count + " message(s) of " + (s_mailbox.Count > 0 ? s_mailbox.SizeOf(0) : 0) + " octets");
            }

            crc.Reset();
            StoreWriter w = s_spool.Begin("camera@lan.test", new string[] { "tech@example.org" }, "<seed@nanobench>");
            s_queuedLength = Write(header, chunk, crc, null, w);
            w.Commit();
            s_queuedCrc = WithDotLine(crc);
        }

        private static long Write(byte[] header, byte[] chunk, Crc32 crc, MailboxDelivery d, StoreWriter w)
        {
            crc.Update(header, 0, header.Length);
            if (d != null) { d.Write(header, 0, header.Length); } else { w.Write(header, 0, header.Length); }
            for (long at = 0; at < BodyBytes; at += chunk.Length)
            {
                int n = BodyBytes - at < chunk.Length ? (int)(BodyBytes - at) : chunk.Length;
                GeneratedBody.Fill(at, chunk, 0, n);
                crc.Update(chunk, 0, n);
                if (d != null) { d.Write(chunk, 0, n); } else { w.Write(chunk, 0, n); }
            }

            return header.Length + BodyBytes;
        }

        // What arrives on the wire after the content: the "." line (RFC 1939 §3, RFC 5321 §4.1.1.4).
        private static uint WithDotLine(Crc32 crc)
        {
            byte[] dot = NanoRelay.Framing.Ascii.Bytes(".\r\n");
            crc.Update(dot, 0, 3);
            return crc.Value;
        }

        // Phase 1: sessions held open one by one, the free heap after each.
        private static void MeasureSessions(uint atMain, uint before)
        {
            // The peers (the clients' side) exist before the first figure, so no figure counts them.
            ScriptedPeer[] held = new ScriptedPeer[2 * Sessions];
            for (int i = 0; i < Sessions; i++)
            {
                // The first logs in (TRANSACTION, the maildrop locked and listed); the others wait at the greeting.
                Pop3Reader p = new Pop3Reader(Client, i == 0, 0, 0);
                p.HoldAt = i == 0 ? 2 : 0;
                p.Hold();
                held[i] = p;
                SmtpSender s = new SmtpSender(Client, 0);
                s.HoldAt = 1;
                s.Hold();
                held[Sessions + i] = s;
            }

            uint last = Free();
            uint peers = last;
            for (int i = 0; i < Sessions; i++)
            {
                StartPop3(held[i]);
                last = HeldAndMeasured(held[i], "pop3-session-" + (i + 1), last);
                if (i == 0)
                {
                    s_smtpPort.Connect(held[Sessions]);
                    last = HeldAndMeasured(held[Sessions], "smtp-session-1", last);
                    Report("one-pop3-one-smtp", (long)peers - last);
                    Report("services-plus-one-pop3-one-smtp", ((long)atMain - before) + ((long)peers - last));
                }
            }

            for (int i = 1; i < Sessions; i++)
            {
                s_smtpPort.Connect(held[Sessions + i]);
                last = HeldAndMeasured(held[Sessions + i], "smtp-session-" + (i + 1), last);
            }

            for (int i = 0; i < held.Length; i++)
            {
                held[i].Release();
            }

            for (int i = 0; i < held.Length; i++)
            {
                WaitClosed(held[i]);
            }

            Thread.Sleep(200);   // the session threads return after closing
            Report("sessions-closed", Free());
        }

        private static uint HeldAndMeasured(ScriptedPeer peer, string name, uint last)
        {
            long until = DateTime.UtcNow.Ticks + (WaitMs * 10000L);
            while (!peer.IsWaiting && peer.Failure == null && DateTime.UtcNow.Ticks < until)
            {
                Thread.Sleep(20);
            }

            if (!peer.IsWaiting)
            {
                Fail(name + ": never reached its hold (" + (peer.Failure == null ? "step " + peer.Step : peer.Failure) + ")");
                return last;
            }

            uint now = Free();
            Report(name, (long)last - now);
            return now;
        }

        private static void WaitClosed(ScriptedPeer peer)
        {
            long until = DateTime.UtcNow.Ticks + (WaitMs * 10000L);
            while (!peer.IsClosed && DateTime.UtcNow.Ticks < until)
            {
                Thread.Sleep(20);
            }

            if (!peer.IsClosed)
            {
                Fail("a session did not end (step " + peer.Step + ")");
            }

            if (peer.Failure != null)
            {
                Fail(peer.Failure);
            }
        }

        // IMAP (issue 17): the server, one session's objects without a thread, then sessions held in
        // IDLE one by one after LOGIN, SELECT and a FETCH of the whole 1 MB message.
        private static void MeasureImap()
        {
            uint f0 = Free();
            NanoRelay.Imap.Server.ImapServerOptions options = new NanoRelay.Imap.Server.ImapServerOptions();
            options.User = "tech";
            options.Password = "secret";
            options.MaxSessions = Sessions;
            NanoRelay.Imap.Server.ImapServer server = new NanoRelay.Imap.Server.ImapServer(options, s_mailbox, new ManualClock(), s_log);
            uint f1 = Free();
            Report("build-imap-server", (long)f0 - f1);

            ImapReader quiet = new ImapReader(Client, 0);
            uint d0 = Free();
            NanoRelay.Imap.Server.ImapServerDriver driver = new NanoRelay.Imap.Server.ImapServerDriver(server, quiet, Limits.ImapTransferChunk);
            NanoRelay.Imap.Server.ImapServerSession session = new NanoRelay.Imap.Server.ImapServerSession(server, false, true, Client);
            uint d1 = Free();
            Report("imap-driver-and-session-objects", (long)d0 - d1);
            if (driver == null || session == null)
            {
                Fail("imap breakdown");
            }

            driver = null;
            session = null;
            ImapReader[] held = new ImapReader[Sessions];
            for (int i = 0; i < Sessions; i++)
            {
                held[i] = new ImapReader(Client, s_mailLength);
                held[i].HoldAt = ImapReader.IdleStep;
                held[i].Hold();
            }

            uint last = Free();
            for (int i = 0; i < Sessions; i++)
            {
                new Thread(new ThreadStart(new ImapRunner(server, held[i]).Run)).Start();
                last = HeldAndMeasured(held[i], "imap-session-" + (i + 1), last);
            }

            for (int i = 0; i < Sessions; i++)
            {
                held[i].Release();
            }

            for (int i = 0; i < Sessions; i++)
            {
                WaitClosed(held[i]);
                if (!held[i].Completed)
                {
                    Fail("imap session " + (i + 1) + " did not complete (" + held[i].Octets + " octets)");
                }
            }

            Thread.Sleep(200);
            Report("imap-sessions-closed", Free());
        }

        // The device's session listener in small: a thread per SMTP connection, under the server's cap.
        private static void AcceptSmtp()
        {
            while (true)
            {
                NanoRelay.Ports.IConnection c = s_smtpPort.Accept();
                if (c == null)
                {
                    return;
                }

                new Thread(new ThreadStart(new SmtpRunner(s_smtp, c).Run)).Start();
            }
        }

        private static void StartPop3(ScriptedPeer connection)
        {
            new Thread(new ThreadStart(new Pop3Runner(s_pop3, connection).Run)).Start();
        }

        // Phase 2: everything at once, the free heap sampled until all is done.
        private static void RunAtOnce(uint before)
        {
            Pop3Reader reader = new Pop3Reader(Client, true, s_mailLength, s_mailCrc);
            SmtpSender sender = new SmtpSender(Client, BodyBytes);
            long t0 = DateTime.UtcNow.Ticks;
            StartPop3(reader);
            s_smtpPort.Connect(sender);
            new Thread(new ThreadStart(RunWorker)).Start();
            new Thread(new ThreadStart(RaiseDigest)).Start();

            uint lowest = uint.MaxValue;
            long held = 0;
            int samples = 0;
            long until = t0 + (WaitMs * 10000L);
            while (!(reader.IsClosed && sender.IsClosed && s_workerDone && s_alertsDone) && DateTime.UtcNow.Ticks < until)
            {
                uint f = Free();
                samples++;
                if (f < lowest)
                {
                    lowest = f;
                    held = s_store.HeldBytes;
                }

                Thread.Sleep(50);
            }

            Report("during-lowest", lowest);
            Report("during-store-held", held);   // the double's RAM files then (flash on the device)
            Report("during-peak-use", (long)before - lowest);
            Report("during-samples", samples);
            Report("during-ms", (DateTime.UtcNow.Ticks - t0) / 10000);
            Report("gate-peak", s_heap.Peak);
            Report("gate-waits", s_heap.Waits);
            Report("gate-overruns", s_heap.Overruns);
            Report("gate-deferrals", s_heap.Deferrals);
            Report("gate-relay-deferrals", s_worker.HeapDeferrals);
            WaitClosed(reader);
            WaitClosed(sender);
            if (!reader.Retrieved)
            {
                Fail("pop3: the 1 MB message was not retrieved whole");
            }

            if (!sender.Accepted)
            {
                Fail("smtp: the 1 MB message was not accepted");
            }

            if (!s_workerDone || !s_alertsDone)
            {
                Fail("the worker or the alert engine did not finish");
            }

            if (s_sink.Count < 1 || s_sink.LengthOf(0) != s_queuedLength + 3 || s_sink.CrcOf(0) != s_queuedCrc)
            {
                Fail("upstream: the queued 1 MB message did not arrive intact (" + s_sink.Count + " received)");
            }
        }

        // The relay thread as the device's scheduler runs it: held alerts spooled, then what is due; a round the heap
        // gate defers attempts nothing and is tried again a moment later. Until a round has run (or nothing is queued)
        // and the alerts the heap gate held have been written (what they queued goes upstream in phase 3).
        private static void RunWorker()
        {
            try
            {
                long until = DateTime.UtcNow.Ticks + (WaitMs * 10000L);
                bool ran = false;
                while (DateTime.UtcNow.Ticks < until)
                {
                    s_spooler.FlushHeld();
                    if (!ran)
                    {
                        ran = s_worker.RunDue() > 0 || s_spool.Count == 0;
                    }

                    if (ran && s_alertsDone && s_spooler.HeldCount == 0)
                    {
                        break;
                    }

                    Thread.Sleep(100);
                }
            }
            catch (Exception e)
            {
                Fail("worker: " + e.Message);
                Report("worker-failed-free", Free());
                Debug.WriteLine("WORKER-FAILED " + e.StackTrace);
            }

            s_workerDone = true;
        }

        // Ten door changes against a limit of two per minute: two alerts, then one digest of eight.
        private static void RaiseDigest()
        {
            try
            {
                for (int i = 0; i < 5; i++)
                {
                    s_engine.Feed(new SensorSample("front-door", SensorKind.Door, 1, (10 + (i * 5)) * 1000L));
                    s_engine.Feed(new SensorSample("front-door", SensorKind.Door, 0, (12 + (i * 5)) * 1000L));
                }

                s_engine.Poll(72000);
                if (s_engine.MessagesRaised != 3)
                {
                    Fail("alerts: " + s_engine.MessagesRaised + " messages raised, expected 2 alerts and a digest");
                }
            }
            catch (Exception e)
            {
                Fail("alerts: " + e.Message);
                Report("alerts-failed-free", Free());   // after the failure: how much the heap had then, once collected
                Debug.WriteLine("ALERTS-FAILED " + e.StackTrace);
            }

            s_alertsDone = true;
        }

        // Phase 2's activities one at a time, then two at a time: the highest use above the idle
        // heap while each runs (its thread, its peer and what it queues included), sampled as in phase 2.
        private static void MeasureAlone()
        {
            Peak("alone-pop3", true, false, false, false);
            Peak("alone-smtp", false, true, false, false);      // queues a 1 MB message ...
            Peak("alone-relay", false, false, true, false);     // ... which the worker sends alone
            Peak("alone-alerts", false, false, false, true);
            Peak("alone-drain", false, false, true, false);     // the alerts go upstream
            Peak("pair-pop3-smtp", true, true, false, false);   // queues one more 1 MB message ...
            Peak("pair-pop3-relay", true, false, true, false);  // ... which the worker sends here
            QueueOne();                                          // the worker needs one at its start
            Peak("pair-smtp-relay", false, true, true, false);  // (and queues one for the next)
            Peak("pair-relay-alerts", false, false, true, true);
            s_worker.RunDue();
            if (s_spool.Count != 0 || s_store.Mismatches != 0 || s_sink.Failure != null)
            {
                Fail("alone: " + s_spool.Count + " left in the spool, " + s_store.Mismatches + " mismatches, " + s_sink.Failure);
            }
        }

        // The alerts' working set without sampling: the alert engine on this thread (no thread of
        // its own), the free heap taken at every write into the store, when the writers' buffers and
        // the message being written are all live; then the digest writer alone, into a file that
        // only takes the same reading at each of its writes (no spool, no StoreWriter).
        private static void ProbeAlerts()
        {
            AlertSpooler spooler = new AlertSpooler(s_spool, new ManualClock(), new SeededRandom(16), s_log, "nanorelay-bench", "nanorelay@example.org", new string[] { "tech@example.org" });
            s_engine = new AlertEngine("greenhouse-1", new ManualClock(), spooler);
            s_engine.Add(AlertRule.DoorOpen("front-door").WithRateLimit(2, 60000));
            uint idle = Free();
            long heldIdle = s_store.HeldBytes;
            GeneratedFileStore.ProbeLowest = uint.MaxValue;
            GeneratedFileStore.Probe = true;
            RaiseDigest();
            GeneratedFileStore.Probe = false;
            Report("probe-alerts-peak-use", (long)idle - GeneratedFileStore.ProbeLowest);
            Report("probe-alerts-store-held", GeneratedFileStore.ProbeHeld - heldIdle);

            Catcher c = new Catcher();
            AlertEngine e = new AlertEngine("greenhouse-1", new ManualClock(), c);
            e.Add(AlertRule.DoorOpen("front-door").WithRateLimit(2, 60000));
            uint bare = Free();
            for (int i = 0; i < 5; i++)
            {
                e.Feed(new SensorSample("front-door", SensorKind.Door, 1, (10 + (i * 5)) * 1000L));
                e.Feed(new SensorSample("front-door", SensorKind.Door, 0, (12 + (i * 5)) * 1000L));
            }

            e.Poll(72000);
            Report("probe-digest-and-members", (long)bare - Free());   // what the engine hands on: the digest and its eight alerts
            ProbeWriter pw = new ProbeWriter();
            pw.Lowest = uint.MaxValue;
            uint idle2 = Free();
            new AlertDigestWriter().WriteMessage(pw, c.Last, "nanorelay@example.org", new string[] { "tech@example.org" }, DateTime.UtcNow, "x.y");
            Report("probe-digest-writer-peak-use", (long)idle2 - pw.Lowest);
        }

        private sealed class Catcher : IAlertSink
        {
            public AlertMessage Last;

            public void Raise(AlertMessage message)
            {
                Last = message;
            }
        }

        private sealed class ProbeWriter : NanoRelay.Ports.IFileWriter
        {
            public uint Lowest;

            public long Length { get { return 0; } }

            public void Write(byte[] buffer, int offset, int count)
            {
                uint f = Free();
                if (f < Lowest)
                {
                    Lowest = f;
                }
            }

            public void Flush()
            {
            }

            public void Close()
            {
            }
        }

        private static void QueueOne()
        {
            byte[] header = NanoRelay.Framing.Ascii.Bytes("From: camera@lan.test\r\nTo: tech@example.org\r\nSubject: again\r\n" + GeneratedBody.MarkerHeader + "\r\n\r\n");
            StoreWriter w = s_spool.Begin("camera@lan.test", new string[] { "tech@example.org" }, null);
            Write(header, new byte[512], new Crc32(), null, w);
            w.Commit();
        }

        private static void Peak(string name, bool pop3, bool smtp, bool worker, bool alerts)
        {
            Pop3Reader reader = pop3 ? new Pop3Reader(Client, true, s_mailLength, s_mailCrc) : null;
            SmtpSender sender = smtp ? new SmtpSender(Client, BodyBytes) : null;
            if (alerts)
            {
                AlertSpooler spooler = new AlertSpooler(s_spool, new ManualClock(), new SeededRandom(16), s_log, "nanorelay-bench", "nanorelay@example.org", new string[] { "tech@example.org" });
                s_engine = new AlertEngine("greenhouse-1", new ManualClock(), spooler);
                s_engine.Add(AlertRule.DoorOpen("front-door").WithRateLimit(2, 60000));
            }

            s_workerDone = !worker;
            s_alertsDone = !alerts;
            Thread.Sleep(200);
            uint idle = Free();
            long heldIdle = s_store.HeldBytes;
            long held = heldIdle;
            long t0 = DateTime.UtcNow.Ticks;
            if (pop3) { StartPop3(reader); }
            if (smtp) { s_smtpPort.Connect(sender); }
            if (worker) { new Thread(new ThreadStart(RunWorker)).Start(); }
            if (alerts) { new Thread(new ThreadStart(RaiseDigest)).Start(); }
            uint lowest = uint.MaxValue;
            long until = t0 + (WaitMs * 10000L);
            while (!((!pop3 || reader.IsClosed) && (!smtp || sender.IsClosed) && s_workerDone && s_alertsDone) && DateTime.UtcNow.Ticks < until)
            {
                uint f = Free();
                if (f < lowest)
                {
                    lowest = f;
                    held = s_store.HeldBytes;
                }

                Thread.Sleep(20);
            }

            Report(name + "-peak-use", (long)idle - lowest);
            Report(name + "-store-held", held - heldIdle);
            Report(name + "-ms", (DateTime.UtcNow.Ticks - t0) / 10000);
            if ((pop3 && !reader.Retrieved) || (smtp && !sender.Accepted) || !s_workerDone || !s_alertsDone)
            {
                Fail(name + ": did not complete");
            }
        }

        // As the device's SessionRunner: a session's exception is logged and its connection closed; the type is
        // printed so a failing run says what ended the session.
        private static void SessionFailed(string name, Exception e, NanoRelay.Ports.IConnection connection)
        {
            Debug.WriteLine("SESSION-FAILED " + name + " " + e.GetType().FullName + ": " + e.Message);
            connection.Close();
        }

        // Phase 3: what phase 2 queued (the ingress message, the alerts, the digest) goes upstream.
        private static void Drain()
        {
            Report("alerts-held-after-phase-2", s_spooler.HeldCount);   // out of memory while written: kept, not lost
            s_spooler.FlushHeld();
            s_worker.RunDue();
            long expected = 1 + 1 + s_engine.MessagesRaised;
            if (s_spool.Count != 0 || s_sink.Count != expected)
            {
                Fail("drain: " + s_spool.Count + " left in the spool, " + s_sink.Count + " of " + expected + " upstream");
            }

            if (s_store.Mismatches != 0 || s_sink.Failure != null)
            {
                Fail(s_sink.Failure != null ? s_sink.Failure : "store: " + s_store.Mismatches + " body mismatches");
            }

            for (int i = 1; i < s_sink.Count; i++)
            {
                Report("upstream-message-" + (i + 1) + "-octets", s_sink.LengthOf(i));
            }
        }

        // DeviceServices.ServePop3: a place under the cap, the driver, the place given back.
        private sealed class ImapRunner
        {
            private readonly NanoRelay.Imap.Server.ImapServer _server;
            private readonly ScriptedPeer _connection;

            public ImapRunner(NanoRelay.Imap.Server.ImapServer server, ScriptedPeer connection)
            {
                _server = server;
                _connection = connection;
            }

            public void Run()
            {
                NanoRelay.Ports.ISessionSlot slot = _server.EnterSession();
                if (slot == null)
                {
                    _server.RefuseBusy(_connection);
                    return;
                }

                NanoRelay.Imap.Server.ImapServerDriver driver = new NanoRelay.Imap.Server.ImapServerDriver(_server, _connection, Limits.ImapTransferChunk);
                driver.Slot = slot;
                driver.Run();
            }
        }

        private sealed class SmtpRunner
        {
            private readonly SmtpServer _server;
            private readonly NanoRelay.Ports.IConnection _connection;

            public SmtpRunner(SmtpServer server, NanoRelay.Ports.IConnection connection)
            {
                _server = server;
                _connection = connection;
            }

            public void Run()
            {
                NanoRelay.Ports.ISessionSlot slot = _server.EnterSession();
                if (slot == null)
                {
                    _server.RefuseBusy(_connection);
                    return;
                }

                try
                {
                    _server.Serve(_connection, slot);
                }
                catch (Exception e)
                {
                    SessionFailed("smtp", e, _connection);
                }
                finally
                {
                    slot.Release();
                }
            }
        }

        private sealed class Pop3Runner
        {
            private readonly Pop3Server _server;
            private readonly ScriptedPeer _connection;

            public Pop3Runner(Pop3Server server, ScriptedPeer connection)
            {
                _server = server;
                _connection = connection;
            }

            public void Run()
            {
                NanoRelay.Ports.ISessionSlot slot = _server.EnterSession();
                if (slot == null)
                {
                    _server.RefuseBusy(_connection);
                    return;
                }

                try
                {
                    Pop3ServerDriver driver = new Pop3ServerDriver(_server, _connection, Limits.Pop3TransferChunk);
                    driver.Heap = s_heap;
                    driver.Slot = slot;
                    driver.Run();
                }
                catch (Exception e)
                {
                    SessionFailed("pop3", e, _connection);
                }
                finally
                {
                    slot.Release();
                }
            }
        }
    }
}
