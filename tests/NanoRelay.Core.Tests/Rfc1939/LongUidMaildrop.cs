using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>A maildrop of many empty messages whose UIDs have the maximum 70 characters (RFC 1939 §7).</summary>
    public sealed class LongUidMaildrop : IMaildrop
    {
        private readonly int _count;

        public LongUidMaildrop(int count)
        {
            _count = count;
        }

        public int Count { get { return _count; } }

        public static string Uid(int index)
        {
            string n = index.ToString();
            return new string('u', NanoRelay.Limits.Pop3UidMax - n.Length) + n;
        }

        public bool TryLock()
        {
            return true;
        }

        public void Unlock()
        {
        }

        public int Refresh()
        {
            return _count;
        }

        public long SizeOf(int index)
        {
            return 0;
        }

        public string UidOf(int index)
        {
            return Uid(index);
        }

        public IFileReader OpenMessage(int index)
        {
            return null;
        }

        public bool Remove(int index)
        {
            return true;
        }
    }
}
