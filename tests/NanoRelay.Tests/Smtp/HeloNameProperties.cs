using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;
using NanoRelay.Smtp;

namespace NanoRelay.Tests.Smtp
{
    /// <summary>The device (SmtpClientSettings.HeloNameFrom) and the host (hostsim UpstreamSettings) say the same EHLO name for every device name.</summary>
    [TestClass]
    public class HeloNameProperties
    {
        [TestMethod]
        public void DeviceAndHost_DeriveTheSameEhloName_FromTheDeviceName()
        {
            Gen.OneOf(Gen.String, Gen.String["abcxyzABCXYZ0189-._ @äé\u00a0\u0660"]).Sample(name =>
            {
                HostConfig config = new HostConfig { Upstream = new HostConfig.UpstreamSection { Host = "smtp.test" } };
                config.Device.Name = name;
                string host = UpstreamSettings.From(config).HeloName;
                return host == SmtpClientSettings.HeloNameFrom(name);
            });
        }
    }
}
