namespace NanoRelay.Framing
{
    /// <summary>
    /// The decoded SASL PLAIN message (RFC 4616 §2) split into its three fields, in place:
    /// message = [authzid] UTF8NUL authcid UTF8NUL passwd, where authcid and passwd are
    /// 1*SAFE and SAFE is any octet but NUL. The one place where both servers (SMTP AUTH,
    /// POP3 AUTH) decide whether a response is well formed, before any field is compared.
    /// </summary>
    public static class SaslPlain
    {
        /// <summary>
        /// Finds the two separators. False (malformed) unless there are exactly two NULs and
        /// neither authcid nor passwd is empty: a third NUL would sit inside a field, and a NUL
        /// is where nanoCLR cuts a string, so a field holding one is never compared at all.
        /// </summary>
        public static bool TrySplit(byte[] b, int offset, int count, out int authzidLength, out int authcidLength)
        {
            authzidLength = -1;
            authcidLength = -1;
            int end = offset + count;
            int first = Ascii.IndexOf(b, offset, count, 0);
            int second = first < 0 ? -1 : Ascii.IndexOf(b, first + 1, end - first - 1, 0);
            if (second < 0 || second == first + 1 || second == end - 1 || Ascii.IndexOf(b, second + 1, end - second - 1, 0) >= 0)
            {
                return false;
            }

            authzidLength = first - offset;
            authcidLength = second - first - 1;
            return true;
        }
    }
}
