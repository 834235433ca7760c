using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// What can be checked of the nanoFramework projects without the nanoFramework build: file lists,
    /// package pins, API namespaces, and that the device program stays glue.
    /// </summary>
    [TestClass]
    public class DeviceProjectTests
    {
        private const string DeviceFolder = "firmware/NanoRelay.Device";
        private const string DeviceProject = DeviceFolder + "/NanoRelay.Device.nfproj";
        private const string TestsFolder = "tests/NanoRelay.DeviceTests/Pop3";
        private const string TestsProject = TestsFolder + "/NanoRelay.DeviceTests.Pop3.nfproj";
        private const string TestingFolder = "tests/NanoRelay.Testing";
        private const string TestingProject = TestingFolder + "/NanoRelay.Testing.nfproj";

        // docs/nanoframework.md §2 (versions referenced by nanoframework/Samples @121ef04, all on
        // CoreLibrary 1.17.11) and §3.3 (TestFramework 3.0.80): package id -> version, assembly.
        private static readonly Dictionary<string, (string Version, string Assembly)> s_facts = new()
        {
            ["nanoFramework.CoreLibrary"] = ("1.17.11", "mscorlib"),
            ["nanoFramework.Runtime.Events"] = ("1.11.37", "nanoFramework.Runtime.Events"),
            ["nanoFramework.System.Threading"] = ("1.1.52", "System.Threading"),
            ["nanoFramework.System.Text"] = ("1.3.42", "nanoFramework.System.Text"),
            ["nanoFramework.System.IO.Streams"] = ("1.1.96", "System.IO.Streams"),
            ["nanoFramework.System.Collections"] = ("1.5.75", "nanoFramework.System.Collections"),
            ["nanoFramework.System.Net"] = ("1.11.60", "System.Net"),
            ["nanoFramework.System.Device.Wifi"] = ("1.5.149", "System.Device.Wifi"),
            ["nanoFramework.Networking.Sntp"] = ("1.6.42", "nanoFramework.Networking.Sntp"),
            ["nanoFramework.System.IO.FileSystem"] = ("1.1.93", "System.IO.FileSystem"),
            ["nanoFramework.Json"] = ("2.2.213", "nanoFramework.Json"),
            ["nanoFramework.Runtime.Native"] = ("1.7.11", "nanoFramework.Runtime.Native"),
            ["nanoFramework.Hardware.Esp32"] = ("1.6.40", "nanoFramework.Hardware.Esp32"),
            ["nanoFramework.System.Device.Gpio"] = ("1.1.62", "System.Device.Gpio"),
            ["nanoFramework.System.Device.Adc"] = ("1.1.24", "System.Device.Adc"),
            ["nanoFramework.TestFramework"] = ("3.0.80", "nanoFramework.TestFramework"),
        };

        // The device program is glue: a dozen adapters of 50-300 lines, the start-up and the wiring of
        // the core's services (relay worker, POP3, SMTP ingress, sensor alerts): about 2,350 lines with
        // all four wired; then the datagram socket for DNS (75 lines), the handshake wait and the
        // supervisor's restart path added about 250. Past 2,700, logic is leaking out of the core.
        private const int DeviceLineBudget = 2700;
        private const int DeviceFileLineBudget = 400;

        private static readonly XNamespace s_msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        private static XDocument Project(string path) => XDocument.Load(RepoFiles.PathOf(path));

        private static string[] CompileItems(XDocument project) =>
            project.Descendants(s_msbuild + "Compile").Select(e => (string)e.Attribute("Include")).ToArray();

        private static Dictionary<string, string> PackagesConfig(string folder) =>
            XDocument.Load(RepoFiles.PathOf(folder + "/packages.config")).Root.Elements("package")
                .ToDictionary(p => (string)p.Attribute("id"), p => (string)p.Attribute("version"));

        [TestMethod]
        [DataRow(DeviceProject, DeviceFolder)]
        public void NfprojCompileList_MatchesTheFilesOnDisk(string projectPath, string folder)
        {
            string[] items = CompileItems(Project(projectPath));
            string[] own = items.Where(i => !i.StartsWith("..", StringComparison.Ordinal)).OrderBy(i => i, StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(RepoFiles.SourcesUnder(folder), own, "listed: " + string.Join(", ", own));

            // Linked folders are wildcards; each must exist and hold sources.
            foreach (string link in items.Where(i => i.StartsWith("..", StringComparison.Ordinal)))
            {
                Assert.IsTrue(link.EndsWith("\\**\\*.cs", StringComparison.Ordinal), link);
                string linked = Path.GetFullPath(Path.Combine(RepoFiles.PathOf(folder), link.Replace('\\', '/').Replace("/**/*.cs", "")));
                Assert.IsTrue(Directory.Exists(linked) && Directory.GetFiles(linked, "*.cs", SearchOption.AllDirectories).Length > 0, link);
            }
        }

        [TestMethod]
        public void DeviceProgramAndTestGroups_ReferenceTheCoreAssembly_NeverLinkItsSources()
        {
            // The core is an assembly of its own for the device too: linked into the program it overflowed the
            // MetadataProcessor's 64 KB byte-code table (tests/nanoclr/run.sh builds the program's .pe).
            XDocument deviceProject = Project(DeviceProject);
            Assert.IsFalse(CompileItems(deviceProject).Any(i => i.Contains("NanoRelay.Core", StringComparison.Ordinal)));
            CollectionAssert.AreEqual(new[] { "..\\NanoRelay.Core\\NanoRelay.Core.nfproj", "..\\NanoRelay.Smtp\\NanoRelay.Smtp.nfproj", "..\\NanoRelay.Imap\\NanoRelay.Imap.nfproj", "..\\NanoRelay.Mx\\NanoRelay.Mx.nfproj" },
                deviceProject.Descendants(s_msbuild + "ProjectReference").Select(e => (string)e.Attribute("Include")).ToArray());

            // The core and the in-memory ports are assemblies of their own: linked into every group, the
            // MetadataProcessor's 64 KB string table would overflow (it did, with one group of everything).
            // NanoRelay.Mx (DNS, MX delivery) too: the core alone is near the 64 KB byte-code limit.
            Assert.AreEqual("**\\*.cs", CompileItems(Project(TestingProject)).Single());
            foreach (string g in DeviceTestGroupsTests.Groups())
            {
                XDocument project = Project("tests/NanoRelay.DeviceTests/" + g + "/NanoRelay.DeviceTests." + g + ".nfproj");
                string[] references = project.Descendants(s_msbuild + "ProjectReference").Select(e => (string)e.Attribute("Include")).ToArray();
                CollectionAssert.AreEquivalent(new[] { "..\\..\\..\\firmware\\NanoRelay.Core\\NanoRelay.Core.nfproj", "..\\..\\..\\firmware\\NanoRelay.Smtp\\NanoRelay.Smtp.nfproj", "..\\..\\..\\firmware\\NanoRelay.Imap\\NanoRelay.Imap.nfproj", "..\\..\\..\\firmware\\NanoRelay.Mx\\NanoRelay.Mx.nfproj", "..\\..\\NanoRelay.Testing\\NanoRelay.Testing.nfproj" }, references, g);
                Assert.IsFalse(CompileItems(project).Any(i => i.Contains("firmware", StringComparison.Ordinal) || i.Contains("NanoRelay.Testing", StringComparison.Ordinal)), g);
            }
        }

        [TestMethod]
        [DataRow(DeviceProject, DeviceFolder, "..\\..\\packages\\")]
        [DataRow(TestingProject, TestingFolder, "..\\..\\packages\\")]
        [DataRow(TestsProject, TestsFolder, "..\\..\\..\\packages\\")]
        [DataRow("tests/NanoRelay.DeviceTests/Foundation/NanoRelay.DeviceTests.Foundation.nfproj", "tests/NanoRelay.DeviceTests/Foundation", "..\\..\\..\\packages\\")]
        [DataRow("tests/NanoRelay.DeviceTests/SmtpClient/NanoRelay.DeviceTests.SmtpClient.nfproj", "tests/NanoRelay.DeviceTests/SmtpClient", "..\\..\\..\\packages\\")]
        [DataRow("tests/NanoRelay.DeviceTests/SmtpServer/NanoRelay.DeviceTests.SmtpServer.nfproj", "tests/NanoRelay.DeviceTests/SmtpServer", "..\\..\\..\\packages\\")]
        [DataRow("tests/NanoRelay.DeviceTests/Store/NanoRelay.DeviceTests.Store.nfproj", "tests/NanoRelay.DeviceTests/Store", "..\\..\\..\\packages\\")]
        public void PackagesConfig_PinsTheFactsVersions_AndEveryReferenceMatchesIt(string projectPath, string folder, string packagesDir)
        {
            Dictionary<string, string> packages = PackagesConfig(folder);
            foreach (KeyValuePair<string, string> p in packages)
            {
                Assert.IsTrue(s_facts.ContainsKey(p.Key), p.Key + " is not in the facts table");
                Assert.AreEqual(s_facts[p.Key].Version, p.Value, p.Key);
            }

            XDocument project = Project(projectPath);
            string[] hints = project.Descendants(s_msbuild + "HintPath").Select(h => h.Value).ToArray();
            foreach (KeyValuePair<string, string> p in packages)
            {
                string expected = packagesDir + p.Key + "." + p.Value + "\\lib\\" + s_facts[p.Key].Assembly + ".dll";
                Assert.IsTrue(hints.Contains(expected), projectPath + " lacks " + expected);
            }

            foreach (string hint in hints)
            {
                Match m = Regex.Match(hint, "^" + Regex.Escape(packagesDir) + @"(?<id>[A-Za-z0-9.]+?)\.(?<v>\d+\.\d+\.\d+)\\lib\\");
                Assert.IsTrue(m.Success, hint);
                Assert.IsTrue(packages.TryGetValue(m.Groups["id"].Value, out string v) && v == m.Groups["v"].Value, hint + " has no packages.config entry");
            }

            foreach (XElement r in project.Descendants(s_msbuild + "Reference"))
            {
                string include = (string)r.Attribute("Include");
                string assembly = include.Split(',')[0];
                KeyValuePair<string, (string Version, string Assembly)> fact = s_facts.Single(f => f.Value.Assembly == assembly || (assembly == "nanoFramework.UnitTestLauncher" && f.Key == "nanoFramework.TestFramework"));
                if (assembly != "nanoFramework.UnitTestLauncher")
                {
                    StringAssert.Contains(include, "Version=" + fact.Value.Version + ".", include);
                }
            }
        }

        [TestMethod]
        public void DeviceProject_UsesSocketNotTheTcpClientPackage_AndTheStableLine()
        {
            Dictionary<string, string> packages = PackagesConfig(DeviceFolder);

            // docs/nanoframework.md §1.7: TcpClient's Connect throws from its finally block; Socket is used.
            Assert.IsFalse(packages.Keys.Any(k => k.Contains("TcpClient", StringComparison.Ordinal)));
            Assert.IsFalse(string.Join("\n", DeviceSources().Select(File.ReadAllText)).Contains("TcpClient", StringComparison.Ordinal));

            // docs/nanoframework.md §4.4: no 2.x preview packages beside the 1.x networking ones.
            Assert.AreEqual("1.17.11", packages["nanoFramework.CoreLibrary"]);
            foreach (string needed in new[] { "nanoFramework.System.Net", "nanoFramework.System.Device.Wifi", "nanoFramework.Networking.Sntp",
                "nanoFramework.System.IO.FileSystem", "nanoFramework.System.Text", "nanoFramework.System.IO.Streams", "nanoFramework.Json",
                "nanoFramework.Runtime.Native", "nanoFramework.Hardware.Esp32", "nanoFramework.System.Device.Gpio", "nanoFramework.System.Device.Adc" })
            {
                Assert.IsTrue(packages.ContainsKey(needed), needed);
            }
        }

        [TestMethod]
        public void TestProject_IsCalledNFUnitTest_WithRunsettingsAndTheTestFramework()
        {
            XDocument project = Project(TestsProject);
            Assert.AreEqual("NFUnitTest", project.Descendants(s_msbuild + "AssemblyName").Single().Value);
            Assert.IsTrue(project.Descendants(s_msbuild + "RunSettingsFilePath").Single().Value.EndsWith("nano.runsettings", StringComparison.Ordinal));
            Assert.IsTrue(File.Exists(RepoFiles.PathOf(TestsFolder + "/../nano.runsettings")));
            StringAssert.Contains(project.Descendants(s_msbuild + "DefineConstants").Single().Value, "NANOFRAMEWORK");
            Assert.AreEqual("3.0.80", PackagesConfig(TestsFolder)["nanoFramework.TestFramework"]);
        }

        [TestMethod]
        public void DeviceProject_StaysGlue_SizeAndNoWireLiterals()
        {
            string[] files = DeviceSources();
            int total = 0;
            foreach (string f in files)
            {
                int lines = File.ReadAllLines(f).Length;
                total += lines;
                Assert.IsTrue(lines <= DeviceFileLineBudget, Path.GetFileName(f) + ": " + lines + " lines");

                // Wire text belongs to the core (defined once, as bytes): no command, reply or status
                // literal of SMTP or POP3 may appear in a device string.
                foreach (Match literal in Regex.Matches(File.ReadAllText(f), "\"(?:[^\"\\\\]|\\\\.)*\""))
                {
                    string s = literal.Value.Trim('"');
                    Assert.IsFalse(Regex.IsMatch(s, @"^(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|QUIT|STARTTLS|STLS|AUTH|USER|PASS|APOP|RETR|DELE|UIDL|LIST|STAT|TOP|CAPA)\b|^[+-](?:OK|ERR)|^[2-5]\d\d[ -]|\\r\\n"),
                        Path.GetFileName(f) + " has a wire literal " + literal.Value);
                }
            }

            Console.WriteLine("NanoRelay.Device: " + files.Length + " files, " + total + " lines (budget " + DeviceLineBudget + ")");
            Assert.IsTrue(total <= DeviceLineBudget, total + " lines");
        }

        [TestMethod]
        public void DeviceSources_UseOnlyNamespacesOfTheReferencedPackages_AndNoDesktopOnlyFeatures()
        {
            // Namespace -> the package that provides it (docs/nanoframework.md §2 table).
            string[] allowed =
            {
                "System", "System.Collections", "System.Threading", "System.IO", "System.Net", "System.Net.Sockets",
                "System.Net.Security", "System.Net.NetworkInformation", "System.Security.Cryptography.X509Certificates", "System.Device.Gpio", "System.Device.Adc",
                "System.Reflection", "System.Runtime.InteropServices",
                "nanoFramework.Networking", "nanoFramework.Runtime.Native", "nanoFramework.Hardware.Esp32", "nanoFramework.Json",
                "nanoFramework.System.IO.FileSystem",
                "NanoRelay.Boards", "NanoRelay.Ports", "NanoRelay.Device.Adapters",

                // The core's services the device wires onto its ports (relay worker, spool and mailbox,
                // POP3, POP2 and IMAP servers, SMTP ingress, alert rules): compiled into the same assembly, no package.
                "NanoRelay.Alerts", "NanoRelay.Dns", "NanoRelay.Imap.Server", "NanoRelay.Pop2", "NanoRelay.Pop3", "NanoRelay.Relay", "NanoRelay.Smtp", "NanoRelay.Smtp.Server", "NanoRelay.Storage", "NanoRelay.Supervision", "NanoRelay.Tls", "NanoRelay.Config",
            };
            foreach (string f in DeviceSources())
            {
                string text = File.ReadAllText(f);
                foreach (Match u in Regex.Matches(text, @"^using ([\w.]+);", RegexOptions.Multiline))
                {
                    CollectionAssert.Contains(allowed, u.Groups[1].Value, Path.GetFileName(f));
                }

                // Stable nanoFramework line: no generics, LINQ, async, var, interpolation, nullable value types.
                Assert.IsFalse(Regex.IsMatch(text, @"\b(List|Dictionary|IEnumerable|Func|Action|Span|Task)<|\bvar\s|\basync\s|\bawait\s|\$""|\b(int|long|double|bool)\?"), Path.GetFileName(f));
            }
        }

        [TestMethod]
        public void ApiShim_IsCompileOnly_MarkedAsSuch_AndInNoDeviceProject()
        {
            string shim = "firmware/NanoRelay.Device.ApiShim";
            foreach (string f in RepoFiles.SourcesUnder(shim))
            {
                string text = File.ReadAllText(RepoFiles.PathOf(shim + "/" + f.Replace('\\', '/')));
                StringAssert.StartsWith(text, "// COMPILE-ONLY SHIM", f);
            }

            // Never shipped: neither nanoFramework project compiles it, and only the check project references its folder.
            foreach (string nfproj in new[] { DeviceProject, TestingProject }.Concat(DeviceTestGroupsTests.Groups().Select(g => "tests/NanoRelay.DeviceTests/" + g + "/NanoRelay.DeviceTests." + g + ".nfproj")))
            {
                Assert.IsFalse(CompileItems(Project(nfproj)).Any(i => i.Contains("ApiShim", StringComparison.Ordinal)), nfproj);
            }

            // The device sources are compiled by the check project (with the shim) and by the nanoCLR runner's
            // project (tests/nanoclr, against real package assemblies, to build the .pe); only the first sees the shim.
            string[] projects = Directory.GetFiles(RepoFiles.Root, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "artifacts" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Where(p => Regex.IsMatch(File.ReadAllText(p), @"NanoRelay\.Device(?!Tests)"))
                .Select(p => Path.GetRelativePath(RepoFiles.Root, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(new[] { "firmware/NanoRelay.Device.ApiShim/NanoRelay.Device.ApiCheck.csproj", "tests/nanoclr/NanoRelay.Device.csproj" }, projects);
            Assert.IsFalse(File.ReadAllText(RepoFiles.PathOf("tests/nanoclr/NanoRelay.Device.csproj")).Contains("ApiShim", StringComparison.Ordinal));
        }

        private static string[] DeviceSources() =>
            RepoFiles.SourcesUnder(DeviceFolder).Select(r => RepoFiles.PathOf(DeviceFolder + "/" + r.Replace('\\', '/'))).ToArray();
    }
}
