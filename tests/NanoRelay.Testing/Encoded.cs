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

        /// <summary>Base64 with MIME lines of 76 characters of <paramref name="input"/> fed <paramref name="chunk"/> octets at a time, Finish included.</summary>
        public static byte[] Base64(byte[] input, int chunk)
        {
            Base64Encoder base64 = new Base64Encoder();
            byte[] output = new byte[base64.MaxOutput(input.Length) + 8];
            int o = 0;
            for (int i = 0; i < input.Length; i += chunk)
            {
                int n = input.Length - i < chunk ? input.Length - i : chunk;
                o += base64.Encode(input, i, n, output, o);
            }

            o += base64.Finish(output, o);
            byte[] result = new byte[o];
            System.Array.Copy(output, result, o);
            return result;
        }
    }
}
