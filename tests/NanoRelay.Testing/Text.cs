namespace NanoRelay.Testing
{
    /// <summary>String helpers that nanoFramework's mscorlib lacks (it has no string.Replace), for tests that run on both.</summary>
    public static class Text
    {
        /// <summary>Replaces every occurrence of <paramref name="oldValue"/> (non-empty) with <paramref name="newValue"/>.</summary>
        public static string Replace(string s, string oldValue, string newValue)
        {
            string result = "";
            int from = 0;
            while (true)
            {
                int at = s.IndexOf(oldValue, from);
                if (at < 0)
                {
                    return result + s.Substring(from);
                }

                result += s.Substring(from, at - from) + newValue;
                from = at + oldValue.Length;
            }
        }
    }
}
