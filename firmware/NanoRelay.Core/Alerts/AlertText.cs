using System;

namespace NanoRelay.Alerts
{
    /// <summary>The words of an alert: subjects, bodies, numbers with units, times. No allocation beyond the strings made.</summary>
    public static class AlertText
    {
        /// <summary>"35.4" for (35.43, 1); rounds half away from zero; "-0.0" never appears.</summary>
        public static string FormatFixed(double value, int decimals)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }

            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            bool negative = value < 0;
            double scaled = (negative ? -value : value) * scale + 0.5;
            if (scaled >= 9.0e17)
            {
                return negative ? "-huge" : "huge";
            }

            long units = (long)scaled;
            char[] c = new char[24];
            int n = 0;
            long whole = units / scale;
            long frac = units % scale;
            if (negative && units != 0)
            {
                c[n++] = '-';
            }

            n += Digits(whole, c, n, 1);
            if (decimals > 0)
            {
                c[n++] = '.';
                n += Digits(frac, c, n, decimals);
            }

            return new string(c, 0, n);
        }

        /// <summary>A value with its unit: "35.4 °C", "82.0 %", "open".</summary>
        public static string FormatValue(SensorKind kind, double value)
        {
            switch (kind)
            {
                case SensorKind.Door:
                    return value >= 0.5 ? "open" : "closed";
                case SensorKind.Humidity:
                case SensorKind.Battery:
                    return FormatFixed(value, 1) + " %";
                default:
                    return FormatFixed(value, 1) + " \u00B0C";
            }
        }

        /// <summary>"2026-11-27 09:30:00 UTC".</summary>
        public static string FormatUtc(DateTime utc)
        {
            char[] c = new char[23];
            int n = Digits(utc.Year, c, 0, 4);
            c[n++] = '-';
            n += Digits(utc.Month, c, n, 2);
            c[n++] = '-';
            n += Digits(utc.Day, c, n, 2);
            c[n++] = ' ';
            n += Digits(utc.Hour, c, n, 2);
            c[n++] = ':';
            n += Digits(utc.Minute, c, n, 2);
            c[n++] = ':';
            n += Digits(utc.Second, c, n, 2);
            c[n++] = ' ';
            c[n++] = 'U';
            c[n++] = 'T';
            c[n++] = 'C';
            return new string(c, 0, n);
        }

        /// <summary>Uptime in seconds with one decimal: "20.0 s".</summary>
        public static string FormatUptime(long monotonicMilliseconds)
        {
            return FormatFixed(monotonicMilliseconds / 1000.0, 1) + " s";
        }

        /// <summary>A duration for people: "45 s", "10 min", "3 min 10 s", "2 h 5 min".</summary>
        public static string FormatDuration(long milliseconds)
        {
            long s = milliseconds / 1000;
            if (s < 60)
            {
                return s.ToString() + " s";
            }

            if (s < 3600)
            {
                return s % 60 == 0 ? (s / 60).ToString() + " min" : (s / 60).ToString() + " min " + (s % 60).ToString() + " s";
            }

            long m = (s % 3600) / 60;
            return m == 0 ? (s / 3600).ToString() + " h" : (s / 3600).ToString() + " h " + m.ToString() + " min";
        }

        internal static string Subject(string device, AlertMessage m)
        {
            AlertRule r = m.Rule;
            string prefix = "[" + device + "] " + r.Name + ": ";
            if (r.Kind == SensorKind.Door)
            {
                return prefix + "door " + FormatValue(r.Kind, m.Value);
            }

            if (m.Kind == AlertEventKind.Raised)
            {
                return prefix + SensorKinds.NameOf(r.Kind) + " " + FormatValue(r.Kind, m.Value) + ", " + Side(r, false) + " " + FormatValue(r.Kind, r.Threshold);
            }

            return prefix + "back to normal, " + FormatValue(r.Kind, m.Value) + " (clear " + Side(r, true) + " " + FormatValue(r.Kind, r.ClearLevel) + ")";
        }

        internal static string Body(string device, AlertMessage m)
        {
            AlertRule r = m.Rule;
            string what;
            if (r.Kind == SensorKind.Door)
            {
                what = r.Name + " is " + FormatValue(r.Kind, m.Value) + ".";
            }
            else
            {
                what = m.Kind == AlertEventKind.Raised ? r.Name + " is " + Side(r, false) + " its threshold." : r.Name + " is back to normal.";
            }

            return what + "\n"
                + "Value:  " + FormatValue(r.Kind, m.Value) + "\n"
                + "Rule:   " + RuleText(r) + "\n"
                + "Device: " + device + "\n"
                + (m.HasUtc ? "Time:   " + FormatUtc(m.Utc) + "\n" : string.Empty)
                + "Uptime: " + FormatUptime(m.MonotonicMilliseconds) + "\n";
        }

        internal static string DigestSubject(string device, AlertMessage digest)
        {
            AlertRule r = digest.Rule;
            int changes = digest.Members.Length + digest.Omitted;
            return "[" + device + "] " + r.Name + ": " + changes.ToString() + " changes while flapping, now " + StateWord(digest);
        }

        internal static string DigestBody(string device, AlertMessage digest, long firstMs, long lastMs)
        {
            AlertRule r = digest.Rule;
            int changes = digest.Members.Length + digest.Omitted;
            return r.Name + " changed state " + changes.ToString() + " times in " + FormatDuration(lastMs - firstMs) + ",\n"
                + "more than its limit of " + r.MaxAlerts.ToString() + " alerts per " + FormatDuration(r.WindowMilliseconds) + ",\n"
                + "so its alerts were collected into this one message.\n"
                + "Listed:     " + digest.Members.Length.ToString() + " (uptime " + FormatUptime(firstMs) + " to " + FormatUptime(digest.Members[digest.Members.Length - 1].MonotonicMilliseconds) + ")\n"
                + "Not listed: " + digest.Omitted.ToString() + "\n"
                + "Now:        " + (r.Kind == SensorKind.Door ? StateWord(digest) : StateWord(digest) + ", " + FormatValue(r.Kind, digest.Value)) + "\n"
                + "Rule:       " + RuleText(r) + "\n"
                + "Device:     " + device + "\n"
                + (digest.HasUtc ? "Time:       " + FormatUtc(digest.Utc) + "\n" : string.Empty);
        }

        private static string StateWord(AlertMessage digest)
        {
            AlertMessage last = digest.Members[digest.Members.Length - 1];
            if (digest.Rule.Kind == SensorKind.Door)
            {
                return last.Kind == AlertEventKind.Raised ? "open" : "closed";
            }

            return last.Kind == AlertEventKind.Raised ? "alerting" : "normal";
        }

        private static string RuleText(AlertRule r)
        {
            if (r.Kind == SensorKind.Door)
            {
                return "alert while open";
            }

            return "alert " + Side(r, false) + " " + FormatValue(r.Kind, r.Threshold) + ", clear " + Side(r, true) + " " + FormatValue(r.Kind, r.ClearLevel);
        }

        private static string Side(AlertRule r, bool clearing)
        {
            bool above = r.Direction == AlertDirection.Above;
            return above != clearing ? "above" : "below";
        }

        private static int Digits(long value, char[] c, int offset, int minDigits)
        {
            int digits = 1;
            for (long v = value / 10; v != 0; v /= 10)
            {
                digits++;
            }

            if (digits < minDigits)
            {
                digits = minDigits;
            }

            for (int i = offset + digits - 1; i >= offset; i--)
            {
                c[i] = (char)('0' + (int)(value % 10));
                value /= 10;
            }

            return digits;
        }
    }
}
