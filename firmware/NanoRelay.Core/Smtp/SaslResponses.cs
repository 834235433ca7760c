using NanoRelay.Crypto;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Smtp
{
    /// <summary>The raw (pre-base64) client responses of the SASL mechanisms the client speaks.</summary>
    internal static class SaslResponses
    {
        /// <summary>RFC 4616 §2: [authzid] NUL authcid NUL passwd.</summary>
        public static byte[] Plain(string user, string password)
        {
            byte[] u = Utf8.GetBytes(user);
            byte[] p = Utf8.GetBytes(password);
            byte[] raw = new byte[u.Length + p.Length + 2];
            System.Array.Copy(u, 0, raw, 1, u.Length);
            System.Array.Copy(p, 0, raw, u.Length + 2, p.Length);
            System.Array.Clear(p, 0, p.Length);
            return raw;
        }

        /// <summary>XOAUTH2 (Google, Microsoft): "user=" user ^A "auth=Bearer " token ^A ^A.</summary>
        public static byte[] XOAuth2(string user, string token)
        {
            byte[] u = Utf8.GetBytes(user == null ? "" : user);
            byte[] t = Utf8.GetBytes(token);
            byte[] x = new byte[SmtpCommands.XOAuth2User.Length + u.Length + SmtpCommands.XOAuth2Bearer.Length + t.Length + SmtpCommands.XOAuth2End.Length];
            int o = Put(x, 0, SmtpCommands.XOAuth2User);
            o = Put(x, o, u);
            o = Put(x, o, SmtpCommands.XOAuth2Bearer);
            o = Put(x, o, t);
            Put(x, o, SmtpCommands.XOAuth2End);
            System.Array.Clear(t, 0, t.Length);
            return x;
        }

        /// <summary>
        /// RFC 2195 §2: user SP hex(HMAC-MD5(password, challenge)); null when the base64 challenge
        /// (the 334 reply's text) does not decode.
        /// </summary>
        public static byte[] CramMd5(string user, string password, byte[] challengeText, int challengeLength)
        {
            byte[] challenge = new byte[(challengeLength / 4 * 3) + 3];
            int n = challengeLength == 0 ? -1 : Base64.Decode(challengeText, 0, challengeLength, challenge, 0);
            if (n < 0)
            {
                return null;
            }

            byte[] u = Utf8.GetBytes(user);
            byte[] p = Utf8.GetBytes(password);
            byte[] digest = new byte[16];
            HmacMd5.Compute(p, 0, p.Length, challenge, 0, n, digest, 0);
            System.Array.Clear(p, 0, p.Length);
            byte[] raw = new byte[u.Length + 1 + 32];
            System.Array.Copy(u, raw, u.Length);
            raw[u.Length] = (byte)' ';
            Hex.Encode(digest, 0, 16, raw, u.Length + 1);
            return raw;
        }

        /// <summary>Whether a challenge is valid base64 (RFC 4954 §4: a 334 carries base64 text).</summary>
        public static bool IsBase64(byte[] text, int count)
        {
            if (count == 0 || (count & 3) != 0)
            {
                return false;
            }

            byte[] scratch = new byte[(count / 4 * 3) + 3];
            return Base64.Decode(text, 0, count, scratch, 0) >= 0;
        }

        private static int Put(byte[] destination, int offset, byte[] source)
        {
            System.Array.Copy(source, 0, destination, offset, source.Length);
            return offset + source.Length;
        }
    }
}
