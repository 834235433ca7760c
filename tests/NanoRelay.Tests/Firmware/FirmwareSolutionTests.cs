using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// One solution at the root, so `dotnet build` and `dotnet test` need no argument (issue 13,
    /// item 7); the device's Visual Studio solution lives in firmware/ and lists every .nfproj.
    /// </summary>
    [TestClass]
    public class FirmwareSolutionTests
    {
        [TestMethod]
        public void Root_HoldsOnlyTheHostSolution()
        {
            string[] solutions = Directory.GetFiles(RepoFiles.Root, "*.sln*").Select(Path.GetFileName).ToArray();
            CollectionAssert.AreEqual(new[] { "nanoRelay.sln" }, solutions, string.Join(", ", solutions));
        }

        [TestMethod]
        public void FirmwareSolution_ListsEveryNfproj_ByAPathThatExists()
        {
            string sln = RepoFiles.PathOf("firmware/nanoRelay.Firmware.sln");
            string folder = Path.GetDirectoryName(sln);
            string[] listed = Regex.Matches(File.ReadAllText(sln), "^Project\\(\"[^\"]*\"\\) = \"[^\"]*\", \"([^\"]*)\"", RegexOptions.Multiline)
                .Select(m => Path.GetFullPath(Path.Combine(folder, m.Groups[1].Value.Replace('\\', '/'))))
                .ToArray();
            foreach (string p in listed)
            {
                Assert.IsTrue(File.Exists(p), p);
            }

            string[] nfprojs = new[] { "firmware", "tests" }
                .SelectMany(d => Directory.GetFiles(RepoFiles.PathOf(d), "*.nfproj", SearchOption.AllDirectories))
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .Select(Path.GetFullPath)
                .ToArray();
            CollectionAssert.AreEquivalent(nfprojs, listed);
        }
    }
}
