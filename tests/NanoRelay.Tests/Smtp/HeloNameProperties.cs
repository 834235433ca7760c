using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Config;
using NanoRelay.HostSim;
using NanoRelay.Smtp;

namespace NanoRelay.Tests.Smtp
{
    /// <summary>
    /// The EHLO name (RFC 5321 §4.1.1.1: a domain) derived from any device name uses only letters,
    /// digits, '-' and '.', keeps every ASCII letter, digit, '-' and '.' where it was, and is what the
    /// host's config mapping sends (one mapping, SmtpClientSettings.ForUpstream, for host and device).
    /// </summary>
    [TestClass]
    public class HeloNameProperties
    {
        [TestMethod]
        public void EhloName_FromAnyDeviceName_IsDomainCharactersOnly_AndWhatTheHostSends()
        {
            Gen.OneOf(Gen.String, Gen.String["abcxyzABCXYZ0189-._ @äé ٠"]).Sample(name =>
            {
                string helo = SmtpClientSettings.HeloNameFrom(name);
                if (string.IsNullOrEmpty(name))
                {
                    return helo == "nanorelay";
                }

                if (helo.Length != name.Length)
                {
                    return false;
                }

                for (int i = 0; i < name.Length; i++)
                {
                    char n = name[i];
                    bool domainChar = char.IsAsciiLetterOrDigit(n) || n == '-' || n == '.';
                    if (helo[i] != (domainChar ? n : '-'))
                    {
                        return false;
                    }
                }

                HostConfig config = new HostConfig { Upstream = new UpstreamSection { Host = "smtp.test" } };
                config.Device.Name = name;
                return NanoRelay.Relay.UpstreamChoice.Submission(config).HeloName == helo;
            });
        }
    }
}
