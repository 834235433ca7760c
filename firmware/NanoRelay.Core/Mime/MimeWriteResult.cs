namespace NanoRelay.Mime
{
    /// <summary>What <see cref="MessageWriter.Write"/> did.</summary>
    public enum MimeWriteResult
    {
        /// <summary>The message is in the file.</summary>
        Written = 0,

        /// <summary>Nothing written: the wall clock is not trusted, so there is no honest Date (docs/catalogue.md #40). Hold the alert.</summary>
        ClockUntrusted = 1,

        /// <summary>Nothing written: a field is unusable (no recipient, an address with CR/LF...); see the writer's Error.</summary>
        Invalid = 2,
    }
}
