using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Config;
using NanoRelay.Smtp.Server;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// What the SMTP ingress runs with, from the config's `smtpIngress` section, `device.name` and
    /// `certificate`.
    /// </summary>
    public sealed class SmtpIngressSettings
    {
        public string Listen { get; set; } = NanoRelay.Config.ConfigDefaults.HostSmtpListen;

        public string[] AllowFrom { get; set; } = new[] { "127.0.0.0/8" };

        public long MaxMessageBytes { get; set; } = NanoRelay.Config.ConfigDefaults.HostMaxMessageBytes;

        /// <summary>"reject" (default) or "normalize".</summary>
        public string BareLineEnds { get; set; } = "reject";

        /// <summary>Users that may AUTH (over TLS or from loopback): user name and password pairs.</summary>
        public string[][] Users { get; set; } = Array.Empty<string[]>();

        /// <summary>Concurrent sessions (smtpIngress.maxSessions); more get 421 4.7.0. Default: the board's cap.</summary>
        public int MaxSessions { get; set; } = Limits.SmtpServerSessions;

        public string ServerName { get; set; } = NanoRelay.Config.ConfigDefaults.HostName;

        /// <summary>The certificate for STARTTLS; null means STARTTLS is not offered.</summary>
        public X509Certificate2 Certificate { get; set; }

        /// <summary>Wait for early talkers before the greeting (ms).</summary>
        public int GreetingPauseMs { get; set; } = Limits.SmtpServerGreetingPauseMs;

        /// <summary>Settings from a loaded config (and <paramref name="listenOverride"/> from --smtp when given).</summary>
        public static SmtpIngressSettings FromConfig(HostConfig config, string listenOverride)
        {
            SmtpIngressSettings s = new SmtpIngressSettings
            {
                Listen = listenOverride ?? config.SmtpIngress.Listen,
                AllowFrom = config.SmtpIngress.AllowFrom ?? Array.Empty<string>(),
                MaxMessageBytes = config.SmtpIngress.MaxMessageBytes,
                BareLineEnds = config.SmtpIngress.BareLineEnds ?? "reject",
                MaxSessions = config.SmtpIngress.MaxSessions != ConfigDefaults.NotGiven ? config.SmtpIngress.MaxSessions : Limits.SmtpServerSessions,
                ServerName = config.Device?.Name ?? ConfigDefaults.HostName,
            };
            UserSection[] users = config.SmtpIngress.Users ?? Array.Empty<UserSection>();
            s.Users = new string[users.Length][];
            for (int i = 0; i < users.Length; i++)
            {
                s.Users[i] = new[] { users[i].User, users[i].Password };
            }

            if (config.Certificate != null && !string.IsNullOrEmpty(config.Certificate.File))
            {
                string file = config.Resolve(config.Certificate.File);
                try
                {
                    s.Certificate = X509CertificateLoader.LoadPkcs12FromFile(file, config.Certificate.Password ?? string.Empty);
                }
                catch (CryptographicException e)
                {
                    throw new ConfigException("certificate.file: cannot load " + file + ": " + e.Message);
                }
            }

            return s;
        }

        /// <summary>Checks every field with the core's rules (a --smtp flag may bind port 0); throws <see cref="ConfigException"/> with one line naming it.</summary>
        public void Validate()
        {
            SmtpIngressSection section = new SmtpIngressSection
            {
                Listen = Listen,
                AllowFrom = AllowFrom,
                MaxMessageBytes = MaxMessageBytes,
                BareLineEnds = BareLineEnds,
                MaxSessions = MaxSessions,
            };
            string problem = ConfigCheck.Ingress(section, true);
            if (problem != null)
            {
                throw new ConfigException(problem);
            }
        }

        /// <summary>The core's options for these settings.</summary>
        public SmtpServerOptions ToServerOptions()
        {
            SmtpServerOptions o = new SmtpServerOptions
            {
                ServerName = ServerName,
                MaxMessageBytes = MaxMessageBytes,
                BareLineEnds = BareLineEnds == "normalize" ? NanoRelay.Smtp.Server.BareLineEnds.Normalize : NanoRelay.Smtp.Server.BareLineEnds.Reject,
                TlsAvailable = Certificate != null,
                GreetingPauseMs = GreetingPauseMs,
            };
            foreach (string[] u in Users)
            {
                o.AddUser(u[0], u[1]);
            }

            return o;
        }
    }
}
