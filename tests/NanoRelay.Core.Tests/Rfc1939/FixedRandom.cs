using NanoRelay.Ports;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>Returns the same bytes, repeated: lets a test reproduce the RFC's greeting timestamp.</summary>
    public sealed class FixedRandom : IRandom
    {
        private readonly byte[] _bytes;

        public FixedRandom(byte[] bytes)
        {
            _bytes = bytes;
        }

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = _bytes[i % _bytes.Length];
            }
        }
    }
}
