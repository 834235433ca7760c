using System;
using System.CommandLine;
using System.Threading;
using NanoRelay.HostSim.Adapters;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// `ingress-only` (hidden; for tests/interop/30-smtp-ingress.sh, which checks exactly what the
    /// ingress accepted, byte for byte): the SMTP ingress alone, accepted mail written as files by
    /// <see cref="SmtpIngressDirectorySink"/>; `run` serves the same ingress into the spool.
    /// Prints "listening ADDRESS:PORT" once bound.
    /// </summary>
    public static class SmtpIngressCommand
    {
        public static Command Create()
        {
            Option<string> config = new Option<string>("--config") { Description = "JSON config file (schema: README, Configuration)" };
            Option<string> smtp = new Option<string>("--smtp") { Description = "listen ADDR:PORT (default from the config, else 127.0.0.1:2525)" };
            Option<string> sink = new Option<string>("--sink") { Description = "directory for accepted messages", Required = true };
            Option<bool> trace = new Option<bool>("--trace") { Description = "print the dialogue (C:/S:), secrets redacted" };
            Command command = new Command("ingress-only", "run only the SMTP ingress into a directory (tests)") { config, smtp, sink, trace };
            command.Hidden = true;
            command.SetAction(parse => Execute(parse.GetValue(config), parse.GetValue(smtp), parse.GetValue(sink), parse.GetValue(trace)));
            return command;
        }

        private static int Execute(string configFile, string listen, string sinkDirectory, bool trace)
        {
            HostConfig config = configFile == null ? new HostConfig() : HostConfig.Load(configFile);
            SmtpIngressSettings settings = SmtpIngressSettings.FromConfig(config, listen);
            using SmtpIngressService service = new SmtpIngressService(settings, new SmtpIngressDirectorySink(sinkDirectory), new SystemClock(), new ConsoleLog(trace), new CryptoRandom());
            try
            {
                service.Start();
            }
            catch (System.Net.Sockets.SocketException e)
            {
                Console.Error.WriteLine("smtpIngress.listen: cannot listen on " + settings.Listen + ": " + e.Message);
                return Program.ExitFailure;
            }

            using ManualResetEventSlim stop = new ManualResetEventSlim();
            using StopSignals signals = StopSignals.SetOn(stop);
            AppDomain.CurrentDomain.ProcessExit += (s, e) => stop.Set();
            string host = settings.Listen.Substring(0, settings.Listen.LastIndexOf(':'));
            Console.WriteLine("listening " + host + ":" + service.Port);
            Console.Out.Flush();
            stop.Wait();
            service.Stop();
            return Program.ExitOk;
        }
    }
}
