using System;

namespace NanoRelay.Framing
{
    /// <summary>
    /// Byte searches done by the runtime instead of an IL loop. On nanoFramework every IL instruction of a per-byte
    /// loop is interpreted, while Array.IndexOf over a byte[] runs as native code (about ten times a bare IL loop on
    /// the nanoCLR; vectorised on .NET). The octets are boxed once, here: the non-generic Array.IndexOf is the only
    /// one nanoFramework has, and a fresh box per call would allocate.
    /// </summary>
    public static class ByteScan
    {
        /// <summary>CR, boxed for <see cref="IndexOf"/>.</summary>
        public static readonly object Cr = (byte)13;

        /// <summary>LF, boxed for <see cref="IndexOf"/>.</summary>
        public static readonly object Lf = (byte)10;

        /// <summary>NUL, boxed for <see cref="IndexOf"/>.</summary>
        public static readonly object Nul = (byte)0;

        /// <summary>Index of the first <paramref name="octet"/> (one of the boxed octets above) in the range, or -1.</summary>
        public static int IndexOf(byte[] bytes, object octet, int offset, int count)
        {
            return Array.IndexOf(bytes, octet, offset, count);
        }
    }
}
