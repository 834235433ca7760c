using System.Globalization;

namespace NanoRelay.HostSim.Budget
{
    /// <summary>Byte counts for people: "512 B", "41.2 KB", "8.0 MB" (1 KB = 1024 B, as board heaps are quoted).</summary>
    public static class ByteSize
    {
        public static string Format(long bytes)
        {
            if (bytes < 1024 && bytes > -1024)
            {
                return bytes.ToString(CultureInfo.InvariantCulture) + " B";
            }

            double kb = bytes / 1024.0;
            if (kb < 1024 && kb > -1024)
            {
                return kb.ToString("0.0", CultureInfo.InvariantCulture) + " KB";
            }

            return (kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
        }
    }
}
