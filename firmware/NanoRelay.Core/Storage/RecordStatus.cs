namespace NanoRelay.Storage
{
    /// <summary>What reading one record file found; anything but <see cref="Ok"/> is a reason to distrust it.</summary>
    public enum RecordStatus
    {
        Ok = 0,
        Missing,
        Truncated,
        BadMagic,
        BadLength,
        BadChecksum,
        TrailingBytes,
    }
}
