using System;
using System.IO;
using System.Text.Json;

namespace NanoRelay.HostSim.Budget
{
    /// <summary>
    /// The limits of one board, from boards/NAME/board.json. Only these JSON names are read here
    /// (other fields are ignored): name, heapBytes, maxPop3Sessions, maxSmtpSessions,
    /// tlsConcurrency, spoolBytes.
    /// </summary>
    public sealed record BoardProfile(string Name, long HeapBytes, int MaxPop3Sessions, int MaxSmtpSessions, int TlsConcurrency, long SpoolBytes)
    {
        private static readonly JsonSerializerOptions s_json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        /// <summary>Finds boards/NAME/board.json above the working directory or the program, and loads it; throws <see cref="ConfigException"/>.</summary>
        public static BoardProfile Find(string name)
        {
            if (string.IsNullOrEmpty(name) || name.Length > 64 || name.IndexOfAny(new[] { '/', '\\', '.', ':' }) >= 0)
            {
                throw new ConfigException("--board: '" + name + "' is not a board name (a folder under boards/)");
            }

            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (DirectoryInfo d = new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    string path = Path.Combine(d.FullName, "boards", name, "board.json");
                    if (File.Exists(path))
                    {
                        return Load(path);
                    }
                }
            }

            throw new ConfigException("--board: no boards/" + name + "/board.json found above " + Directory.GetCurrentDirectory());
        }

        /// <summary>Reads and checks one board.json; throws <see cref="ConfigException"/> naming the field.</summary>
        public static BoardProfile Load(string path)
        {
            Json json;
            try
            {
                json = JsonSerializer.Deserialize<Json>(File.ReadAllText(path), s_json) ?? throw new ConfigException(path + ": empty");
            }
            catch (JsonException e)
            {
                throw new ConfigException(path + ": " + (e.Path ?? "$").TrimStart('$', '.') + ": " + e.Message.Split(". ")[0]);
            }
            catch (IOException e)
            {
                throw new ConfigException(path + ": cannot read: " + e.Message);
            }

            string at = "board " + Path.GetFileName(Path.GetDirectoryName(path)) + ": ";
            Require(json.HeapBytes is >= 16384, at + "heapBytes", "must be at least 16384, not " + json.HeapBytes);
            Require(json.MaxPop3Sessions is >= 1 and <= 64, at + "maxPop3Sessions", "must be 1-64, not " + json.MaxPop3Sessions);
            Require(json.MaxSmtpSessions is >= 0 and <= 64, at + "maxSmtpSessions", "must be 0-64, not " + json.MaxSmtpSessions);
            Require(json.TlsConcurrency is >= 1 and <= 64, at + "tlsConcurrency", "must be 1-64, not " + json.TlsConcurrency);
            Require(json.SpoolBytes is >= 16384, at + "spoolBytes", "must be at least 16384, not " + json.SpoolBytes);
            return new BoardProfile(json.Name ?? Path.GetFileName(Path.GetDirectoryName(path)), json.HeapBytes.Value, json.MaxPop3Sessions.Value, json.MaxSmtpSessions.Value, json.TlsConcurrency.Value, json.SpoolBytes.Value);
        }

        private static void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new ConfigException(field + ": " + problem);
            }
        }

        private sealed class Json
        {
            public string Name { get; set; }
            public long? HeapBytes { get; set; }
            public int? MaxPop3Sessions { get; set; }
            public int? MaxSmtpSessions { get; set; }
            public int? TlsConcurrency { get; set; }
            public long? SpoolBytes { get; set; }
        }
    }
}
