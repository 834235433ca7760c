using System;
using System.CommandLine;
using System.Threading;

namespace NanoRelay.HostSim
{
    /// <summary>`run`: the relay with its services until Ctrl+C.</summary>
    public static class RunCommand
    {
        public static Command Create()
        {
            Option<string> config = new Option<string>("--config") { Description = "JSON config file (DESIGN.md schema)" };
            Option<string> data = new Option<string>("--data") { Description = "data directory (default ./nanorelay-data)" };
            Option<string> pop3 = new Option<string>("--pop3") { Description = "POP3 listen ADDR:PORT (default 127.0.0.1:1110)" };
            Option<string> smtp = new Option<string>("--smtp") { Description = "SMTP ingress listen ADDR:PORT (default 127.0.0.1:2525)" };
            Option<string> board = new Option<string>("--board") { Description = "enforce boards/NAME/board.json budgets" };
            Option<bool> trace = new Option<bool>("--trace") { Description = "print the protocol dialogue (C:/S:), secrets redacted" };
            Command run = new Command("run", "run the relay") { config, data, pop3, smtp, board, trace };
            run.SetAction(parse => Execute(new RunOptions
            {
                ConfigFile = parse.GetValue(config),
                DataDirectory = parse.GetValue(data),
                Pop3Listen = parse.GetValue(pop3),
                SmtpListen = parse.GetValue(smtp),
                Board = parse.GetValue(board),
                Trace = parse.GetValue(trace),
            }));
            return run;
        }

        public static int Execute(RunOptions options)
        {
            HostConfig config = options.ConfigFile == null ? new HostConfig() : HostConfig.Load(options.ConfigFile);
            Console.Error.WriteLine("nanoRelay host simulator: no services are wired in yet.");
            return Program.ExitFailure;
        }
    }
}
