using NanoRelay.Framing;

namespace NanoRelay.Smtp
{
    /// <summary>What an envelope must satisfy before MAIL is sent (RFC 5321 §4.1.2, §4.5.3.1; RFC 1870, 6152, 6531).</summary>
    internal static class SmtpEnvelopeRules
    {
        /// <summary>Null when the envelope can go to a server with <paramref name="capabilities"/>, else why not.</summary>
        public static string Check(SmtpEnvelope envelope, SmtpCapabilities capabilities)
        {
            if (envelope.Recipients.Length == 0)
            {
                return "the message has no recipient";
            }

            if (!IsPath(envelope.From, true))
            {
                return "bad sender address <" + envelope.From + ">";
            }

            for (int i = 0; i < envelope.Recipients.Length; i++)
            {
                if (!IsPath(envelope.Recipients[i], false))
                {
                    return "bad recipient address <" + envelope.Recipients[i] + ">";
                }
            }

            if (envelope.EightBit && !capabilities.Has(SmtpExtensions.EightBitMime))
            {
                return "8-bit content, but the server does not offer 8BITMIME (RFC 6152)";
            }

            if (NeedsSmtpUtf8(envelope) && !capabilities.Has(SmtpExtensions.SmtpUtf8))
            {
                return "a non-ASCII address needs SMTPUTF8, which the server does not offer (RFC 6531)";
            }

            if (envelope.Size > 0 && capabilities.MaxSize > 0 && envelope.Size > capabilities.MaxSize)
            {
                // RFC 1870 §6: a message over the declared maximum would be refused with 552.
                return "the message (" + envelope.Size.ToString() + " octets) exceeds the server's SIZE " + capabilities.MaxSize.ToString();
            }

            return null;
        }

        /// <summary>RFC 6531 §3.4: an address with non-ASCII characters needs SMTPUTF8 on MAIL.</summary>
        public static bool NeedsSmtpUtf8(SmtpEnvelope envelope)
        {
            if (!Utf8.IsAscii(envelope.From))
            {
                return true;
            }

            for (int i = 0; i < envelope.Recipients.Length; i++)
            {
                if (!Utf8.IsAscii(envelope.Recipients[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether MAIL, every RCPT and DATA fit one PIPELINING group (RFC 2920 §3.1) in the output buffer.</summary>
        public static bool PipelineFits(SmtpEnvelope envelope, int capacity)
        {
            int need = Limits.SmtpCommandLine;
            for (int i = 0; i < envelope.Recipients.Length; i++)
            {
                need += 12 + Utf8.ByteCount(envelope.Recipients[i]);
            }

            return need + SmtpCommands.Data.Length <= capacity;
        }

        // RFC 5321 §4.1.2 / §4.5.3.1.3: a path of at most 256 octets with its brackets; no
        // characters that would end or split the command line.
        private static bool IsPath(string address, bool mayBeEmpty)
        {
            if (address == null || (address.Length == 0 && !mayBeEmpty) || Utf8.ByteCount(address) > Limits.SmtpPathOctets - 2)
            {
                return false;
            }

            for (int i = 0; i < address.Length; i++)
            {
                char c = address[i];
                if (c <= ' ' || c == '<' || c == '>' || c == 0x7F)
                {
                    return false;
                }
            }

            return address.Length == 0 || address.IndexOf('@') > 0;
        }
    }
}
