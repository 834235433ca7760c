using System;
using System.Collections.Generic;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Storage
{
    /// <summary>The fault model a walk runs under: how the write hit by the cut lands on flash.</summary>
    public sealed record CutMode(int TornBytes, bool TornGarbage, bool CreateNeedsFlush)
    {
        public static readonly CutMode[] All =
        {
            new CutMode(0, false, false),
            new CutMode(0, false, true),
            new CutMode(7, false, false),
            new CutMode(7, true, true),
            new CutMode(100000, false, false),   // the whole write landed, the call still failed
        };

        public void Apply(MemoryFileStore files)
        {
            files.TornBytes = TornBytes;
            files.TornGarbage = TornGarbage;
            files.CreateNeedsFlush = CreateNeedsFlush;
        }
    }

    /// <summary>Runs an action with the power cut after every possible operation k.</summary>
    public static class PowerCut
    {
        /// <summary>
        /// For each mode and each k from 0 until the action completes uncut: a fresh store from
        /// <paramref name="setup"/>, the cut armed k operations later, the action run until the
        /// cut, a reboot, then <paramref name="verify"/>. Returns the number of cut points walked.
        /// </summary>
        public static int Walk<T>(Func<MemoryFileStore, T> setup, Action<MemoryFileStore, T> action, Action<MemoryFileStore, T, int, CutMode> verify)
        {
            int walked = 0;
            foreach (CutMode mode in CutMode.All)
            {
                for (int k = 0; ; k++)
                {
                    MemoryFileStore files = new MemoryFileStore();
                    mode.Apply(files);
                    T state = setup(files);
                    files.PowerCutAfter = files.Operations + k;
                    bool cut = false;
                    try
                    {
                        action(files, state);
                    }
                    catch (StoreException) when (files.PoweredOff)
                    {
                        cut = true;
                    }

                    files.Reboot();
                    verify(files, state, k, mode);
                    walked++;
                    if (!cut)
                    {
                        break;
                    }

                    if (k > 10000)
                    {
                        throw new InvalidOperationException("walk does not end");
                    }
                }
            }

            return walked;
        }

        public static string Hash(byte[] b)
        {
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(b));
        }

        public static byte[] ReadAll(IFileReader r)
        {
            var ms = new System.IO.MemoryStream();
            byte[] buf = new byte[333];
            int n;
            while ((n = r.Read(buf, 0, buf.Length)) > 0)
            {
                ms.Write(buf, 0, n);
            }

            r.Close();
            return ms.ToArray();
        }
    }
}
