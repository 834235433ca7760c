using System.Collections;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;

namespace NanoRelay.Testing
{
    /// <summary>
    /// An in-memory <see cref="IIngressSink"/>: committed messages are kept in order; a capacity
    /// makes it run full (StoreException with IsFull), <see cref="FailCommit"/> makes Commit fail.
    /// Counts what was opened, aborted and committed, so tests can prove "nothing queued".
    /// </summary>
    public sealed class MemoryIngressSink : IIngressSink
    {
        private readonly ArrayList _messages = new ArrayList();
        private long _used;
        private int _next = 1;

        /// <summary>A sink that holds at most <paramref name="capacity"/> content bytes (-1: unlimited, FreeBytes unknown).</summary>
        public MemoryIngressSink(long capacity)
        {
            Capacity = capacity;
        }

        public MemoryIngressSink()
            : this(-1)
        {
        }

        public long Capacity { get; set; }

        /// <summary>Commit throws a StoreException that is not "full" (a flash write error).</summary>
        public bool FailCommit { get; set; }

        public int Begun { get; private set; }

        public int Aborted { get; private set; }

        /// <summary>Messages opened and neither committed nor aborted yet.</summary>
        public int Open { get; internal set; }

        public long FreeBytes { get { return Capacity < 0 ? -1 : Capacity - _used; } }

        /// <summary>Committed messages, oldest first.</summary>
        public int Count { get { return _messages.Count; } }

        public StoredIngressMessage this[int index] { get { return (StoredIngressMessage)_messages[index]; } }

        public IIngressMessage Begin(string reversePath, string[] recipients, int recipientCount)
        {
            string[] copy = new string[recipientCount];
            for (int i = 0; i < recipientCount; i++)
            {
                copy[i] = recipients[i];
            }

            Begun++;
            Open++;
            return new Writer(this, reversePath, copy);
        }

        /// <summary>A committed message: envelope and content bytes.</summary>
        public sealed class StoredIngressMessage
        {
            internal StoredIngressMessage(string id, string reversePath, string[] recipients, byte[] content)
            {
                Id = id;
                ReversePath = reversePath;
                Recipients = recipients;
                Content = content;
            }

            public string Id { get; private set; }

            public string ReversePath { get; private set; }

            public string[] Recipients { get; private set; }

            public byte[] Content { get; private set; }

            /// <summary>The content as Latin-1 text (one char per byte).</summary>
            public string Text
            {
                get
                {
                    char[] c = new char[Content.Length];
                    for (int i = 0; i < c.Length; i++)
                    {
                        c[i] = (char)Content[i];
                    }

                    return new string(c);
                }
            }
        }

        private sealed class Writer : IIngressMessage
        {
            private readonly MemoryIngressSink _sink;
            private readonly string _reversePath;
            private readonly string[] _recipients;
            private ByteBuffer _content = new ByteBuffer();

            public Writer(MemoryIngressSink sink, string reversePath, string[] recipients)
            {
                _sink = sink;
                _reversePath = reversePath;
                _recipients = recipients;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                if (_content == null)
                {
                    throw new StoreException("write after commit or abort");
                }

                if (_sink.Capacity >= 0 && _sink._used + count > _sink.Capacity)
                {
                    throw new StoreException("spool full") { IsFull = true };
                }

                _sink._used += count;
                _content.Write(buffer, offset, count);
            }

            public string Commit()
            {
                if (_content == null)
                {
                    throw new StoreException("commit after abort");
                }

                if (_sink.FailCommit)
                {
                    Abort();
                    throw new StoreException("flash write failed");
                }

                string id = "M" + _sink._next++;
                _sink._messages.Add(new StoredIngressMessage(id, _reversePath, _recipients, _content.ToArray()));
                _content = null;
                _sink.Open--;
                return id;
            }

            public void Abort()
            {
                if (_content == null)
                {
                    return;
                }

                _sink._used -= _content.Length;
                _content = null;
                _sink.Aborted++;
                _sink.Open--;
            }
        }
    }
}
