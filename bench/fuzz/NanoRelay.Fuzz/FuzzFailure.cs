using System;

namespace NanoRelay.Fuzz
{
    /// <summary>A broken invariant: thrown by a target so that the fuzzer records the input as a crash.</summary>
    public sealed class FuzzFailure : Exception
    {
        public FuzzFailure(string message)
            : base(message)
        {
        }

        public static void Check(bool condition, string message)
        {
            if (!condition)
            {
                throw new FuzzFailure(message);
            }
        }
    }
}
