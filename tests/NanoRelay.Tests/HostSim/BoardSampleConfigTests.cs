using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Config;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Budget;
using NanoRelay.Tests.Firmware;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// boards/NAME/nanorelay.sample.json: every board has one, it loads with the host's config
    /// reader (the schema of docs/architecture.md §7, validated), and it fits its board: no "does not fit" and no
    /// spool larger than the board's flash spool, with sensors named after the board's sensor pins.
    /// </summary>
    [TestClass]
    public class BoardSampleConfigTests
    {
        private static string[] BoardFolders() =>
            Directory.GetDirectories(RepoFiles.PathOf("boards")).Where(d => File.Exists(Path.Combine(d, "board.json"))).Select(Path.GetFileName).OrderBy(n => n).ToArray();

        [TestMethod]
        public void EveryBoard_HasASampleConfig()
        {
            string[] boards = BoardFolders();
            Assert.IsTrue(boards.Length >= 5, string.Join(", ", boards));
            foreach (string board in boards)
            {
                Assert.IsTrue(File.Exists(RepoFiles.PathOf("boards/" + board + "/nanorelay.sample.json")), board);
            }
        }

        [TestMethod]
        [DataRow("esp32-devkitc")]
        [DataRow("esp32-wrover")]
        [DataRow("esp32-c3")]
        [DataRow("esp32-s3")]
        [DataRow("wt32-eth01")]
        public void SampleConfig_LoadsAndFitsItsBoard(string folder)
        {
            HostConfig config = HostConfig.Load(RepoFiles.PathOf("boards/" + folder + "/nanorelay.sample.json"));
            BoardBudget board = BoardBudget.Load(RepoFiles.PathOf("boards/" + folder + "/board.json"));

            string[] warnings = BudgetCheck.Warnings(board, BudgetPlan.For(config, board, SessionCosts.Estimated)).ToArray();
            Assert.IsFalse(warnings.Any(w => w.StartsWith("does not fit")), string.Join("\n", warnings));
            Assert.IsFalse(warnings.Any(w => w.StartsWith("spool.maxBytes")), string.Join("\n", warnings));
            Assert.IsTrue(config.Spool.MaxBytes <= board.SpoolBytes, config.Spool.MaxBytes + " > " + board.SpoolBytes);

            // A device config: it listens on the LAN and relays upstream. Implicit TLS stays off unless
            // asked for: a client that connects to it and stays silent would cost a handshake slot (README).
            Assert.IsNull(config.Pop3.TlsListen, "pop3.tlsListen");
            Assert.IsNull(config.Imap.TlsListen, "imap.tlsListen");

            // IMAP: the sample has an "imap" section exactly where the board has room for IMAP sessions
            // (the device serves IMAP only with both; boards/README.md says why the small boards have none).
            Assert.AreEqual(board.MaxImapSessions > 0, config.ImapGiven, folder + ": imap section vs sessions.imap " + board.MaxImapSessions);
            Assert.IsNotNull(config.Upstream, "upstream");
            Assert.AreNotEqual("none", config.Upstream.Tls);

            // Its sensors are the board's sensor inputs, by name.
            NanoRelay.Boards.BoardProfile pins = NanoRelay.Boards.BoardProfile.Parse(File.ReadAllText(RepoFiles.PathOf("boards/" + folder + "/board.json")), out string error);
            Assert.IsNull(error, error);
            string[] pinNames = pins.Sensors.Select(p => p.Name).ToArray();
            Assert.IsTrue(config.Sensors.Length is >= 1 and <= 2, config.Sensors.Length.ToString());
            foreach (SensorSection s in config.Sensors)
            {
                CollectionAssert.Contains(pinNames, s.Name, folder + ": sensor '" + s.Name + "' is not one of the board's inputs " + string.Join(", ", pinNames));
            }
        }
    }
}
