using NanoRelay.Framing;

namespace NanoRelay.Pop3
{
    /// <summary>CAPA (RFC 2449 §5), valid in AUTHORIZATION and TRANSACTION.</summary>
    public sealed partial class Pop3ServerSession
    {
        private static readonly byte[] s_capaHead = Ascii.Bytes("+OK Capability list follows");
        private static readonly byte[] s_capaCommon = Ascii.Bytes("TOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\n");
        private static readonly byte[] s_capaUser = Ascii.Bytes("USER\r\nSASL PLAIN\r\n");
        private static readonly byte[] s_capaStls = Ascii.Bytes("STLS\r\n");
        private static readonly byte[] s_capaImplementation = Ascii.Bytes("IMPLEMENTATION ");

        // RFC 2449 §6: USER and SASL PLAIN only where a cleartext password may travel (Dovecot
        // client-authenticate.c), STLS only before TLS and only with a certificate (RFC 2595 §4).
        internal static Pop3Result DoCapa(Pop3ServerSession s, Pop3Arguments a)
        {
            s.Put(s_capaHead);
            s.EndLine();
            s.Put(s_capaCommon);
            if (s._state == Pop3State.Authorization)
            {
                if (s.PlaintextAllowed)
                {
                    s.Put(s_capaUser);
                }

                if (!s._secure && s._server.Options.TlsAvailable)
                {
                    s.Put(s_capaStls);
                }
            }

            s.Put(s_capaImplementation);
            s.PutAscii(s._server.Options.Implementation);
            s.Put(s_crlf);
            s.Put(s_dotCrlf);
            s._traceStart = s._outLength;
            return Pop3Result.Replied;
        }
    }
}
