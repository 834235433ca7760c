using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Tests.NanoCheck;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// The firmware pin (issue 16, item 11): firmware/NanoRelay.Device/FIRMWARE.md records the firmware that
    /// matches packages.config and the package versions it was derived for; every board README flashes that
    /// firmware with nanoff's --fwversion. A package bumped without re-deriving the pin, or a README left on
    /// another firmware, fails here.
    /// </summary>
    [TestClass]
    public class FirmwarePinTests
    {
        private const string Record = "firmware/NanoRelay.Device/FIRMWARE.md";

        private static readonly Regex s_pin = new Regex(@"^Pin: \*\*(\d+\.\d+\.\d+\.N)\*\* built from nf-interpreter \*\*([0-9a-f]{9})\*\*", RegexOptions.Multiline);

        private static readonly Regex s_row = new Regex(
            @"^\| (nanoFramework\.[A-Za-z0-9.]+) \| (\d+\.\d+\.\d+) \| ([A-Za-z0-9.]+) \| (\d+\.\d+\.\d+\.\d+|none) \| (0x[0-9A-F]{8}|0) \|",
            RegexOptions.Multiline);

        private static (string Version, string Commit) Pin()
        {
            Match m = s_pin.Match(File.ReadAllText(RepoFiles.PathOf(Record)));
            Assert.IsTrue(m.Success, Record + ": no \"Pin: **X.Y.Z.N** built from nf-interpreter **COMMIT**\" line");
            return (m.Groups[1].Value, m.Groups[2].Value);
        }

        private static Dictionary<string, Match> Rows()
        {
            var rows = new Dictionary<string, Match>(StringComparer.Ordinal);
            foreach (Match m in s_row.Matches(File.ReadAllText(RepoFiles.PathOf(Record))))
            {
                Assert.IsTrue(rows.TryAdd(m.Groups[1].Value, m), Record + ": " + m.Groups[1].Value + " twice");
            }

            return rows;
        }

        [TestMethod]
        public void Record_NamesEveryPackageOfPackagesConfig_AtItsVersion()
        {
            XDocument config = XDocument.Load(RepoFiles.PathOf("firmware/NanoRelay.Device/packages.config"));
            string[] pinned = config.Root.Elements("package")
                .Select(p => (string)p.Attribute("id") + " " + (string)p.Attribute("version"))
                .OrderBy(s => s, StringComparer.Ordinal).ToArray();
            string[] recorded = Rows().Values
                .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value)
                .OrderBy(s => s, StringComparer.Ordinal).ToArray();

            Assert.IsTrue(pinned.Length >= 15, "packages.config: " + pinned.Length + " packages");
            CollectionAssert.AreEqual(pinned, recorded,
                "packages.config and " + Record + " differ: re-derive the firmware pin for the new versions.\npackages.config: "
                + string.Join(", ", pinned) + "\nrecord: " + string.Join(", ", recorded));
        }

        [TestMethod]
        public void EveryBoardReadme_FlashesThePinnedFirmware()
        {
            (string version, string commit) = Pin();
            var readmes = Directory.GetDirectories(RepoFiles.PathOf("boards"))
                .Select(d => Path.Combine(d, "README.md"))
                .Append(RepoFiles.PathOf("boards/README.md"))
                .Append(RepoFiles.PathOf("README.md"))
                .ToArray();
            Assert.IsTrue(readmes.Length >= 7);

            foreach (string path in readmes)
            {
                string text = File.ReadAllText(path);
                string at = Path.GetRelativePath(RepoFiles.Root, path) + ": ";
                StringAssert.Contains(text, "--fwversion " + version, at + "pinned firmware");
                StringAssert.Contains(text, "nf-interpreter " + commit, at + "the commit it is built from");

                // Every firmware write carries the pin: a plain --update flashes the newest firmware.
                foreach (Match update in Regex.Matches(text, @"nanoff --update[^\n`]*"))
                {
                    StringAssert.Contains(update.Value, "--fwversion " + version, at + update.Value);
                }

                // The same version everywhere: no other 1.x.y.z --fwversion left behind.
                foreach (Match flag in Regex.Matches(text, @"--fwversion (\S+)"))
                {
                    Assert.AreEqual(version, flag.Groups[1].Value.TrimEnd('`', ',', '.', ')'), at + flag.Value);
                }
            }
        }

        [TestMethod]
        public void Record_Mscorlib_IsWhatTheCoreLibraryPackageDeclares()
        {
            Match row = Rows()["nanoFramework.CoreLibrary"];
            Assert.AreEqual("mscorlib", row.Groups[3].Value);
            Assert.AreEqual(NativeVersionOf(NanoFiles.Mscorlib), row.Groups[4].Value, "AssemblyNativeVersion of the package's mscorlib.dll");

            // CLR_RECORD_ASSEMBLY (nf-interpreter src/CLR/Include/nanoCLR_Types.h): marker[8], headerCRC,
            // assemblyCRC, flags, then nativeMethodsChecksum, which nanoCLR compares with its native table at load.
            byte[] pe = File.ReadAllBytes(Path.ChangeExtension(NanoFiles.Mscorlib, ".pe"));
            Assert.AreEqual("NFMRK1", System.Text.Encoding.ASCII.GetString(pe, 0, 6));
            Assert.AreEqual(row.Groups[5].Value, "0x" + BitConverter.ToUInt32(pe, 20).ToString("X8"), "native checksum in mscorlib.pe");
        }

        [TestMethod]
        public void Record_NativeVersions_AreWhatTheReferenceAssembliesDeclare()
        {
            string folder = Environment.GetEnvironmentVariable("NANORELAY_NANO_REFS");
            if (string.IsNullOrEmpty(folder))
            {
                Assert.Inconclusive("NANORELAY_NANO_REFS is not set: no reference assemblies to read AssemblyNativeVersion from");
            }

            int checkedCount = 0;
            foreach (Match row in Rows().Values.Where(r => r.Groups[3].Value != "mscorlib"))
            {
                string dll = Path.Combine(folder, (row.Groups[3].Value == "none" ? AssemblyOf(row.Groups[1].Value) : row.Groups[3].Value) + ".dll");
                if (!File.Exists(dll))
                {
                    continue;
                }

                string declared = NativeVersionOf(dll) ?? "none";
                string recorded = row.Groups[4].Value;
                Assert.AreEqual(recorded, declared, row.Groups[1].Value + ": " + dll);
                checkedCount++;
            }

            Assert.IsTrue(checkedCount >= 10, "only " + checkedCount + " of the packages found in " + folder);
        }

        /// <summary>The assembly of a package without a native part (its file name in NANORELAY_NANO_REFS).</summary>
        private static string AssemblyOf(string package) => package switch
        {
            "nanoFramework.System.IO.Streams" => "System.IO.Streams",
            "nanoFramework.System.Threading" => "System.Threading",
            _ => package,
        };

        /// <summary>The string argument of the assembly's AssemblyNativeVersionAttribute, or null without one.</summary>
        private static string NativeVersionOf(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            foreach (CustomAttributeHandle h in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute a = md.GetCustomAttribute(h);
                string type = a.Constructor.Kind == HandleKind.MemberReference
                    ? TypeName(md, md.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent)
                    : TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)a.Constructor).GetDeclaringType());
                if (type == "AssemblyNativeVersionAttribute")
                {
                    BlobReader blob = md.GetBlobReader(a.Value);
                    Assert.AreEqual(1, blob.ReadUInt16(), path + ": custom attribute prolog");
                    return blob.ReadSerializedString();
                }
            }

            return null;
        }

        private static string TypeName(MetadataReader md, EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Name),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
            _ => string.Empty,
        };
    }
}
