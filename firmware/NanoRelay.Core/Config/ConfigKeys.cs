namespace NanoRelay.Config
{
    /// <summary>
    /// Refuses a key <see cref="RelayConfig"/> does not have (`allowfrom`, `upstrem`,
    /// `maxMessageSize`): a misspelt key would otherwise be skipped and its default applied in
    /// silence. Walks the text itself, so the host and the device refuse it with the same line.
    /// </summary>
    public static class ConfigKeys
    {
        /// <summary>Every key of the file, by path; elements of an array have the array's path.</summary>
        public static readonly string[] Known =
        {
            "device", "device.name",
            "wifi", "wifi.ssid", "wifi.password",
            "upstream", "upstream.mode", "upstream.resolvers", "upstream.mxPort", "upstream.host", "upstream.port",
            "upstream.tls", "upstream.user", "upstream.password", "upstream.auth", "upstream.token",
            "upstream.trustedCaFile", "upstream.heloName", "upstream.allowPlaintextAuth",
            "alerts", "alerts.from", "alerts.to",
            "pop3", "pop3.listen", "pop3.tlsListen", "pop3.user", "pop3.password", "pop3.apop",
            "pop2", "pop2.listen", "pop2.allowPlaintextAuth",
            "imap", "imap.listen", "imap.tlsListen", "imap.user", "imap.password",
            "smtpIngress", "smtpIngress.listen", "smtpIngress.allowFrom", "smtpIngress.maxMessageBytes",
            "smtpIngress.bareLineEnds", "smtpIngress.users", "smtpIngress.users.user", "smtpIngress.users.password",
            "smtpIngress.maxSessions",
            "spool", "spool.path", "spool.maxBytes",
            "retry", "retry.firstDelaySeconds", "retry.maxDelaySeconds", "retry.lifetimeHours",
            "certificate", "certificate.file", "certificate.keyFile", "certificate.password",
            "sensors", "sensors.name", "sensors.kind", "sensors.source", "sensors.alertAbove", "sensors.clearBelow",
            "sensors.alertBelow", "sensors.clearAbove", "sensors.maxAlerts", "sensors.windowSeconds", "sensors.seed",
            "sensors.file",
        };

        /// <summary>
        /// Null when every key is known, else "config: unknown key "PATH"" with the nearest known
        /// key of the same section when it is close enough to be a slip.
        /// </summary>
        public static string FirstUnknown(string json)
        {
            string[] paths = new string[Limits.ConfigDepth];      // "sensors[1]": as the error names it
            string[] schema = new string[Limits.ConfigDepth];     // "sensors": as Known names it
            bool[] isArray = new bool[Limits.ConfigDepth];
            int[] indexes = new int[Limits.ConfigDepth];
            int depth = 0;
            bool keyRead = false;
            string lastKey = null;
            for (int i = 0; i < json.Length; i++)
            {
                char c = json[i];
                if (c == '"')
                {
                    int end = StringEnd(json, i);
                    if (depth > 0 && !isArray[depth - 1] && !keyRead)
                    {
                        keyRead = true;
                        lastKey = json.Substring(i + 1, end - i - 1);
                        string at = Join(schema[depth - 1], lastKey);
                        if (!IsKnown(at))
                        {
                            string nearest = Nearest(schema[depth - 1], lastKey);
                            return "config: unknown key \"" + Join(paths[depth - 1], lastKey) + "\""
                                + (nearest == null ? string.Empty : " (did you mean \"" + nearest + "\"?)");
                        }
                    }

                    i = end;
                }
                else if (c == '{' || c == '[')
                {
                    if (depth == Limits.ConfigDepth)
                    {
                        return null;   // deeper than any config: the reader will say what is wrong
                    }

                    bool inArray = depth > 0 && isArray[depth - 1];
                    paths[depth] = depth == 0 ? string.Empty : inArray ? paths[depth - 1] + "[" + indexes[depth - 1].ToString() + "]" : Join(paths[depth - 1], lastKey);
                    schema[depth] = depth == 0 ? string.Empty : inArray ? schema[depth - 1] : Join(schema[depth - 1], lastKey);
                    isArray[depth] = c == '[';
                    indexes[depth] = 0;
                    depth++;
                    keyRead = false;
                }
                else if (c == '}' || c == ']')
                {
                    depth = depth > 0 ? depth - 1 : 0;
                }
                else if (c == ',')
                {
                    if (depth > 0 && isArray[depth - 1])
                    {
                        indexes[depth - 1]++;
                    }

                    keyRead = false;
                }
            }

            return null;
        }

        private static bool IsKnown(string path)
        {
            for (int i = 0; i < Known.Length; i++)
            {
                if (Known[i] == path)
                {
                    return true;
                }
            }

            return false;
        }

        // The known key of `section` with the fewest edits (ignoring case), if at most half the longer name.
        private static string Nearest(string section, string key)
        {
            string best = null;
            int bestDistance = int.MaxValue;
            string prefix = section.Length == 0 ? string.Empty : section + ".";
            for (int i = 0; i < Known.Length; i++)
            {
                string k = Known[i];
                if (k.Length <= prefix.Length || k.Substring(0, prefix.Length) != prefix || k.IndexOf('.', prefix.Length) >= 0)
                {
                    continue;
                }

                string name = k.Substring(prefix.Length);
                int d = Distance(key.ToLower(), name.ToLower());
                if (d < bestDistance)
                {
                    best = name;
                    bestDistance = d;
                }
            }

            int longer = best == null || key.Length > best.Length ? key.Length : best.Length;
            return best != null && bestDistance * 2 <= longer ? best : null;
        }

        /// <summary>The Levenshtein distance: insertions, deletions and substitutions from a to b.</summary>
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
                    int best = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    best = current[j - 1] + 1 < best ? current[j - 1] + 1 : best;
                    current[j] = previous[j] + 1 < best ? previous[j] + 1 : best;
                }

                int[] t = previous;
                previous = current;
                current = t;
            }

            return previous[b.Length];
        }

        private static string Join(string path, string key)
        {
            return path.Length == 0 ? key : path + "." + key;
        }

        // The index of the quote that closes the string opened at `start` (RFC 8259 §7 escapes skipped).
        private static int StringEnd(string json, int start)
        {
            int i = start + 1;
            while (i < json.Length && json[i] != '"')
            {
                i += json[i] == '\\' ? 2 : 1;
            }

            return i < json.Length ? i : json.Length - 1;
        }
    }
}
