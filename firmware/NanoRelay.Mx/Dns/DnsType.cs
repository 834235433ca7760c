namespace NanoRelay.Dns
{
    /// <summary>The TYPE and CLASS values this client asks for or reads (RFC 1035 §3.2.2, §3.2.4; RFC 3596 §2.1).</summary>
    public static class DnsType
    {
        public const int A = 1;
        public const int CName = 5;
        public const int Mx = 15;
        public const int Aaaa = 28;

        /// <summary>RFC 1035 §3.2.4: IN, the Internet.</summary>
        public const int ClassIn = 1;

        /// <summary>The type's mnemonic, for logs.</summary>
        public static string Name(int type)
        {
            switch (type)
            {
                case A: return "A";
                case CName: return "CNAME";
                case Mx: return "MX";
                case Aaaa: return "AAAA";
                default: return "TYPE" + type.ToString();
            }
        }
    }
}
