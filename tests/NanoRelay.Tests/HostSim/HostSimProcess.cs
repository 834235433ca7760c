using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// The host simulator as a user runs it: `dotnet nanorelay-hostsim.dll ARGS` in a working
    /// directory of its own, stdout and stderr collected, signals sent as from a terminal (SIGINT
    /// is Ctrl+C), every wait bounded, and the process killed at Dispose if it is still running.
    /// </summary>
    internal sealed class HostSimProcess : IDisposable
    {
        public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
        public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

        private const int SIGINT = 2;
        private const int SIGTERM = 15;

        private readonly Process _process;
        private readonly StringBuilder _stdout = new StringBuilder();
        private readonly StringBuilder _stderr = new StringBuilder();

        private HostSimProcess(Process process)
        {
            _process = process;
        }

        public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

        public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

        /// <summary>Both streams, for assertion messages.</summary>
        public string Output { get { return "--- stdout\n" + Stdout + "\n--- stderr\n" + Stderr; } }

        public bool HasExited { get { return _process.HasExited; } }

        /// <summary>The simulator built next to the tests (the test project references it).</summary>
        public static string Dll { get { return Path.Combine(AppContext.BaseDirectory, "nanorelay-hostsim.dll"); } }

        public static HostSimProcess Start(string workingDirectory, params string[] args)
        {
            return StartProgram(Dll, workingDirectory, args);
        }

        /// <summary>Starts <paramref name="dll"/>, a copy of the simulator somewhere else (a published or copied binary).</summary>
        public static HostSimProcess StartProgram(string dll, string workingDirectory, params string[] args)
        {
            ProcessStartInfo info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(dll);
            foreach (string a in args)
            {
                info.ArgumentList.Add(a);
            }

            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            Process p = new Process { StartInfo = info };
            HostSimProcess h = new HostSimProcess(p);
            p.OutputDataReceived += (s, e) => { if (e.Data != null) { lock (h._stdout) { h._stdout.Append(e.Data).Append('\n'); } } };
            p.ErrorDataReceived += (s, e) => { if (e.Data != null) { lock (h._stderr) { h._stderr.Append(e.Data).Append('\n'); } } };
            p.Start();
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            return h;
        }

        /// <summary>Runs to its end (bounded) and returns the exit code; fails the test on the time limit.</summary>
        public static HostSimProcess Run(string workingDirectory, TimeSpan limit, params string[] args)
        {
            HostSimProcess h = Start(workingDirectory, args);
            h.WaitForExit(limit);
            return h;
        }

        /// <summary>Waits until stdout contains <paramref name="text"/>; false on the time limit or if the process ended first.</summary>
        public bool WaitForStdout(string text, TimeSpan limit)
        {
            Stopwatch w = Stopwatch.StartNew();
            while (w.Elapsed < limit)
            {
                if (Stdout.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }

                if (_process.HasExited)
                {
                    _process.WaitForExit();   // drains the streams
                    return Stdout.Contains(text, StringComparison.Ordinal);
                }

                Thread.Sleep(50);
            }

            return false;
        }

        /// <summary>Ctrl+C.</summary>
        public void Interrupt()
        {
            Signal(SIGINT);
        }

        /// <summary>What a service manager sends.</summary>
        public void Terminate()
        {
            Signal(SIGTERM);
        }

        /// <summary>The exit code, once the process ended within <paramref name="limit"/>; throws otherwise (Dispose kills it).</summary>
        public int WaitForExit(TimeSpan limit)
        {
            if (!_process.WaitForExit((int)limit.TotalMilliseconds))
            {
                throw new TimeoutException("the host simulator did not exit within " + limit.TotalSeconds + " s\n" + Output);
            }

            _process.WaitForExit();   // drains the asynchronous readers
            return _process.ExitCode;
        }

        public int ExitCode { get { return _process.ExitCode; } }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(true);
                    _process.WaitForExit(10000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }

        /// <summary>A loopback port that was free a moment ago.</summary>
        public static int FreePort()
        {
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        /// <summary>Whether 127.0.0.1:<paramref name="port"/> can be bound now.</summary>
        public static bool IsPortFree(int port)
        {
            try
            {
                TcpListener probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        /// <summary>A fresh empty directory under the system's temp folder.</summary>
        public static string TempDirectory()
        {
            string d = Path.Combine(Path.GetTempPath(), "nanorelay-proc-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            Directory.CreateDirectory(d);
            return d;
        }

        private void Signal(int signal)
        {
            if (kill(_process.Id, signal) != 0)
            {
                throw new InvalidOperationException("kill(" + _process.Id + ", " + signal + ") failed: errno " + Marshal.GetLastPInvokeError());
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
