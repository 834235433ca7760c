using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Budget;
using NanoRelay.Tests.Firmware;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// run --board NAME from any working directory and from a copied or published binary
    /// (issue 13, item 7): the board files travel with the program and are looked up beside it
    /// first, then in a boards/ folder above the working directory or the program.
    /// </summary>
    [TestClass]
    public class BoardLocatorTests
    {
        private static string[] RepoBoards()
        {
            return Directory.GetDirectories(RepoFiles.PathOf("boards"))
                .Where(d => File.Exists(Path.Combine(d, "board.json")))
                .Select(Path.GetFileName)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
        }

        private static string BoardFileIn(string root, string name)
        {
            string dir = Path.Combine(root, "boards", name);
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, "board.json");
            File.Copy(RepoFiles.PathOf("boards/" + name + "/board.json"), path);
            return path;
        }

        [TestMethod]
        public void BesideTheProgram_IsFound_FromAWorkingDirectoryWithNoBoardsAbove()
        {
            string program = HostSimProcess.TempDirectory();
            string cwd = HostSimProcess.TempDirectory();
            try
            {
                string expected = BoardFileIn(program, "esp32-c3");
                Assert.AreEqual(expected, BoardBudget.Locate("esp32-c3", program, cwd));
                Assert.AreEqual("esp32-c3", BoardBudget.Load(expected).Name);
            }
            finally
            {
                Directory.Delete(program, true);
                Directory.Delete(cwd, true);
            }
        }

        [TestMethod]
        public void BesideTheProgram_ComesBefore_ABoardsFolderAboveTheWorkingDirectory()
        {
            string program = HostSimProcess.TempDirectory();
            string checkout = HostSimProcess.TempDirectory();
            try
            {
                string beside = BoardFileIn(program, "esp32-devkitc");
                BoardFileIn(checkout, "esp32-devkitc");
                string cwd = Path.Combine(checkout, "some", "where");
                Directory.CreateDirectory(cwd);
                Assert.AreEqual(beside, BoardBudget.Locate("esp32-devkitc", program, cwd));

                // Without the copy beside the program, the checkout's boards/ above the working directory.
                File.Delete(beside);
                Assert.AreEqual(Path.Combine(checkout, "boards", "esp32-devkitc", "board.json"), BoardBudget.Locate("esp32-devkitc", program, cwd));
            }
            finally
            {
                Directory.Delete(program, true);
                Directory.Delete(checkout, true);
            }
        }

        [TestMethod]
        public void Nowhere_IsAConfigError_NamingBothPlaces()
        {
            string program = HostSimProcess.TempDirectory();
            string cwd = HostSimProcess.TempDirectory();
            try
            {
                ConfigException e = Assert.ThrowsExactly<ConfigException>(() => BoardBudget.Locate("esp32-c3", program, cwd));
                StringAssert.StartsWith(e.Message, "--board: no boards/esp32-c3/board.json");
                StringAssert.Contains(e.Message, program);
                StringAssert.Contains(e.Message, cwd);
            }
            finally
            {
                Directory.Delete(program, true);
                Directory.Delete(cwd, true);
            }
        }

        [TestMethod]
        public void BuildOutput_CarriesEveryBoardFile_ByteForByte()
        {
            string[] boards = RepoBoards();
            Assert.IsTrue(boards.Length >= 5, string.Join(", ", boards));
            foreach (string name in boards)
            {
                string copy = Path.Combine(AppContext.BaseDirectory, "boards", name, "board.json");
                Assert.IsTrue(File.Exists(copy), copy + " is missing: hostsim's csproj copies boards/**/board.json to its output");
                CollectionAssert.AreEqual(File.ReadAllBytes(RepoFiles.PathOf("boards/" + name + "/board.json")), File.ReadAllBytes(copy), name);
            }
        }

        [TestMethod]
        [Timeout(120000)]
        public void CopiedBinary_OutsideTheCheckout_RunsWithItsBoard()
        {
            // The simulator's own build output (hostsim/bin/CONFIG/net10.0: the program, its
            // dependencies and boards/, what `dotnet publish` carries too), copied to a directory
            // with no boards/ above it and run from another directory.
            string config = new DirectoryInfo(AppContext.BaseDirectory).Parent.Name;
            string output = RepoFiles.PathOf("hostsim/bin/" + config + "/net10.0");
            Assert.IsTrue(File.Exists(Path.Combine(output, "nanorelay-hostsim.dll")), output);
            string program = HostSimProcess.TempDirectory();
            string cwd = HostSimProcess.TempDirectory();
            try
            {
                foreach (string file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
                {
                    string target = Path.Combine(program, Path.GetRelativePath(output, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target));
                    File.Copy(file, target);
                }

                Assert.IsFalse(Directory.Exists(Path.Combine(Path.GetDirectoryName(program), "boards")), "the copy must have no boards/ above it");
                using HostSimProcess sim = HostSimProcess.StartProgram(Path.Combine(program, "nanorelay-hostsim.dll"), cwd,
                    "run", "--board", "esp32-devkitc", "--data", "d",
                    "--pop3", "127.0.0.1:" + HostSimProcess.FreePort(), "--smtp", "127.0.0.1:" + HostSimProcess.FreePort());
                Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);
                sim.Interrupt();
                Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);
                StringAssert.Contains(sim.Stdout, "esp32-devkitc", sim.Output);
            }
            finally
            {
                Directory.Delete(program, true);
                Directory.Delete(cwd, true);
            }
        }
    }
}
