using System;
using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>`run --status-file`: the snapshot as JSON, rewritten every period, a last time at stop.</summary>
    [TestClass]
    public class StatusFileTests
    {
        [TestMethod]
        public void Render_NamesEveryFigureInBytes()
        {
            StatusSnapshot s = new StatusSnapshot
            {
                Uptime = TimeSpan.FromSeconds(312.7),
                QueueDepth = 2,
                Pop3Sessions = 1,
                SmtpSessions = 3,
                ManagedBytes = 42189,
                PeakManagedBytes = 51300,
                HeapBudgetBytes = 65536,
                BoardName = "esp32-devkitc",
            };
            using JsonDocument d = JsonDocument.Parse(StatusFile.Render(s));
            JsonElement r = d.RootElement;
            Assert.AreEqual(312, r.GetProperty("uptimeSeconds").GetInt64());
            Assert.AreEqual(2, r.GetProperty("queueDepth").GetInt32());
            Assert.AreEqual(1, r.GetProperty("pop3Sessions").GetInt32());
            Assert.AreEqual(3, r.GetProperty("smtpSessions").GetInt32());
            Assert.AreEqual(42189, r.GetProperty("managedBytes").GetInt64());
            Assert.AreEqual(51300, r.GetProperty("peakManagedBytes").GetInt64());
            Assert.AreEqual(65536, r.GetProperty("heapBudgetBytes").GetInt64());
            Assert.AreEqual("esp32-devkitc", r.GetProperty("board").GetString());
            Assert.AreEqual(JsonValueKind.Null, r.GetProperty("lastError").ValueKind);
        }

        [TestMethod]
        public void Render_WithoutBoard_BudgetIsNull()
        {
            using JsonDocument d = JsonDocument.Parse(StatusFile.Render(new StatusSnapshot()));
            Assert.AreEqual(JsonValueKind.Null, d.RootElement.GetProperty("heapBudgetBytes").ValueKind);
            Assert.AreEqual(JsonValueKind.Null, d.RootElement.GetProperty("board").ValueKind);
        }

        [TestMethod]
        public void StartAndStop_RewriteTheFileWithTheLatestSnapshot()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanorelay-statusfile-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string path = Path.Combine(dir, "status.json");
                int n = 0;
                StatusFile f = new StatusFile(() => new StatusSnapshot { QueueDepth = System.Threading.Interlocked.Increment(ref n) }, path, TimeSpan.FromHours(1));
                f.Start();
                Assert.AreEqual(1, QueueDepthIn(path));   // written at once, before the first period
                f.Stop();
                Assert.AreEqual(2, QueueDepthIn(path));   // and a last time at stop
                Assert.IsFalse(File.Exists(path + ".tmp"));
                f.Stop();                                 // idempotent: no third write
                Assert.AreEqual(2, n);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static int QueueDepthIn(string path)
        {
            using JsonDocument d = JsonDocument.Parse(File.ReadAllText(path));
            return d.RootElement.GetProperty("queueDepth").GetInt32();
        }
    }
}
