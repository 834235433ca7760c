using System;
using System.IO;
using System.Net;
using NanoRelay.HostSim.Budget;
using NanoRelay.Ports;
using NanoRelay.Relay;

namespace NanoRelay.HostSim
{
    /// <summary>Builds and starts the SMTP ingress of `run` (LAN devices in, into the spool), and says where it listens.</summary>
    public static class SmtpIngress
    {
        public static SmtpIngressService Start(HostConfig config, RunOptions options, RelayHost host, IClock clock, IRandom random, ILog log, TextWriter output, BoardBudget board, NanoRelay.Auth.AuthPenalty penalty = null, NanoRelay.Supervision.HeapGate heap = null)
        {
            SmtpIngressSettings settings = SmtpIngressSettings.FromConfig(config, options.SmtpListen);
            if (board != null)
            {
                settings.MaxSessions = board.MaxSmtpSessions;   // the board's cap (421 4.7.0 beyond)
            }

            if (settings.Certificate == null)
            {
                // The same certificate as POP3 (configured, or self-signed in the data directory).
                settings.Certificate = HostCertificate.LoadOrCreate(config, host.DataDirectory, out string source, out bool created);
            }

            SpoolIngressSink sink = new SpoolIngressSink(host.Spool) { Heap = heap };
            SmtpIngressService service = new SmtpIngressService(settings, sink, clock, log, random);
            if (penalty != null)
            {
                service.Options.AuthPenalty = penalty;
            }

            service.Start();
            output.WriteLine("SMTP ingress     " + settings.Listen.Substring(0, settings.Listen.LastIndexOf(':')) + ":" + service.Port
                + " (STARTTLS)"
                + ", relaying for " + string.Join(", ", settings.AllowFrom));
            output.WriteLine("  try            curl smtp://127.0.0.1:" + service.Port + " --mail-from a@lan.test --mail-rcpt " + config.Alerts.To[0] + " -T message.eml");
            return service;
        }
    }
}
