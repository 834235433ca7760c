using System;
using System.CommandLine;
using System.IO;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// `deliver FILE...`: puts ready-made RFC 5322 messages into the device mailbox, as a local
    /// delivery agent would (line ends made CRLF). For filling a mailbox to test POP3 clients, or
    /// importing mail; the relay must be stopped (it owns the data directory while it runs).
    /// </summary>
    public static class DeliverCommand
    {
        public static Command Create()
        {
            Option<string> config = new Option<string>("--config") { Description = "JSON config file (schema: README, Configuration)" };
            Option<string> data = new Option<string>("--data") { Description = "data directory (default: spool.path of the config, or ./nanorelay-data)" };
            Argument<string[]> files = new Argument<string[]>("FILE") { Description = "message files (RFC 5322)", Arity = ArgumentArity.OneOrMore };
            Command deliver = new Command("deliver", "put message files into the device mailbox") { config, data, files };
            deliver.SetAction(parse => Execute(parse.GetValue(config), parse.GetValue(data), parse.GetValue(files)));
            return deliver;
        }

        public static int Execute(string configFile, string dataDir, string[] files)
        {
            foreach (string f in files)
            {
                if (!File.Exists(f))
                {
                    Console.Error.WriteLine("usage: no such file: " + f);
                    return Program.ExitUsage;
                }
            }

            HostConfig config = configFile == null ? new HostConfig() : HostConfig.Load(configFile);
            string dir = RunCommand.DataDirectoryOf(new RunOptions { ConfigFile = configFile, DataDirectory = dataDir }, config);
            try
            {
                using RelayHost host = RelayHost.Open(config, dir, new SystemClock(), new CryptoRandom(), new ConsoleLog(false));
                byte[] buffer = new byte[4096];
                foreach (string f in files)
                {
                    MailboxDelivery d = host.Mailbox.BeginDelivery(null);
                    try
                    {
                        using FileStream input = File.OpenRead(f);
                        int n;
                        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            d.Write(buffer, 0, n);
                        }

                        Console.WriteLine("delivered " + Path.GetFileName(f) + " as " + d.Commit());
                    }
                    catch (Exception e) when (e is IOException || e is StoreException)
                    {
                        d.Abort();
                        Console.Error.WriteLine("deliver: " + Path.GetFileName(f) + ": " + e.Message);
                        return Program.ExitFailure;
                    }
                }

                return Program.ExitOk;
            }
            catch (RelayBusyException e)
            {
                Console.Error.WriteLine("deliver: " + e.Message + " (stop it first, or send through its SMTP ingress)");
                return Program.ExitFailure;
            }
        }
    }
}
