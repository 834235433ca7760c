// COMPILE-ONLY SHIM of nanoFramework.System.Collections 1.5.75 (nanoFramework.System.Collections.dll). Not a runtime: see README.md.
// Checked against nanoframework/nanoFramework.System.Collections @8a20f0f (main; 1.5.75 is not tagged there):
// nanoFramework.System.Collections/Collections/{DictionaryEntry,IDictionary,Hashtable}.cs. Used by tests/NanoRelay.Testing.
// Hashtable has no ContainsKey: use Contains.
namespace System.Collections
{
    public class DictionaryEntry
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
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        ICollection Keys { get; }
        ICollection Values { get; }
        object this[object key] { get; set; }
        void Add(object key, object value);
        void Clear();
        bool Contains(object key);
        void Remove(object key);
    }

    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() { }
        public Hashtable(int capacity) { }
        public Hashtable(int capacity, float loadFactor) { }
        public int Count { get { throw new NotSupportedException(); } }
        public bool IsSynchronized { get { throw new NotSupportedException(); } }
        public object SyncRoot { get { throw new NotSupportedException(); } }
        public bool IsReadOnly { get { throw new NotSupportedException(); } }
        public bool IsFixedSize { get { throw new NotSupportedException(); } }
        public ICollection Keys { get { throw new NotSupportedException(); } }
        public ICollection Values { get { throw new NotSupportedException(); } }
        public object this[object key] { get { throw new NotSupportedException(); } set { } }
        public void Add(object key, object value) { }
        public void Clear() { }
        public object Clone() { throw new NotSupportedException(); }
        public bool Contains(object key) { throw new NotSupportedException(); }
        public void CopyTo(Array array, int arrayIndex) { }
        public IEnumerator GetEnumerator() { throw new NotSupportedException(); }
        public void Remove(object key) { }
    }
}
