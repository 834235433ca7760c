using NanoRelay.Framing;

namespace NanoRelay.Imap.Server
{
    /// <summary>RFC 9051 §7.5.2 ENVELOPE and BODYSTRUCTURE, written from the <see cref="ImapBodyScanner"/>'s findings.</summary>
    public sealed partial class ImapServerSession
    {
        private static readonly byte[] s_textPlainDefault = Ascii.Bytes("\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\")");
        private static readonly byte[] s_messageRfc822 = Ascii.Bytes("\"MESSAGE\" \"RFC822\"");
        private static readonly byte[] s_7bit = Ascii.Bytes("\"7BIT\"");
        private static readonly byte[] s_charset = Ascii.Bytes("CHARSET");
        private static readonly byte[] s_name = Ascii.Bytes("NAME");
        private static readonly byte[] s_filename = Ascii.Bytes("FILENAME");
        private static readonly byte[] s_boundaryName = Ascii.Bytes("BOUNDARY");
        private static readonly byte[] s_textType = Ascii.Bytes("TEXT");
        private static readonly byte[] s_nilSpace = Ascii.Bytes("NIL ");
        private static readonly byte[] s_emptyPartTail = Ascii.Bytes(" NIL NIL \"7BIT\" 0 0)");

        /// <summary>ENVELOPE of entity <paramref name="e"/> (the message, or the one inside a message/rfc822 part).</summary>
        private void PutEnvelope(int e)
        {
            ImapBodyPart p = Scanner.Part(e);
            Put((byte)'(');
            PutField(p, ImapBodyPart.Date);
            Put((byte)' ');
            PutField(p, ImapBodyPart.Subject);
            Put((byte)' ');
            PutAddresses(p, ImapBodyPart.From);
            Put((byte)' ');

            // §7.5.2: "If the Sender or Reply-To header fields are absent ... set to the value of From".
            PutAddresses(p, p.Length[ImapBodyPart.Sender] >= 0 ? ImapBodyPart.Sender : ImapBodyPart.From);
            Put((byte)' ');
            PutAddresses(p, p.Length[ImapBodyPart.ReplyTo] >= 0 ? ImapBodyPart.ReplyTo : ImapBodyPart.From);
            Put((byte)' ');
            PutAddresses(p, ImapBodyPart.To);
            Put((byte)' ');
            PutAddresses(p, ImapBodyPart.Cc);
            Put((byte)' ');
            PutAddresses(p, ImapBodyPart.Bcc);
            Put((byte)' ');
            PutField(p, ImapBodyPart.InReplyTo);
            Put((byte)' ');
            PutField(p, ImapBodyPart.MessageId);
            Put((byte)')');
        }

        private void PutField(ImapBodyPart p, int field)
        {
            if (p.Length[field] < 0)
            {
                PutNil();
                return;
            }

            int o;
            int l;
            Trimmed(p.Offset[field], p.Length[field], out o, out l);
            PutString(Scanner.Arena, o, l, Limits.ImapEnvelopeField);
        }

        private void Trimmed(int offset, int length, out int o, out int l)
        {
            byte[] a = Scanner.Arena;
            o = offset;
            l = length;
            while (l > 0 && (a[o] == (byte)' ' || a[o] == (byte)'\t'))
            {
                o++;
                l--;
            }

            while (l > 0 && (a[o + l - 1] == (byte)' ' || a[o + l - 1] == (byte)'\t'))
            {
                l--;
            }
        }

        // RFC 5322 §3.4 address-list, read simply: commas outside quotes and angle brackets
        // separate; "Name <local@domain>" or "local@domain"; groups are left out.
        private void PutAddresses(ImapBodyPart p, int field)
        {
            if (p.Length[field] < 0)
            {
                PutNil();
                return;
            }

            byte[] a = Scanner.Arena;
            int at = p.Offset[field];
            int end = at + p.Length[field];
            int written = 0;
            while (at < end && written < Limits.ImapEnvelopeAddresses)
            {
                int start = at;
                bool quoted = false;
                int angle = 0;
                while (at < end && (quoted || angle > 0 || a[at] != (byte)','))
                {
                    if (a[at] == (byte)'"')
                    {
                        quoted = !quoted;
                    }
                    else if (!quoted && a[at] == (byte)'<')
                    {
                        angle++;
                    }
                    else if (!quoted && a[at] == (byte)'>' && angle > 0)
                    {
                        angle--;
                    }

                    at++;
                }

                if (PutAddress(start, at - start, written == 0))
                {
                    written++;
                }

                at++;
            }

            if (written == 0)
            {
                PutNil();
            }
            else
            {
                Put((byte)')');
            }
        }

        private bool PutAddress(int offset, int length, bool first)
        {
            byte[] a = Scanner.Arena;
            int o;
            int l;
            Trimmed(offset, length, out o, out l);
            if (l == 0)
            {
                return false;
            }

            int lt = Ascii.IndexOf(a, o, l, (byte)'<');
            int nameOffset = o;
            int nameLength = 0;
            int addrOffset = o;
            int addrLength = l;
            if (lt >= 0)
            {
                int gt = Ascii.IndexOf(a, lt, o + l - lt, (byte)'>');
                Trimmed(o, lt - o, out nameOffset, out nameLength);
                if (nameLength >= 2 && a[nameOffset] == (byte)'"' && a[nameOffset + nameLength - 1] == (byte)'"')
                {
                    nameOffset++;
                    nameLength -= 2;
                }

                addrOffset = lt + 1;
                addrLength = (gt < 0 ? o + l : gt) - addrOffset;
            }
            else if (Ascii.IndexOf(a, o, l, (byte)':') >= 0)
            {
                return false;
            }

            int at = -1;
            for (int i = addrOffset + addrLength - 1; i >= addrOffset; i--)
            {
                if (a[i] == (byte)'@')
                {
                    at = i;
                    break;
                }
            }

            Put(first ? (byte)'(' : (byte)' ');
            Put((byte)'(');
            if (nameLength > 0)
            {
                PutString(a, nameOffset, nameLength, Limits.ImapEnvelopeField);
            }
            else
            {
                PutNil();
            }

            Put((byte)' ');
            PutNil();
            Put((byte)' ');
            if (at < 0)
            {
                PutString(a, addrOffset, addrLength, Limits.ImapEnvelopeField);
                Put((byte)' ');
                PutNil();
            }
            else
            {
                PutString(a, addrOffset, at - addrOffset, Limits.ImapEnvelopeField);
                Put((byte)' ');
                PutString(a, at + 1, addrOffset + addrLength - at - 1, Limits.ImapEnvelopeField);
            }

            Put((byte)')');
            return true;
        }

        /// <summary>RFC 9051 §7.5.2 BODYSTRUCTURE (with <paramref name="extensions"/>) or BODY of entity <paramref name="e"/>.</summary>
        private void PutBodyStructure(int e, bool extensions)
        {
            ImapBodyPart p = Scanner.Part(e);
            Put((byte)'(');
            int to;
            int tl;
            int so;
            int sl;
            bool typed = Scanner.MediaType(p, out to, out tl, out so, out sl);
            if (p.Multipart)
            {
                for (int c = p.FirstChild; c >= 0; c = Scanner.Part(c).NextSibling)
                {
                    PutBodyStructure(c, extensions);
                }

                if (p.FirstChild < 0)
                {
                    // RFC 2046 §5.1.1 needs one part; show an empty text part rather than none.
                    Put((byte)'(');
                    Put(s_textPlainDefault);
                    Put(s_emptyPartTail);
                }

                Put((byte)' ');
                PutUpper(Scanner.Arena, so, sl);
                if (extensions)
                {
                    int bo;
                    int bl;
                    Put((byte)' ');
                    if (Scanner.Param(p, ImapBodyPart.ContentType, s_boundaryName, out bo, out bl))
                    {
                        Put((byte)'(');
                        PutString(s_boundaryName, 0, s_boundaryName.Length, 16);
                        Put((byte)' ');
                        PutString(Scanner.Arena, bo, bl, Limits.ImapEnvelopeField);
                        Put((byte)')');
                    }
                    else
                    {
                        PutNil();
                    }
                }

                Put((byte)')');
                return;
            }

            bool message = p.Message && p.FirstChild >= 0;
            bool text = false;
            if (!typed)
            {
                Put(p.DigestChild ? s_messageRfc822 : s_textPlainDefault);
                if (p.DigestChild)
                {
                    Put((byte)' ');
                    PutNil();
                }

                text = !p.DigestChild;
            }
            else
            {
                PutUpper(Scanner.Arena, to, tl);
                Put((byte)' ');
                PutUpper(Scanner.Arena, so, sl);
                Put((byte)' ');
                PutParams(p);
                text = Ascii.EqualsIgnoreCase(Scanner.Arena, to, tl, s_textType);
            }

            // body-fld-id, body-fld-desc, body-fld-enc, body-fld-octets
            Put((byte)' ');
            PutField(p, ImapBodyPart.Id);
            Put((byte)' ');
            PutField(p, ImapBodyPart.Description);
            Put((byte)' ');
            int eo;
            int el;
            if (Scanner.FirstToken(p, ImapBodyPart.Encoding, out eo, out el))
            {
                PutUpper(Scanner.Arena, eo, el);
            }
            else
            {
                Put(s_7bit);
            }

            Put((byte)' ');
            PutNumber(p.End - p.BodyStart);
            if (message)
            {
                // body-type-msg: envelope, body, lines of the encapsulated message.
                Put((byte)' ');
                PutEnvelope(p.FirstChild);
                Put((byte)' ');
                PutBodyStructure(p.FirstChild, extensions);
                Put((byte)' ');
                PutNumber(Lines(p));
            }
            else if (text)
            {
                Put((byte)' ');
                PutNumber(Lines(p));
            }

            if (extensions && p.Length[ImapBodyPart.Disposition] >= 0)
            {
                // body-ext-1part: md5 NIL, then the disposition with its filename.
                Put((byte)' ');
                Put(s_nilSpace);
                int dO;
                int dl;
                if (Scanner.FirstToken(p, ImapBodyPart.Disposition, out dO, out dl))
                {
                    Put((byte)'(');
                    PutUpper(Scanner.Arena, dO, dl);
                    Put((byte)' ');
                    int fo;
                    int fl;
                    if (Scanner.Param(p, ImapBodyPart.Disposition, s_filename, out fo, out fl))
                    {
                        Put((byte)'(');
                        PutString(s_filename, 0, s_filename.Length, 16);
                        Put((byte)' ');
                        PutString(Scanner.Arena, fo, fl, Limits.ImapEnvelopeField);
                        Put((byte)')');
                    }
                    else
                    {
                        PutNil();
                    }

                    Put((byte)')');
                }
                else
                {
                    PutNil();
                }
            }

            Put((byte)')');
        }

        private long Lines(ImapBodyPart p)
        {
            long n = p.EndLine - p.BodyStartLine;
            return n < 0 ? 0 : n;
        }

        // body-fld-param: CHARSET and NAME when present, else NIL.
        private void PutParams(ImapBodyPart p)
        {
            int co;
            int cl;
            int no;
            int nl;
            bool charset = Scanner.Param(p, ImapBodyPart.ContentType, s_charset, out co, out cl);
            bool name = Scanner.Param(p, ImapBodyPart.ContentType, s_name, out no, out nl);
            if (!charset && !name)
            {
                PutNil();
                return;
            }

            Put((byte)'(');
            if (charset)
            {
                PutString(s_charset, 0, s_charset.Length, 16);
                Put((byte)' ');
                PutUpper(Scanner.Arena, co, cl);
            }

            if (name)
            {
                if (charset)
                {
                    Put((byte)' ');
                }

                PutString(s_name, 0, s_name.Length, 16);
                Put((byte)' ');
                PutString(Scanner.Arena, no, nl, Limits.ImapEnvelopeField);
            }

            Put((byte)')');
        }

        /// <summary>A quoted upper-case token (types, subtypes, encodings, charsets are case-insensitive).</summary>
        private void PutUpper(byte[] b, int offset, int count)
        {
            if (count > Limits.ImapEnvelopeField)
            {
                count = Limits.ImapEnvelopeField;
            }

            Put((byte)'"');
            for (int i = 0; i < count; i++)
            {
                byte c = Ascii.ToUpper(b[offset + i]);
                Put(c == (byte)'"' || c == (byte)'\\' || c < 32 ? (byte)'_' : c);
            }

            Put((byte)'"');
        }
    }
}
