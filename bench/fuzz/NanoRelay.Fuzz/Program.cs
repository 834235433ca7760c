using System;
using System.IO;
using SharpFuzz;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// NanoRelay.Fuzz TARGET            run TARGET under AFL++ (afl-fuzz starts it; SharpFuzz speaks the fork server protocol)
    /// NanoRelay.Fuzz replay TARGET P.. run TARGET over files or folders, print failures, exit 1 if any
    /// NanoRelay.Fuzz dump-mime FILE    write the message the MIME target made of FILE to stdout
    /// NanoRelay.Fuzz seeds DIR         write the seed corpus, one folder per target
    /// </summary>
    public static class Program
    {
        private static void Canary(byte[] data)
        {
            FramerTarget.Run(data);
            if (data.Length >= 2 && data[0] == '!' && data[1] == '!')
            {
                throw new FuzzFailure("canary");
            }
        }

        public static int Main(string[] args)
        {
            if (args.Length >= 2 && args[0] == "seeds")
            {
                Seeds.WriteAll(args[1]);
                return 0;
            }

            if (args.Length == 2 && args[0] == "dump-mime")
            {
                try
                {
                    MimeRoundTripTarget.Run(File.ReadAllBytes(args[1]));
                }
                catch (FuzzFailure e)
                {
                    Console.Error.WriteLine(e.Message);
                }

                Console.OpenStandardOutput().Write(MimeRoundTripTarget.LastRaw ?? new byte[0]);
                return 0;
            }

            if (args.Length >= 3 && args[0] == "replay")
            {
                Action<byte[]> replay = Targets.Find(args[1]) ?? throw new ArgumentException("unknown target " + args[1]);
                int failures = 0, count = 0;
                for (int i = 2; i < args.Length; i++)
                {
                    string[] paths = Directory.Exists(args[i]) ? Directory.GetFiles(args[i]) : new[] { args[i] };
                    Array.Sort(paths, StringComparer.Ordinal);
                    foreach (string path in paths)
                    {
                        count++;
                        try
                        {
                            replay(File.ReadAllBytes(path));
                        }
                        catch (Exception e)
                        {
                            failures++;
                            Console.WriteLine(path + ": " + e.GetType().Name + ": " + e.Message);
                            Console.WriteLine(e.StackTrace);
                        }
                    }
                }

                Console.WriteLine(args[1] + ": " + count + " inputs, " + failures + " failures");
                return failures == 0 ? 0 : 1;
            }

            // "canary": throws on inputs starting "!!", to show that a run records an exception as a crash.
            Action<byte[]> run = args.Length != 1 ? null : args[0] == "canary" ? Canary : Targets.Find(args[0]);
            if (run == null)
            {
                Console.Error.WriteLine("usage: NanoRelay.Fuzz TARGET | replay TARGET PATH... | seeds DIR; targets: " + string.Join(", ", Array.ConvertAll(Targets.All, t => t.Name)));
                return 2;
            }

            Fuzzer.Run(stream =>
            {
                MemoryStream m = new MemoryStream();
                stream.CopyTo(m);
                run(m.ToArray());
            });
            return 0;
        }
    }
}
