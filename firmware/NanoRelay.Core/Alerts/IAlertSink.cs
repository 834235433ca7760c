namespace NanoRelay.Alerts
{
    /// <summary>Where the rule engine hands its alerts: the message writer and spool on the relay, a list in tests.</summary>
    public interface IAlertSink
    {
        /// <summary>Takes one alert (or one digest). Called on the thread that fed the engine; must not call back into it.</summary>
        void Raise(AlertMessage message);
    }
}
