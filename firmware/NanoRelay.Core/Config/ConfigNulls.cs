namespace NanoRelay.Config
{
    /// <summary>
    /// Finds an explicit JSON null in a config file, so the host and the device refuse it the same
    /// way, naming the field. The two readers differ on null: nanoFramework.Json turns it into ""
    /// for a string and throws without a field name for an int; System.Text.Json keeps null. A key
    /// left out takes its default on both, which is what a null was meant to say.
    /// </summary>
    public static class ConfigNulls
    {
        /// <summary>The path of the first null value ("pop3.tlsListen", "sensors[1].alertAbove"), or null when there is none.</summary>
        public static string FirstNull(string json)
        {
            string[] names = new string[Limits.ConfigDepth];
            int[] indexes = new int[Limits.ConfigDepth];
            bool[] isArray = new bool[Limits.ConfigDepth];
            int depth = 0;
            string key = null;
            int i = 0;
            while (i < json.Length)
            {
                char c = json[i];
                if (c == '"')
                {
                    int end = StringEnd(json, i);
                    if (depth > 0 && !isArray[depth - 1] && key == null)
                    {
                        key = json.Substring(i + 1, end - i - 1);
                    }

                    i = end + 1;
                    continue;
                }

                if (c == '{' || c == '[')
                {
                    if (depth == Limits.ConfigDepth)
                    {
                        return null;   // deeper than any config: the reader will say what is wrong
                    }

                    names[depth] = Here(names, indexes, isArray, depth, key);
                    isArray[depth] = c == '[';
                    indexes[depth] = 0;
                    depth++;
                    key = null;
                }
                else if (c == '}' || c == ']')
                {
                    depth = depth > 0 ? depth - 1 : 0;
                    key = null;
                }
                else if (c == ',')
                {
                    if (depth > 0 && isArray[depth - 1])
                    {
                        indexes[depth - 1]++;
                    }

                    key = null;
                }
                else if (c == 'n' && i + 4 <= json.Length && json.Substring(i, 4) == "null")
                {
                    return Here(names, indexes, isArray, depth, key);
                }

                i++;
            }

            return null;
        }

        // The path of the value about to be read: the enclosing path, then its key or index.
        private static string Here(string[] names, int[] indexes, bool[] isArray, int depth, string key)
        {
            if (depth == 0)
            {
                return "";
            }

            string outer = names[depth - 1];
            if (isArray[depth - 1])
            {
                return outer + "[" + indexes[depth - 1] + "]";
            }

            return outer.Length == 0 ? key : outer + "." + key;
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
