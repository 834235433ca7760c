namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>Loads the C:/S: transcript files kept next to these tests (copied to the output directory).</summary>
    internal static class Transcripts
    {
        public static string Load(string name)
        {
            return System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Rfc5321", "Transcripts", name + ".txt"));
        }
    }
}
