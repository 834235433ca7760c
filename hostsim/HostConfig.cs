using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using NanoRelay.Config;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The configuration (the same JSON as the device's I:\nanorelay.json; every key is in the
    /// README's "Configuration"): the core's <see cref="RelayConfig"/> filled by System.Text.Json,
    /// given the host's defaults and checked by the core, plus what only the host has (paths
    /// resolved against the file's folder, certificate and replay files that must exist).
    /// </summary>
    public sealed class HostConfig : RelayConfig
    {
        /// <summary>True when the config file has an "imap" section: then a port that cannot be bound stops `run`, as for POP3.</summary>
        [JsonIgnore]
        public bool ImapGiven { get; private set; }

        /// <summary>The directory relative paths in the config are resolved against.</summary>
        [JsonIgnore]
        public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

        // The section the defaults made; an "imap" key in the file replaces it (System.Text.Json creates a new one).
        private readonly ImapSection _imapByDefault;

        private static readonly JsonSerializerOptions s_json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };

        /// <summary>A config with the host's defaults, as an empty file gives it (System.Text.Json then replaces what the file gives).</summary>
        public HostConfig()
        {
            ConfigDefaults.Apply(this, false);
            _imapByDefault = Imap;
        }

        /// <summary>Reads and validates a config file; throws <see cref="ConfigException"/> with one line naming the field.</summary>
        public static HostConfig Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ConfigException("config: cannot read " + path + ": " + e.Message);
            }

            HostConfig config;
            try
            {
                // The core walks the text for the device too: the same line for an unknown key or a null on both.
                string problem = ConfigKeys.FirstUnknown(text);
                string nullAt = problem == null ? ConfigNulls.FirstNull(text) : null;
                if (problem != null || nullAt != null)
                {
                    throw new ConfigException(problem ?? nullAt + ": null is not allowed; leave the key out for its default");
                }

                config = JsonSerializer.Deserialize<HostConfig>(text, s_json) ?? throw new ConfigException("config: the file is empty");
            }
            catch (JsonException e)
            {
                string field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "config" : e.Path.TrimStart('$', '.');
                throw new ConfigException(field + ": " + FirstSentence(e.Message) + (e.LineNumber.HasValue ? " (line " + (e.LineNumber + 1) + ")" : ""));
            }

            config.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path));
            config.ImapGiven = !ReferenceEquals(config.Imap, config._imapByDefault);
            config.Validate();
            return config;
        }

        /// <summary>Resolves a path from the config relative to the config file's directory.</summary>
        public string Resolve(string path)
        {
            return string.IsNullOrEmpty(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
        }

        /// <summary>Applies the host's defaults, then the core's check, then the host's files; throws <see cref="ConfigException"/> at the first problem.</summary>
        public void Validate()
        {
            ConfigDefaults.Apply(this, false);
            string problem = ConfigCheck.First(this);
            if (problem != null)
            {
                throw new ConfigException(problem);
            }

            Require(Upstream == null || Upstream.Mode != "submission" || string.IsNullOrEmpty(Upstream.TrustedCaFile) || File.Exists(Resolve(Upstream.TrustedCaFile)),
                "upstream.trustedCaFile", "no such file: " + Resolve(Upstream?.TrustedCaFile));
            Require(Certificate == null || string.IsNullOrEmpty(Certificate.File) || File.Exists(Resolve(Certificate.File)), "certificate.file", "no such file: " + Resolve(Certificate?.File));
            global::NanoRelay.HostSim.Sensors.SensorSetup.Validate(this);
        }

        private static void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new ConfigException(field + ": " + problem);
            }
        }

        private static string FirstSentence(string message)
        {
            int dot = message.IndexOf(". ", StringComparison.Ordinal);
            return dot > 0 ? message.Substring(0, dot) : message.TrimEnd('.');
        }
    }

    /// <summary>A bad configuration: the message is one line, "field: problem".</summary>
    public sealed class ConfigException : Exception
    {
        public ConfigException(string message) : base(message) { }
    }
}
