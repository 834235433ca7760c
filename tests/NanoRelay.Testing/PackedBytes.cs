namespace NanoRelay.Testing
{
    /// <summary>
    /// The packing of the device test groups' transcript fixtures (see NanoRelay.Core.Tests.TranscriptFile): a short
    /// pattern repeated many times (the transcripts' long test lines, "yyyy..." or base64 "QUFBQUFB...") becomes
    /// <c>Mark, count high, count low, period, pattern</c>, which keeps the largest group well under the
    /// MetadataProcessor's 64 KB blob limit. 0xFF never occurs in UTF-8 text, so it is free as the mark; a literal
    /// 0xFF is packed as one repetition of itself.
    /// </summary>
    public static class PackedBytes
    {
        /// <summary>Starts a repeated pattern.</summary>
        public const byte Mark = 0xFF;

        /// <summary>The longest pattern looked for.</summary>
        public const int MaxPeriod = 8;

        /// <summary>Packs <paramref name="file"/>.</summary>
        public static byte[] Pack(byte[] file)
        {
            byte[] output = new byte[file.Length * 5 + 8];
            int n = 0;
            int i = 0;
            while (i < file.Length)
            {
                int bestPeriod = 0;
                int bestCount = 0;
                int bestSaving = 0;
                for (int period = 1; period <= MaxPeriod && i + period <= file.Length; period++)
                {
                    int count = Repetitions(file, i, period);
                    int saving = count * period - (4 + period);
                    if (saving > bestSaving)
                    {
                        bestPeriod = period;
                        bestCount = count;
                        bestSaving = saving;
                    }
                }

                if (bestPeriod == 0 && file[i] == Mark)
                {
                    bestPeriod = 1;
                    bestCount = 1;
                }

                if (bestPeriod == 0)
                {
                    output[n++] = file[i++];
                    continue;
                }

                output[n++] = Mark;
                output[n++] = (byte)(bestCount >> 8);
                output[n++] = (byte)bestCount;
                output[n++] = (byte)bestPeriod;
                System.Array.Copy(file, i, output, n, bestPeriod);
                n += bestPeriod;
                i += bestCount * bestPeriod;
            }

            byte[] packed = new byte[n];
            System.Array.Copy(output, packed, n);
            return packed;
        }

        /// <summary>The inverse of <see cref="Pack"/>.</summary>
        public static byte[] Unpack(byte[] packed)
        {
            int length = 0;
            for (int i = 0; i < packed.Length; i++)
            {
                if (packed[i] == Mark)
                {
                    int period = packed[i + 3];
                    length += ((packed[i + 1] << 8) | packed[i + 2]) * period;
                    i += 3 + period;
                }
                else
                {
                    length++;
                }
            }

            byte[] file = new byte[length];
            int n = 0;
            for (int i = 0; i < packed.Length; i++)
            {
                if (packed[i] == Mark)
                {
                    int count = (packed[i + 1] << 8) | packed[i + 2];
                    int period = packed[i + 3];
                    for (int k = 0; k < count; k++)
                    {
                        System.Array.Copy(packed, i + 4, file, n, period);
                        n += period;
                    }

                    i += 3 + period;
                }
                else
                {
                    file[n++] = packed[i];
                }
            }

            return file;
        }

        private static int Repetitions(byte[] file, int at, int period)
        {
            int count = 1;
            while (count < 0xFFFF && at + (count + 1) * period <= file.Length)
            {
                int start = at + count * period;
                for (int k = 0; k < period; k++)
                {
                    if (file[start + k] != file[at + k])
                    {
                        return count;
                    }
                }

                count++;
            }

            return count;
        }
    }
}
