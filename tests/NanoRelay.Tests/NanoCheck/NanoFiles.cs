using System;
using System.IO;

namespace NanoRelay.Tests.NanoCheck
{
    /// <summary>
    /// Where the build put the nano check's output and the nanoFramework mscorlib (the
    /// CopyNanoCheckFiles target of the test project copies both to the nano/ folder), and the
    /// repository root for the file-list checks.
    /// </summary>
    internal static class NanoFiles
    {
        public static string CoreNanoAssembly => Existing(Path.Combine(AppContext.BaseDirectory, "nano", "NanoRelay.Core.Nano.dll"));

        public static string Mscorlib => Existing(Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll"));

        public static string RepositoryRoot
        {
            get
            {
                for (DirectoryInfo d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
                {
                    if (File.Exists(Path.Combine(d.FullName, "nanoRelay.sln")))
                    {
                        return d.FullName;
                    }
                }

                throw new InvalidOperationException("nanoRelay.sln not found above " + AppContext.BaseDirectory);
            }
        }

        private static string Existing(string path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("missing " + path + ": the test project's CopyNanoCheckFiles target should have put it there; rebuild tests/NanoRelay.Tests", path);
            }

            return path;
        }
    }
}
