using System;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>Nonces from System.Random, seeded by the runtime (on ESP32 the native side can draw on the hardware RNG; not verified).</summary>
    public sealed class DeviceRandom : IRandom
    {
        private readonly object _lock = new object();
        private readonly Random _random = new Random();

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            byte[] bytes = new byte[count];
            lock (_lock)
            {
                _random.NextBytes(bytes);
            }

            Array.Copy(bytes, 0, buffer, offset, count);
        }
    }
}
