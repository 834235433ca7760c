namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>Loads the C:/S: transcript files kept next to these tests (copied to the output directory).</summary>
    internal static class Transcripts
    {
        public static string Load(string name)
        {
#if NANOFRAMEWORK
            // Transcripts are files beside the host test binaries; the device has no such folder.
            throw new System.NotSupportedException("transcript files load on the host only: " + name);
#else
            return System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Rfc5321", "Transcripts", name + ".txt"));
#endif
        }
    }
}
