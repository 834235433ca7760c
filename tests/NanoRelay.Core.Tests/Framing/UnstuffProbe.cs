using NanoRelay.Framing;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Framing
{
    /// <summary>Feeds wire text to a <see cref="DotUnstuffer"/> in chunks and describes the outcome as
    /// "message|consumed=N|end" (or "|more" while the terminator is missing), with [CR] [LF] [NUL]
    /// for control bytes and +flags.</summary>
    internal static class UnstuffProbe
    {
        /// <summary>Unstuffs <paramref name="wire"/> ("[NUL]" for 0x00, see <see cref="Octets"/>) in chunks; returns what came out.</summary>
        public static string Run(string wire, int chunk)
        {
            byte[] input = Octets.Of(wire);

            DotUnstuffer u = new DotUnstuffer();
            byte[] output = new byte[DotUnstuffer.MaxOutput(input.Length)];
            byte[] piece = new byte[DotUnstuffer.MaxOutput(chunk)];
            int o = 0;
            int consumed = 0;
            while (consumed < input.Length && !u.IsComplete)
            {
                int n = chunk < input.Length - consumed ? chunk : input.Length - consumed;
                int written = u.Unstuff(input, consumed, n, piece, 0);
                for (int k = 0; k < written; k++)
                {
                    output[o++] = piece[k];
                }

                consumed += u.Consumed;
            }

            string s = "";
            for (int i = 0; i < o; i++)
            {
                s += output[i] == 13 ? "[CR]" : output[i] == 10 ? "[LF]" : output[i] == 0 ? "[NUL]" : ((char)output[i]).ToString();
            }

            s += "|consumed=" + consumed + (u.IsComplete ? "|end" : "|more");
            if ((u.Flags & LineFlags.BareCr) != 0)
            {
                s += " +BareCr";
            }

            if ((u.Flags & LineFlags.BareLf) != 0)
            {
                s += " +BareLf";
            }

            if ((u.Flags & LineFlags.Nul) != 0)
            {
                s += " +Nul";
            }

            return s;
        }
    }
}
