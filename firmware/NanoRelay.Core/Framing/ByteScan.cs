using System;

namespace NanoRelay.Framing
{
    /// <summary>
    /// The octets that byte searches look for, boxed once. Searches are done by the runtime instead of an IL loop: on
    /// nanoFramework every IL instruction of a per-byte loop is interpreted, while Array.IndexOf over a byte[] runs as
    /// native code (vectorised on .NET). Callers call Array.IndexOf directly, with no wrapper: on the unoptimised
    /// interpreter build an IL call cost about as much as a short native scan (docs/nanoframework.md §5.7). The non-generic Array.IndexOf is
    /// the only one nanoFramework has, and a fresh box per call would allocate.
    /// </summary>
    public static class ByteScan
    {
        /// <summary>CR, boxed for Array.IndexOf.</summary>
        public static readonly object Cr = (byte)13;

        /// <summary>LF, boxed for Array.IndexOf.</summary>
        public static readonly object Lf = (byte)10;

        /// <summary>NUL, boxed for Array.IndexOf.</summary>
        public static readonly object Nul = (byte)0;
    }
}
