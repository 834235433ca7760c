using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>Wraps a real slot; notes the output, the maildrop lock and the session count at the first Release.</summary>
    public sealed class Pop3SlotProbe : ISessionSlot
    {
        private readonly ScriptedConnection _connection;
        private readonly Pop3Harness _harness;
        private readonly ISessionSlot _inner;

        public Pop3SlotProbe(ScriptedConnection connection, Pop3Harness harness, ISessionSlot inner)
        {
            _connection = connection;
            _harness = harness;
            _inner = inner;
        }

        public string WrittenAtRelease { get; private set; }

        public bool LockedAtRelease { get; private set; }

        public int SessionsAfterRelease { get; private set; }

        public void Release()
        {
            if (WrittenAtRelease == null)
            {
                WrittenAtRelease = _connection.WrittenText;
                LockedAtRelease = _harness.Maildrop.IsLocked;
                _inner.Release();
                SessionsAfterRelease = _harness.Server.ActiveSessions;
            }

            _inner.Release();
        }
    }
}
