namespace NanoRelay.Config
{
    /// <summary>
    /// nanorelay.json, the one config model of the host and the device (docs/architecture.md §7):
    /// each platform's JSON reader fills it (System.Text.Json on the host, nanoFramework.Json on the
    /// board), <see cref="ConfigDefaults.Apply"/> fills what the file left out, and
    /// <see cref="ConfigCheck.First"/> names the first bad field. Arrays and plain properties only,
    /// as nanoFramework.Json reads them (docs/nanoframework.md §2.4).
    /// </summary>
    public class RelayConfig
    {
        public DeviceSection Device { get; set; } = new DeviceSection();

        /// <summary>Device only: left out, the board joins the network nanoff/Device Explorer stored.</summary>
        public WifiSection Wifi { get; set; }

        /// <summary>Left out: no relay (mail is spooled for the POP3 mailbox only).</summary>
        public UpstreamSection Upstream { get; set; }

        public AlertsSection Alerts { get; set; } = new AlertsSection();

        public Pop3Section Pop3 { get; set; } = new Pop3Section();

        public Pop2Section Pop2 { get; set; } = new Pop2Section();

        /// <summary>Left out: <see cref="ConfigDefaults"/> decides (on at the host, off on a board).</summary>
        public ImapSection Imap { get; set; }

        public SmtpIngressSection SmtpIngress { get; set; } = new SmtpIngressSection();

        public SpoolSection Spool { get; set; } = new SpoolSection();

        public RetrySection Retry { get; set; } = new RetrySection();

        public CertificateSection Certificate { get; set; }

        public SensorSection[] Sensors { get; set; } = new SensorSection[0];

        /// <summary>The IMAP login: imap.user, else pop3.user (one mailbox, one account). A method, so no JSON reader takes it for a key.</summary>
        public string ImapUser()
        {
            return Imap != null && Imap.User != null ? Imap.User : Pop3.User;
        }

        /// <summary>imap.password, else pop3.password.</summary>
        public string ImapPassword()
        {
            return Imap != null && Imap.Password != null ? Imap.Password : Pop3.Password;
        }
    }
}
