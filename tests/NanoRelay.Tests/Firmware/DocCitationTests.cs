using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// Comments cite documents the reader has (issue 13, item 6): every "docs/NAME.md §N" or
    /// "docs/NAME.md #N" in the repository names a file in docs/ and a section heading (§N, §N.M)
    /// or a catalogue case (#N) that exists there; and nothing cites the documents that are not in
    /// the repository (DESIGN.md, the research notes' "facts §", "catalogue N" without docs/).
    /// </summary>
    [TestClass]
    public class DocCitationTests
    {
        private static readonly string[] s_extensions = { ".cs", ".sh", ".txt", ".md", ".nfproj", ".csproj", ".json" };

        // A cited document, then what follows on the line up to another document or an RFC (whose own § are not ours).
        private static readonly Regex s_citation = new Regex(@"docs/([A-Za-z0-9_-]+)\.md(.*?)(?=docs/|RFC|$)");
        private static readonly Regex s_section = new Regex(@"§(\d+(?:\.\d+)*)");
        private static readonly Regex s_case = new Regex(@"(?<![\w&])#(\d+)");

        // Spelt in pieces so that this file does not cite them itself.
        private static readonly Regex s_stale = new Regex(
            "DESIGN" + @"\.md" + "|" + "facts" + " §" + "|" + "(?<!docs/)" + "[Cc]atalogue" + @" (?:cases? )?\d");

        private static IEnumerable<string> RepoFilesToScan()
        {
            string root = RepoFiles.Root;
            string[] skip = { ".git", "bin", "obj", "artifacts", "packages", "TestResults", "node_modules" };
            Stack<string> dirs = new Stack<string>();
            dirs.Push(root);
            while (dirs.Count > 0)
            {
                string d = dirs.Pop();
                foreach (string sub in Directory.GetDirectories(d))
                {
                    string name = Path.GetFileName(sub);
                    if (!skip.Contains(name) && !(d == root && name == ".ci"))
                    {
                        dirs.Push(sub);
                    }
                }

                foreach (string f in Directory.GetFiles(d))
                {
                    // Generated fixtures repeat their transcripts; this file holds bad citations on purpose.
                    string file = Path.GetFileName(f);
                    if (s_extensions.Contains(Path.GetExtension(f)) && !file.EndsWith(".g.cs", StringComparison.Ordinal) && file != "DocCitationTests.cs")
                    {
                        yield return f;
                    }
                }
            }
        }

        /// <summary>The problems with one line's citations ("file:line: ..."), none when every cited part exists.</summary>
        internal static List<string> Check(string where, string line, Func<string, string> readDoc, ref int citations)
        {
            List<string> problems = new List<string>();
            foreach (Match m in s_citation.Matches(line))
            {
                string doc = m.Groups[1].Value;
                string text = readDoc(doc);
                citations++;
                if (text == null)
                {
                    problems.Add(where + ": docs/" + doc + ".md does not exist");
                    continue;
                }

                foreach (Match s in s_section.Matches(m.Groups[2].Value))
                {
                    string n = Regex.Escape(s.Groups[1].Value);
                    if (!Regex.IsMatch(text, @"^#+ " + n + @"\.? ", RegexOptions.Multiline))
                    {
                        problems.Add(where + ": docs/" + doc + ".md has no section " + s.Groups[1].Value);
                    }
                }

                foreach (Match c in s_case.Matches(m.Groups[2].Value))
                {
                    string n = c.Groups[1].Value;
                    if (!Regex.IsMatch(text, @"^\| " + n + @" \|", RegexOptions.Multiline) && !Regex.IsMatch(text, @"^#+ " + n + @"\.? ", RegexOptions.Multiline))
                    {
                        problems.Add(where + ": docs/" + doc + ".md has no #" + n);
                    }
                }
            }

            if (s_stale.IsMatch(line))
            {
                problems.Add(where + ": cites a document the repository does not have: " + s_stale.Match(line).Value);
            }

            return problems;
        }

        private static string ReadDoc(string name)
        {
            string path = RepoFiles.PathOf("docs/" + name + ".md");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        [TestMethod]
        public void EveryCitation_NamesADocAndAPartOfItThatExist()
        {
            Dictionary<string, string> docs = new Dictionary<string, string>();
            Func<string, string> read = n => docs.TryGetValue(n, out string t) ? t : (docs[n] = ReadDoc(n));
            List<string> problems = new List<string>();
            int citations = 0;
            foreach (string file in RepoFilesToScan())
            {
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    problems.AddRange(Check(Path.GetRelativePath(RepoFiles.Root, file) + ":" + (i + 1), lines[i], read, ref citations));
                }
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
            Assert.IsTrue(citations >= 80, "only " + citations + " citations found: is the scan looking in the right place?");
        }

        [TestMethod]
        public void TheChecker_FindsWhatIsMissing()
        {
            int n = 0;
            Func<string, string> docs = name => name == "catalogue" ? "| 1 | a | b | c |\n| 60 | x | y | z |\n" : name == "nanoframework" ? "## 1. Networking\n### 1.1 Socket\n" : null;
            Assert.AreEqual(0, Check("f:1", "see docs/catalogue.md #1 and #60; docs/nanoframework.md §1, §1.1", docs, ref n).Count);
            Assert.AreEqual(2, n);
            Assert.AreEqual(1, Check("f:1", "docs/catalogue.md #61", docs, ref n).Count);
            Assert.AreEqual(1, Check("f:1", "docs/catalogue.md #1-#6", docs, ref n).Count);
            Assert.AreEqual(1, Check("f:1", "docs/nanoframework.md §1.2", docs, ref n).Count);
            Assert.AreEqual(1, Check("f:1", "docs/nosuch.md §1", docs, ref n).Count);
            Assert.AreEqual(0, Check("f:1", "docs/nanoframework.md §1.1 and RFC 5321 §4.5.2", docs, ref n).Count);
            Assert.AreEqual(1, Check("f:1", "(" + "DESIGN" + ".md budgets)", docs, ref n).Count);
            Assert.AreEqual(1, Check("f:1", "(" + "facts" + " §4.3)", docs, ref n).Count);
            Assert.AreEqual(1, Check("f:1", "(" + "catalogue" + " case 7)", docs, ref n).Count);
            Assert.AreEqual(0, Check("f:1", "the \"123456789\" catalogue value; pop3#2", docs, ref n).Count);
        }
    }
}
