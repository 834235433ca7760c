using System;
using System.CommandLine;
using System.IO;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Smtp;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// `send`: one message built by the core's MIME writer, queued in the spool and taken by the
    /// relay worker like every other message (<see cref="SpoolSend"/>): exit 0 only when the upstream
    /// (or, with none, the device mailbox) took it for every recipient, else one line naming the step
    /// and the server's reply and exit 1. Usage and config errors exit 2.
    /// </summary>
    public static class SendCommand
    {
        public static Command Create()
        {
            Option<string> config = new Option<string>("--config") { Description = "JSON config file (schema: README, Configuration)" };
            Option<string> data = new Option<string>("--data") { Description = "data directory (default: spool.path of the config, or ./nanorelay-data)" };
            Option<string[]> to = new Option<string[]>("--to") { Description = "recipient address (repeat for more)", Required = true, AllowMultipleArgumentsPerToken = false };
            Option<string> subject = new Option<string>("--subject") { Description = "subject line (UTF-8)", Required = true };
            Option<string> body = new Option<string>("--body") { Description = "body text" };
            Option<string> bodyFile = new Option<string>("--body-file") { Description = "file with the body text (UTF-8)" };
            Option<string[]> attach = new Option<string[]>("--attach") { Description = "file to attach (repeat for more)" };
            Option<bool> trace = new Option<bool>("--trace") { Description = "print the SMTP dialogue (C:/S:), credentials redacted" };
            Command send = new Command("send", "build one message and send it to the upstream (or the local mailbox)") { config, data, to, subject, body, bodyFile, attach, trace };
            send.SetAction(parse => Execute(
                parse.GetValue(config), parse.GetValue(data), parse.GetValue(to), parse.GetValue(subject),
                parse.GetValue(body), parse.GetValue(bodyFile), parse.GetValue(attach) ?? Array.Empty<string>(), parse.GetValue(trace)));
            return send;
        }

        public static int Execute(string configFile, string dataDir, string[] to, string subject, string body, string bodyFile, string[] attach, bool trace)
        {
            if ((body == null) == (bodyFile == null))
            {
                return Usage("give exactly one of --body and --body-file");
            }

            foreach (string a in to)
            {
                if (a.IndexOf('@') <= 0 || a.IndexOfAny(new[] { ' ', '<', '>', '\r', '\n' }) >= 0)
                {
                    return Usage("--to: '" + a + "' is not an address");
                }
            }

            foreach (string f in attach)
            {
                if (!File.Exists(f))
                {
                    return Usage("--attach: no such file: " + f);
                }
            }

            if (bodyFile != null && !File.Exists(bodyFile))
            {
                return Usage("--body-file: no such file: " + bodyFile);
            }

            HostConfig cfg = configFile == null ? new HostConfig() : HostConfig.Load(configFile);
            string dir = RunCommand.DataDirectoryOf(new RunOptions { ConfigFile = configFile, DataDirectory = dataDir }, cfg);
            ILog log = new ConsoleLog(trace, !trace);   // the one line is the output; --trace shows the worker and the dialogue
            IClock clock = new SystemClock();
            IRandom random = new CryptoRandom();
            PathFileReader bodyReader = null;
            PathFileReader[] attachments = new PathFileReader[attach.Length];
            try
            {
                OutgoingMessage message = new OutgoingMessage
                {
                    From = cfg.Alerts.From,
                    To = to,
                    Subject = subject,
                    MessageId = MessageId.Create(random, clock, cfg.Device?.Name, MessageId.DomainOf(cfg.Alerts.From)),
                    BodyText = body,
                };
                if (bodyFile != null)
                {
                    bodyReader = new PathFileReader(bodyFile);
                    message.BodyFile = bodyReader;
                }

                message.Attachments = new MimeAttachment[attach.Length];
                for (int i = 0; i < attach.Length; i++)
                {
                    attachments[i] = new PathFileReader(attach[i]);
                    message.Attachments[i] = new MimeAttachment(Path.GetFileName(attach[i]), MediaTypes.Guess(attach[i]), attachments[i]);
                }

                if (cfg.Upstream != null && cfg.Upstream.Mode == "mx")
                {
                    return Usage("upstream mode mx delivers from the queue: use `run` and its SMTP ingress to send by MX");
                }

                SendReport r = SpoolSend.Send(cfg, dir, message, clock, random, log);
                (r.ExitCode == Program.ExitOk ? Console.Out : Console.Error).WriteLine(r.Line);
                return r.ExitCode;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is StoreException)
            {
                Console.Error.WriteLine("send: " + e.Message);
                return Program.ExitFailure;
            }
            finally
            {
                bodyReader?.Dispose();
                foreach (PathFileReader a in attachments)
                {
                    a?.Dispose();
                }
            }
        }

        private static int Usage(string problem)
        {
            Console.Error.WriteLine("usage: " + problem);
            return Program.ExitUsage;
        }
    }
}
