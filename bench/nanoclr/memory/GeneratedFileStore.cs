using System.Collections;
using NanoRelay.Ports;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// A file store that holds a megabyte message without holding it. A ".msg" file whose header
    /// block carries <see cref="GeneratedBody.MarkerHeader"/> keeps its header block (up to the
    /// empty line) verbatim; every body octet written after it is checked against
    /// <see cref="GeneratedBody"/> (a difference fails the write) and dropped, only counted; a read
    /// makes the body again. Every other file (records, small messages) is kept whole, up to
    /// <see cref="FileMax"/> octets. What it keeps in RAM stands for flash on the device:
    /// <see cref="HeldBytes"/> says how much, so it can be told apart from the relay's own memory.
    /// </summary>
    public sealed class GeneratedFileStore : IFileStore
    {
        /// <summary>The most a verbatim file (or a header block) may hold.</summary>
        public const int FileMax = 16384;

        private static readonly byte[] s_marker = NanoRelay.Framing.Ascii.Bytes(GeneratedBody.MarkerHeader);

        private readonly ArrayList _files = new ArrayList();   // StoredFile

        /// <summary>Body octets written that differed from the generator (each also failed its write).</summary>
        public int Mismatches { get; private set; }

        /// <summary>Octets held in RAM for the files (flash on the device).</summary>
        public long HeldBytes
        {
            get
            {
                lock (_files)
                {
                    long n = 0;
                    for (int i = 0; i < _files.Count; i++)
                    {
                        n += ((StoredFile)_files[i]).Head.Length;
                    }

                    return n;
                }
            }
        }

        public long FreeBytes { get { return -1; } }

        /// <summary>Drops every file (a measurement of what the store's users keep in RAM, without the files).</summary>
        public void Forget()
        {
            lock (_files)
            {
                _files.Clear();
            }
        }

        public IFileWriter Create(string name)
        {
            lock (_files)
            {
                if (Find(name) != null)
                {
                    throw new StoreException("exists: " + name);
                }

                StoredFile f = new StoredFile(name);
                _files.Add(f);
                return new Writer(this, f);
            }
        }

        public IFileReader OpenRead(string name)
        {
            StoredFile f = Find(name);
            return f == null ? null : new Reader(f);
        }

        public bool Exists(string name)
        {
            return Find(name) != null;
        }

        public long Length(string name)
        {
            StoredFile f = Find(name);
            return f == null ? -1 : f.Length;
        }

        public bool Delete(string name)
        {
            lock (_files)
            {
                StoredFile f = Find(name);
                if (f == null)
                {
                    return false;
                }

                _files.Remove(f);
                return true;
            }
        }

        public string[] List(string prefix)
        {
            lock (_files)
            {
                int n = 0;
                for (int i = 0; i < _files.Count; i++)
                {
                    if (((StoredFile)_files[i]).Name.StartsWith(prefix))
                    {
                        n++;
                    }
                }

                string[] names = new string[n];
                n = 0;
                for (int i = 0; i < _files.Count; i++)
                {
                    StoredFile f = (StoredFile)_files[i];
                    if (f.Name.StartsWith(prefix))
                    {
                        names[n++] = f.Name;
                    }
                }

                return names;
            }
        }

        private StoredFile Find(string name)
        {
            lock (_files)
            {
                for (int i = 0; i < _files.Count; i++)
                {
                    StoredFile f = (StoredFile)_files[i];
                    if (f.Name == name)
                    {
                        return f;
                    }
                }

                return null;
            }
        }

        private void Append(StoredFile f, byte[] buffer, int offset, int count)
        {
            if (f.Generated)
            {
                if (!GeneratedBody.Matches(f.BodyLength, buffer, offset, count, f.Scratch()))
                {
                    Mismatches++;
                    throw new StoreException(f.Name + ": body differs from the generator near octet " + f.BodyLength);
                }

                f.BodyLength += count;
                return;
            }

            if (f.HeadLength + count > FileMax)
            {
                throw new StoreException(f.Name + ": over " + FileMax + " octets without a generated body");
            }

            if (f.HeadLength + count > f.Head.Length)
            {
                // Grown in 256-octet steps, not doubled: a 4.7 KB digest would sit in an 8 KB array,
                // RAM that stands for flash on the device and would be counted against the relay.
                int size = ((f.HeadLength + count + 255) / 256) * 256;
                byte[] grown = new byte[size < FileMax ? size : FileMax];
                System.Array.Copy(f.Head, grown, f.HeadLength);
                f.Head = grown;
            }

            int from = f.HeadLength < 3 ? 0 : f.HeadLength - 3;
            System.Array.Copy(buffer, offset, f.Head, f.HeadLength, count);
            f.HeadLength += count;
            if (f.HeaderSeen || !f.Name.EndsWith(".msg"))
            {
                return;
            }

            for (int i = from; i + 3 < f.HeadLength; i++)
            {
                if (f.Head[i] == 13 && f.Head[i + 1] == 10 && f.Head[i + 2] == 13 && f.Head[i + 3] == 10)
                {
                    f.HeaderSeen = true;
                    int end = i + 4;
                    if (Contains(f.Head, end, s_marker))
                    {
                        // The rest is body: checked, counted and dropped like every later write.
                        int rest = f.HeadLength - end;
                        f.HeadLength = end;
                        f.Generated = true;
                        byte[] head = new byte[end];
                        System.Array.Copy(f.Head, head, end);
                        byte[] body = new byte[rest];
                        System.Array.Copy(f.Head, end, body, 0, rest);
                        f.Head = head;
                        Append(f, body, 0, rest);
                    }

                    return;
                }
            }
        }

        private static bool Contains(byte[] a, int count, byte[] what)
        {
            for (int i = 0; i + what.Length <= count; i++)
            {
                int k = 0;
                while (k < what.Length && a[i + k] == what[k])
                {
                    k++;
                }

                if (k == what.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class StoredFile
        {
            private byte[] _scratch;

            public StoredFile(string name)
            {
                Name = name;
                Head = new byte[64];
            }

            public string Name;
            public byte[] Head;
            public int HeadLength;
            public bool HeaderSeen;
            public bool Generated;
            public long BodyLength;

            public long Length { get { return HeadLength + BodyLength; } }

            public byte[] Scratch()
            {
                if (_scratch == null)
                {
                    _scratch = new byte[GeneratedBody.LineBytes * 4];
                }

                return _scratch;
            }
        }

        private sealed class Writer : IFileWriter
        {
            private readonly GeneratedFileStore _store;
            private readonly StoredFile _file;

            public Writer(GeneratedFileStore store, StoredFile file)
            {
                _store = store;
                _file = file;
            }

            public long Length { get { return _file.Length; } }

            public void Write(byte[] buffer, int offset, int count)
            {
                _store.Append(_file, buffer, offset, count);
            }

            public void Flush()
            {
            }

            public void Close()
            {
            }
        }

        private sealed class Reader : IFileReader
        {
            private readonly StoredFile _file;
            private long _position;

            public Reader(StoredFile file)
            {
                _file = file;
            }

            public long Length { get { return _file.Length; } }

            public int Read(byte[] buffer, int offset, int count)
            {
                long left = _file.Length - _position;
                if (left <= 0)
                {
                    return 0;
                }

                int n = left < count ? (int)left : count;
                int done = 0;
                if (_position < _file.HeadLength)
                {
                    int h = _file.HeadLength - (int)_position;
                    done = h < n ? h : n;
                    System.Array.Copy(_file.Head, (int)_position, buffer, offset, done);
                }

                if (done < n)
                {
                    GeneratedBody.Fill(_position + done - _file.HeadLength, buffer, offset + done, n - done);
                }

                _position += n;
                return n;
            }

            public void Seek(long position)
            {
                _position = position;
            }

            public void Close()
            {
            }
        }
    }
}
