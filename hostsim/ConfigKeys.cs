using System;
using System.Reflection;
using System.Text.Json;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// Refuses a config key the schema does not have (`allowfrom`, `upstrem`, `maxMessageSize`):
    /// a misspelt key would otherwise be skipped and its default applied in silence. The schema is
    /// <see cref="HostConfig"/>'s properties, by their camelCase JSON names.
    /// </summary>
    public static class ConfigKeys
    {
        /// <summary>
        /// Throws <see cref="ConfigException"/> naming the first unknown key and the nearest known one;
        /// <paramref name="alsoKnown"/> are paths ("wifi", "certificate.keyFile") accepted whole, as they are.
        /// </summary>
        public static void Check(string json, Type schema, string[] alsoKnown)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException)
            {
                return;   // the deserializer reports the syntax error with its line
            }

            using (doc)
            {
                Walk(doc.RootElement, schema, string.Empty, alsoKnown);
            }
        }

        private static void Walk(JsonElement element, Type type, string path, string[] alsoKnown)
        {
            if (element.ValueKind == JsonValueKind.Array && type.IsArray)
            {
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Walk(item, type.GetElementType(), path + "[" + i++ + "]", alsoKnown);
                }

                return;
            }

            if (element.ValueKind != JsonValueKind.Object || !IsSection(type))
            {
                return;   // a wrong value type is the deserializer's to report, with the field
            }

            PropertyInfo[] known = Keys(type);
            foreach (JsonProperty p in element.EnumerateObject())
            {
                PropertyInfo match = null;
                foreach (PropertyInfo k in known)
                {
                    if (JsonName(k) == p.Name)
                    {
                        match = k;
                        break;
                    }
                }

                string at = path.Length == 0 ? p.Name : path + "." + p.Name;
                if (match == null && Array.IndexOf(alsoKnown, at) >= 0)
                {
                    continue;
                }

                if (match == null)
                {
                    string nearest = Nearest(p.Name, known);
                    throw new ConfigException("config: unknown key \"" + at + "\"" + (nearest == null ? string.Empty : " (did you mean \"" + nearest + "\"?)"));
                }

                Walk(p.Value, match.PropertyType, at, alsoKnown);
            }
        }

        private static bool IsSection(Type type)
        {
            return type.IsClass && type != typeof(string) && !type.IsArray;
        }

        private static PropertyInfo[] Keys(Type type)
        {
            return Array.FindAll(type.GetProperties(BindingFlags.Public | BindingFlags.Instance),
                p => p.CanWrite && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() == null);
        }

        private static string JsonName(PropertyInfo p)
        {
            return JsonNamingPolicy.CamelCase.ConvertName(p.Name);
        }

        // The known key with the fewest edits (ignoring case), if it is close enough to be a slip.
        private static string Nearest(string key, PropertyInfo[] known)
        {
            string best = null;
            int bestDistance = int.MaxValue;
            foreach (PropertyInfo k in known)
            {
                string name = JsonName(k);
                int d = Distance(key.ToLowerInvariant(), name.ToLowerInvariant());
                if (d < bestDistance)
                {
                    best = name;
                    bestDistance = d;
                }
            }

            return best != null && bestDistance * 2 <= Math.Max(key.Length, best.Length) ? best : null;
        }

        /// <summary>Levenshtein distance.</summary>
        public static int Distance(string a, string b)
        {
            int[] previous = new int[b.Length + 1];
            int[] current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                int[] t = previous;
                previous = current;
                current = t;
            }

            return previous[b.Length];
        }
    }
}
