using System;
using System.Collections.Generic;
using System.Text;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// Store recovery (docs/catalogue.md #60: the store's files are hostile input). Optionally a real
    /// store of three committed messages, then files named as the store names them (content,
    /// commit, state, quarantine, sequence, or a stranger) are written with random bytes.
    /// Recovery must not throw; every accepted entry reads back whole with its committed length
    /// and CRC; an original message is never served changed; a second recovery agrees with the
    /// first (same entries, same quarantine, nothing new quarantined or removed); and the store
    /// still takes and recovers a new message. Input: flags, then (name pick, length-prefixed bytes)*.
    /// </summary>
    public static class SpoolRecoveryTarget
    {
        private const string Prefix = "q";
        private static readonly string[] s_exts = { "msg", "env", "bad", "t00", "t01", "t02", "tzz", "xyz" };

        public static void Run(byte[] data)
        {
            FuzzInput input = new FuzzInput(data);
            byte flags = input.Byte();
            MemoryFileStore files = new MemoryFileStore();
            Dictionary<long, byte[]> originals = new Dictionary<long, byte[]>();
            if ((flags & 1) != 0)
            {
                MessageStore s = new MessageStore(files, Prefix, 0, 100);
                s.Recover();
                for (int i = 0; i < 3; i++)
                {
                    byte[] c = Encoding.ASCII.GetBytes("message " + i + "\r\n" + new string('x', i * 50) + "\r\n");
                    StoreWriter w = s.Begin();
                    w.Write(c, 0, c.Length);
                    StoreEntry e = w.Commit(new byte[] { (byte)i }, 0, 1);
                    s.WriteState(e, new byte[] { 9, (byte)i }, 2);
                    originals[e.Id] = c;
                }
            }

            int files_ = 0;
            while (input.Remaining > 0 && files_++ < 16)
            {
                byte pick = input.Byte();
                byte[] content = input.Chunk();
                string name = pick >= 0xF8 ? Prefix + "_seq.t0" + (pick & 1) : pick >= 0xF0 ? Prefix + "00000" + (pick & 7) + "x.msg" : Prefix + (pick / 8 % 4 + 1).ToString("x7") + "." + s_exts[pick % 8];
                files.Corrupt(name, content);
            }

            MessageStore first = new MessageStore(files, Prefix, 0, 100);
            RecoveryReport r1 = first.Recover();
            string entries1 = Check(first, originals);
            string quarantine1 = Quarantine(r1);

            MessageStore second = new MessageStore(files, Prefix, 0, 100);
            RecoveryReport r2 = second.Recover();
            string entries2 = Check(second, originals);
            FuzzFailure.Check(entries1 == entries2, "second recovery kept [" + entries2 + "], first [" + entries1 + "]");
            FuzzFailure.Check(r2.NewlyQuarantined == 0, "second recovery quarantined " + r2.NewlyQuarantined + " more");
            FuzzFailure.Check(r2.OrphansRemoved == 0, "second recovery removed " + r2.OrphansRemoved + " more");
            FuzzFailure.Check(Quarantine(r2) == quarantine1, "quarantine changed: [" + quarantine1 + "] then [" + Quarantine(r2) + "]");

            byte[] fresh = Encoding.ASCII.GetBytes("fresh\r\n");
            StoreWriter writer = second.Begin();
            writer.Write(fresh, 0, fresh.Length);
            StoreEntry added = writer.Commit(new byte[] { 1 }, 0, 1);
            foreach (StoreEntry e in first.Entries())
            {
                FuzzFailure.Check(added.Id > e.Id, "new id " + added.Id + " not above recovered " + e.Id);
            }

            MessageStore third = new MessageStore(files, Prefix, 0, 100);
            third.Recover();
            StoreEntry found = third.Find(added.Id);
            FuzzFailure.Check(found != null, "the message committed after recovery was lost");
            FuzzFailure.Check(Convert.ToHexString(ReadAll(third, found)) == Convert.ToHexString(fresh), "the message committed after recovery changed");
        }

        private static string Check(MessageStore store, Dictionary<long, byte[]> originals)
        {
            StringBuilder sb = new StringBuilder();
            long last = 0;
            foreach (StoreEntry e in store.Entries())
            {
                FuzzFailure.Check(e.Id > last, "entries not in ascending id order");
                last = e.Id;
                byte[] c = ReadAll(store, e);
                FuzzFailure.Check(c.Length == e.ContentLength, "entry " + e.Id + " reads " + c.Length + " of " + e.ContentLength);
                FuzzFailure.Check(Crc32.Compute(c, 0, c.Length) == e.ContentCrc, "entry " + e.Id + " served with a wrong CRC");
                if (originals.TryGetValue(e.Id, out byte[] original))
                {
                    FuzzFailure.Check(Convert.ToHexString(c) == Convert.ToHexString(original), "entry " + e.Id + " served changed");
                }

                sb.Append(e.Id).Append(':').Append(e.ContentLength).Append(':').Append(Convert.ToHexString(e.Meta ?? new byte[0]))
                  .Append(':').Append(Convert.ToHexString(e.State ?? new byte[0])).Append(' ');
            }

            return sb.ToString();
        }

        private static string Quarantine(RecoveryReport r)
        {
            StringBuilder sb = new StringBuilder();
            foreach (QuarantinedEntry q in r.Quarantined)
            {
                sb.Append(q.Id).Append(' ');
            }

            return sb.ToString();
        }

        private static byte[] ReadAll(MessageStore store, StoreEntry e)
        {
            NanoRelay.Ports.IFileReader reader = store.OpenContent(e);
            List<byte> all = new List<byte>();
            byte[] buffer = new byte[256];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    all.Add(buffer[i]);
                }
            }

            reader.Close();
            return all.ToArray();
        }
    }
}
