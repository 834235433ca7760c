using System;
using System.IO;
using nanoFramework.Json;
using NanoRelay.Relay;

namespace NanoRelay.Device
{
    /// <summary>
    /// I:\nanorelay.json: the same schema and field names as hostsim/HostConfig.cs (docs/architecture.md
    /// §7, configuration), read with nanoFramework.Json. Device-only additions: "wifi"
    /// (ssid, password; absent = the credentials stored by nanoff/Device Explorer) and
    /// "certificate.keyFile" (PEM key; nanoFramework reads PEM, not the host's .pfx).
    /// </summary>
    public sealed class DeviceConfig
    {
        public DeviceSection Device { get; set; } = new DeviceSection();
        public WifiSection Wifi { get; set; } = new WifiSection();
        public UpstreamSection Upstream { get; set; }
        public AlertsSection Alerts { get; set; } = new AlertsSection();
        public Pop3Section Pop3 { get; set; } = new Pop3Section();
        public Pop2Section Pop2 { get; set; } = new Pop2Section();
        public ImapSection Imap { get; set; }   // null (no "imap" section): off on the device; the host's default is on
        public SmtpIngressSection SmtpIngress { get; set; } = new SmtpIngressSection();
        public SpoolSection Spool { get; set; } = new SpoolSection();
        public RetrySection Retry { get; set; } = new RetrySection();
        public CertificateSection Certificate { get; set; }
        public SensorSection[] Sensors { get; set; } = new SensorSection[0];

        public sealed class DeviceSection
        {
            public string Name { get; set; } = "nanorelay";
        }

        public sealed class WifiSection
        {
            public string Ssid { get; set; }
            public string Password { get; set; }
        }

        public sealed class UpstreamSection
        {
            // mode "submission" (one server, AUTH) or "mx" (each domain's MX hosts; see MxSettings).
            public string Mode { get; set; } = "submission";
            public string[] Resolvers { get; set; }
            public int MxPort { get; set; } = 25;
            public string Host { get; set; }
            public int Port { get; set; } = 587;
            public string Tls { get; set; }   // null: starttls, or opportunistic in mode mx
            public string User { get; set; }
            public string Password { get; set; }
            public string Auth { get; set; } = "auto";
            public string Token { get; set; }
            public string TrustedCaFile { get; set; }
            public string HeloName { get; set; }

            /// <summary>Allows a password with tls none toward a host that is not loopback.</summary>
            public bool AllowPlaintextAuth { get; set; }
        }

        public sealed class AlertsSection
        {
            public string From { get; set; } = "nanorelay@localhost";
            public string[] To { get; set; } = new string[] { "tech@localhost" };
        }

        public sealed class Pop3Section
        {
            // On the board the default listens on the LAN; the host's default is loopback.
            public string Listen { get; set; } = "0.0.0.0:110";
            public string TlsListen { get; set; }
            public string User { get; set; } = "tech";
            public string Password { get; set; } = "secret";
            public bool Apop { get; set; }
        }

        /// <summary>POP2 (RFC 937) on POP3's mailbox and account: off unless listen is set (RFC 937's port: "0.0.0.0:109").</summary>
        public sealed class Pop2Section
        {
            public string Listen { get; set; }

            /// <summary>Accepts HELO's password from the LAN (POP2 has no TLS); else from loopback only.</summary>
            public bool AllowPlaintextAuth { get; set; }
        }

        public sealed class ImapSection
        {
            public string Listen { get; set; } = "0.0.0.0:143";
            public string TlsListen { get; set; }
            public string User { get; set; }   // left out: pop3's user and password (the same mailbox)
            public string Password { get; set; }
        }

        public sealed class SmtpIngressSection
        {
            public string Listen { get; set; } = "0.0.0.0:25";
            public string[] AllowFrom { get; set; } = new string[0];
            public long MaxMessageBytes { get; set; } = 65536;

            /// <summary>"reject" (default) or "normalize".</summary>
            public string BareLineEnds { get; set; } = "reject";

            public UserSection[] Users { get; set; } = new UserSection[0];

            /// <summary>0: the board's cap; more than the board's cap is capped to it.</summary>
            public int MaxSessions { get; set; }
        }

        public sealed class UserSection
        {
            public string User { get; set; }
            public string Password { get; set; }
        }

        public sealed class SpoolSection
        {
            public string Path { get; set; } = "spool";
            public long MaxBytes { get; set; } = 131072;
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
            public string KeyFile { get; set; }
            public string Password { get; set; } = "";
        }

        public sealed class SensorSection
        {
            public string Name { get; set; }
            public string Kind { get; set; }
            public string Source { get; set; } = "simulated";

            // Nullable value types are generic (Nullable of T), which nanoFramework lacks: NaN means "not set".
            public double AlertAbove { get; set; } = double.NaN;
            public double ClearBelow { get; set; } = double.NaN;
            public double AlertBelow { get; set; } = double.NaN;
            public double ClearAbove { get; set; } = double.NaN;

            // Rate limit per rule (0: the core's default), the simulation seed (host only), and the
            // CSV file for source "replay" (host only); kept so one config serves both.
            public int MaxAlerts { get; set; }
            public int WindowSeconds { get; set; }
            public int Seed { get; set; }
            public string File { get; set; }
        }

        /// <summary>Reads the file; returns null and a one-line "field: problem" error when it is missing or wrong.</summary>
        public static DeviceConfig Load(string path, out string error)
        {
            DeviceConfig config;
            try
            {
                string text = File.ReadAllText(path);

                // nanoFramework.Json reads null as "" (strings) or throws without a name (ints): refuse it by name, as the host does.
                string nullAt = NanoRelay.Config.ConfigNulls.FirstNull(text);
                if (nullAt != null)
                {
                    error = nullAt + ": null is not allowed; leave the key out for its default";
                    return null;
                }

                // docs/nanoframework.md §2.4: case-sensitive by default; the contract's names are camelCase, ours PascalCase.
                JsonSerializerOptions options = new JsonSerializerOptions();
                options.PropertyNameCaseInsensitive = true;
                config = (DeviceConfig)JsonConvert.DeserializeObject(text, typeof(DeviceConfig), options);
            }
            catch (Exception e)
            {
                error = "config: cannot read " + path + ": " + e.Message;
                return null;
            }

            error = config == null ? "config: the file is empty" : config.Check();
            return error == null ? config : null;
        }

        /// <summary>Resolves a path from the config against the config's folder (I:\).</summary>
        public static string Resolve(string path)
        {
            return path == null || path.Length == 0 || path.IndexOf(':') > 0 ? path : "I:\\" + path;
        }

        // The fields the device itself depends on; the full rule set is the core's (see the report).
        private string Check()
        {
            if (Upstream != null && Upstream.Mode == "mx")
            {
                Upstream.Tls = Upstream.Tls == null ? MxSettings.DefaultTls : Upstream.Tls;
                return MxSettings.Check(Upstream.Tls, Upstream.Resolvers, Upstream.MxPort, Upstream.Host, Upstream.User, Upstream.Password, Upstream.Token);
            }

            if (Upstream != null)
            {
                Upstream.Tls = Upstream.Tls == null ? "starttls" : Upstream.Tls;
                if (Upstream.Mode != "submission")
                {
                    return "upstream.mode: must be submission or mx, not '" + Upstream.Mode + "'";
                }

                if (Upstream.Host == null || Upstream.Host.Length == 0)
                {
                    return "upstream.host: is required when upstream is given";
                }

                if (Upstream.Tls != "starttls" && Upstream.Tls != "implicit" && Upstream.Tls != "none")
                {
                    return "upstream.tls: must be starttls, implicit or none, not '" + Upstream.Tls + "'";
                }

                if (Upstream.Port <= 0 || Upstream.Port > 65535)
                {
                    return "upstream.port: must be 1-65535";
                }

                if (Upstream.Tls == "none" && Upstream.Password != null && Upstream.Password.Length > 0 && !Upstream.AllowPlaintextAuth
                    && Upstream.Host != "localhost" && Upstream.Host != "127.0.0.1" && Upstream.Host != "::1")
                {
                    return "upstream.tls: is none, so the password would cross the network in clear; use starttls or implicit, or set allowPlaintextAuth";
                }
            }

            if (Alerts == null || Alerts.To == null || Alerts.To.Length == 0)
            {
                return "alerts.to: needs at least one address";
            }

            if (Pop3 == null || Pop3.User == null || Pop3.Password == null)
            {
                return "pop3: user and password are required";
            }

            if (Imap != null && (Imap.Listen == null || Imap.Listen.Length == 0 || (Imap.User != null && Imap.User.Length == 0) || (Imap.Password != null && Imap.Password.Length == 0)))
            {
                return "imap: listen is ADDRESS:PORT; user and password must not be empty (leave them out for pop3's)";
            }

            if (SmtpIngress != null && SmtpIngress.BareLineEnds != "reject" && SmtpIngress.BareLineEnds != "normalize")
            {
                return "smtpIngress.bareLineEnds: must be reject or normalize";
            }

            if (Spool == null || Spool.MaxBytes < 65536)
            {
                return "spool.maxBytes: must be at least 65536";
            }

            return null;
        }
    }
}
