using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// Issue 14 item 7: a supervisor or CI runner without a terminal starts the relay through a
    /// shell in the background (SIGINT then arrives ignored, POSIX §2.11) and stops it with SIGINT
    /// to the whole process group. The relay must stop cleanly on that SIGINT alone.
    /// </summary>
    [TestClass]
    public class ProcessGroupSignalTests
    {
        private const int SIGINT = 2;
        private const int SIGKILL = 9;

        [TestMethod]
        [Timeout(120000)]
        public void SigintToTheProcessGroup_WithoutATerminal_StopsTheRelayInBoundedTime()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Inconclusive("POSIX process groups only");
            }

            string dir = HostSimProcess.TempDirectory();
            string stdout = Path.Combine(dir, "out.txt");
            string script = "dotnet '" + HostSimProcess.Dll + "' run --data relay-data --pop3 127.0.0.1:0 --smtp 127.0.0.1:0 > out.txt 2> err.txt < /dev/null &\n"
                + "echo $! > relay.pid\nwait\n";
            File.WriteAllText(Path.Combine(dir, "start.sh"), script);

            // setsid: a new session and process group, no controlling terminal, like a supervisor's child.
            ProcessStartInfo info = new ProcessStartInfo("setsid") { WorkingDirectory = dir, UseShellExecute = false, RedirectStandardInput = true };
            info.ArgumentList.Add("sh");
            info.ArgumentList.Add("start.sh");
            using Process group = Process.Start(info);
            int relay = 0;
            try
            {
                Stopwatch w = Stopwatch.StartNew();
                while (w.Elapsed < HostSimProcess.StartTimeout && !(File.Exists(stdout) && File.ReadAllText(stdout).Contains("Ctrl+C stops.", StringComparison.Ordinal)))
                {
                    Thread.Sleep(100);
                }

                Assert.IsTrue(File.ReadAllText(stdout).Contains("Ctrl+C stops.", StringComparison.Ordinal), "the relay did not start\n" + File.ReadAllText(stdout));
                relay = int.Parse(File.ReadAllText(Path.Combine(dir, "relay.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

                Assert.AreEqual(0, kill(-group.Id, SIGINT), "kill(-pgid, SIGINT)");
                w.Restart();
                while (w.Elapsed < TimeSpan.FromSeconds(20) && kill(relay, 0) == 0 && !IsZombie(relay))
                {
                    Thread.Sleep(100);
                }

                bool gone = kill(relay, 0) != 0 || IsZombie(relay);
                string output = File.ReadAllText(stdout) + "\n--- stderr\n" + File.ReadAllText(Path.Combine(dir, "err.txt"));
                Assert.IsTrue(gone, "the relay was still running 20 s after SIGINT to its process group\n" + output);
                StringAssert.Contains(output, "stopped.", output);
            }
            finally
            {
                if (relay > 0)
                {
                    kill(relay, SIGKILL);
                }

                kill(-group.Id, SIGKILL);
                group.WaitForExit(10000);
            }
        }

        private static bool IsZombie(int pid)
        {
            try
            {
                string stat = File.ReadAllText("/proc/" + pid + "/stat");
                return stat.Substring(stat.LastIndexOf(')') + 2, 1) == "Z";
            }
            catch (IOException)
            {
                return false;
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
