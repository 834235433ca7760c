using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Storage
{
    /// <summary>
    /// Issue 13 item 3: the spool's byte budget has one lock. Ingress writers (on their sessions'
    /// threads) take bytes from it while the relay writes and deletes state records; afterwards
    /// the budget must equal the bytes the spool's files really take, to the octet.
    /// </summary>
    [TestClass]
    public class ByteBudgetTests
    {
        // A thread-safe store that keeps only lengths: writes cost nothing, so the writers' takes
        // and the relay's state writes meet as often as they can.
        private sealed class LengthsOnly : IFileStore
        {
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _lengths = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();

            public long Total { get { return _lengths.Values.Sum(); } }

            public long FreeBytes { get { return -1; } }

            public IFileWriter Create(string name)
            {
                if (!_lengths.TryAdd(name, 0))
                {
                    throw new StoreException(name + " exists");
                }

                return new Writer(this, name);
            }

            public IFileReader OpenRead(string name)
            {
                return null;
            }

            public bool Exists(string name)
            {
                return _lengths.ContainsKey(name);
            }

            public long Length(string name)
            {
                return _lengths.TryGetValue(name, out long l) ? l : -1;
            }

            public bool Delete(string name)
            {
                return _lengths.TryRemove(name, out _);
            }

            public string[] List(string prefix)
            {
                return _lengths.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            }

            private sealed class Writer : IFileWriter
            {
                private readonly LengthsOnly _files;
                private readonly string _name;

                public Writer(LengthsOnly files, string name)
                {
                    _files = files;
                    _name = name;
                }

                public long Length { get { return _files.Length(_name); } }

                public void Write(byte[] buffer, int offset, int count)
                {
                    _files._lengths.AddOrUpdate(_name, count, (n, l) => l + count);
                }

                public void Flush()
                {
                }

                public void Close()
                {
                }
            }
        }

        private static long FilesOf(string dir, string prefix)
        {
            return new DirectoryInfo(dir).GetFiles(prefix + "*").Sum(f => f.Length);
        }

        [TestMethod]
        public void ConcurrentIngressWritersAndStateWrites_BudgetAddsUpToTheFiles_InMemory()
        {
            LengthsOnly files = new LengthsOnly();
            Spool spool = new Spool(files, new ManualClock(), new SeededRandom(1), 0, 100_000);
            spool.Open();
            StoreWriter first = spool.Begin("a@lan.test", new[] { "ops@example.com" }, "<state@lan.test>");
            first.Write(new byte[] { 65, 13, 10 }, 0, 3);
            SpoolEntry stateful = first.Commit();
            int stop = 0;
            Exception failure = null;
            Thread relay = new Thread(() =>
            {
                try
                {
                    while (Volatile.Read(ref stop) == 0)
                    {
                        spool.BeginAttempt(stateful);   // a new state record, the old one deleted
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            Thread[] writers = new Thread[3];
            for (int t = 0; t < writers.Length; t++)
            {
                writers[t] = new Thread(() =>
                {
                    try
                    {
                        byte[] block = new byte[Limits.StoreWriteBuffer];   // one take per write
                        for (int m = 0; m < 50; m++)
                        {
                            StoreWriter w = spool.Begin("s@lan.test", new[] { "ops@example.com" }, "<m@lan.test>");
                            for (int i = 0; i < 2000; i++)
                            {
                                w.Write(block, 0, block.Length);
                            }

                            w.Abort();
                        }
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                });
            }

            relay.Start();
            foreach (Thread w in writers)
            {
                w.Start();
            }

            foreach (Thread w in writers)
            {
                w.Join();
            }

            Volatile.Write(ref stop, 1);
            relay.Join();
            Assert.IsNull(failure, failure?.ToString());
            Assert.IsTrue(stateful.Attempts > 100, "the relay thread saved " + stateful.Attempts + " times");
            Assert.AreEqual(files.Total, spool.Store.UsedBytes, "the spool's byte budget against its files, after " + stateful.Attempts + " state writes");
        }

        [TestMethod]
        public void ConcurrentIngressWritersAndStateWrites_BudgetAddsUpToTheFiles()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-budget-").FullName;
            try
            {
                DirectoryFileStore files = new DirectoryFileStore(dir, 0);
                Spool spool = new Spool(files, new ManualClock(), new SeededRandom(1), 0, 100_000);
                spool.Open();
                StoreWriter first = spool.Begin("a@lan.test", new[] { "ops@example.com" }, "<state@lan.test>");
                first.Write(new byte[] { 65, 13, 10 }, 0, 3);
                SpoolEntry stateful = first.Commit();

                const int Writers = 4;
                const int Messages = 40;
                int stop = 0;
                Exception failure = null;
                Thread relay = new Thread(() =>
                {
                    try
                    {
                        // Each save writes a new state record and deletes the old one: two budget
                        // changes under the spool's lock, racing the writers' takes.
                        while (Volatile.Read(ref stop) == 0)
                        {
                            spool.BeginAttempt(stateful);
                        }
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                });
                Thread[] writers = new Thread[Writers];
                for (int t = 0; t < Writers; t++)
                {
                    int seed = t;
                    writers[t] = new Thread(() =>
                    {
                        try
                        {
                            byte[] line = new byte[700];
                            for (int m = 0; m < Messages; m++)
                            {
                                StoreWriter w = spool.Begin("s" + seed + "@lan.test", new[] { "ops@example.com" }, "<" + seed + "." + m + "@lan.test>");
                                for (int i = 0; i < 20; i++)
                                {
                                    w.Write(line, 0, 1 + ((i * 37 + seed) % line.Length));
                                }

                                if (m % 5 == 4)
                                {
                                    w.Abort();
                                }
                                else
                                {
                                    w.Commit();
                                }
                            }
                        }
                        catch (Exception e)
                        {
                            failure = e;
                        }
                    });
                }

                relay.Start();
                foreach (Thread w in writers)
                {
                    w.Start();
                }

                foreach (Thread w in writers)
                {
                    w.Join();
                }

                Volatile.Write(ref stop, 1);
                relay.Join();
                Assert.IsNull(failure, failure?.ToString());
                Assert.AreEqual(1 + Writers * Messages * 4 / 5, spool.Count);
                Assert.IsTrue(stateful.Attempts > 10, "the relay thread saved " + stateful.Attempts + " times");
                Assert.AreEqual(FilesOf(dir, Spool.Prefix), spool.Store.UsedBytes, "the spool's byte budget against its files");
                Assert.AreEqual(FilesOf(dir, ""), files.UsedBytes, "the directory store's count against its files");

                // And recovery, which counts from the files, agrees.
                Spool again = new Spool(new DirectoryFileStore(dir, 0), new ManualClock(), new SeededRandom(2), 0, 100_000);
                again.Open();
                Assert.AreEqual(FilesOf(dir, Spool.Prefix), again.Store.UsedBytes);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void DirectoryFileStore_CountsWritesAndDeletes_AndRefusesPastItsBound()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-dfs-count-").FullName;
            try
            {
                File.WriteAllBytes(Path.Combine(dir, "x-before"), new byte[300]);
                DirectoryFileStore store = new DirectoryFileStore(dir, 2000);
                Assert.AreEqual(300, store.UsedBytes, "what was there at opening");
                IFileWriter w = store.Create("q1");
                w.Write(new byte[1000], 0, 1000);
                w.Flush();
                w.Close();
                Assert.AreEqual(1300, store.UsedBytes);
                Assert.AreEqual(700, store.FreeBytes);
                IFileWriter v = store.Create("q2");
                StoreException full = Assert.ThrowsExactly<StoreException>(() => v.Write(new byte[701], 0, 701));
                Assert.IsTrue(full.IsFull);
                v.Write(new byte[700], 0, 700);
                v.Close();
                Assert.AreEqual(0, store.FreeBytes);
                Assert.IsTrue(store.Delete("q1"));
                Assert.IsFalse(store.Delete("q1"));
                Assert.AreEqual(1000, store.UsedBytes);
                Assert.AreEqual(new DirectoryInfo(dir).GetFiles().Sum(f => f.Length), store.UsedBytes);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
