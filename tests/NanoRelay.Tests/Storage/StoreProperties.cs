using System;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Storage
{
    /// <summary>
    /// Properties of the store: recovery treats its files as hostile input (docs/catalogue.md #60),
    /// and the mailbox's stored octets are the CRLF form whatever the chunking (RFC 1939 §11).
    /// </summary>
    [TestClass]
    public class StoreProperties
    {
        private static readonly Gen<byte> TextByte = Gen.OneOf(Gen.Byte[(byte)'a', (byte)'z'], Gen.Const((byte)'\r'), Gen.Const((byte)'\n'), Gen.Const((byte)'.'), Gen.Byte);

        private static byte[] Reference(byte[] input)
        {
            // CRLF stays, bare CR or LF becomes CRLF, a non-empty message ends with CRLF.
            var o = new System.Collections.Generic.List<byte>();
            for (int i = 0; i < input.Length; i++)
            {
                byte b = input[i];
                if (b == '\r')
                {
                    o.Add(13);
                    o.Add(10);
                    if (i + 1 < input.Length && input[i + 1] == '\n')
                    {
                        i++;
                    }
                }
                else if (b == '\n')
                {
                    o.Add(13);
                    o.Add(10);
                }
                else
                {
                    o.Add(b);
                }
            }

            if (o.Count > 0 && !(o.Count >= 2 && o[^2] == 13 && o[^1] == 10))
            {
                o.Add(13);
                o.Add(10);
            }

            return o.ToArray();
        }

        [TestMethod]
        public void Delivery_StoresTheCrlfForm_WhateverTheChunking_AndSizeOfMatches()
        {
            Gen.Select(TextByte.Array[0, 3000], Gen.Int[1, 700]).Sample((input, chunk) =>
            {
                var files = new MemoryFileStore();
                var m = new Mailbox(files, new SeededRandom(1), 0, 10);
                m.Open();
                MailboxDelivery d = m.BeginDelivery(null);
                for (int o = 0; o < input.Length; o += chunk)
                {
                    d.Write(input, o, Math.Min(chunk, input.Length - o));
                }

                d.Commit();
                m.Refresh();
                byte[] stored = PowerCut.ReadAll(m.OpenMessage(0));
                CollectionAssert.AreEqual(Reference(input), stored);
                Assert.AreEqual((long)stored.Length, m.SizeOf(0));
            }, iter: 300);
        }

        [TestMethod]
        public void Recovery_OfRandomlyDamagedFiles_NeverThrows_NeverServesAChangedMessage()
        {
            // Three committed messages with state; then one file of the store is replaced by
            // random bytes, cut short, or given a huge length field; recovery runs twice.
            Gen.Select(Gen.Int[0, 100], Gen.Byte.Array[0, 80], Gen.Int[0, 3], Gen.Int[0, 200]).Sample((which, junk, how, cutAt) =>
            {
                var files = new MemoryFileStore();
                var s = new MessageStore(files, "q", 0, 100);
                s.Recover();
                var originals = new System.Collections.Generic.Dictionary<long, string>();
                for (int i = 0; i < 3; i++)
                {
                    byte[] c = Encoding.ASCII.GetBytes("message " + i + "\r\n" + new string('x', i * 50) + "\r\n");
                    StoreWriter w = s.Begin();
                    w.Write(c, 0, c.Length);
                    StoreEntry e = w.Commit(new byte[] { (byte)i }, 0, 1);
                    s.WriteState(e, new byte[] { 9, (byte)i }, 2);
                    originals[e.Id] = PowerCut.Hash(c);
                }

                string[] names = files.List("q");
                Array.Sort(names, StringComparer.Ordinal);
                string victim = names[which % names.Length];
                byte[] old = files.ReadAll(victim);
                byte[] damaged = how switch
                {
                    0 => junk,
                    1 => old.Take(Math.Min(cutAt, Math.Max(0, old.Length - 1))).ToArray(),
                    2 => old.Length >= 8 ? old.Take(4).Concat(new byte[] { 0x80, 0, 0, 0 }).Concat(old.Skip(8)).ToArray() : junk,
                    _ => old.Select((b, i) => i == cutAt % Math.Max(1, old.Length) ? (byte)(b ^ 0x10) : b).ToArray(),
                };
                files.Corrupt(victim, damaged);

                for (int round = 0; round < 2; round++)
                {
                    var t = new MessageStore(files, "q", 0, 100);
                    RecoveryReport r = t.Recover();
                    foreach (StoreEntry e in t.Entries())
                    {
                        Assert.IsTrue(originals.ContainsKey(e.Id), "an entry that was never committed");
                        Assert.AreEqual(originals[e.Id], PowerCut.Hash(PowerCut.ReadAll(t.OpenContent(e))), victim + ": a changed message is served");
                    }

                    Assert.AreEqual(3, t.Entries().Length + r.Quarantined.Length, victim + ": an entry vanished without a reason");
                }
            }, iter: 400);
        }
    }
}
