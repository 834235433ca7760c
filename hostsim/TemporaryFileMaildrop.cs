using System;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// TEMPORARY, until the crash-safe mailbox store (issue 4, item 4, NanoRelay.Storage) is
    /// merged: a maildrop that serves every file of a file store as one message, in name order,
    /// the file name being its UID. It is NOT crash-safe and does not keep UIDs from being reused;
    /// it exists so that `run` and the interop tests can serve a mailbox filled by dropping
    /// files (CRLF line ends) into DATA/mailbox-temporary/. <see cref="MaildropFactory"/> is the one
    /// place that constructs it.
    /// </summary>
    public sealed class TemporaryFileMaildrop : IMaildrop
    {
        private readonly IFileStore _store;
        private readonly object _sync = new object();
        private string[] _names = new string[0];
        private long[] _sizes = new long[0];
        private bool _locked;

        public TemporaryFileMaildrop(IFileStore store)
        {
            _store = store;
        }

        public int Count { get { return _names.Length; } }

        public bool TryLock()
        {
            lock (_sync)
            {
                if (_locked)
                {
                    return false;
                }

                _locked = true;
                return true;
            }
        }

        public void Unlock()
        {
            lock (_sync)
            {
                _locked = false;
            }
        }

        public int Refresh()
        {
            string[] all = _store.List("");
            int n = 0;
            for (int i = 0; i < all.Length; i++)
            {
                if (IsUid(all[i]))
                {
                    all[n++] = all[i];
                }
            }

            string[] names = new string[n];
            Array.Copy(all, names, n);
            Array.Sort(names, StringComparer.Ordinal);
            long[] sizes = new long[n];
            for (int i = 0; i < n; i++)
            {
                sizes[i] = Math.Max(0, _store.Length(names[i]));
            }

            _names = names;
            _sizes = sizes;
            return n;
        }

        public long SizeOf(int index)
        {
            return _sizes[index];
        }

        public string UidOf(int index)
        {
            return _names[index];
        }

        public IFileReader OpenMessage(int index)
        {
            return _store.OpenRead(_names[index]);
        }

        public bool Remove(int index)
        {
            try
            {
                _store.Delete(_names[index]);
                return true;
            }
            catch (StoreException)
            {
                return false;
            }
        }

        // RFC 1939 §7: a unique-id is 1 to 70 characters in 0x21..0x7E; other files are ignored.
        private static bool IsUid(string name)
        {
            if (name.Length == 0 || name.Length > NanoRelay.Limits.Pop3UidMax || name[0] == '.')
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] < 0x21 || name[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
