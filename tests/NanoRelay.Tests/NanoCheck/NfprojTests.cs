using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.NanoCheck
{
    /// <summary>
    /// NanoRelay.Core.nfproj (for Visual Studio with the nanoFramework extension) cannot be built
    /// here, so its file list is kept equal to the core's .cs files on disk, and its packages.config
    /// to the CoreLibrary version the nano check compiles against.
    /// </summary>
    [TestClass]
    public class NfprojTests
    {
        private static string CoreDir => Path.Combine(NanoFiles.RepositoryRoot, "firmware", "NanoRelay.Core");

        private static readonly XNamespace Msb = "http://schemas.microsoft.com/developer/msbuild/2003";

        [TestMethod]
        public void CompileList_EqualsTheCoreSourcesOnDisk()
        {
            XDocument nfproj = XDocument.Load(Path.Combine(CoreDir, "NanoRelay.Core.nfproj"));
            var listed = nfproj.Descendants(Msb + "Compile").Select(e => (string)e.Attribute("Include")).ToList();
            string[] owned = OtherLibraryFolders();
            var onDisk = Directory.EnumerateFiles(CoreDir, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(CoreDir, f).Replace('/', '\\'))
                .Where(f => !f.StartsWith("bin\\") && !f.StartsWith("obj\\"))
                .Where(f => !owned.Any(o => f.StartsWith(o + "\\", System.StringComparison.Ordinal)))
                .ToList();

            var missing = onDisk.Except(listed).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
            var extra = listed.Except(onDisk).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
            var duplicated = listed.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            string fix = "\nRun firmware/NanoRelay.Core/update-nfproj.sh to regenerate the list.";
            Assert.AreEqual(0, missing.Count, "core files not listed in NanoRelay.Core.nfproj: " + string.Join(", ", missing) + fix);
            Assert.AreEqual(0, extra.Count, "NanoRelay.Core.nfproj lists files that do not exist: " + string.Join(", ", extra) + fix);
            Assert.AreEqual(0, duplicated.Count, "NanoRelay.Core.nfproj lists files twice: " + string.Join(", ", duplicated) + fix);
            CollectionAssert.Contains(listed, "Framing\\LineFramer.cs");
        }

        /// <summary>Core folders another device library links (firmware/*/*.nfproj); each belongs to one only.</summary>
        private static string[] OtherLibraryFolders()
        {
            string prefix = "..\\NanoRelay.Core\\";
            var folders = Directory.GetFiles(Path.Combine(NanoFiles.RepositoryRoot, "firmware"), "*.nfproj", SearchOption.AllDirectories)
                .Where(p => Path.GetFileName(p) != "NanoRelay.Core.nfproj")
                .SelectMany(p => XDocument.Load(p).Descendants(Msb + "Compile").Select(e => (string)e.Attribute("Include")))
                .Where(i => i.StartsWith(prefix, System.StringComparison.Ordinal) && i.EndsWith("\\**\\*.cs", System.StringComparison.Ordinal))
                .Select(i => i.Substring(prefix.Length, i.Length - prefix.Length - "\\**\\*.cs".Length))
                .ToList();
            Assert.AreEqual(folders.Count, folders.Distinct().Count(), "a core folder is linked by two device libraries: " + string.Join(", ", folders));
            return folders.ToArray();
        }

        [TestMethod]
        public void CoreIsSplitForTheDevice_SmtpAndRelayInTheirOwnLibrary_EveryFolderExists()
        {
            // One nanoFramework assembly holds at most 64 KB of byte code; the whole core is close to it.
            string[] owned = OtherLibraryFolders();
            CollectionAssert.IsSubsetOf(new[] { "Smtp", "Relay" }, owned);
            foreach (string folder in owned)
            {
                Assert.IsTrue(Directory.Exists(Path.Combine(CoreDir, folder.Replace('\\', '/'))), folder);
            }
        }

        [TestMethod]
        public void Nfproj_IsANanoFrameworkClassLibrary_ReferencingCoreLibrary1_17_11()
        {
            XDocument nfproj = XDocument.Load(Path.Combine(CoreDir, "NanoRelay.Core.nfproj"));
            Assert.AreEqual("{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", (string)nfproj.Descendants(Msb + "ProjectTypeGuids").Single());
            Assert.AreEqual("Library", (string)nfproj.Descendants(Msb + "OutputType").Single());
            XElement mscorlib = nfproj.Descendants(Msb + "Reference").Single(r => ((string)r.Attribute("Include")).StartsWith("mscorlib,"));
            StringAssert.Contains((string)mscorlib.Attribute("Include"), "Version=1.17.11.0");
            Assert.AreEqual("..\\packages\\nanoFramework.CoreLibrary.1.17.11\\lib\\mscorlib.dll", (string)mscorlib.Element(Msb + "HintPath"));
            var imports = nfproj.Descendants(Msb + "Import").Select(i => (string)i.Attribute("Project")).ToList();
            CollectionAssert.Contains(imports, "$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets");
        }

        [TestMethod]
        public void PackagesConfig_PinsCoreLibrary1_17_11_ForNetNano()
        {
            XDocument config = XDocument.Load(Path.Combine(CoreDir, "packages.config"));
            XElement core = config.Root.Elements("package").Single(p => (string)p.Attribute("id") == "nanoFramework.CoreLibrary");
            Assert.AreEqual("1.17.11", (string)core.Attribute("version"));
            Assert.AreEqual("netnano1.0", (string)core.Attribute("targetFramework"));
        }

        [TestMethod]
        public void PackagesConfig_AgreesWithTheVersionTheNanoCheckCompilesAgainst()
        {
            XDocument props = XDocument.Load(Path.Combine(NanoFiles.RepositoryRoot, "Directory.Packages.props"));
            string central = props.Descendants("PackageVersion").Where(p => (string)p.Attribute("Include") == "nanoFramework.CoreLibrary").Select(p => (string)p.Attribute("Version")).Single();
            Assert.AreEqual("1.17.11", central);
        }
    }
}
