using System;

namespace NanoRelay.Fuzz
{
    /// <summary>The fuzz targets by name: each takes one input and throws only when an invariant breaks (or the core throws).</summary>
    public static class Targets
    {
        public static readonly (string Name, Action<byte[]> Run)[] All =
        {
            ("framer", FramerTarget.Run),
            ("smtp-reply", SmtpReplyTarget.Run),
            ("smtp-server", SmtpServerTarget.Run),
            ("pop3-session", Pop3SessionTarget.Run),
            ("mime-roundtrip", MimeRoundTripTarget.Run),
            ("spool-recovery", SpoolRecoveryTarget.Run),
            ("dns-response", DnsResponseTarget.Run),
        };

        public static Action<byte[]> Find(string name)
        {
            foreach (var t in All)
            {
                if (t.Name == name)
                {
                    return t.Run;
                }
            }

            return null;
        }
    }
}
