using System.Collections;

namespace NanoRelay.Boards
{
    /// <summary>
    /// One value of a parsed JSON document (the subset <see cref="JsonSubsetParser"/> reads).
    /// Objects keep their members in order; lookups are linear, which suits files of a few dozen keys.
    /// </summary>
    public sealed class JsonNode
    {
        private readonly ArrayList _names;
        private readonly ArrayList _items;

        private JsonNode(JsonKind kind, string text, long integer, bool boolean)
        {
            Kind = kind;
            Text = text;
            Integer = integer;
            Boolean = boolean;
            if (kind == JsonKind.Array || kind == JsonKind.Object)
            {
                _items = new ArrayList();
            }

            if (kind == JsonKind.Object)
            {
                _names = new ArrayList();
            }
        }

        public JsonKind Kind { get; private set; }

        /// <summary>The string value (Kind String).</summary>
        public string Text { get; private set; }

        /// <summary>The number (Kind Integer).</summary>
        public long Integer { get; private set; }

        /// <summary>The truth value (Kind Boolean).</summary>
        public bool Boolean { get; private set; }

        /// <summary>Elements of an array, members of an object.</summary>
        public int Count { get { return _items == null ? 0 : _items.Count; } }

        public static JsonNode NewNull() { return new JsonNode(JsonKind.Null, null, 0, false); }

        public static JsonNode NewBoolean(bool value) { return new JsonNode(JsonKind.Boolean, null, 0, value); }

        public static JsonNode NewInteger(long value) { return new JsonNode(JsonKind.Integer, null, value, false); }

        public static JsonNode NewString(string value) { return new JsonNode(JsonKind.String, value, 0, false); }

        public static JsonNode NewArray() { return new JsonNode(JsonKind.Array, null, 0, false); }

        public static JsonNode NewObject() { return new JsonNode(JsonKind.Object, null, 0, false); }

        /// <summary>The i-th element of an array or member value of an object.</summary>
        public JsonNode At(int index)
        {
            return (JsonNode)_items[index];
        }

        /// <summary>The i-th member name of an object.</summary>
        public string NameAt(int index)
        {
            return (string)_names[index];
        }

        /// <summary>The member called <paramref name="name"/>, or null when the object has none (or this is no object).</summary>
        public JsonNode Get(string name)
        {
            if (_names == null)
            {
                return null;
            }

            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    return (JsonNode)_items[i];
                }
            }

            return null;
        }

        internal void Add(JsonNode value)
        {
            _items.Add(value);
        }

        /// <summary>Adds a member; false when the name is already there (a duplicate key is refused, not silently overwritten).</summary>
        internal bool Add(string name, JsonNode value)
        {
            if (Get(name) != null)
            {
                return false;
            }

            _names.Add(name);
            _items.Add(value);
            return true;
        }
    }
}
