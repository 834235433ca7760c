using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// tests/NanoRelay.Core.Tests is linked into the on-device test project, so its files may use only
    /// what MSTest and nanoFramework.TestFramework share, and must pick the framework with NANOFRAMEWORK.
    /// </summary>
    [TestClass]
    public class PortableTestsConventionTests
    {
        private const string Switch =
            "#if NANOFRAMEWORK\nusing nanoFramework.TestFramework;\n#else\nusing Microsoft.VisualStudio.TestTools.UnitTesting;\n#endif\n";

        // docs/nanoframework.md §3.3 (TestFramework API) intersected with MSTest.
        private static readonly string[] s_asserts = { "AreEqual", "AreNotEqual", "IsTrue", "IsFalse", "IsNull", "IsNotNull", "AreSame", "AreNotSame" };
        private static readonly string[] s_attributes = { "TestClass", "TestMethod", "DataRow" };

        [TestMethod]
        public void EveryPortableTestFile_UsesTheSharedSubset_BehindTheNanoframeworkSwitch()
        {
            string folder = "tests/NanoRelay.Core.Tests";
            string[] files = RepoFiles.SourcesUnder(folder);
            Assert.IsTrue(files.Length > 0);
            foreach (string relative in files)
            {
                string text = File.ReadAllText(RepoFiles.PathOf(folder + "/" + relative.Replace('\\', '/'))).Replace("\r\n", "\n");
                if (text.Contains("Microsoft.VisualStudio.TestTools.UnitTesting"))
                {
                    Assert.IsTrue(text.Contains(Switch), relative + ": MSTest using without the NANOFRAMEWORK switch");
                }

                foreach (Match m in Regex.Matches(text, @"\bAssert\.(\w+)"))
                {
                    CollectionAssert.Contains(s_asserts, m.Groups[1].Value, relative);
                }

                foreach (Match m in Regex.Matches(text, @"^\s*\[(\w+)", RegexOptions.Multiline))
                {
                    CollectionAssert.Contains(s_attributes, m.Groups[1].Value, relative);
                }

                Assert.IsFalse(Regex.IsMatch(text, @"\b(List|Dictionary|IEnumerable|Func|Action|Span|Task)<|\bvar\s|\basync\s|using System\.Linq|\$"""), relative);
            }
        }
    }
}
