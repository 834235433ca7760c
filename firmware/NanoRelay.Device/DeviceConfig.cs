using System;
using System.IO;
using nanoFramework.Json;
using NanoRelay.Config;

namespace NanoRelay.Device
{
    /// <summary>
    /// I:\nanorelay.json read into the core's <see cref="RelayConfig"/> with nanoFramework.Json, given
    /// the board's defaults and checked by the core (the host does the same with System.Text.Json).
    /// </summary>
    public static class DeviceConfig
    {
        /// <summary>Reads the file; returns null and a one-line "field: problem" error when it is missing or wrong.</summary>
        public static RelayConfig Load(string path, out string error)
        {
            RelayConfig config;
            try
            {
                string text = File.ReadAllText(path);

                // nanoFramework.Json skips an unknown key and reads null as "" or throws nameless: the core names both.
                error = ConfigKeys.FirstUnknown(text);
                string nullAt = error == null ? ConfigNulls.FirstNull(text) : null;
                if (error != null || nullAt != null)
                {
                    error = error != null ? error : nullAt + ": null is not allowed; leave the key out for its default";
                    return null;
                }

                // docs/nanoframework.md §2.4: case-sensitive by default; the file's names are camelCase, ours PascalCase.
                JsonSerializerOptions options = new JsonSerializerOptions();
                options.PropertyNameCaseInsensitive = true;
                config = (RelayConfig)JsonConvert.DeserializeObject(text, typeof(RelayConfig), options);
            }
            catch (Exception e)
            {
                error = "config: cannot read " + path + ": " + e.Message;
                return null;
            }

            if (config == null)
            {
                error = "config: the file is empty";
                return null;
            }

            ConfigDefaults.Apply(config, true);
            error = ConfigCheck.First(config);
            return error == null ? config : null;
        }

        /// <summary>Resolves a path from the config against the config's folder (I:\).</summary>
        public static string Resolve(string path)
        {
            return path == null || path.Length == 0 || path.IndexOf(':') > 0 ? path : "I:\\" + path;
        }
    }
}
