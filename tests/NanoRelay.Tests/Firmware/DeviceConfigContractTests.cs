using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// The configuration contract (docs/architecture.md §7): one JSON schema for the host (hostsim/HostConfig.cs, System.Text.Json)
    /// and the device (firmware/NanoRelay.Device/DeviceConfig.cs, nanoFramework.Json). The device cannot be
    /// compiled here against nanoFramework.Json, so the two classes are compared as source: every host field
    /// exists on the device in the same section with the same name.
    /// </summary>
    [TestClass]
    public class DeviceConfigContractTests
    {
        private static HashSet<string> Fields(string path, string rootClass)
        {
            HashSet<string> fields = new HashSet<string>();
            string section = null;
            foreach (string line in File.ReadAllLines(RepoFiles.PathOf(path)))
            {
                Match c = Regex.Match(line, @"\bclass (\w+)");
                if (c.Success)
                {
                    section = c.Groups[1].Value == rootClass ? "root" : c.Groups[1].Value;
                    continue;
                }

                Match p = Regex.Match(line, @"^\s*public [\w\[\]?]+ (\w+) \{ get; set; \}");
                if (p.Success && section != null)
                {
                    fields.Add(section + "." + p.Groups[1].Value);
                }
            }

            return fields;
        }

        [TestMethod]
        public void EveryHostConfigField_ExistsOnTheDevice_WithTheSameName()
        {
            HashSet<string> host = Fields("hostsim/HostConfig.cs", "HostConfig");
            HashSet<string> device = Fields("firmware/NanoRelay.Device/DeviceConfig.cs", "DeviceConfig");
            host.Remove("root.BaseDirectory");   // [JsonIgnore]: not part of the file

            Assert.IsTrue(host.Count >= 30, "parsed only " + host.Count + " host fields");
            string[] missing = host.Where(f => !device.Contains(f)).OrderBy(f => f).ToArray();
            Assert.AreEqual(0, missing.Length, "missing on the device: " + string.Join(", ", missing));

            // The device's additions, named in DeviceConfig's summary and the report.
            CollectionAssert.AreEquivalent(
                new[] { "root.Wifi", "WifiSection.Ssid", "WifiSection.Password", "CertificateSection.KeyFile" },
                device.Where(f => !host.Contains(f)).ToArray());
        }
    }
}
