using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Boards;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// boards/*/board.json read with the core's BoardProfile, then checked against the limits the core
    /// enforces and the hardware facts of docs/nanoframework.md (numbers quoted where used).
    /// </summary>
    [TestClass]
    public class BoardFilesTests
    {
        private static string[] BoardFolders() =>
            Directory.GetDirectories(RepoFiles.PathOf("boards")).Select(Path.GetFileName).OrderBy(n => n).ToArray();

        private static BoardProfile Load(string folder)
        {
            string json = File.ReadAllText(RepoFiles.PathOf("boards/" + folder + "/board.json"));
            BoardProfile b = BoardProfile.Parse(json, out string error);
            Assert.IsNull(error, folder + ": " + error);
            return b;
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "ESP32_REV0", false, "wifi")]
        [DataRow("esp32-wrover", "ESP32_PSRAM_REV0", true, "wifi")]
        [DataRow("esp32-c3", "ESP32_C3", false, "wifi")]
        [DataRow("esp32-s3", "ESP32_S3_OCTAL", true, "wifi")]
        [DataRow("wt32-eth01", "ESP32_WT32_ETH01", false, "ethernet")]
        public void SupportedBoard_HasItsTargetMemoryAndNetwork(string folder, string target, bool psram, string network)
        {
            BoardProfile b = Load(folder);
            Assert.AreEqual(folder, b.Name);
            Assert.AreEqual(target, b.Target);
            Assert.AreEqual(psram, b.Psram);
            Assert.AreEqual(network, b.Network);
        }

        [TestMethod]
        public void EveryBoardFolder_ParsesAndFitsTheCoreLimits()
        {
            string[] folders = BoardFolders();
            Assert.IsTrue(folders.Length >= 5, "boards: " + string.Join(", ", folders));
            foreach (string f in folders)
            {
                BoardProfile b = Load(f);
                string at = f + ": ";

                // docs/nanoframework.md §4.3: 16 sockets (CONFIG_LWIP_MAX_SOCKETS) for everything, DNS and SNTP included;
                // listening sockets: 8, 4 on the C3 build.
                // IMAP, where the board serves it, adds its two listeners and its sessions.
                int needed = 3 + b.Pop3Sessions + b.SmtpIngressSessions + 1 + 2 + (b.ImapSessions > 0 ? 2 + b.ImapSessions : 0);
                Assert.AreEqual(needed, b.SocketsNeeded, at + "socket arithmetic");
                Assert.IsTrue(needed <= 16, at + needed + " sockets");
                Assert.IsTrue(b.SocketsMax <= 16 && b.ListeningSocketsMax <= 8 && b.ListeningSocketsMax >= 3, at + "sockets");

                // docs/nanoframework.md §4.2: one TLS session at a time without PSRAM.
                if (!b.Psram)
                {
                    Assert.AreEqual(1, b.TlsSessions, at + "tls.sessions");
                    Assert.IsTrue(b.ManagedHeapBudgetBytes <= 110 * 1024, at + "heap budget above the 60-110 KB of a non-PSRAM ESP32");
                }

                // docs/nanoframework.md §2.3 partition tables: 4 MB flash = 1792 KB deploy + 256 KB I:, 8 MB = 2752 KB + 2 MB.
                if (b.FlashBytes == 4 * 1024 * 1024)
                {
                    Assert.AreEqual(1792L * 1024, b.DeployBytes, at + "deployBytes");
                    Assert.AreEqual(256L * 1024, b.InternalFsBytes, at + "internalFsBytes");
                }
                else
                {
                    Assert.AreEqual(8L * 1024 * 1024, b.FlashBytes, at + "flash size without a known partition table");
                    Assert.AreEqual(2752L * 1024, b.DeployBytes, at + "deployBytes");
                    Assert.AreEqual(2L * 1024 * 1024, b.InternalFsBytes, at + "internalFsBytes");
                }

                if (b.SpoolDrive == "I")
                {
                    Assert.IsTrue(b.SpoolMaxBytes + BoardProfile.InternalFsReserveBytes <= b.InternalFsBytes, at + "spool vs I:");
                }

                Assert.AreEqual(b.Sensors.Length, b.Sensors.Select(s => s.Name).Distinct().Count(), at + "sensor names");
            }
        }

        [TestMethod]
        public void EveryBoard_CarriesTheMemoryMeasuredOnTheNanoClr()
        {
            foreach (string f in BoardFolders())
            {
                BoardProfile b = Load(f);
                Assert.IsNull(b.Validate(), f);
                Assert.IsTrue(b.HasMeasuredMemory, f);
                StringAssert.Contains(b.MemorySource, "nanoCLR", f);
                Assert.IsTrue(b.MemoryPop3SessionBytes > 0 && b.MemorySmtpSessionBytes > 0 && b.MemorySpoolEntryBytes > 0, f);
            }
        }

        [TestMethod]
        public void MemoryFigures_ComeAsASet()
        {
            string json = File.ReadAllText(RepoFiles.PathOf("boards/esp32-c3/board.json"));
            BoardProfile b = BoardProfile.Parse(json.Replace("\"spoolEntryBytes\"", "\"spoolEntry\""), out string error);
            Assert.IsNull(b);
            Assert.AreEqual("memory: needs source, baseBytes, pop3SessionBytes, smtpSessionBytes and spoolEntryBytes, each above 0", error);

            BoardProfile none = BoardProfile.Parse(System.Text.RegularExpressions.Regex.Replace(json, "\"memory\": \\{[^}]*\\},", ""), out error);
            Assert.IsNull(error, error);
            Assert.IsFalse(none.HasMeasuredMemory);
            Assert.IsNull(none.Validate());
        }

        [TestMethod]
        public void EspC3_HasNoSdCard_SpoolsToInternalFlash_AndFitsItsMeasuredHeap()
        {
            BoardProfile b = Load("esp32-c3");

            // docs/nanoframework.md §2.3: SD support is not compiled into ESP32_C3; §4.1: 54,472 bytes of managed heap measured.
            Assert.IsFalse(b.SdCard);
            Assert.AreEqual("I", b.SpoolDrive);
            Assert.IsTrue(b.ManagedHeapBudgetBytes < 54472);

            // docs/nanoframework.md §4.3: CONFIG_LWIP_MAX_LISTENING_TCP=4 in sdkconfig.default.esp32c3.
            Assert.AreEqual(4, b.ListeningSocketsMax);

            // The C3 has ADC1 channels 0-4 and GPIO 0-21.
            foreach (SensorPin p in b.Sensors)
            {
                Assert.IsTrue(p.Input == "adc" ? p.Number <= 4 : p.Number <= 21, p.Name);
            }
        }

        [TestMethod]
        public void EveryBoard_HasAReadmeWithTheNanoffCommandsForItsTarget()
        {
            foreach (string f in BoardFolders())
            {
                BoardProfile b = Load(f);
                string readme = File.ReadAllText(RepoFiles.PathOf("boards/" + f + "/README.md"));
                Assert.IsTrue(readme.Contains("nanoff --update --target " + b.Target), f + ": firmware flash command");
                Assert.IsTrue(readme.Contains("--deploy --image"), f + ": app deploy command");
                Assert.IsTrue(readme.Contains("--filedeployment"), f + ": nanorelay.json upload");
                Assert.IsTrue(readme.Contains("board.json") && readme.Contains("nanorelay.json"), f + ": uploads both files");
                Assert.IsTrue(readme.Contains("CACertificatesPath") || readme.Contains("trustedCaFile"), f + ": CA certificate upload");
                Assert.IsTrue(readme.Contains("deploy.json"), f + ": deploy.json example");
            }
        }

        [TestMethod]
        public void BoardsIndex_ListsEveryBoardFolder()
        {
            string index = File.ReadAllText(RepoFiles.PathOf("boards/README.md"));
            foreach (string f in BoardFolders())
            {
                Assert.IsTrue(index.Contains("(" + f + "/README.md)"), f + " missing from boards/README.md");
            }
        }
    }
}
