using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The configuration (the same JSON as the device's I:\nanorelay.json; every key is in the
    /// README's "Configuration"), read with System.Text.Json and validated with one-line errors
    /// that name the field. An unknown key is an error, never silently a default.
    /// </summary>
    public sealed class HostConfig
    {
        public DeviceSection Device { get; set; } = new DeviceSection();

        public UpstreamSection Upstream { get; set; }
        public AlertsSection Alerts { get; set; } = new AlertsSection();
        public Pop3Section Pop3 { get; set; } = new Pop3Section();
        public Pop2Section Pop2 { get; set; } = new Pop2Section();

        /// <summary>The IMAP mailbox (on by default at 127.0.0.1:1143); its user and password default to pop3's.</summary>
        public ImapSection Imap { get; set; } = new ImapSection();

        /// <summary>True when the config file has an "imap" section: then a port that cannot be bound stops `run`, as for POP3.</summary>
        [JsonIgnore]
        public bool ImapGiven { get; private set; }
        public SmtpIngressSection SmtpIngress { get; set; } = new SmtpIngressSection();
        public SpoolSection Spool { get; set; } = new SpoolSection();
        public RetrySection Retry { get; set; } = new RetrySection();
        public CertificateSection Certificate { get; set; }
        public SensorSection[] Sensors { get; set; }

        /// <summary>The directory relative paths in the config are resolved against.</summary>
        [JsonIgnore]
        public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

        public sealed class DeviceSection
        {
            public string Name { get; set; } = "nanorelay-sim";
        }

        public sealed class UpstreamSection
        {
            /// <summary>"submission" (the default: one server, port 587, AUTH) or "mx" (direct delivery to each domain's MX hosts, port 25).</summary>
            public string Mode { get; set; } = "submission";

            /// <summary>mode "mx": the DNS servers to ask, literal addresses with an optional port ("192.168.1.1", "127.0.0.1:5353").</summary>
            public string[] Resolvers { get; set; }

            /// <summary>mode "mx": the MX hosts' SMTP port; 25 (RFC 5321 §4.5.4.2), another only for tests.</summary>
            public int MxPort { get; set; } = 25;

            public string Host { get; set; }
            public int Port { get; set; } = 587;

            /// <summary>submission: starttls (default), implicit, none; mx: opportunistic (default) or required.</summary>
            public string Tls { get; set; }
            public string User { get; set; }
            public string Password { get; set; }
            public string Auth { get; set; } = "auto";
            public string Token { get; set; }
            public string TrustedCaFile { get; set; }
            public string HeloName { get; set; }

            /// <summary>Allows a password with `tls: none` toward a host that is not loopback (it crosses the network in clear).</summary>
            public bool AllowPlaintextAuth { get; set; }
        }

        public sealed class AlertsSection
        {
            public string From { get; set; } = "nanorelay@localhost";
            public string[] To { get; set; } = new[] { "tech@localhost" };
        }

        public sealed class Pop3Section
        {
            public string Listen { get; set; } = "127.0.0.1:1110";
            public string TlsListen { get; set; }
            public string User { get; set; } = "tech";
            public string Password { get; set; } = "secret";
            public bool Apop { get; set; }
        }

        /// <summary>POP2 (RFC 937) on POP3's mailbox and account; off unless listen is set.</summary>
        public sealed class Pop2Section
        {
            public string Listen { get; set; }

            /// <summary>Accepts HELO's password from other hosts than loopback (POP2 has no TLS: it crosses the network in clear).</summary>
            public bool AllowPlaintextAuth { get; set; }
        }

        public sealed class ImapSection
        {
            public string Listen { get; set; } = "127.0.0.1:1143";
            public string TlsListen { get; set; }

            /// <summary>Left out: pop3.user (the same mailbox, the same account).</summary>
            public string User { get; set; }

            /// <summary>Left out: pop3.password.</summary>
            public string Password { get; set; }
        }

        /// <summary>imap.user, else pop3.user.</summary>
        public string ImapUser { get { return Imap.User ?? Pop3.User; } }

        /// <summary>imap.password, else pop3.password.</summary>
        public string ImapPassword { get { return Imap.Password ?? Pop3.Password; } }

        public sealed class SmtpIngressSection
        {
            public string Listen { get; set; } = "127.0.0.1:2525";
            public string[] AllowFrom { get; set; } = new[] { "127.0.0.0/8" };
            public long MaxMessageBytes { get; set; } = 1048576;

            /// <summary>"reject" (550 5.5.2, the default) or "normalize" (stored as CRLF).</summary>
            public string BareLineEnds { get; set; } = "reject";

            /// <summary>Users that may AUTH (over TLS or from loopback).</summary>
            public UserSection[] Users { get; set; }

            /// <summary>Concurrent sessions; null: the default (or the board's cap).</summary>
            public int? MaxSessions { get; set; }
        }

        public sealed class UserSection
        {
            public string User { get; set; }
            public string Password { get; set; }
        }

        public sealed class SpoolSection
        {
            public string Path { get; set; } = "data";
            public long MaxBytes { get; set; } = 8388608;
        }

        public sealed class RetrySection
        {
            public int FirstDelaySeconds { get; set; } = 60;
            public int MaxDelaySeconds { get; set; } = 3600;
            public int LifetimeHours { get; set; } = 72;
        }

        public sealed class CertificateSection
        {
            public string File { get; set; }

            public string Password { get; set; } = "";
        }

        public sealed class SensorSection
        {
            public string Name { get; set; }
            public string Kind { get; set; }
            public string Source { get; set; } = "simulated";
            public double? AlertAbove { get; set; }
            public double? ClearBelow { get; set; }
            public double? AlertBelow { get; set; }
            public double? ClearAbove { get; set; }
            public int? MaxAlerts { get; set; }
            public int? WindowSeconds { get; set; }
            public long? Seed { get; set; }
            public string File { get; set; }
        }

        /// <summary>Keys only the device reads (the host accepts and ignores them, so one file serves both).</summary>
        public static readonly string[] DeviceOnlyKeys = { "wifi", "certificate.keyFile" };

        private static readonly JsonSerializerOptions s_json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };

        /// <summary>Reads and validates a config file; throws <see cref="ConfigException"/> with one line naming the field.</summary>
        public static HostConfig Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ConfigException("config: cannot read " + path + ": " + e.Message);
            }

            HostConfig config;
            try
            {
                ConfigKeys.Check(text, typeof(HostConfig), DeviceOnlyKeys);

                // The device reads null as "" or fails without a name (nanoFramework.Json): one rule for both.
                string nullAt = NanoRelay.Config.ConfigNulls.FirstNull(text);
                if (nullAt != null)
                {
                    throw new ConfigException(nullAt + ": null is not allowed; leave the key out for its default");
                }

                config = JsonSerializer.Deserialize<HostConfig>(text, s_json) ?? throw new ConfigException("config: the file is empty");
            }
            catch (JsonException e)
            {
                string field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "config" : e.Path.TrimStart('$', '.');
                throw new ConfigException(field + ": " + FirstSentence(e.Message) + (e.LineNumber.HasValue ? " (line " + (e.LineNumber + 1) + ")" : ""));
            }

            config.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path));
            config.ImapGiven = HasSection(text, "imap");
            config.Sensors ??= Array.Empty<SensorSection>();
            config.Validate();
            return config;
        }

        /// <summary>Resolves a path from the config relative to the config file's directory.</summary>
        public string Resolve(string path)
        {
            return string.IsNullOrEmpty(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
        }

        // mode "mx": the rules host and device share (NanoRelay.Mx), as the one-line error this model throws.
        private static void ValidateMx(UpstreamSection u)
        {
            u.Tls ??= NanoRelay.Relay.MxSettings.DefaultTls;
            string problem = NanoRelay.Relay.MxSettings.Check(u.Tls, u.Resolvers, u.MxPort, u.Host, u.User, u.Password, u.Token);
            if (problem != null)
            {
                throw new ConfigException(problem);
            }
        }

        /// <summary>Checks every field; throws <see cref="ConfigException"/> at the first problem.</summary>
        public void Validate()
        {
            if (Upstream != null && Upstream.Mode == "mx")
            {
                ValidateMx(Upstream);
            }
            else if (Upstream != null)
            {
                Require(Upstream.Mode == "submission", "upstream.mode", "must be submission or mx, not '" + Upstream.Mode + "'");
                Upstream.Tls ??= "starttls";
                Require(Upstream.Resolvers == null, "upstream.resolvers", "is for mode mx only");
                Require(!string.IsNullOrWhiteSpace(Upstream.Host), "upstream.host", "is required when upstream is given");
                Require(Upstream.Port > 0 && Upstream.Port < 65536, "upstream.port", "must be 1-65535, not " + Upstream.Port);
                Require(Upstream.Tls is "starttls" or "implicit" or "none", "upstream.tls", "must be starttls, implicit or none, not '" + Upstream.Tls + "'");
                Require(Upstream.Auth is "auto" or "plain" or "login" or "cram-md5" or "xoauth2", "upstream.auth", "must be auto, plain, login, cram-md5 or xoauth2, not '" + Upstream.Auth + "'");
                Require(Upstream.Auth != "xoauth2" || !string.IsNullOrEmpty(Upstream.Token), "upstream.token", "is required with auth xoauth2");
                Require(string.IsNullOrEmpty(Upstream.Password) || !string.IsNullOrEmpty(Upstream.User), "upstream.user", "is required when a password is given");
                Require(Upstream.Tls != "none" || string.IsNullOrEmpty(Upstream.Password) || Upstream.AllowPlaintextAuth || IsLoopback(Upstream.Host),
                    "upstream.tls", "is none, so the password would cross the network to " + Upstream.Host + " in clear; use starttls or implicit, or set \"allowPlaintextAuth\": true");
                Require(string.IsNullOrEmpty(Upstream.TrustedCaFile) || File.Exists(Resolve(Upstream.TrustedCaFile)), "upstream.trustedCaFile", "no such file: " + Resolve(Upstream.TrustedCaFile));
            }

            Require(Alerts != null && IsAddress(Alerts.From), "alerts.from", "must be an address like name@example.com");
            Require(Alerts.To != null && Alerts.To.Length > 0, "alerts.to", "needs at least one address");
            for (int i = 0; i < Alerts.To.Length; i++)
            {
                Require(IsAddress(Alerts.To[i]), "alerts.to[" + i + "]", "'" + Alerts.To[i] + "' is not an address");
            }

            Require(Pop3 != null && IsEndPoint(Pop3.Listen), "pop3.listen", "must be ADDRESS:PORT, not '" + Pop3?.Listen + "'");
            Require(Pop3.TlsListen == null || IsEndPoint(Pop3.TlsListen), "pop3.tlsListen", "must be ADDRESS:PORT, or left out");
            Require(!string.IsNullOrEmpty(Pop3.User), "pop3.user", "is required");
            Require(!string.IsNullOrEmpty(Pop3.Password), "pop3.password", "is required");
            Require(Pop2 == null || Pop2.Listen == null || IsEndPoint(Pop2.Listen), "pop2.listen", "must be ADDRESS:PORT, or left out (POP2 off), not '" + Pop2?.Listen + "'");
            Require(IsEndPoint(Imap.Listen), "imap.listen", "must be ADDRESS:PORT, not '" + Imap.Listen + "'");
            Require(Imap.TlsListen == null || IsEndPoint(Imap.TlsListen), "imap.tlsListen", "must be ADDRESS:PORT, or left out");
            Require(Imap.User == null || Imap.User.Length > 0, "imap.user", "must not be empty; leave it out for pop3.user");
            Require(Imap.Password == null || Imap.Password.Length > 0, "imap.password", "must not be empty; leave it out for pop3.password");
            Require(SmtpIngress != null && IsEndPoint(SmtpIngress.Listen), "smtpIngress.listen", "must be ADDRESS:PORT");
            Require(SmtpIngress.MaxMessageBytes >= 1024, "smtpIngress.maxMessageBytes", "must be at least 1024");
            Require(SmtpIngress.BareLineEnds is "reject" or "normalize", "smtpIngress.bareLineEnds", "must be reject or normalize, not '" + SmtpIngress.BareLineEnds + "'");
            Require(SmtpIngress.MaxSessions == null || SmtpIngress.MaxSessions >= 1, "smtpIngress.maxSessions", "must be at least 1");
            for (int i = 0; i < (SmtpIngress.Users?.Length ?? 0); i++)
            {
                UserSection u = SmtpIngress.Users[i];
                Require(u != null && !string.IsNullOrEmpty(u.User) && !string.IsNullOrEmpty(u.Password), "smtpIngress.users[" + i + "]", "needs \"user\" and \"password\"");
            }

            try
            {
                global::NanoRelay.Smtp.Server.RelayPolicy.Create(SmtpIngress.AllowFrom);
            }
            catch (ArgumentException e)
            {
                throw new ConfigException("smtpIngress." + e.Message);
            }

            Require(Spool != null && Spool.MaxBytes >= 65536, "spool.maxBytes", "must be at least 65536");
            Require(Retry != null && Retry.FirstDelaySeconds > 0, "retry.firstDelaySeconds", "must be positive");
            Require(Retry.MaxDelaySeconds >= Retry.FirstDelaySeconds, "retry.maxDelaySeconds", "must be at least retry.firstDelaySeconds");
            Require(Retry.LifetimeHours > 0, "retry.lifetimeHours", "must be positive");
            Require(Certificate == null || string.IsNullOrEmpty(Certificate.File) || File.Exists(Resolve(Certificate.File)), "certificate.file", "no such file: " + Resolve(Certificate?.File));
            for (int i = 0; i < (Sensors?.Length ?? 0); i++)
            {
                SensorSection s = Sensors[i];
                string at = "sensors[" + i + "]";
                Require(!string.IsNullOrWhiteSpace(s.Name), at + ".name", "is required");
                Require(s.Kind is "temperature" or "humidity" or "door" or "battery", at + ".kind", "must be temperature, humidity, door or battery, not '" + s.Kind + "'");
            }

            global::NanoRelay.HostSim.Sensors.SensorSetup.Validate(this);
        }

        private static bool HasSection(string json, string name)
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out _);
        }

        private static void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new ConfigException(field + ": " + problem);
            }
        }

        private static bool IsAddress(string a)
        {
            int at = a == null ? -1 : a.LastIndexOf('@');
            return at > 0 && at < a.Length - 1 && a.IndexOfAny(new[] { ' ', '<', '>', '\r', '\n' }) < 0;
        }

        // "localhost" and literal loopback addresses: a password toward them never leaves the machine.
        private static bool IsLoopback(string host)
        {
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return System.Net.IPAddress.TryParse((host ?? string.Empty).Trim('[', ']'), out System.Net.IPAddress a) && System.Net.IPAddress.IsLoopback(a);
        }

        private static bool IsEndPoint(string text)
        {
            return System.Net.IPEndPoint.TryParse(text ?? string.Empty, out System.Net.IPEndPoint ep) && ep.Port > 0;
        }

        private static string FirstSentence(string message)
        {
            int dot = message.IndexOf(". ", StringComparison.Ordinal);
            return dot > 0 ? message.Substring(0, dot) : message.TrimEnd('.');
        }
    }

    /// <summary>A bad configuration: the message is one line, "field: problem".</summary>
    public sealed class ConfigException : Exception
    {
        public ConfigException(string message) : base(message) { }
    }
}
