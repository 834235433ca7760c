namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// The Reverse-path or Forward-path of MAIL/RCPT (RFC 5321 §4.1.2) and where its ESMTP
    /// parameters start. One instance per session, reused: <see cref="Parse"/> fills it in.
    /// ASCII only (SMTPUTF8 is not offered). Source routes are parsed and flagged, never followed.
    /// </summary>
    public sealed class SmtpPath
    {
        private const byte Lt = (byte)'<';
        private const byte Gt = (byte)'>';
        private const byte At = (byte)'@';
        private const byte Quote = (byte)'"';
        private const byte Backslash = (byte)'\\';

        /// <summary>The mailbox "local@domain" without angle brackets and source route; "" for the null path.</summary>
        public string Address { get; private set; }

        /// <summary>True for "&lt;&gt;" (§4.5.5: the null reverse-path of notifications).</summary>
        public bool IsNull { get; private set; }

        public SmtpPathFlags Flags { get; private set; }

        /// <summary>Where the parameters after "&gt;" start (at a space), and how many bytes they take.</summary>
        public int ParametersOffset { get; private set; }

        public int ParametersCount { get; private set; }

        /// <summary>Parses the bytes after "FROM:" or "TO:" up to the end of the command line.</summary>
        public SmtpPathResult Parse(byte[] b, int offset, int count)
        {
            Address = null;
            IsNull = false;
            Flags = SmtpPathFlags.None;
            ParametersOffset = offset + count;
            ParametersCount = 0;

            int end = offset + count;
            int i = offset;

            // §4.1.2 has no space after the colon; many device stacks send one ("MAIL FROM: <a@b>").
            while (i < end && b[i] == (byte)' ')
            {
                i++;
            }

            if (i >= end || b[i] != Lt)
            {
                return SmtpPathResult.Syntax;
            }

            int open = i++;
            if (i < end && b[i] == Gt)
            {
                IsNull = true;
                Address = string.Empty;
                return Parameters(b, i + 1, end);
            }

            if (i < end && b[i] == At)
            {
                // A-d-l ":" (Appendix C source route): skipped up to the colon, and flagged.
                while (i < end && b[i] != (byte)':')
                {
                    if (!NanoRelay.Framing.Ascii.IsPrintable(b[i]) || b[i] == (byte)' ' || b[i] == Gt)
                    {
                        return SmtpPathResult.Syntax;
                    }

                    i++;
                }

                if (i >= end)
                {
                    return SmtpPathResult.Syntax;
                }

                Flags |= SmtpPathFlags.SourceRoute;
                i++;
            }

            int localStart = i;
            if (i < end && b[i] == Quote)
            {
                i++;
                while (true)
                {
                    if (i >= end || !NanoRelay.Framing.Ascii.IsPrintable(b[i]))
                    {
                        return SmtpPathResult.Syntax;
                    }

                    byte c = b[i];
                    if (c == Quote)
                    {
                        i++;
                        break;
                    }

                    if (c == Backslash)
                    {
                        i++;
                        if (i >= end || !NanoRelay.Framing.Ascii.IsPrintable(b[i]))
                        {
                            return SmtpPathResult.Syntax;
                        }

                        c = b[i];
                    }

                    MarkLocal(c, true);
                    i++;
                }
            }
            else
            {
                while (i < end && IsDotStringChar(b[i]))
                {
                    MarkLocal(b[i], false);
                    i++;
                }
            }

            int localLength = i - localStart;
            if (localLength == 0)
            {
                return SmtpPathResult.Syntax;
            }

            if (localLength > Limits.SmtpLocalPartOctets)
            {
                return SmtpPathResult.TooLong;
            }

            int domainEnd = i;
            if (i < end && b[i] == At)
            {
                i++;
                int domainStart = i;
                if (i < end && b[i] == (byte)'[')
                {
                    while (i < end && b[i] != (byte)']')
                    {
                        if (!NanoRelay.Framing.Ascii.IsPrintable(b[i]) || b[i] == (byte)' ')
                        {
                            return SmtpPathResult.Syntax;
                        }

                        i++;
                    }

                    if (i >= end)
                    {
                        return SmtpPathResult.Syntax;
                    }

                    i++;
                }
                else
                {
                    while (i < end && IsDomainChar(b[i]))
                    {
                        i++;
                    }
                }

                if (i == domainStart)
                {
                    return SmtpPathResult.Syntax;
                }

                if (i - domainStart > Limits.SmtpDomainOctets)
                {
                    return SmtpPathResult.TooLong;
                }

                domainEnd = i;
            }
            else
            {
                Flags |= SmtpPathFlags.NoDomain;
            }

            if (i >= end || b[i] != Gt)
            {
                return SmtpPathResult.Syntax;
            }

            if (i - open + 1 > Limits.SmtpPathOctets)
            {
                return SmtpPathResult.TooLong;
            }

            Address = NanoRelay.Framing.Utf8.GetString(b, localStart, domainEnd - localStart);
            return Parameters(b, i + 1, end);
        }

        private SmtpPathResult Parameters(byte[] b, int i, int end)
        {
            // §4.1.2: Mail-parameters follow after one SP; nothing else may follow the path.
            if (i < end && b[i] != (byte)' ')
            {
                return SmtpPathResult.Syntax;
            }

            ParametersOffset = i;
            ParametersCount = end - i;
            return SmtpPathResult.Ok;
        }

        private void MarkLocal(byte c, bool quoted)
        {
            if (c == At && quoted)
            {
                Flags |= SmtpPathFlags.QuotedAt;
            }
            else if (c == (byte)'%')
            {
                Flags |= SmtpPathFlags.Percent;
            }
            else if (c == (byte)'!')
            {
                Flags |= SmtpPathFlags.Bang;
            }
        }

        // RFC 5322 §3.2.3 atext, and "." between atoms (Dot-string, RFC 5321 §4.1.2).
        private static bool IsDotStringChar(byte c)
        {
            if ((c >= (byte)'a' && c <= (byte)'z') || (c >= (byte)'A' && c <= (byte)'Z') || NanoRelay.Framing.Ascii.IsDigit(c))
            {
                return true;
            }

            switch (c)
            {
                case (byte)'.':
                case (byte)'!':
                case (byte)'#':
                case (byte)'$':
                case (byte)'%':
                case (byte)'&':
                case (byte)'\'':
                case (byte)'*':
                case (byte)'+':
                case (byte)'-':
                case (byte)'/':
                case (byte)'=':
                case (byte)'?':
                case (byte)'^':
                case (byte)'_':
                case (byte)'`':
                case (byte)'{':
                case (byte)'|':
                case (byte)'}':
                case (byte)'~':
                    return true;
                default:
                    return false;
            }
        }

        // §4.1.2 sub-domain: Let-dig, "-" and "."; "_" too, because LAN devices use it in host names.
        private static bool IsDomainChar(byte c)
        {
            return (c >= (byte)'a' && c <= (byte)'z') || (c >= (byte)'A' && c <= (byte)'Z') || NanoRelay.Framing.Ascii.IsDigit(c)
                || c == (byte)'-' || c == (byte)'.' || c == (byte)'_';
        }
    }
}
