namespace NanoRelay.Ports
{
    /// <summary>
    /// Where the relay says what it does. Protocol code redacts secrets before it writes
    /// (passwords are masked where they are parsed): a log never receives a password or a token.
    /// </summary>
    public interface ILog
    {
        /// <summary>Whether trace lines (the C:/S: dialogue) are wanted; callers skip building them otherwise.</summary>
        bool IsTraceEnabled { get; }

        void Write(LogLevel level, string source, string message);
    }
}
