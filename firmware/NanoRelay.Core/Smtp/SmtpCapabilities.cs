using NanoRelay.Framing;

namespace NanoRelay.Smtp
{
    /// <summary>What the server's last EHLO reply offered, as flags (no strings kept). RFC 5321 §4.1.1.1.</summary>
    public sealed class SmtpCapabilities
    {
        private static readonly byte[] s_startTls = Ascii.Bytes("STARTTLS");
        private static readonly byte[] s_auth = Ascii.Bytes("AUTH");
        private static readonly byte[] s_size = Ascii.Bytes("SIZE");
        private static readonly byte[] s_8bitMime = Ascii.Bytes("8BITMIME");
        private static readonly byte[] s_smtpUtf8 = Ascii.Bytes("SMTPUTF8");
        private static readonly byte[] s_pipelining = Ascii.Bytes("PIPELINING");
        private static readonly byte[] s_enhanced = Ascii.Bytes("ENHANCEDSTATUSCODES");
        private static readonly byte[] s_plain = Ascii.Bytes("PLAIN");
        private static readonly byte[] s_login = Ascii.Bytes("LOGIN");
        private static readonly byte[] s_cramMd5 = Ascii.Bytes("CRAM-MD5");
        private static readonly byte[] s_xoauth2 = Ascii.Bytes("XOAUTH2");

        /// <summary>The extensions offered.</summary>
        public SmtpExtensions Extensions { get; private set; }

        /// <summary>The SASL mechanisms offered that the client knows.</summary>
        public SaslMechanisms Mechanisms { get; private set; }

        /// <summary>RFC 1870 §4: the fixed maximum message size; 0 when none was declared.</summary>
        public long MaxSize { get; private set; }

        public bool Has(SmtpExtensions extension)
        {
            return (Extensions & extension) == extension;
        }

        /// <summary>RFC 3207 §4.2: "The client MUST discard any knowledge obtained from the server".</summary>
        public void Clear()
        {
            Extensions = SmtpExtensions.None;
            Mechanisms = SaslMechanisms.None;
            MaxSize = 0;
        }

        /// <summary>Reads one ehlo-line (RFC 5321 §4.1.1.1: ehlo-keyword *( SP ehlo-param )), the text after "250-".</summary>
        public void ParseLine(byte[] b, int offset, int count)
        {
            int end = offset + count;
            int kwEnd = offset;
            while (kwEnd < end && b[kwEnd] != (byte)' ' && b[kwEnd] != (byte)'=')
            {
                kwEnd++;
            }

            int kwLen = kwEnd - offset;
            if (Ascii.EqualsIgnoreCase(b, offset, kwLen, s_startTls))
            {
                Extensions |= SmtpExtensions.StartTls;
            }
            else if (Ascii.EqualsIgnoreCase(b, offset, kwLen, s_auth))
            {
                // "AUTH=PLAIN LOGIN" is the pre-RFC form some servers still send beside "AUTH PLAIN LOGIN".
                Extensions |= SmtpExtensions.Auth;
                ParseMechanisms(b, kwEnd + 1, end);
            }
            else if (Ascii.EqualsIgnoreCase(b, offset, kwLen, s_size))
            {
                Extensions |= SmtpExtensions.Size;
                long max;
                if (kwEnd < end && Ascii.TryParseDecimal(b, kwEnd + 1, end - kwEnd - 1, long.MaxValue / 2, out max))
                {
                    MaxSize = max;
                }
            }
            else if (Ascii.EqualsIgnoreCase(b, offset, kwLen, s_8bitMime))
            {
                Extensions |= SmtpExtensions.EightBitMime;
            }
            else if (Ascii.EqualsIgnoreCase(b, offset, kwLen, s_smtpUtf8))
            {
                Extensions |= SmtpExtensions.SmtpUtf8;
            }
            else if (Ascii.EqualsIgnoreCase(b, offset, kwLen, s_pipelining))
            {
                Extensions |= SmtpExtensions.Pipelining;
            }
            else if (Ascii.EqualsIgnoreCase(b, offset, kwLen, s_enhanced))
            {
                Extensions |= SmtpExtensions.EnhancedStatusCodes;
            }
        }

        private void ParseMechanisms(byte[] b, int i, int end)
        {
            while (i < end)
            {
                int start = i;
                while (i < end && b[i] != (byte)' ')
                {
                    i++;
                }

                int n = i - start;
                if (Ascii.EqualsIgnoreCase(b, start, n, s_plain))
                {
                    Mechanisms |= SaslMechanisms.Plain;
                }
                else if (Ascii.EqualsIgnoreCase(b, start, n, s_login))
                {
                    Mechanisms |= SaslMechanisms.Login;
                }
                else if (Ascii.EqualsIgnoreCase(b, start, n, s_cramMd5))
                {
                    Mechanisms |= SaslMechanisms.CramMd5;
                }
                else if (Ascii.EqualsIgnoreCase(b, start, n, s_xoauth2))
                {
                    Mechanisms |= SaslMechanisms.XOAuth2;
                }

                i++;
            }
        }
    }
}
