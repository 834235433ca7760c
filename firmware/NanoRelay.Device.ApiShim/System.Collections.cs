// COMPILE-ONLY SHIM of nanoFramework.System.Collections 1.5.75 (nanoFramework.System.Collections.dll). Not a runtime: see README.md.
// research/nanoframework-facts.md §2: Hashtable, Queue, Stack, DictionaryEntry, IDictionary. Used by tests/NanoRelay.Testing.
namespace System.Collections
{
    public class DictionaryEntry                                     // [NOT IN FACTS] class with Key/Value fields
    {
        public object Key;
        public object Value;

        public DictionaryEntry(object key, object value)
        {
            Key = key;
            Value = value;
        }
    }

    public interface IDictionary : ICollection
    {
        object this[object key] { get; set; }
        ICollection Keys { get; }
        ICollection Values { get; }
        bool Contains(object key);
        void Add(object key, object value);
        void Clear();
        void Remove(object key);
    }

    public class Hashtable : IDictionary                                // [NOT IN FACTS] member list: the usual IDictionary one
    {
        public Hashtable() { }
        public Hashtable(int capacity) { }
        public object this[object key] { get { throw new NotSupportedException(); } set { } }
        public ICollection Keys { get { throw new NotSupportedException(); } }
        public ICollection Values { get { throw new NotSupportedException(); } }
        public int Count { get { throw new NotSupportedException(); } }
        public bool IsSynchronized { get { throw new NotSupportedException(); } }
        public object SyncRoot { get { throw new NotSupportedException(); } }
        public bool Contains(object key) { throw new NotSupportedException(); }
        public bool ContainsKey(object key) { throw new NotSupportedException(); }
        public void Add(object key, object value) { }
        public void Clear() { }
        public void Remove(object key) { }
        public void CopyTo(Array array, int index) { }
        public IEnumerator GetEnumerator() { throw new NotSupportedException(); }
    }
}
