using System;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Storage;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// `send` with no upstream configured: the relay's own path (the MIME writer into the spool,
    /// then the relay worker, which with no upstream delivers into the device mailbox).
    /// </summary>
    public static class LocalDelivery
    {
        public static int Send(HostConfig config, string dataDirectory, OutgoingMessage message, IClock clock, IRandom random, ILog log)
        {
            RelayHost host;
            try
            {
                host = RelayHost.Open(config, dataDirectory, clock, random, log);
            }
            catch (RelayBusyException e)
            {
                Console.Error.WriteLine("send: " + e.Message + " (stop it first, or send through its SMTP ingress)");
                return Program.ExitFailure;
            }

            using (host)
            {
                StoreWriter entry = host.Spool.Begin(OutgoingMessage.AddrSpec(message.From), message.EnvelopeRecipients(), message.MessageId);
                NanoRelay.Mime.MessageWriter writer = new NanoRelay.Mime.MessageWriter(clock, random);
                MimeWriteResult written;
                try
                {
                    written = writer.Write(message, entry);
                }
                catch (StoreException)
                {
                    entry.Abort();
                    throw;
                }

                if (written != MimeWriteResult.Written)
                {
                    entry.Abort();
                    Console.Error.WriteLine(written == MimeWriteResult.Invalid ? "usage: " + writer.Error : "send: " + writer.Error);
                    return written == MimeWriteResult.Invalid ? Program.ExitUsage : Program.ExitFailure;
                }

                entry.Commit();
                int before = host.Worker.Counters.DeliveredLocally;
                host.RunDueNow();
                if (host.Worker.Counters.DeliveredLocally == before)
                {
                    Console.Error.WriteLine("send: queued " + message.MessageId + " but the mailbox did not take it yet (see `queue`)");
                    return Program.ExitFailure;
                }

                Console.WriteLine("delivered " + message.MessageId + " into the device mailbox in " + dataDirectory);
                return Program.ExitOk;
            }
        }
    }
}
