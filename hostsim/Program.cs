using System;
using System.CommandLine;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The host simulator's CLI (README "The two commands"): no arguments runs the relay with the
    /// embedded defaults; `run`, `send` and `queue` as documented. Exit codes: 0 success,
    /// 1 delivery or runtime failure (one line), 2 usage or config error.
    /// </summary>
    public static class Program
    {
        public const int ExitOk = 0;
        public const int ExitFailure = 1;
        public const int ExitUsage = 2;

        public static int Main(string[] args)
        {
            RootCommand root = new RootCommand("nanoRelay host simulator: the device's mail relay core on .NET 10");
            root.Subcommands.Add(RunCommand.Create());
            root.Subcommands.Add(SendCommand.Create());
            root.Subcommands.Add(DeliverCommand.Create());
            root.Subcommands.Add(QueueCommand.Create());
            root.Subcommands.Add(DemoCommand.Create());

            root.Subcommands.Add(SmtpIngressCommand.Create());
            root.SetAction(parse => RunCommand.Execute(new RunOptions()));

            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError e in result.Errors)
                {
                    Console.Error.WriteLine("usage: " + e.Message);
                }

                return ExitUsage;
            }

            try
            {
                return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (ConfigException e)
            {
                Console.Error.WriteLine(e.Message);
                return ExitUsage;
            }
        }
    }
}
