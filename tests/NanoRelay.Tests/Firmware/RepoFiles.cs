using System;
using System.IO;
using System.Linq;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>Finds files of the repository from the test's output folder.</summary>
    internal static class RepoFiles
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(() =>
        {
            for (DirectoryInfo d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "nanoRelay.sln")))
                {
                    return d.FullName;
                }
            }

            throw new InvalidOperationException("nanoRelay.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => s_root.Value;

        public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('\\', '/'));

        /// <summary>Source files under a folder, relative to it with backslashes (as an nfproj lists them), bin/obj excluded.</summary>
        public static string[] SourcesUnder(string relativeFolder)
        {
            string folder = PathOf(relativeFolder);
            return Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f))
                .Where(f => !f.StartsWith("bin" + Path.DirectorySeparatorChar) && !f.StartsWith("obj" + Path.DirectorySeparatorChar))
                .Select(f => f.Replace(Path.DirectorySeparatorChar, '\\'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
        }
    }
}
