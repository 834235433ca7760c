using System;
using System.Globalization;
using System.Text;
using NanoRelay.HostSim.Budget;

namespace NanoRelay.HostSim
{
    /// <summary>The live status line and the table printed at exit, from a <see cref="StatusSnapshot"/>.</summary>
    public static class StatusLine
    {
        /// <summary>One line: "up 0:05:12 | queue 2 | pop3 1 imap 0 smtp 0 | alerts 4 | last delivery 12 s ago | last error none | memory 41.2 KB / 96.0 KB esp32 (43%)".</summary>
        public static string Render(StatusSnapshot s, DateTime nowUtc)
        {
            return "up " + Uptime(s.Uptime)
                + " | queue " + s.QueueDepth.ToString(CultureInfo.InvariantCulture)
                + " | pop3 " + s.Pop3Sessions.ToString(CultureInfo.InvariantCulture) + " imap " + s.ImapSessions.ToString(CultureInfo.InvariantCulture) + " smtp " + s.SmtpSessions.ToString(CultureInfo.InvariantCulture)
                + " | alerts " + s.AlertsRaised.ToString(CultureInfo.InvariantCulture)
                + " | last delivery " + Ago(s.LastDeliveryUtc, nowUtc)
                + " | last error " + OneLine(s.LastError, 60)
                + " | memory " + Memory(s);
        }

        /// <summary>The same as a table, for the end of a run.</summary>
        public static string RenderTable(StatusSnapshot s, DateTime nowUtc)
        {
            StringBuilder b = new StringBuilder();
            Row(b, "uptime", Uptime(s.Uptime));
            Row(b, "queue depth", s.QueueDepth.ToString(CultureInfo.InvariantCulture));
            Row(b, "sessions", "pop3 " + s.Pop3Sessions + ", imap " + s.ImapSessions + ", smtp " + s.SmtpSessions);
            Row(b, "alerts raised", s.AlertsRaised.ToString(CultureInfo.InvariantCulture));
            Row(b, "last delivery", s.LastDeliveryUtc == null ? "none" : s.LastDeliveryUtc.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC (" + Ago(s.LastDeliveryUtc, nowUtc) + ")");
            Row(b, "last error", OneLine(s.LastError, 200));
            Row(b, "memory held", Memory(s));
            Row(b, "memory peak", ByteSize.Format(s.PeakManagedBytes) + (s.HeapBudgetBytes == null ? string.Empty : " (" + Percent(s.PeakManagedBytes, s.HeapBudgetBytes.Value) + " of the heap)"));
            if (s.HeapGate != null)
            {
                Row(b, "heap gate", s.HeapGate);
            }
            return b.ToString();
        }

        /// <summary>"41.2 KB / 96.0 KB esp32 (43%)", "OVER BUDGET" past the heap; without a board "41.2 KB (peak 50.1 KB)".</summary>
        public static string Memory(StatusSnapshot s)
        {
            if (s.HeapBudgetBytes == null)
            {
                return ByteSize.Format(s.ManagedBytes) + " (peak " + ByteSize.Format(s.PeakManagedBytes) + ")";
            }

            long heap = s.HeapBudgetBytes.Value;
            string over = s.ManagedBytes > heap ? ", OVER BUDGET" : string.Empty;
            return ByteSize.Format(s.ManagedBytes) + " / " + ByteSize.Format(heap) + (s.BoardName == null ? string.Empty : " " + s.BoardName)
                + " (" + Percent(s.ManagedBytes, heap) + over + ")";
        }

        private static string Percent(long part, long whole)
        {
            return whole <= 0 ? "?" : ((part * 100) / whole).ToString(CultureInfo.InvariantCulture) + "%";
        }

        private static string Uptime(TimeSpan t)
        {
            return ((int)t.TotalHours).ToString(CultureInfo.InvariantCulture) + ":" + t.Minutes.ToString("00", CultureInfo.InvariantCulture) + ":" + t.Seconds.ToString("00", CultureInfo.InvariantCulture);
        }

        private static string Ago(DateTime? then, DateTime now)
        {
            if (then == null)
            {
                return "none";
            }

            TimeSpan d = now - then.Value;
            if (d < TimeSpan.Zero)
            {
                d = TimeSpan.Zero;
            }

            if (d.TotalSeconds < 60)
            {
                return ((int)d.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s ago";
            }

            return d.TotalMinutes < 60
                ? ((int)d.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min ago"
                : ((int)d.TotalHours).ToString(CultureInfo.InvariantCulture) + " h ago";
        }

        // An error text from a peer could carry control characters or span lines: keep one short line.
        private static string OneLine(string text, int max)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "none";
            }

            StringBuilder b = new StringBuilder(Math.Min(text.Length, max + 3));
            foreach (char c in text)
            {
                if (b.Length == max)
                {
                    b.Append("...");
                    break;
                }

                b.Append(char.IsControl(c) ? ' ' : c);
            }

            return b.ToString();
        }

        private static void Row(StringBuilder b, string name, string value)
        {
            b.Append("  ").Append(name.PadRight(15)).Append(value).Append('\n');
        }
    }
}
