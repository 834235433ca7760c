using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;

namespace NanoRelay.Tests.Storage
{
    /// <summary>The host's file store adapter: a flushed new file is durable by name too (issue 14 item 7).</summary>
    [TestClass]
    public class DirectoryFileStoreTests
    {
        [TestMethod]
        public void FirstFlushOfANewFile_SyncsTheDirectory_LaterFlushesDoNot()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanorelay-dfs-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            try
            {
                DirectoryFileStore store = new DirectoryFileStore(dir, 0);
                IFileWriter w = store.Create("q1");
                w.Write(new byte[] { 1, 2, 3 }, 0, 3);
                Assert.AreEqual(0, store.DirectorySyncs, "nothing flushed yet");
                w.Flush();
                Assert.AreEqual(1, store.DirectorySyncs, "the new name is made durable with the first flush");
                w.Write(new byte[] { 4 }, 0, 1);
                w.Flush();
                w.Close();
                Assert.AreEqual(1, store.DirectorySyncs, "one directory sync per new file");

                IFileWriter second = store.Create("q2");
                second.Flush();
                second.Close();
                Assert.AreEqual(2, store.DirectorySyncs);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
