using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>
    /// A CSV replay: lines "time_seconds,sensor,value", time in seconds since start (decimals
    /// allowed, never going backwards), a sensor name, and a number (or "open"/"closed" for a
    /// door). An optional header line, blank lines and "#" comments are skipped. A bad line is
    /// refused with one line naming the file and line number.
    /// </summary>
    public sealed class ReplayFile
    {
        public const string Header = "time_seconds,sensor,value";

        // Bounds: a replay is a test input, not a database.
        public const int MaxLineChars = 256;
        public const int MaxRows = 1_000_000;
        public const double MaxSeconds = 10 * 365 * 24 * 3600.0;

        private ReplayFile(string name, ReplayRow[] rows)
        {
            Name = name;
            Rows = rows;
        }

        /// <summary>The file name used in messages.</summary>
        public string Name { get; }

        public IReadOnlyList<ReplayRow> Rows { get; }

        /// <summary>Reads and parses a file; false with <paramref name="error"/> set ("FILE:LINE: problem") when it is not a valid replay.</summary>
        public static bool TryLoad(string path, out ReplayFile file, out string error)
        {
            try
            {
                using StreamReader reader = new StreamReader(path);
                return TryParse(reader, Path.GetFileName(path), out file, out error);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                file = null;
                error = path + ": cannot read: " + e.Message;
                return false;
            }
        }

        /// <summary>Parses replay text; false with <paramref name="error"/> set ("NAME:LINE: problem") at the first bad line.</summary>
        public static bool TryParse(TextReader reader, string name, out ReplayFile file, out string error)
        {
            file = null;
            List<ReplayRow> rows = new List<ReplayRow>();
            long previousMs = 0;
            bool first = true;
            int lineNumber = 0;
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                string at = name + ":" + lineNumber + ": ";
                if (line.Length > MaxLineChars)
                {
                    error = at + "line longer than " + MaxLineChars + " characters";
                    return false;
                }

                string text = line.Trim();
                if (text.Length == 0 || text[0] == '#')
                {
                    continue;
                }

                if (first && string.Equals(text.Replace(" ", string.Empty), Header, StringComparison.OrdinalIgnoreCase))
                {
                    first = false;
                    continue;
                }

                first = false;
                string[] fields = text.Split(',');
                if (fields.Length != 3)
                {
                    error = at + "expected " + Header + ", got " + fields.Length + " field" + (fields.Length == 1 ? string.Empty : "s");
                    return false;
                }

                string time = fields[0].Trim();
                string sensor = fields[1].Trim();
                string value = fields[2].Trim();
                if (!double.TryParse(time, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) || seconds > MaxSeconds)
                {
                    error = at + "time_seconds '" + time + "' is not a number of seconds (0 or more, like 12.5)";
                    return false;
                }

                long ms = (long)Math.Round(seconds * 1000);
                if (ms < previousMs)
                {
                    error = at + "time " + time + " s goes back before the previous line's " + (previousMs / 1000.0).ToString(CultureInfo.InvariantCulture) + " s";
                    return false;
                }

                if (!IsSensorName(sensor))
                {
                    error = at + "sensor '" + sensor + "' must be a name of letters, digits, '.', '_' or '-'";
                    return false;
                }

                if (!TryParseValue(value, out double v))
                {
                    error = at + "value '" + value + "' is not a number (or open/closed)";
                    return false;
                }

                if (rows.Count == MaxRows)
                {
                    error = at + "more than " + MaxRows + " rows";
                    return false;
                }

                rows.Add(new ReplayRow(ms, sensor, v, lineNumber));
                previousMs = ms;
            }

            file = new ReplayFile(name, rows.ToArray());
            error = null;
            return true;
        }

        /// <summary>Whether a sensor name is a short word of letters, digits, '.', '_' and '-'.</summary>
        public static bool IsSensorName(string name)
        {
            if (string.IsNullOrEmpty(name) || name.Length > 64)
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool TryParseValue(string text, out double value)
        {
            if (string.Equals(text, "open", StringComparison.OrdinalIgnoreCase))
            {
                value = 1;
                return true;
            }

            if (string.Equals(text, "closed", StringComparison.OrdinalIgnoreCase))
            {
                value = 0;
                return true;
            }

            return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
                && double.IsFinite(value);
        }
    }
}
