using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Config;
using NanoRelay.HostSim;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// One config model (NanoRelay.Config.RelayConfig) for the host and the device: the host's
    /// HostConfig only adds what is not in the file, the device's DeviceConfig fills the core model
    /// with nanoFramework.Json, both run the core's key walk, defaults and check, so the same bad file
    /// gives the same line on both.
    /// </summary>
    [TestClass]
    public class ConfigModelContractTests
    {
        [TestMethod]
        public void KnownKeys_AreExactlyTheModelsProperties()
        {
            List<string> paths = new List<string>();
            Collect(typeof(RelayConfig), string.Empty, paths);
            Assert.IsTrue(paths.Count >= 60, "walked only " + paths.Count + " keys");
            CollectionAssert.AreEquivalent(paths, ConfigKeys.Known, "ConfigKeys.Known and RelayConfig differ: "
                + string.Join(", ", paths.Except(ConfigKeys.Known).Concat(ConfigKeys.Known.Except(paths))));
        }

        [TestMethod]
        public void HostConfig_AddsNoKeyToTheFile()
        {
            PropertyInfo[] added = typeof(HostConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Assert.IsTrue(added.Length >= 2);
            string[] inFile = added.Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() == null).Select(p => p.Name).ToArray();
            Assert.AreEqual(0, inFile.Length, "HostConfig properties System.Text.Json would read: " + string.Join(", ", inFile));
        }

        [TestMethod]
        public void Device_FillsTheCoreModel_AndRunsTheCoresWalkDefaultsAndCheck()
        {
            string device = File.ReadAllText(RepoFiles.PathOf("firmware/NanoRelay.Device/DeviceConfig.cs"));
            StringAssert.Contains(device, "JsonConvert.DeserializeObject(text, typeof(RelayConfig), options)");
            StringAssert.Contains(device, "ConfigKeys.FirstUnknown(text)");
            StringAssert.Contains(device, "ConfigNulls.FirstNull(text)");
            StringAssert.Contains(device, "ConfigDefaults.Apply(config, true)");
            StringAssert.Contains(device, "ConfigCheck.First(config)");
            Assert.AreEqual(1, device.Split(" class ").Length - 1, "DeviceConfig declares no config classes of its own");

            string host = File.ReadAllText(RepoFiles.PathOf("hostsim/HostConfig.cs"));
            StringAssert.Contains(host, "class HostConfig : RelayConfig");
            StringAssert.Contains(host, "ConfigKeys.FirstUnknown(text)");
            StringAssert.Contains(host, "ConfigDefaults.Apply(this, false)");
            StringAssert.Contains(host, "ConfigCheck.First(this)");
        }

        [TestMethod]
        [DataRow("{ \"smtpIngress\": { \"allowfrom\": [\"10.0.0.0/8\"] } }")]
        [DataRow("{ \"pop3\": { \"tlsListen\": null } }")]
        [DataRow("{ \"upstream\": { \"mode\": \"relay\", \"host\": \"smtp.example.com\" } }")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"port\": 0 } }")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"tls\": \"ssl\" } }")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"auth\": \"xoauth2\", \"user\": \"u\" } }")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"tls\": \"none\", \"user\": \"u\", \"password\": \"p\" } }")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"dns.example\"] } }")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"192.168.1.1\"], \"user\": \"u\" } }")]
        [DataRow("{ \"alerts\": { \"to\": [] } }")]
        [DataRow("{ \"alerts\": { \"from\": \"x\" } }")]
        [DataRow("{ \"pop3\": { \"listen\": \"port 110\" } }")]
        [DataRow("{ \"pop3\": { \"user\": \"\" } }")]
        [DataRow("{ \"pop2\": { \"listen\": \"port 109\" } }")]
        [DataRow("{ \"imap\": { \"listen\": \"0.0.0.0:143\", \"user\": \"\" } }")]
        [DataRow("{ \"smtpIngress\": { \"listen\": \"0.0.0.0:25\", \"maxMessageBytes\": 100 } }")]
        [DataRow("{ \"smtpIngress\": { \"bareLineEnds\": \"fix\" } }")]
        [DataRow("{ \"smtpIngress\": { \"maxSessions\": 0 } }")]
        [DataRow("{ \"smtpIngress\": { \"users\": [ { \"user\": \"cam\" } ] } }")]
        [DataRow("{ \"smtpIngress\": { \"allowFrom\": [\"10.0.0.0/33\"] } }")]
        [DataRow("{ \"spool\": { \"maxBytes\": 1024 } }")]
        [DataRow("{ \"retry\": { \"firstDelaySeconds\": 600, \"maxDelaySeconds\": 60 } }")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"smoke\" } ] }")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"alertAbove\": 35, \"maxAlerts\": 0 } ] }")]
        [DataRow("{ \"sensors\": [ { \"name\": \"a\", \"kind\": \"door\" }, { \"name\": \"a\", \"kind\": \"door\" } ] }")]
        public void TheSameBadFile_GivesTheSameLine_OnHostAndDevice(string json)
        {
            string host = HostLine(json);
            Assert.IsNotNull(host, "the host accepted " + json);
            Assert.IsFalse(host.Contains('\n'), host);
            Assert.AreEqual(host, DeviceLine(json));
        }

        [TestMethod]
        public void AnEmptyFile_AndNoFile_GiveTheCoresHostDefaults()
        {
            HostConfig fromFile = HostFromText("{ }");
            RelayConfig core = new RelayConfig();
            ConfigDefaults.Apply(core, false);
            Assert.AreEqual(JsonSerializer.Serialize<RelayConfig>(core), JsonSerializer.Serialize<RelayConfig>(fromFile));
            Assert.AreEqual(JsonSerializer.Serialize<RelayConfig>(core), JsonSerializer.Serialize<RelayConfig>(new HostConfig()));
        }

        // The device's Load (firmware/NanoRelay.Device/DeviceConfig.cs) step by step, with System.Text.Json
        // (case-insensitive, as the device sets nanoFramework.Json) in place of nanoFramework.Json.
        private static string DeviceLine(string json)
        {
            string error = ConfigKeys.FirstUnknown(json);
            string nullAt = error == null ? ConfigNulls.FirstNull(json) : null;
            if (error != null || nullAt != null)
            {
                return error ?? nullAt + ": null is not allowed; leave the key out for its default";
            }

            RelayConfig config = JsonSerializer.Deserialize<RelayConfig>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            ConfigDefaults.Apply(config, true);
            return ConfigCheck.First(config);
        }

        private static string HostLine(string json)
        {
            try
            {
                HostFromText(json);
                return null;
            }
            catch (ConfigException e)
            {
                return e.Message;
            }
        }

        private static HostConfig HostFromText(string json)
        {
            string path = Path.Combine(Path.GetTempPath(), "nanorelay-model-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            try
            {
                return HostConfig.Load(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static void Collect(Type type, string prefix, List<string> paths)
        {
            foreach (PropertyInfo p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                string name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
                string path = prefix.Length == 0 ? name : prefix + "." + name;
                paths.Add(path);
                Type t = p.PropertyType.IsArray ? p.PropertyType.GetElementType() : p.PropertyType;
                if (t.IsClass && t != typeof(string))
                {
                    Collect(t, path, paths);
                }
            }
        }
    }
}
