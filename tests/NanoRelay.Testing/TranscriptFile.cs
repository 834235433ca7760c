namespace NanoRelay.Testing
{
    /// <summary>Loads the C:/S: transcript files kept next to the tests (copied beside the host test binaries).</summary>
    public static class TranscriptFile
    {
        /// <summary>The text of <paramref name="relativePath"/> (e.g. "Rfc5321/Transcripts/x.txt") below the test binaries' folder.</summary>
        public static string Load(string relativePath)
        {
#if NANOFRAMEWORK
            // The device has no such folder: transcript tests run on the host.
            throw new System.NotSupportedException("transcript files load on the host only: " + relativePath);
#else
            return System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, relativePath));
#endif
        }

        /// <summary>The file's lines: CRLF or LF ends, the empty piece after a final line end left out.</summary>
        public static string[] LoadLines(string relativePath)
        {
            string text = Text.Replace(Load(relativePath), "\r\n", "\n");
            if (text.Length > 0 && text[text.Length - 1] == '\n')
            {
                text = text.Substring(0, text.Length - 1);
            }

            return text.Length == 0 ? new string[0] : text.Split('\n');
        }
    }
}
