using System;
using System.Collections.Generic;

namespace NanoRelay.HostSim.Budget
{
    /// <summary>How much of a board a configuration asks for at its worst moment: every session open, the spool full.</summary>
    public sealed record BudgetPlan(int Pop3Sessions, int SmtpSessions, long SpoolIndexEntries, long SpoolBytes, IReadOnlyList<string> TlsUsers, SessionCosts Costs)
    {
        /// <summary>A spool of small alerts is the worst case for the index: one entry per 2 KB of spool.</summary>
        public const long SmallMessageBytes = 2048;

        /// <summary>IMAP sessions at the board's cap (`run` serves IMAP wherever the board has sessions.imap).</summary>
        public int ImapSessions { get; init; }

        /// <summary>The plan of a config on a board: the board's session maxima, the smaller of the two spool sizes.</summary>
        public static BudgetPlan For(HostConfig config, BoardBudget board, SessionCosts costs)
        {
            List<string> tls = new List<string>();
            if (config.Upstream != null && config.Upstream.Tls != "none")
            {
                tls.Add("upstream");
            }

            if (config.Pop3?.TlsListen != null)
            {
                tls.Add("pop3.tlsListen");
            }

            if (config.Imap.TlsListen != null && board.MaxImapSessions > 0)
            {
                tls.Add("imap.tlsListen");
            }

            if (config.Certificate?.File != null && config.SmtpIngress != null)
            {
                tls.Add("smtpIngress STARTTLS");
            }

            long spool = Math.Min(config.Spool?.MaxBytes ?? board.SpoolBytes, board.SpoolBytes);
            return new BudgetPlan(board.MaxPop3Sessions, config.SmtpIngress == null ? 0 : board.MaxSmtpSessions, spool / SmallMessageBytes, config.Spool?.MaxBytes ?? 0, tls, costs)
            {
                ImapSessions = board.MaxImapSessions,
            };
        }

        /// <summary>The managed bytes the plan needs.</summary>
        public long RequiredBytes
        {
            get
            {
                return Costs.BaseBytes + (Pop3Sessions * Costs.Pop3SessionBytes) + (SmtpSessions * Costs.SmtpSessionBytes) + (ImapSessions * Costs.ImapSessionBytes) + (SpoolIndexEntries * Costs.SpoolIndexEntryBytes);
            }
        }

        /// <summary>"2 POP3 × 2.8 KB + 2 SMTP × 3.5 KB + spool index 128 × 64 B + base 16.0 KB".</summary>
        public string Breakdown
        {
            get
            {
                return Pop3Sessions + " POP3 \u00D7 " + ByteSize.Format(Costs.Pop3SessionBytes)
                    + " + " + SmtpSessions + " SMTP \u00D7 " + ByteSize.Format(Costs.SmtpSessionBytes)
                    + (ImapSessions == 0 ? string.Empty : " + " + ImapSessions + " IMAP \u00D7 " + ByteSize.Format(Costs.ImapSessionBytes) + (Costs.ImapMeasured ? string.Empty : " (estimated)"))
                    + " + spool index " + SpoolIndexEntries + " \u00D7 " + ByteSize.Format(Costs.SpoolIndexEntryBytes)
                    + " + base " + ByteSize.Format(Costs.BaseBytes);
            }
        }
    }
}
