using NanoRelay.Framing;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Framing
{
    /// <summary>Feeds bytes to a framer in chunks and writes what comes out as text, one event per line:
    /// "L:text" for a line (with [CR] [LF] [NUL] for control bytes and +flags), "TOO-LONG" for an over-long line.</summary>
    internal static class FramerProbe
    {
        /// <summary>Feeds <paramref name="input"/> ("[NUL]" for 0x00, see <see cref="Octets"/>) in chunks; returns the events.</summary>
        public static string Run(LineFramer framer, string input, int chunk)
        {
            return Run(framer, Octets.Of(input), chunk);
        }

        public static string Run(LineFramer framer, byte[] bytes, int chunk)
        {
            string events = "";
            int fed = 0;
            while (true)
            {
                FrameResult r = framer.TryTakeLine();
                if (r == FrameResult.Line)
                {
                    events += "L:" + Show(framer.Buffer, framer.LineOffset, framer.LineLength) + Flags(framer.Flags) + "\n";
                }
                else if (r == FrameResult.TooLong)
                {
                    events += "TOO-LONG\n";
                }
                else
                {
                    if (fed >= bytes.Length)
                    {
                        return events;
                    }

                    int n = chunk < bytes.Length - fed ? chunk : bytes.Length - fed;
                    int taken = framer.Feed(bytes, fed, n);
                    fed += taken;
                }
            }
        }

        private static string Show(byte[] b, int o, int n)
        {
            string s = "";
            for (int i = o; i < o + n; i++)
            {
                if (b[i] == 13)
                {
                    s += "[CR]";
                }
                else if (b[i] == 10)
                {
                    s += "[LF]";
                }
                else if (b[i] == 0)
                {
                    s += "[NUL]";
                }
                else
                {
                    s += (char)b[i];
                }
            }

            return s;
        }

        private static string Flags(LineFlags f)
        {
            string s = "";
            if ((f & LineFlags.BareCr) != 0)
            {
                s += " +BareCr";
            }

            if ((f & LineFlags.BareLf) != 0)
            {
                s += " +BareLf";
            }

            if ((f & LineFlags.Nul) != 0)
            {
                s += " +Nul";
            }

            return s;
        }
    }
}
