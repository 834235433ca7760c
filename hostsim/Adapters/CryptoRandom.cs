using System.Security.Cryptography;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>Nonces from the OS's cryptographic generator.</summary>
    public sealed class CryptoRandom : IRandom
    {
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            RandomNumberGenerator.Fill(new System.Span<byte>(buffer, offset, count));
        }
    }
}
