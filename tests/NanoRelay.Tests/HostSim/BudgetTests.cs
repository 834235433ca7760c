using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Config;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Budget;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>Board budgets: the sums, the warnings, board.json, and the status line.</summary>
    [TestClass]
    public class BudgetTests
    {
        private static readonly BoardBudget C3 = new BoardBudget("esp32c3", 54 * 1024, 2, 2, 1, 256 * 1024);
        private static readonly SessionCosts Costs = new SessionCosts(4096, 6144, 64, 16384, true);

        [TestMethod]
        public void Plan_SumsSessionsSpoolIndexAndBase()
        {
            HostConfig config = new HostConfig();
            BudgetPlan plan = BudgetPlan.For(config, C3, Costs);
            Assert.AreEqual(2, plan.Pop3Sessions);
            Assert.AreEqual(2, plan.SmtpSessions);
            Assert.AreEqual(256 * 1024 / BudgetPlan.SmallMessageBytes, plan.SpoolIndexEntries);   // the board's spool is the smaller
            Assert.AreEqual(16384 + (2 * 4096) + (2 * 6144) + (128 * 64), plan.RequiredBytes);
            Assert.AreEqual("2 POP3 \u00D7 4.0 KB + 2 SMTP \u00D7 6.0 KB + spool index 128 \u00D7 64 B + base 16.0 KB", plan.Breakdown);
        }

        [TestMethod]
        public void FitsWithRoom_OnlyTheSpoolWarning()
        {
            HostConfig config = new HostConfig();
            BudgetPlan plan = BudgetPlan.For(config, C3, Costs);   // 44.0 KB of 54.0 KB: 81%
            string[] w = BudgetCheck.Warnings(C3 with { HeapBytes = 96 * 1024 }, plan).ToArray();
            Assert.AreEqual(1, w.Length);
            Assert.AreEqual("spool.maxBytes 8.0 MB is more than esp32c3 has for the spool (256.0 KB): the board will refuse mail at 256.0 KB", w[0]);
        }

        [TestMethod]
        public void Tight_WarnsBelow20PercentHeadroom()
        {
            HostConfig config = new HostConfig { Spool = new SpoolSection { MaxBytes = 128 * 1024 } };
            BoardBudget small = C3 with { HeapBytes = 48 * 1024 };   // needs 40.0 KB: fits, 83% full
            string[] w = BudgetCheck.Warnings(small, BudgetPlan.For(config, small, Costs)).ToArray();
            Assert.AreEqual(1, w.Length);
            Assert.AreEqual("tight on esp32c3: 2 POP3 \u00D7 4.0 KB + 2 SMTP \u00D7 6.0 KB + spool index 64 \u00D7 64 B + base 16.0 KB = 40.0 KB leaves less than 20% of the 48.0 KB heap", w[0]);
        }

        [TestMethod]
        public void ImapSessions_CountAtTheirEstimate_AndAreNamedInTheWarning()
        {
            HostConfig config = new HostConfig { Spool = new SpoolSection { MaxBytes = 128 * 1024 } };
            BoardBudget imap = C3 with { MaxImapSessions = 1 };   // 40.0 KB + one IMAP session of ~38 KB > 54 KB
            BudgetPlan plan = BudgetPlan.For(config, imap, Costs);
            Assert.AreEqual(1, plan.ImapSessions);
            Assert.AreEqual(16384 + (2 * 4096) + (2 * 6144) + (64 * 64) + SessionCosts.ImapEstimate, plan.RequiredBytes);
            string[] w = BudgetCheck.Warnings(imap, plan).ToArray();
            Assert.AreEqual(1, w.Length);
            StringAssert.StartsWith(w[0], "does not fit esp32c3: 2 POP3 \u00D7 4.0 KB + 2 SMTP \u00D7 6.0 KB + 1 IMAP \u00D7 38.0 KB (estimated) + spool index 64");
            Assert.AreEqual(0, BudgetPlan.For(config, C3, Costs).ImapSessions, "a board without sessions.imap plans no IMAP");
        }

        [TestMethod]
        public void DoesNotFit_SaysWhyInOneLine()
        {
            HostConfig config = new HostConfig { Spool = new SpoolSection { MaxBytes = 128 * 1024 } };
            BoardBudget many = C3 with { MaxPop3Sessions = 4, MaxSmtpSessions = 4 };
            string[] w = BudgetCheck.Warnings(many, BudgetPlan.For(config, many, Costs)).ToArray();
            Assert.AreEqual(1, w.Length);
            Assert.AreEqual("does not fit esp32c3: 4 POP3 \u00D7 4.0 KB + 4 SMTP \u00D7 6.0 KB + spool index 64 \u00D7 64 B + base 16.0 KB = 60.0 KB > heap 54.0 KB", w[0]);
        }

        [TestMethod]
        public void UnmeasuredCosts_AreMarkedEstimated()
        {
            HostConfig config = new HostConfig { Spool = new SpoolSection { MaxBytes = 128 * 1024 } };
            BoardBudget tiny = C3 with { HeapBytes = 16384 };
            string[] w = BudgetCheck.Warnings(tiny, BudgetPlan.For(config, tiny, SessionCosts.Estimated)).ToArray();
            StringAssert.Contains(w[0], " (estimated) > heap 16.0 KB");
        }

        [TestMethod]
        public void TwoTlsUsersOnAOneTlsBoard_TakeTurns()
        {
            HostConfig config = new HostConfig
            {
                Upstream = new UpstreamSection { Host = "smtp.example.com" },
                Pop3 = new Pop3Section { TlsListen = "127.0.0.1:9950" },
                Spool = new SpoolSection { MaxBytes = 65536 },
            };
            string[] w = BudgetCheck.Warnings(C3 with { HeapBytes = 1 << 20 }, BudgetPlan.For(config, C3, Costs)).ToArray();
            Assert.AreEqual(1, w.Length);
            Assert.AreEqual("TLS is used by upstream, pop3.tlsListen but esp32c3 runs 1 TLS session at a time: they will take turns", w[0]);
        }

        [TestMethod]
        public void ShippedBoards_BudgetWithTheCostsMeasuredOnTheNanoClr()
        {
            // board.json "memory" (bench/nanoclr/memory/run.sh) replaces the host-side stand-in in `run --board`.
            foreach (string name in new[] { "esp32-devkitc", "esp32-wrover", "esp32-c3", "esp32-s3", "wt32-eth01" })
            {
                BoardBudget b = BoardBudget.Find(name);
                Assert.IsTrue(b.Costs.Measured, name);
                Assert.AreEqual(new SessionCosts(3996, 4056, 556, 10496, true) { ImapSessionBytes = 42600, ImapMeasured = true }, b.Costs, name);
                string[] w = BudgetCheck.Warnings(b, BudgetPlan.For(new HostConfig(), b, b.Costs)).ToArray();
                Assert.IsFalse(w.Any(x => x.Contains("(estimated)")), string.Join("\n", w));
            }
        }

        [TestMethod]
        public void BoardWithoutMeasuredCosts_FallsBackToTheEstimate()
        {
            Assert.AreSame(SessionCosts.Estimated, C3.Costs);
        }

        [TestMethod]
        public void MeasuredOverTheHeap_IsReported()
        {
            Assert.IsNull(BudgetCheck.CheckMeasured(C3, 50 * 1024));
            Assert.AreEqual("the relay holds 60.0 KB of managed memory, more than esp32c3's heap of 54.0 KB", BudgetCheck.CheckMeasured(C3, 60 * 1024));
        }

        [TestMethod]
        public void BoardJson_IsReadWithTheCoresReader_TheShippedBoardsLoad()
        {
            // The shipped board files are the contract (boards/README.md); the host reads them with
            // the same core reader as the device.
            BoardBudget devkit = BoardBudget.Find("esp32-devkitc");
            // The heap gate's capacity: the budget less the idle relay, one POP3 and one SMTP session, and the reserve.
            Assert.AreEqual(new BoardBudget("esp32-devkitc", 65536, 1, 1, 1, 131072) { MeasuredCosts = devkit.MeasuredCosts, TransferHeapBytes = 65536 - 10496 - 3996 - 4056 - NanoRelay.Limits.HeapGateReserveBytes }, devkit);
            Assert.AreEqual(40960 - 10496 - 3996 - 4056 - NanoRelay.Limits.HeapGateReserveBytes, BoardBudget.Find("esp32-c3").TransferHeapBytes);
            foreach (string name in new[] { "esp32-wrover", "esp32-c3", "esp32-s3", "wt32-eth01" })
            {
                Assert.AreEqual(name, BoardBudget.Find(name).Name);
            }

            string dir = Directory.CreateTempSubdirectory("nanorelay-board").FullName;
            try
            {
                string board = Path.Combine(dir, "boards", "esp32-wroom");
                Directory.CreateDirectory(board);
                string text = File.ReadAllText(Path.Combine(RepoRoot(), "boards", "esp32-devkitc", "board.json"));
                File.WriteAllText(Path.Combine(board, "board.json"), text.Replace("\"managedHeapBudgetBytes\": 65536", "\"managedHeapBudgetBytes\": \"lots\""));
                ConfigException e = Assert.ThrowsExactly<ConfigException>(() => BoardBudget.Load(Path.Combine(board, "board.json")));
                StringAssert.StartsWith(e.Message, "board esp32-wroom: ");
                StringAssert.Contains(e.Message, "managedHeapBudgetBytes");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static string RepoRoot()
        {
            string d = AppContext.BaseDirectory;
            while (d != null && !File.Exists(Path.Combine(d, "nanoRelay.sln")))
            {
                d = Path.GetDirectoryName(d);
            }

            return d;
        }

        [TestMethod]
        [DataRow("../etc")]
        [DataRow("a/b")]
        [DataRow("")]
        public void BoardName_IsAFolderNameOnly(string name)
        {
            StringAssert.StartsWith(Assert.ThrowsExactly<ConfigException>(() => BoardBudget.Find(name)).Message, "--board: ");
        }

        [TestMethod]
        public void StatusLine_WithAndWithoutABoard()
        {
            DateTime now = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
            StatusSnapshot s = new StatusSnapshot
            {
                Uptime = TimeSpan.FromSeconds(312),
                QueueDepth = 2,
                Pop3Sessions = 1,
                AlertsRaised = 4,
                LastDeliveryUtc = now.AddSeconds(-12),
                LastError = "connect smtp.example.com:587:\r\n refused",
                ManagedBytes = 42189,
                PeakManagedBytes = 51300,
                HeapBudgetBytes = 96 * 1024,
                BoardName = "esp32",
            };
            Assert.AreEqual("up 0:05:12 | queue 2 | pop3 1 imap 0 smtp 0 | alerts 4 | last delivery 12 s ago | last error connect smtp.example.com:587:   refused | memory 41.2 KB / 96.0 KB esp32 (42%)", StatusLine.Render(s, now));
            Assert.AreEqual("41.2 KB (peak 50.1 KB)", StatusLine.Memory(s with { HeapBudgetBytes = null }));
            Assert.AreEqual("120.0 KB / 96.0 KB esp32 (125%, OVER BUDGET)", StatusLine.Memory(s with { ManagedBytes = 120 * 1024 }));
            string table = StatusLine.RenderTable(s with { LastDeliveryUtc = null, LastError = null }, now);
            StringAssert.Contains(table, "  last delivery  none\n");
            StringAssert.Contains(table, "  memory peak    50.1 KB (52% of the heap)\n");
            Assert.IsFalse(table.Contains("heap gate"), "no board, no gate");

            NanoRelay.Supervision.HeapGate gate = new NanoRelay.Supervision.HeapGate(16268, 0);
            Assert.IsTrue(gate.TryEnter(8448));
            Assert.IsTrue(gate.TryEnter(7168));
            Assert.IsFalse(gate.TryEnter(6400));
            Assert.IsFalse(gate.Enter(6144), "no wait: goes ahead without room");
            StringAssert.Contains(StatusLine.RenderTable(s with { HeapGate = RelayServices.HeapGateAccount(gate, 0) }, now),
                "  heap gate      peak 21.3 KB of 15.9 KB admitted at once; 1 session waited (1 went ahead without room); 2 deferrals of background work (relay rounds 0)\n");
        }
    }

    /// <summary>The ticker writes the status line in place on a terminal, a line at a time elsewhere.</summary>
    [TestClass]
    public class StatusTickerTests
    {
        [TestMethod]
        public void InPlace_RewritesTheLineAndEndsItOnStop()
        {
            System.IO.StringWriter w = new System.IO.StringWriter();
            int n = 0;
            StatusTicker t = new StatusTicker(() => new StatusSnapshot { QueueDepth = n++ == 0 ? 12 : 3 }, w, TimeSpan.FromHours(1), true);
            t.WriteOnce();
            t.WriteOnce();
            t.Start();
            t.Stop();
            string text = w.ToString();
            StringAssert.StartsWith(text, "\rup 0:00:00 | queue 12 |");
            StringAssert.Contains(text, "\rup 0:00:00 | queue 3 |");
            StringAssert.EndsWith(text, " \n");   // the shorter line blanks the longer one's tail, then a newline
        }

        [TestMethod]
        public void Redirected_OneLinePerTick()
        {
            System.IO.StringWriter w = new System.IO.StringWriter();
            int ticks = 0;
            StatusTicker t = new StatusTicker(() => { System.Threading.Interlocked.Increment(ref ticks); return new StatusSnapshot(); }, w, TimeSpan.FromMilliseconds(5), false);
            t.Start();
            System.Threading.SpinWait.SpinUntil(() => System.Threading.Volatile.Read(ref ticks) > 3, TimeSpan.FromSeconds(10));
            t.Stop();   // joins the ticker thread: the writer is ours again
            string[] lines = w.ToString().TrimEnd('\n').Split('\n');
            Assert.IsTrue(lines.Length >= 3);
            Assert.IsTrue(lines.All(l => l.StartsWith("up 0:00:00 | queue 0 | pop3 0 imap 0 smtp 0 | alerts 0 | last delivery none | last error none | memory 0 B (peak 0 B)")));
        }
    }

    /// <summary>MemoryMeter measures what is really held; alone, since the GC counts every thread's objects.</summary>
    [TestClass]
    [DoNotParallelize]
    public class MemoryMeterTests
    {
        // A field filled and cleared in methods of their own: unoptimised code keeps
        // temporaries alive to the end of the method that made them.
        private byte[][] _relay;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void HoldFourArrays()
        {
            _relay = new byte[4][];
            for (int i = 0; i < _relay.Length; i++)
            {
                _relay[i] = new byte[100_000];
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Release()
        {
            _relay = null;
        }

        [TestMethod]
        public void Retained_SeesAnObjectGraphItsSize()
        {
            // GC.GetTotalMemory counts every thread: a round disturbed by a background thread of an
            // earlier test class is measured again (at most three rounds); the bounds do not move.
            long held = 0;
            object kept = null;
            for (int round = 0; round < 3; round++)
            {
                // The last round's array is let go first: kept alive into the next round, it would
                // die while the new one is made and the retry would measure about 0 (CI saw "measured 0").
                kept = null;
                held = MemoryMeter.Retained(() => new byte[200_000], out kept);
                if (held >= 200_000 - 16 * 1024 && held < 200_000 + 64 * 1024)
                {
                    break;
                }
            }

            Assert.IsNotNull(kept);
            Assert.IsTrue(held >= 200_000 - 16 * 1024 && held < 200_000 + 64 * 1024, "measured " + held);
        }

        [TestMethod]
        public void Sample_IsTheDifferenceFromTheBaseline_AndKeepsThePeak()
        {
            MemoryMeter meter = null;
            long held = 0, after = 0;
            for (int round = 0; round < 3; round++)
            {
                // Measured again when another thread's frees disturb the round (see Retained_...).
                meter = new MemoryMeter();
                meter.MarkBaseline();
                HoldFourArrays();
                held = meter.Sample();
                Release();
                after = meter.Sample();
                if (held >= 400_000 - 16 * 1024 && held < 400_000 + 64 * 1024 && after < 64 * 1024)
                {
                    break;
                }
            }

            Assert.IsTrue(held >= 400_000 - 16 * 1024 && held < 400_000 + 64 * 1024, "measured " + held);
            Assert.IsTrue(after < 64 * 1024, "after release " + after + " (held " + held + ", baseline " + meter.Baseline + ")");
            Assert.AreEqual(held, meter.Peak);
        }
    }
}
