using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// One self-checking record file: "NR", a kind byte, version 1, the payload length (32-bit
    /// big-endian, at most <see cref="Limits.StoreRecordMax"/>), the payload, and a CRC-32 over
    /// everything before it. A record is valid only when the file is exactly that long and the
    /// checksum matches, so a torn or half-programmed write is always detected.
    /// </summary>
    public static class StoreRecord
    {
        public const byte KindCommit = (byte)'C';
        public const byte KindState = (byte)'S';
        public const byte KindSequence = (byte)'Q';
        public const byte KindBad = (byte)'B';

        /// <summary>Header (magic, kind, version, length) plus trailing checksum.</summary>
        public const int Overhead = 12;

        private const byte Version = 1;

        /// <summary>Creates <paramref name="name"/>, writes the record in one write, flushes and closes it; returns the bytes written.</summary>
        public static int Write(IFileStore files, string name, byte kind, byte[] payload, int count)
        {
            byte[] b = new byte[count + Overhead];
            b[0] = (byte)'N';
            b[1] = (byte)'R';
            b[2] = kind;
            b[3] = Version;
            b[4] = (byte)(count >> 24);
            b[5] = (byte)(count >> 16);
            b[6] = (byte)(count >> 8);
            b[7] = (byte)count;
            System.Array.Copy(payload, 0, b, 8, count);
            uint crc = Crc32.Compute(b, 0, count + 8);
            b[count + 8] = (byte)(crc >> 24);
            b[count + 9] = (byte)(crc >> 16);
            b[count + 10] = (byte)(crc >> 8);
            b[count + 11] = (byte)crc;

            IFileWriter w = files.Create(name);
            try
            {
                w.Write(b, 0, b.Length);
                w.Flush();
            }
            finally
            {
                w.Close();
            }

            return b.Length;
        }

        /// <summary>
        /// Reads and checks the record in <paramref name="name"/>. On <see cref="RecordStatus.Ok"/>
        /// <paramref name="payload"/> holds exactly the payload; otherwise it is null.
        /// </summary>
        public static RecordStatus Read(IFileStore files, string name, byte kind, out byte[] payload)
        {
            payload = null;
            IFileReader r = files.OpenRead(name);
            if (r == null)
            {
                return RecordStatus.Missing;
            }

            try
            {
                long length = r.Length;
                if (length < Overhead)
                {
                    return RecordStatus.Truncated;
                }

                // Never trust the file's size for an allocation: a torn file may claim anything.
                if (length > Limits.StoreRecordMax + Overhead)
                {
                    return RecordStatus.BadLength;
                }

                byte[] b = new byte[(int)length];
                int got = 0;
                while (got < b.Length)
                {
                    int n = r.Read(b, got, b.Length - got);
                    if (n <= 0)
                    {
                        return RecordStatus.Truncated;
                    }

                    got += n;
                }

                return Parse(b, kind, out payload);
            }
            finally
            {
                r.Close();
            }
        }

        /// <summary>Checks a whole record held in memory (see <see cref="Read"/>).</summary>
        public static RecordStatus Parse(byte[] b, byte kind, out byte[] payload)
        {
            payload = null;
            if (b.Length < Overhead)
            {
                return RecordStatus.Truncated;
            }

            if (b[0] != (byte)'N' || b[1] != (byte)'R' || b[2] != kind || b[3] != Version)
            {
                return RecordStatus.BadMagic;
            }

            long count = ((long)b[4] << 24) | ((long)b[5] << 16) | ((long)b[6] << 8) | b[7];
            if (count > Limits.StoreRecordMax)
            {
                return RecordStatus.BadLength;
            }

            if (count + Overhead > b.Length)
            {
                return RecordStatus.Truncated;
            }

            if (count + Overhead < b.Length)
            {
                return RecordStatus.TrailingBytes;
            }

            int n = (int)count;
            uint crc = ((uint)b[n + 8] << 24) | ((uint)b[n + 9] << 16) | ((uint)b[n + 10] << 8) | b[n + 11];
            if (crc != Crc32.Compute(b, 0, n + 8))
            {
                return RecordStatus.BadChecksum;
            }

            payload = new byte[n];
            System.Array.Copy(b, 8, payload, 0, n);
            return RecordStatus.Ok;
        }

        /// <summary>A short word for a reason line.</summary>
        public static string Describe(RecordStatus status)
        {
            switch (status)
            {
                case RecordStatus.Ok: return "ok";
                case RecordStatus.Missing: return "missing";
                case RecordStatus.Truncated: return "truncated";
                case RecordStatus.BadMagic: return "not a record";
                case RecordStatus.BadLength: return "length out of bounds";
                case RecordStatus.BadChecksum: return "checksum mismatch";
                default: return "trailing bytes";
            }
        }
    }
}
