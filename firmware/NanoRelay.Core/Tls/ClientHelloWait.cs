using NanoRelay.Ports;

namespace NanoRelay.Tls
{
    /// <summary>
    /// Waits, in short managed slices, until the client's first TLS record is wholly readable.
    /// On the device the server handshake runs in native code with the socket blocking and no
    /// read timeout, and it stops every managed thread while it waits (README, "Not verified"):
    /// starting it only once the ClientHello is here means a client that connects to a TLS port,
    /// or sends STLS/STARTTLS, and then says nothing costs its own session, not the board.
    /// </summary>
    public static class ClientHelloWait
    {
        /// <summary>Waits at most <paramref name="timeoutMilliseconds"/> for a whole handshake record from the client.</summary>
        public static ClientHelloStatus Run(IPendingInput input, IClock clock, int timeoutMilliseconds)
        {
            byte[] header = new byte[Limits.TlsRecordHeader];
            long deadline = clock.MonotonicMilliseconds + timeoutMilliseconds;
            while (true)
            {
                int available = input.Available;
                if (available >= Limits.TlsRecordHeader)
                {
                    if (input.Peek(header, Limits.TlsRecordHeader) < Limits.TlsRecordHeader)
                    {
                        return ClientHelloStatus.Closed;
                    }

                    int length = RecordLength(header);
                    if (length < 0)
                    {
                        return ClientHelloStatus.NotTls;
                    }

                    if (available >= Limits.TlsRecordHeader + length)
                    {
                        return ClientHelloStatus.Ready;
                    }
                }

                long left = deadline - clock.MonotonicMilliseconds;
                if (left <= 0)
                {
                    return ClientHelloStatus.TimedOut;
                }

                int slice = left < Limits.ClientHelloPollSliceMs ? (int)left : Limits.ClientHelloPollSliceMs;
                if (available == 0)
                {
                    // Readable with nothing to read is the peer's FIN.
                    if (input.WaitReadable(slice) && input.Available == 0)
                    {
                        return ClientHelloStatus.Closed;
                    }
                }
                else
                {
                    // Part of the record is here: a poll would return at once, so pause instead.
                    clock.Sleep(slice < Limits.ClientHelloPartialPauseMs ? slice : Limits.ClientHelloPartialPauseMs);
                }
            }
        }

        /// <summary>Why the handshake did not start, for the log (null when Ready; enums print as numbers on nanoFramework).</summary>
        public static string Explain(ClientHelloStatus status, int timeoutMilliseconds)
        {
            switch (status)
            {
                case ClientHelloStatus.Ready:
                    return null;
                case ClientHelloStatus.TimedOut:
                    return "the client sent no whole ClientHello within " + timeoutMilliseconds + " ms";
                case ClientHelloStatus.Closed:
                    return "the client closed the connection";
                default:
                    return "the client's first bytes are not a TLS handshake record";
            }
        }

        // RFC 8446 §5.1: ContentType handshake(22), legacy_record_version 0x03xx, then a length
        // that "MUST NOT exceed 2^14 bytes". -1 when the header is not that.
        private static int RecordLength(byte[] h)
        {
            if (h[0] != Limits.TlsHandshakeContentType || h[1] != 3)
            {
                return -1;
            }

            int length = (h[3] << 8) | h[4];
            return length == 0 || length > Limits.TlsMaxRecordPlaintext ? -1 : length;
        }
    }
}
