using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Fuzz;
using NanoRelay.Tests.Firmware;

namespace NanoRelay.Tests.Fuzz
{
    /// <summary>
    /// The fuzz targets of bench/fuzz run over the committed seed corpus and every saved finding,
    /// without a fuzzer: deterministic, fast, and it keeps the targets compiled and their
    /// invariants holding (a target throws when the core throws or an invariant breaks).
    /// </summary>
    [TestClass]
    public class CorpusReplayTests
    {
        private static string[] InputsOf(string target)
        {
            return new[] { "bench/fuzz/corpus/" + target, "bench/fuzz/findings/" + target }
                .Select(RepoFiles.PathOf)
                .Where(Directory.Exists)
                .SelectMany(Directory.GetFiles)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
        }

        [TestMethod]
        [DataRow("framer")]
        [DataRow("smtp-reply")]
        [DataRow("smtp-server")]
        [DataRow("pop3-session")]
        [DataRow("mime-roundtrip")]
        [DataRow("spool-recovery")]
        [DataRow("dns-response")]
        public void Target_RunsOverItsCorpus_WithoutAFailure(string target)
        {
            Action<byte[]> run = Targets.Find(target);
            Assert.IsNotNull(run, target);
            string[] inputs = InputsOf(target);
            Assert.IsTrue(inputs.Length >= 5, target + ": the seed corpus is missing (" + inputs.Length + " files)");
            foreach (string path in inputs)
            {
                try
                {
                    run(File.ReadAllBytes(path));
                }
                catch (Exception e)
                {
                    Assert.Fail(Path.GetRelativePath(RepoFiles.Root, path) + ": " + e.GetType().Name + ": " + e.Message);
                }
            }
        }

        [TestMethod]
        public void EveryTarget_HasATestRow_AndTheCorpusStaysSmall()
        {
            string[] rows = typeof(CorpusReplayTests).GetMethod(nameof(Target_RunsOverItsCorpus_WithoutAFailure))
                .GetCustomAttributes(typeof(DataRowAttribute), false).Cast<DataRowAttribute>().Select(r => (string)r.Data[0]).ToArray();
            CollectionAssert.AreEquivalent(Targets.All.Select(t => t.Name).ToArray(), rows);
            long bytes = Directory.GetFiles(RepoFiles.PathOf("bench/fuzz/corpus"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Assert.IsTrue(bytes < 1024 * 1024, "committed corpus " + bytes + " bytes");
        }

        [TestMethod]
        public void MimeSeeds_AreWritten_NotRefused()
        {
            // A refused message ends the target early: seeds that are all refused fuzz nothing of the writer.
            foreach (byte[] seed in Seeds.For("mime-roundtrip"))
            {
                Assert.AreEqual(NanoRelay.Mime.MimeWriteResult.Written, MimeRoundTripTarget.Write(seed));
            }
        }

        [TestMethod]
        public void SeedFiles_AreWhatSeedsMakes()
        {
            // The seeds are made by code (NanoRelay.Fuzz seeds DIR); the committed files must not drift from it.
            foreach (var t in Targets.All)
            {
                byte[][] made = Seeds.For(t.Name).ToArray();
                for (int i = 0; i < made.Length; i++)
                {
                    string path = RepoFiles.PathOf("bench/fuzz/corpus/" + t.Name + "/seed-" + i.ToString("00"));
                    Assert.IsTrue(File.Exists(path), path);
                    CollectionAssert.AreEqual(made[i], File.ReadAllBytes(path), path);
                }
            }
        }
    }
}
