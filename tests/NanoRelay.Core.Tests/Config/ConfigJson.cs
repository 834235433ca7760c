#if NANOFRAMEWORK
using nanoFramework.Json;
#else
using System.Text.Json;
#endif
using NanoRelay.Config;

namespace NanoRelay.Core.Tests.Config
{
    /// <summary>
    /// Each platform's JSON reader filling the core model as its Load does: nanoFramework.Json on
    /// nanoCLR (firmware/NanoRelay.Device/DeviceConfig.cs), System.Text.Json on .NET (hostsim/HostConfig.cs).
    /// </summary>
    public static class ConfigJson
    {
        /// <summary>The device's Load on <paramref name="json"/>: the walk, the fill, the board's defaults, the check; null when the file is good.</summary>
        public static string DeviceLine(string json, out RelayConfig config)
        {
            config = null;
            string error = ConfigKeys.FirstUnknown(json);
            string nullAt = error == null ? ConfigNulls.FirstNull(json) : null;
            if (error != null || nullAt != null)
            {
                return error != null ? error : nullAt + ": null is not allowed; leave the key out for its default";
            }

            config = Fill(json);
            ConfigDefaults.Apply(config, true);
            return ConfigCheck.First(config);
        }

        private static RelayConfig Fill(string json)
        {
#if NANOFRAMEWORK
            JsonSerializerOptions options = new JsonSerializerOptions();
            options.PropertyNameCaseInsensitive = true;
            return (RelayConfig)JsonConvert.DeserializeObject(json, typeof(RelayConfig), options);
#else
            JsonSerializerOptions options = new JsonSerializerOptions();
            options.PropertyNameCaseInsensitive = true;
            return (RelayConfig)JsonSerializer.Deserialize(json, typeof(RelayConfig), options);
#endif
        }
    }
}
