using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>A session slot that notes what the server had written when the slot was first released.</summary>
    public sealed class SlotProbe : ISessionSlot
    {
        private readonly ScriptedConnection _connection;

        public SlotProbe(ScriptedConnection connection)
        {
            _connection = connection;
        }

        /// <summary>Calls to Release (the real slots ignore all but the first).</summary>
        public int Releases { get; private set; }

        /// <summary>The server's output at the first Release; null before it.</summary>
        public string WrittenAtRelease { get; private set; }

        public void Release()
        {
            Releases++;
            if (WrittenAtRelease == null)
            {
                WrittenAtRelease = _connection.WrittenText;
            }
        }
    }
}
