using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Storage
{
    /// <summary>
    /// docs/catalogue.md #48, #52 and #56 on the mailbox: a power cut after every single operation of
    /// a delivery and of an UPDATE, under every cut mode, leaves each message whole or absent,
    /// every acknowledged one present and byte-identical, and UIDs unchanged.
    /// </summary>
    [TestClass]
    public class MailboxPowerCutTests
    {
        private sealed class Run
        {
            public Dictionary<string, string> Before = new();    // uid -> hash, present before the action
            public Dictionary<string, string> Acked = new();     // uid -> hash, acknowledged by the action
            public HashSet<string> Offered = new();              // hashes the action tried to deliver
            public HashSet<string> Removed = new();              // uids whose Remove returned true
            public List<string> Targets = new();                 // uids the UPDATE meant to remove
        }

        private static byte[] Message(int i)
        {
            // Line ends of every kind, and a size that spans several store chunks.
            var sb = new StringBuilder("Subject: message " + i + "\n\r\n");
            for (int l = 0; l < 10 + i * 7; l++)
            {
                sb.Append("line ").Append(l).Append(l % 3 == 0 ? "\n" : "\r\n");
            }

            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        private static string Normalised(byte[] b)
        {
            string s = Encoding.ASCII.GetString(b).Replace("\r\n", "\n").Replace("\r", "\n").Replace("\n", "\r\n");
            if (s.Length > 0 && !s.EndsWith("\r\n"))
            {
                s += "\r\n";
            }

            return PowerCut.Hash(Encoding.ASCII.GetBytes(s));
        }

        private static Dictionary<string, string> Contents(Mailbox m)
        {
            var d = new Dictionary<string, string>();
            int n = m.Refresh();
            for (int i = 0; i < n; i++)
            {
                byte[] b = PowerCut.ReadAll(m.OpenMessage(i));
                Assert.AreEqual(m.SizeOf(i), (long)b.Length, "SizeOf is the stored octets");
                Assert.IsFalse(d.ContainsKey(m.UidOf(i)), "a UID appears twice");
                d[m.UidOf(i)] = PowerCut.Hash(b);
            }

            return d;
        }

        private static Mailbox Open(MemoryFileStore files)
        {
            var m = new Mailbox(files, new SeededRandom(9), 0, 1000);
            m.Open();
            return m;
        }

        [TestMethod]
        public void Case56_PowerCutDuringDelivery_AckedWholeAndPresent_NothingTorn()
        {
            int walked = PowerCut.Walk(
                files =>
                {
                    var run = new Run();
                    Mailbox m = Open(files);
                    for (int i = 0; i < 2; i++)
                    {
                        byte[] b = Message(i);
                        run.Before[m.Deliver(b, 0, b.Length, null)] = Normalised(b);
                    }

                    return run;
                },
                (files, run) =>
                {
                    Mailbox m = Open(files);
                    for (int i = 2; i < 6; i++)
                    {
                        byte[] b = Message(i);
                        run.Offered.Add(Normalised(b));
                        string uid = m.Deliver(b, 0, b.Length, null);
                        run.Acked[uid] = Normalised(b);
                    }
                },
                (files, run, k, mode) =>
                {
                    Dictionary<string, string> now = Contents(Open(files));
                    foreach (var kv in run.Before.Concat(run.Acked))
                    {
                        Assert.IsTrue(now.TryGetValue(kv.Key, out string h), "k=" + k + " " + mode + ": acknowledged " + kv.Key + " lost");
                        Assert.AreEqual(kv.Value, h, "k=" + k + " " + mode + ": " + kv.Key + " changed");
                    }

                    foreach (var kv in now)
                    {
                        Assert.IsTrue(run.Before.ContainsKey(kv.Key) || run.Offered.Contains(kv.Value), "k=" + k + " " + mode + ": torn or unknown message " + kv.Key);
                    }

                    Assert.AreEqual(now.Count, now.Values.Distinct().Count(), "k=" + k + " " + mode + ": a message appears twice");

                    // A second recovery finds nothing more to do: recovery converges.
                    Mailbox again = Open(files);
                    Assert.AreEqual(0, again.Store.LastRecovery.OrphansRemoved + again.Store.LastRecovery.NewlyQuarantined);
                });
            Assert.IsTrue(walked > 50, "walked " + walked);
        }

        [TestMethod]
        public void Case48_PowerCutDuringUpdate_EachMessageWholeOrGone_SurvivingUidsUnchanged()
        {
            PowerCut.Walk(
                files =>
                {
                    var run = new Run();
                    Mailbox m = Open(files);
                    for (int i = 0; i < 5; i++)
                    {
                        byte[] b = Message(i);
                        run.Before[m.Deliver(b, 0, b.Length, null)] = Normalised(b);
                    }

                    m.Refresh();
                    run.Targets.Add(m.UidOf(0));
                    run.Targets.Add(m.UidOf(2));
                    run.Targets.Add(m.UidOf(4));
                    return run;
                },
                (files, run) =>
                {
                    Mailbox m = Open(files);
                    m.Refresh();
                    foreach (int i in new[] { 0, 2, 4 })
                    {
                        string uid = m.UidOf(i);
                        if (m.Remove(i))
                        {
                            run.Removed.Add(uid);
                        }
                        else if (files.PoweredOff)
                        {
                            throw new NanoRelay.Ports.StoreException("power cut");
                        }
                    }
                },
                (files, run, k, mode) =>
                {
                    Dictionary<string, string> now = Contents(Open(files));
                    foreach (var kv in run.Before)
                    {
                        bool target = run.Targets.Contains(kv.Key);
                        if (!target || !run.Removed.Contains(kv.Key))
                        {
                            if (!target)
                            {
                                Assert.IsTrue(now.ContainsKey(kv.Key), "k=" + k + ": an unmarked message vanished");
                            }
                        }
                        else
                        {
                            Assert.IsFalse(now.ContainsKey(kv.Key), "k=" + k + ": a removed message came back");
                        }

                        if (now.TryGetValue(kv.Key, out string h))
                        {
                            Assert.AreEqual(kv.Value, h, "k=" + k + ": message torn");
                        }
                    }

                    Assert.IsTrue(now.Keys.All(run.Before.ContainsKey), "k=" + k + ": a UID changed");
                });
        }

        [TestMethod]
        public void Case52_PowerCutWhileANewMessageLands_ExistingUidsUnchanged_NoneReused()
        {
            var seen = new HashSet<string>();
            PowerCut.Walk(
                files =>
                {
                    var run = new Run();
                    Mailbox m = Open(files);
                    byte[] b = Message(1);
                    run.Before[m.Deliver(b, 0, b.Length, null)] = Normalised(b);
                    m.Refresh();
                    m.Remove(0);
                    b = Message(2);
                    run.Before[m.Deliver(b, 0, b.Length, null)] = Normalised(b);
                    return run;
                },
                (files, run) =>
                {
                    Mailbox m = Open(files);
                    byte[] b = Message(3);
                    run.Offered.Add(Normalised(b));
                    run.Acked[m.Deliver(b, 0, b.Length, null)] = Normalised(b);
                },
                (files, run, k, mode) =>
                {
                    Mailbox m = Open(files);
                    Dictionary<string, string> now = Contents(m);
                    string removed = run.Before.Keys.First();
                    Assert.IsFalse(now.ContainsKey(removed));
                    string kept = run.Before.Keys.Last();
                    Assert.AreEqual(run.Before[kept], now[kept]);

                    // After recovery, the next message gets a UID no earlier message ever had.
                    byte[] b = Message(4);
                    string fresh = m.Deliver(b, 0, b.Length, null);
                    Assert.IsFalse(run.Before.ContainsKey(fresh) || run.Acked.ContainsKey(fresh) || now.ContainsKey(fresh), "k=" + k + ": UID reused");
                });
        }
    }
}
