using System;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Storage;

namespace NanoRelay.HostSim
{
    /// <summary>What `send` did: the exit code, the one line to print, and the upstream's last outcome (null when none was tried).</summary>
    public sealed class SendReport
    {
        public int ExitCode { get; set; }

        /// <summary>Standard output when <see cref="ExitCode"/> is 0, else standard error.</summary>
        public string Line { get; set; }

        public SmtpOutcome Outcome { get; set; }
    }

    /// <summary>
    /// `send`: the relay's own path for one message, as for every other. The core's MIME writer
    /// writes it into the spool, the relay worker takes it from there in one round: to the upstream
    /// (retried by `run` after a temporary failure, bounced into the mailbox after a permanent one)
    /// or, with no upstream, into the device mailbox. Exit 0 only when every recipient took it.
    /// </summary>
    public static class SpoolSend
    {
        public static SendReport Send(HostConfig config, string dataDirectory, OutgoingMessage message, IClock clock, IRandom random, ILog log)
        {
            RelayHost host;
            try
            {
                host = RelayHost.Open(config, dataDirectory, clock, random, log);
            }
            catch (RelayBusyException e)
            {
                return Failed("send: " + e.Message + " (stop it first, or send through its SMTP ingress)");
            }

            using (host)
            {
                StoreWriter writer = host.Spool.Begin(OutgoingMessage.AddrSpec(message.From), message.EnvelopeRecipients(), message.MessageId);
                NanoRelay.Mime.MessageWriter mime = new NanoRelay.Mime.MessageWriter(clock, random);
                MimeWriteResult written;
                try
                {
                    written = mime.Write(message, writer);
                }
                catch (StoreException)
                {
                    writer.Abort();
                    throw;
                }

                if (written != MimeWriteResult.Written)
                {
                    writer.Abort();
                    return written == MimeWriteResult.Invalid
                        ? new SendReport { ExitCode = Program.ExitUsage, Line = "usage: " + mime.Error }
                        : Failed("send: " + mime.Error);
                }

                SpoolEntry entry = writer.Commit();
                host.RunDueNow();
                SmtpOutcome outcome = host.Upstream?.LastOutcome;
                if (host.Upstream == null)
                {
                    return Delivered(entry)
                        ? new SendReport { ExitCode = Program.ExitOk, Line = "delivered " + message.MessageId + " into the device mailbox in " + dataDirectory }
                        : Failed("send: queued " + message.MessageId + " but the mailbox did not take it yet (see `queue`)");
                }

                if (Delivered(entry))
                {
                    return new SendReport { ExitCode = Program.ExitOk, Line = "sent " + message.MessageId + ": " + (outcome?.Reply ?? entry.RecipientReplies[0]), Outcome = outcome };
                }

                // One line: the upstream's own description of the failure, then where the message is now.
                string why = outcome != null && outcome.Failure != SmtpFailure.None ? outcome.Describe() : FirstRefusal(entry);
                string where = host.Spool.Find(entry.Id) != null
                    ? " (queued as entry " + entry.Id + ": `run` retries it, `queue --drop " + entry.Id + "` removes it)"
                    : entry.Sender.Length > 0 ? " (refused for good: a bounce is in the device mailbox)" : string.Empty;
                return new SendReport { ExitCode = Program.ExitFailure, Line = why + where, Outcome = outcome };
            }
        }

        private static bool Delivered(SpoolEntry e)
        {
            foreach (RecipientState s in e.RecipientStates)
            {
                if (s != RecipientState.Delivered)
                {
                    return false;
                }
            }

            return true;
        }

        private static string FirstRefusal(SpoolEntry e)
        {
            for (int i = 0; i < e.Recipients.Length; i++)
            {
                if (e.RecipientStates[i] != RecipientState.Delivered)
                {
                    return "upstream did not take <" + e.Recipients[i] + ">: " + e.RecipientReplies[i];
                }
            }

            return "not sent";
        }

        private static SendReport Failed(string line)
        {
            return new SendReport { ExitCode = Program.ExitFailure, Line = line };
        }
    }
}
