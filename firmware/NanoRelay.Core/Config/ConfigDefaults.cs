namespace NanoRelay.Config
{
    /// <summary>
    /// What a key left out of nanorelay.json means. Every default is the same on both platforms
    /// (in the section classes) except the few here, which differ on purpose:
    /// - listen addresses: a board serves the LAN on the standard ports; the host simulator stays
    ///   on loopback and unprivileged ports, so running it exposes nothing;
    /// - device.name: a simulator announces itself as one;
    /// - the spool (path and size) and so the largest message: a board has a small flash file
    ///   system, the host a disk;
    /// - imap left out: on at the host, off on a board (each IMAP session costs heap).
    /// </summary>
    public static class ConfigDefaults
    {
        /// <summary>A number the file did not give (explicit values are checked, this one is replaced).</summary>
        public const int NotGiven = int.MinValue;

        public const string HostName = "nanorelay-sim";
        public const string DeviceName = "nanorelay";

        public const string HostSmtpListen = "127.0.0.1:2525";
        public const string DeviceSmtpListen = "0.0.0.0:25";        // RFC 5321 §4.5.4.2: port 25

        public const string HostPop3Listen = "127.0.0.1:1110";
        public const string DevicePop3Listen = "0.0.0.0:110";       // RFC 1939 §3: TCP port 110

        public const string HostImapListen = "127.0.0.1:1143";
        public const string DeviceImapListen = "0.0.0.0:143";       // RFC 3501 §2.1: TCP port 143

        public const string HostSpoolPath = "data";
        public const string DeviceSpoolPath = "spool";

        public const long HostSpoolBytes = 8388608;
        public const long DeviceSpoolBytes = 131072;

        public const long HostMaxMessageBytes = 1048576;
        public const long DeviceMaxMessageBytes = 65536;

        /// <summary>upstream.tls left out: STARTTLS in mode submission; in mode mx STARTTLS whenever offered (RFC 7435).</summary>
        public const string SubmissionTls = "starttls";
        public const string MxTls = "opportunistic";

        /// <summary>Fills what the file left out with the defaults of the platform (<paramref name="device"/>: a board).</summary>
        public static void Apply(RelayConfig c, bool device)
        {
            if (c.Device != null && c.Device.Name == null)
            {
                c.Device.Name = device ? DeviceName : HostName;
            }

            if (c.Upstream != null && c.Upstream.Tls == null)
            {
                c.Upstream.Tls = c.Upstream.Mode == "mx" ? MxTls : SubmissionTls;
            }

            if (c.Pop3 != null && c.Pop3.Listen == null)
            {
                c.Pop3.Listen = device ? DevicePop3Listen : HostPop3Listen;
            }

            if (c.Imap == null && !device)
            {
                c.Imap = new ImapSection();
            }

            if (c.Imap != null && c.Imap.Listen == null)
            {
                c.Imap.Listen = device ? DeviceImapListen : HostImapListen;
            }

            if (c.SmtpIngress != null && c.SmtpIngress.Listen == null)
            {
                c.SmtpIngress.Listen = device ? DeviceSmtpListen : HostSmtpListen;
            }

            if (c.SmtpIngress != null && c.SmtpIngress.MaxMessageBytes == NotGiven)
            {
                c.SmtpIngress.MaxMessageBytes = device ? DeviceMaxMessageBytes : HostMaxMessageBytes;
            }

            if (c.Spool != null && c.Spool.Path == null)
            {
                c.Spool.Path = device ? DeviceSpoolPath : HostSpoolPath;
            }

            if (c.Spool != null && c.Spool.MaxBytes == NotGiven)
            {
                c.Spool.MaxBytes = device ? DeviceSpoolBytes : HostSpoolBytes;
            }
        }
    }
}
