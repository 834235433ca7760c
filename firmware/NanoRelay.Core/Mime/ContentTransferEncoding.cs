namespace NanoRelay.Mime
{
    /// <summary>RFC 2045 §6: how a body part is put into 7-bit lines.</summary>
    public enum ContentTransferEncoding
    {
        /// <summary>Short lines of US-ASCII, as they are.</summary>
        SevenBit = 0,

        /// <summary>Mostly ASCII text with some 8-bit octets or long lines (§6.7).</summary>
        QuotedPrintable = 1,

        /// <summary>Mostly 8-bit text, and every attachment (§6.8).</summary>
        Base64 = 2,
    }
}
