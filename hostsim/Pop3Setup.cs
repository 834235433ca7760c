using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Config;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>Builds and starts the POP3 service of `run` from the config and the flags, and says where it listens and how to log in.</summary>
    public static class Pop3Setup
    {
        public static Pop3Service Start(HostConfig config, RunOptions options, string dataDirectory, IMaildrop maildrop, X509Certificate2 certificate, IClock clock, IRandom random, ILog log, TextWriter output, NanoRelay.HostSim.Budget.BoardBudget board, NanoRelay.Auth.AuthPenalty penalty = null, NanoRelay.Supervision.HeapGate heap = null)
        {
            Pop3Section pop3 = config.Pop3;
            IPEndPoint listen = ListenAddress.Parse(options.Pop3Listen ?? pop3.Listen, "--pop3");
            IPEndPoint tlsListen = pop3.TlsListen == null ? null : ListenAddress.Parse(pop3.TlsListen, "pop3.tlsListen");

            Pop3ServerOptions serverOptions = new Pop3ServerOptions
            {
                User = pop3.User,
                Password = pop3.Password,
                Apop = pop3.Apop,
                HostName = config.Device.Name,
                ServerName = config.Device.Name,
            };
            if (penalty != null)
            {
                serverOptions.AuthPenalty = penalty;
            }

            if (board != null)
            {
                serverOptions.MaxSessions = board.MaxPop3Sessions;   // the board's cap (-ERR [SYS/TEMP] beyond)
            }

            Pop3Service service = new Pop3Service(serverOptions, maildrop, certificate, listen, tlsListen, clock, random, log);
            if (board != null)
            {
                service.TransferChunk = Limits.Pop3TransferChunk;   // the device's buffer, not the desktop's
                service.Heap = heap;   // and the device's heap gate
            }

            if (config.Pop2?.Listen != null)
            {
                service.Pop2Listen = ListenAddress.Parse(config.Pop2.Listen, "pop2.listen");
                service.Pop2PlaintextFromLan = config.Pop2.AllowPlaintextAuth;
            }

            service.Start();

            string host = ListenAddress.ClientHost(listen.Address);
            output.WriteLine("POP3 mailbox     " + ListenAddress.Host(listen.Address) + ":" + service.Port + " (STLS)" + (tlsListen == null ? "" : ", implicit TLS on " + ListenAddress.Host(tlsListen.Address) + ":" + service.TlsPort));
            output.WriteLine("  login          user " + pop3.User + ", password " + pop3.Password + (pop3.Apop ? " (APOP on, over TLS only)" : ""));
            output.WriteLine("  mailbox        " + maildrop.Refresh() + " messages in " + dataDirectory);
            output.WriteLine("  try            curl pop3://" + Uri.EscapeDataString(pop3.User) + ":" + Uri.EscapeDataString(pop3.Password) + "@" + host + ":" + service.Port + "/");
            if (service.Pop2Listen != null)
            {
                output.WriteLine("POP2 mailbox     " + ListenAddress.Host(service.Pop2Listen.Address) + ":" + service.Pop2Port + " (RFC 937, same mailbox and login, password in clear" + (config.Pop2.AllowPlaintextAuth ? ")" : ": loopback only)"));
            }

            return service;
        }
    }
}
