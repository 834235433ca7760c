using System;
using System.CommandLine;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using NanoRelay.HostSim.Adapters;

namespace NanoRelay.HostSim
{
    /// <summary>`run`: the relay with its services until Ctrl+C.</summary>
    public static class RunCommand
    {
        /// <summary>The data directory when neither --data nor the config names one.</summary>
        public const string DefaultDataDirectory = "nanorelay-data";

        public static Command Create()
        {
            Option<string> config = new Option<string>("--config") { Description = "JSON config file (schema: README, Configuration)" };
            Option<string> data = new Option<string>("--data") { Description = "data directory (default ./nanorelay-data)" };
            Option<string> pop3 = new Option<string>("--pop3") { Description = "POP3 listen ADDR:PORT (default 127.0.0.1:1110)" };
            Option<string> imap = new Option<string>("--imap") { Description = "IMAP listen ADDR:PORT (default 127.0.0.1:1143)" };
            Option<string> smtp = new Option<string>("--smtp") { Description = "SMTP ingress listen ADDR:PORT (default 127.0.0.1:2525)" };
            Option<string> board = new Option<string>("--board") { Description = "enforce boards/NAME/board.json budgets" };
            Option<bool> trace = new Option<bool>("--trace") { Description = "print the protocol dialogue (C:/S:), secrets redacted" };
            Option<string> statusFile = new Option<string>("--status-file") { Description = "write the status (sessions, memory held and peak, budget) as JSON to PATH every second" };
            Command run = new Command("run", "run the relay") { config, data, pop3, imap, smtp, board, trace, statusFile };
            run.SetAction(parse => Execute(new RunOptions
            {
                ConfigFile = parse.GetValue(config),
                DataDirectory = parse.GetValue(data),
                Pop3Listen = parse.GetValue(pop3),
                ImapListen = parse.GetValue(imap),
                SmtpListen = parse.GetValue(smtp),
                Board = parse.GetValue(board),
                Trace = parse.GetValue(trace),
                StatusFile = parse.GetValue(statusFile),
            }));
            return run;
        }

        /// <summary>The data directory: --data, else the config's spool.path (relative to the config), else ./nanorelay-data.</summary>
        public static string DataDirectoryOf(RunOptions options, HostConfig config)
        {
            if (options.DataDirectory != null)
            {
                return Path.GetFullPath(options.DataDirectory);
            }

            return options.ConfigFile != null ? config.Resolve(config.Spool.Path) : Path.GetFullPath(DefaultDataDirectory);
        }

        /// <summary>
        /// The checks that need the flags as well as the config (listen addresses, the ingress
        /// settings, the board), before anything is created: a mistake never leaves a data
        /// directory or a certificate behind. Throws <see cref="ConfigException"/>.
        /// </summary>
        public static void Preflight(HostConfig config, RunOptions options)
        {
            CheckListen(options.Pop3Listen, "--pop3", config.Pop3.Listen, "pop3.listen");
            CheckListen(options.ImapListen, "--imap", config.Imap.Listen, "imap.listen");
            SmtpIngressSettings.FromConfig(config, options.SmtpListen).Validate();
            if (options.Board != null)
            {
                Budget.BoardBudget.Find(options.Board);
            }
        }

        // The flag wins over the config; the error names whichever was used.
        private static void CheckListen(string flag, string flagName, string configured, string field)
        {
            try
            {
                TcpListenerAdapter.ParseEndPoint(flag ?? configured);
            }
            catch (FormatException e)
            {
                throw new ConfigException((flag != null ? flagName : field) + ": " + e.Message);
            }
        }

        public static int Execute(RunOptions options)
        {
            HostConfig config = options.ConfigFile == null ? new HostConfig() : HostConfig.Load(options.ConfigFile);
            Preflight(config, options);
            string dataDirectory = DataDirectoryOf(options, config);
            ConsoleLog log = new ConsoleLog(options.Trace);
            SystemClock clock = new SystemClock();
            CryptoRandom random = new CryptoRandom();

            using ManualResetEventSlim stop = new ManualResetEventSlim();
            using StopSignals signals = StopSignals.SetOn(stop);

            Console.WriteLine("nanoRelay host simulator '" + config.Device.Name + "', data in " + dataDirectory);
            RelayServices services;
            try
            {
                services = RelayServices.Start(config, options, dataDirectory, clock, random, log, Console.Out);
            }
            catch (RelayBusyException e)
            {
                Console.Error.WriteLine("run: " + e.Message);
                return Program.ExitFailure;
            }
            catch (SocketException e)
            {
                Console.Error.WriteLine("run: cannot listen: " + e.Message);
                return Program.ExitFailure;
            }

            Console.WriteLine("Ctrl+C stops.");
            Console.Out.Flush();
            stop.Wait();
            services.Stop(Console.Out);
            Console.WriteLine("stopped.");
            return Program.ExitOk;
        }
    }
}
