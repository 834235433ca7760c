using NanoRelay.Mime;

namespace NanoRelay.Testing
{
    /// <summary>A whole input through a streaming encoder fed in pieces of a given size, as the MIME writer feeds it.</summary>
    public static class Encoded
    {
        /// <summary>Quoted-printable of <paramref name="input"/> fed <paramref name="chunk"/> octets at a time, Finish included.</summary>
        public static byte[] QuotedPrintable(byte[] input, int chunk)
        {
            QuotedPrintableEncoder qp = new QuotedPrintableEncoder();
            byte[] output = new byte[QuotedPrintableEncoder.MaxOutput(input.Length)];
            int o = 0;
            for (int i = 0; i < input.Length; i += chunk)
            {
                int n = input.Length - i < chunk ? input.Length - i : chunk;
                o += qp.Encode(input, i, n, output, o);
            }

            o += qp.Finish(output, o);
            byte[] result = new byte[o];
            System.Array.Copy(output, result, o);
            return result;
        }
    }
}
