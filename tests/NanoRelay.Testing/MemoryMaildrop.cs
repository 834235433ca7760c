using System;
using System.Collections;
using NanoRelay.Mime;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// A maildrop in memory for POP3 tests: messages with fixed UIDs, an exclusive lock, a
    /// snapshot per Refresh, and failure injection for UPDATE (<see cref="FailRemovalsAfter"/>).
    /// Messages are stored as given (tests may store bare LFs on purpose); SizeOf is their length.
    /// </summary>
    public sealed class MemoryMaildrop : IMaildrop
    {
        private readonly ArrayList _messages = new ArrayList();
        private readonly object _sync = new object();
        private Entry[] _snapshot = new Entry[0];
        private int _nextUid = 1;
        private bool _locked;

        /// <summary>Removals that succeed before every further one fails (-1: never fail).</summary>
        public int FailRemovalsAfter { get; set; }

        /// <summary>When a removal fails: true throws StoreException, false returns false.</summary>
        public bool FailByThrowing { get; set; }

        /// <summary>The next Refresh throws StoreException (a flash read error at login).</summary>
        public bool FailNextRefresh { get; set; }

        /// <summary>Readers opened and not yet closed.</summary>
        public int OpenReaders { get; private set; }

        public MemoryMaildrop()
        {
            FailRemovalsAfter = -1;
        }

        /// <summary>Whether a session holds the lock.</summary>
        public bool IsLocked
        {
            get
            {
                lock (_sync)
                {
                    return _locked;
                }
            }
        }

        /// <summary>Messages stored now (not the snapshot).</summary>
        public int Stored
        {
            get
            {
                lock (_sync)
                {
                    return _messages.Count;
                }
            }
        }

        /// <summary>Adds a message (a new arrival); returns its UID.</summary>
        public string Add(byte[] content)
        {
            lock (_sync)
            {
                Entry e = new Entry();
                e.Content = content;
                e.Uid = "m" + (_nextUid++).ToString();
                _messages.Add(e);
                return e.Uid;
            }
        }

        /// <summary>Adds a message given as ASCII text.</summary>
        public string Add(string content)
        {
            byte[] b = new byte[content.Length];
            for (int i = 0; i < content.Length; i++)
            {
                b[i] = (byte)content[i];
            }

            return Add(b);
        }

        /// <summary>Whether a message with this UID is stored.</summary>
        public bool Contains(string uid)
        {
            lock (_sync)
            {
                for (int i = 0; i < _messages.Count; i++)
                {
                    if (((Entry)_messages[i]).Uid == uid)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

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
            lock (_sync)
            {
                if (FailNextRefresh)
                {
                    FailNextRefresh = false;
                    throw new StoreException("injected flash read error");
                }

                _snapshot = (Entry[])_messages.ToArray(typeof(Entry));
                return _snapshot.Length;
            }
        }

        public int Count { get { return _snapshot.Length; } }

        public long SizeOf(int index)
        {
            return _snapshot[index].Content.Length;
        }

        public string UidOf(int index)
        {
            return _snapshot[index].Uid;
        }

        public IFileReader OpenMessage(int index)
        {
            lock (_sync)
            {
                if (!_messages.Contains(_snapshot[index]))
                {
                    return null;
                }

                OpenReaders++;
                return new Reader(this, _snapshot[index].Content);
            }
        }

        public bool Remove(int index)
        {
            lock (_sync)
            {
                if (FailRemovalsAfter == 0)
                {
                    if (FailByThrowing)
                    {
                        throw new StoreException("injected flash write error");
                    }

                    return false;
                }

                if (FailRemovalsAfter > 0)
                {
                    FailRemovalsAfter--;
                }

                _messages.Remove(_snapshot[index]);
                return true;
            }
        }

        private void ReaderClosed()
        {
            lock (_sync)
            {
                OpenReaders--;
            }
        }

        private sealed class Entry
        {
            public byte[] Content;
            public string Uid;
        }

        // The core's array reader, counting closes so tests can check that every reader is closed.
        private sealed class Reader : IFileReader
        {
            private readonly MemoryMaildrop _owner;
            private readonly MemoryReader _data;
            private bool _closed;

            public Reader(MemoryMaildrop owner, byte[] data)
            {
                _owner = owner;
                _data = new MemoryReader(data);
            }

            public long Length { get { return _data.Length; } }

            public int Read(byte[] buffer, int offset, int count)
            {
                return _data.Read(buffer, offset, count);
            }

            public void Seek(long position)
            {
                _data.Seek(position);
            }

            public void Close()
            {
                if (!_closed)
                {
                    _closed = true;
                    _owner.ReaderClosed();
                }
            }
        }
    }
}
