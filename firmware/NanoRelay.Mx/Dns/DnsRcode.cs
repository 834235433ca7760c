namespace NanoRelay.Dns
{
    /// <summary>RCODE values of the header (RFC 1035 §4.1.1).</summary>
    public static class DnsRcode
    {
        public const int NoError = 0;
        public const int FormatError = 1;
        public const int ServerFailure = 2;
        public const int NameError = 3;
        public const int NotImplemented = 4;
        public const int Refused = 5;
    }
}
