using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>Deterministic bytes (xorshift), so tests that need nonces are repeatable.</summary>
    public sealed class SeededRandom : IRandom
    {
        private uint _state;

        public SeededRandom(uint seed)
        {
            _state = seed == 0 ? 2463534242u : seed;
        }

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 17;
                _state ^= _state << 5;
                buffer[offset + i] = (byte)_state;
            }
        }
    }
}
