namespace NanoRelay.Dns
{
    /// <summary>
    /// Turns a response to our query into a <see cref="DnsAnswer"/>: checks that it answers our
    /// query (ID, question; RFC 5452 §9.1), maps the RCODE (RFC 1035 §4.1.1), follows the CNAME
    /// chain inside the answer section (RFC 1034 §3.6.2, bounded) and keeps only the records
    /// whose owner is the end of that chain, so records for another name are never used.
    /// </summary>
    public static class DnsResponse
    {
        /// <summary>
        /// Reads <paramref name="message"/> as the response to <paramref name="query"/>. Returns
        /// the status it set on <paramref name="into"/>: Mismatch (not ours: keep waiting),
        /// Truncated (ask over TCP), Invalid, NameError, ServerFailure, NoData or Answer.
        /// </summary>
        public static DnsStatus Read(DnsReader reader, byte[] message, int length, byte[] query, int queryLength, int type, DnsAnswer into)
        {
            into.Reset(type);
            into.Status = Decide(reader, message, length, query, queryLength, type, into);
            return into.Status;
        }

        private static DnsStatus Decide(DnsReader r, byte[] m, int length, byte[] query, int queryLength, int type, DnsAnswer into)
        {
            if (length < DnsQuery.QuestionOffset || length > m.Length)
            {
                return DnsStatus.Invalid;
            }

            // Checked before anything else is believed: a forged or stray datagram is not an error of the server.
            if (DnsQuery.IdOf(m) != DnsQuery.IdOf(query) || (m[2] & 0x80) == 0)
            {
                return DnsStatus.Mismatch;
            }

            if (!r.Begin(m, length))
            {
                return DnsStatus.Invalid;
            }

            if (r.Opcode != 0 || !r.QuestionMatches(query, queryLength))
            {
                return DnsStatus.Mismatch;
            }

            if (r.Truncated)
            {
                return DnsStatus.Truncated;   // RFC 7766 §5: retry over TCP
            }

            switch (r.Rcode)
            {
                case DnsRcode.NoError:
                    break;
                case DnsRcode.NameError:    // RFC 1035 §4.1.1 "the domain name referenced in the query does not exist"
                    return DnsStatus.NameError;
                default:                    // SERVFAIL, REFUSED, NOTIMP, FORMERR: another server may answer
                    return DnsStatus.ServerFailure;
            }

            // The owner we look for: the question's name, then each CNAME target in turn.
            int owner = DnsQuery.QuestionOffset;
            int links = 0;
            bool moved = true;
            while (moved)
            {
                moved = false;
                r.Rewind();
                int step;
                while ((step = r.Next()) == 1)
                {
                    if (r.Class != DnsType.ClassIn)
                    {
                        continue;
                    }

                    int same = DnsName.Compare(m, length, r.NameOffset, m, length, owner);
                    if (same < 0)
                    {
                        return DnsStatus.Invalid;
                    }

                    if (same == 0)
                    {
                        continue;   // another name's record: never used
                    }

                    if (r.Type == DnsType.CName && type != DnsType.CName)
                    {
                        if (++links > Limits.DnsCnameChain || into.Count > 0)
                        {
                            return DnsStatus.Invalid;   // too long, a loop, or records beside a CNAME (RFC 1034 §3.6.2)
                        }

                        if (DnsName.Skip(m, r.DataOffset + r.DataLength, r.DataOffset) != r.DataOffset + r.DataLength)
                        {
                            return DnsStatus.Invalid;
                        }

                        owner = r.DataOffset;
                        moved = true;
                        break;
                    }

                    if (r.Type == type && !Add(r, m, length, type, into))
                    {
                        return DnsStatus.Invalid;
                    }
                }

                if (step < 0)
                {
                    return DnsStatus.Invalid;
                }
            }

            if (into.Count > 0)
            {
                return DnsStatus.Answer;
            }

            if (links > 0)
            {
                into.Alias = DnsName.Decode(m, length, owner);
                if (into.Alias == null)
                {
                    return DnsStatus.Invalid;
                }
            }

            return DnsStatus.NoData;
        }

        private static bool Add(DnsReader r, byte[] m, int length, int type, DnsAnswer into)
        {
            int end = r.DataOffset + r.DataLength;
            switch (type)
            {
                case DnsType.A:         // RFC 1035 §3.4.1: a 32 bit Internet address
                case DnsType.Aaaa:      // RFC 3596 §2.2: a 128 bit IPv6 address
                    if (r.DataLength != (type == DnsType.A ? 4 : 16))
                    {
                        return false;
                    }

                    into.AddAddress(m, r.DataOffset, r.DataLength, r.Ttl);   // past Limits.DnsAnswers: dropped, the first are enough
                    return true;
                case DnsType.Mx:        // RFC 1035 §3.3.9: PREFERENCE (16 bits), EXCHANGE (a name)
                    if (r.DataLength < 3 || DnsName.Skip(m, end, r.DataOffset + 2) != end)
                    {
                        return false;
                    }

                    string host = DnsName.Decode(m, length, r.DataOffset + 2);
                    if (host == null)
                    {
                        return false;
                    }

                    into.AddMx((m[r.DataOffset] << 8) | m[r.DataOffset + 1], host, r.Ttl);
                    return true;
                default:
                    return true;
            }
        }
    }
}
