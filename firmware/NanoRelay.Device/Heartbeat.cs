using NanoRelay.Supervision;

namespace NanoRelay.Device
{
    /// <summary>A worker's sign of life: it calls Beat in its loop; the <see cref="Supervisor"/> restarts or reboots when one goes quiet.</summary>
    public sealed class Heartbeat
    {
        private readonly HeartbeatWatch _watch;
        private readonly int _index;

        public Heartbeat(HeartbeatWatch watch, int index)
        {
            _watch = watch;
            _index = index;
        }

        /// <summary>The worker's number in the watch.</summary>
        public int Index { get { return _index; } }

        public void Beat()
        {
            _watch.Beat(_index);
        }
    }
}
