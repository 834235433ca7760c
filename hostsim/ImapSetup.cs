using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Config;
using NanoRelay.Imap.Server;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// Builds and starts the IMAP service of `run` beside POP3, on the same mailbox and
    /// certificate, and says where it listens and how to log in. Returns null when it stays off:
    /// the board allows no IMAP session, or the embedded default address is taken (only an
    /// address from the config or --imap stops `run` when it cannot be bound, as POP3's does).
    /// </summary>
    public static class ImapSetup
    {
        public static ImapService Start(HostConfig config, RunOptions options, Mailbox mailbox, X509Certificate2 certificate, IClock clock, ILog log, TextWriter output, NanoRelay.HostSim.Budget.BoardBudget board, NanoRelay.Auth.AuthPenalty penalty, NanoRelay.Supervision.HeapGate heap = null)
        {
            ImapSection imap = config.Imap;
            string field = options.ImapListen != null ? "--imap" : "imap.listen";
            IPEndPoint listen = ListenAddress.Parse(options.ImapListen ?? imap.Listen, field);
            IPEndPoint tlsListen = imap.TlsListen == null ? null : ListenAddress.Parse(imap.TlsListen, "imap.tlsListen");
            if (board != null && board.MaxImapSessions == 0)
            {
                output.WriteLine("IMAP mailbox     off: board " + board.Name + " has no sessions.imap");
                return null;
            }

            ImapServerOptions serverOptions = new ImapServerOptions
            {
                User = config.ImapUser(),
                Password = config.ImapPassword(),
                AuthPenalty = penalty,
                MaxMessageBytes = config.SmtpIngress.MaxMessageBytes,   // APPEND as big as an ingress message
            };
            if (board != null)
            {
                serverOptions.MaxSessions = board.MaxImapSessions;   // the board's cap (* BYE [UNAVAILABLE] beyond)
            }

            ImapService service = new ImapService(serverOptions, mailbox, certificate, listen, tlsListen, clock, log);
            if (board != null)
            {
                service.TransferChunk = Limits.ImapTransferChunk;   // the device's buffer, not the desktop's
                service.Heap = heap;   // and the device's heap gate
            }

            try
            {
                service.Start();
            }
            catch (SocketException e) when (!config.ImapGiven && options.ImapListen == null)
            {
                service.Stop();
                output.WriteLine("IMAP mailbox     off: cannot listen on the default " + imap.Listen + " (" + e.Message + "); set imap.listen or --imap");
                return null;
            }

            output.WriteLine("IMAP mailbox     " + ListenAddress.Host(listen.Address) + ":" + service.Port + " (STARTTLS)" + (tlsListen == null ? "" : ", implicit TLS on " + ListenAddress.Host(tlsListen.Address) + ":" + service.TlsPort)
                + ", " + serverOptions.MaxSessions + " sessions, IDLE");
            output.WriteLine("  login          user " + config.ImapUser() + ", password " + config.ImapPassword() + (imap.User == null && imap.Password == null ? " (pop3's)" : ""));
            output.WriteLine("  try            curl imap://" + Uri.EscapeDataString(config.ImapUser()) + ":" + Uri.EscapeDataString(config.ImapPassword()) + "@" + ListenAddress.ClientHost(listen.Address) + ":" + service.Port + "/INBOX");
            return service;
        }
    }
}
