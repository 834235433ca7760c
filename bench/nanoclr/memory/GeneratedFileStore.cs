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
    /// <see cref="FileMax"/> octets. What it keeps stands for flash on the device, so it lives in
    /// the pages of a <see cref="FlashArena"/> made before the heap is measured, not in arrays of
    /// the measured heap; <see cref="HeldBytes"/> says how much of the arena the files take.
    /// </summary>
    public sealed class GeneratedFileStore : IFileStore
    {
        /// <summary>The most a verbatim file (or a header block) may hold.</summary>
        public const int FileMax = 16384;

        private const int Page = FlashArena.PageBytes;

        private static readonly byte[] s_marker = NanoRelay.Framing.Ascii.Bytes(GeneratedBody.MarkerHeader);

        private readonly FlashArena _arena;
        private readonly ArrayList _files = new ArrayList();   // StoredFile

        public GeneratedFileStore(FlashArena arena)
        {
            _arena = arena;
        }

        /// <summary>While true, every write collects and keeps the lowest free heap seen (a measurement aid: the write of a file is where its writer's buffers are all live).</summary>
        public static bool Probe;

        /// <summary>The lowest free heap at a write while <see cref="Probe"/> was on, and what the files held then.</summary>
        public static uint ProbeLowest = uint.MaxValue;

        public static long ProbeHeld;

        /// <summary>Body octets written that differed from the generator (each also failed its write).</summary>
        public int Mismatches { get; private set; }

        /// <summary>Octets of the arena's pages that this store's files hold (flash on the device).</summary>
        public long HeldBytes
        {
            get
            {
                lock (_files)
                {
                    long n = 0;
                    for (int i = 0; i < _files.Count; i++)
                    {
                        n += (long)((StoredFile)_files[i]).PageCount * Page;
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
                for (int i = 0; i < _files.Count; i++)
                {
                    Release((StoredFile)_files[i]);
                }

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
            return f == null ? null : new Reader(this, f);
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
                Release(f);
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

        private void Release(StoredFile f)
        {
            _arena.Give(f.FirstPage);
            f.FirstPage = -1;
            f.LastPage = -1;
            f.PageCount = 0;
        }

        // The arena offset of octet i of the verbatim part (i < HeadLength).
        private int Locate(StoredFile f, int i)
        {
            int page = f.FirstPage;
            for (int k = i / Page; k > 0; k--)
            {
                page = _arena.Next[page];
            }

            return (page * Page) + (i % Page);
        }

        private byte At(StoredFile f, int i)
        {
            return _arena.Store[Locate(f, i)];
        }

        // Copies count verbatim octets from i on into destination.
        private void CopyOut(StoredFile f, int i, byte[] destination, int offset, int count)
        {
            while (count > 0)
            {
                int at = Locate(f, i);
                int n = Page - (i % Page);
                n = n < count ? n : count;
                System.Array.Copy(_arena.Store, at, destination, offset, n);
                i += n;
                offset += n;
                count -= n;
            }
        }

        private void CheckBody(StoredFile f, byte[] buffer, int offset, int count)
        {
            lock (_arena.Scratch)
            {
                if (!GeneratedBody.Matches(f.BodyLength, buffer, offset, count, _arena.Scratch))
                {
                    Mismatches++;
                    throw new StoreException(f.Name + ": body differs from the generator near octet " + f.BodyLength);
                }
            }

            f.BodyLength += count;
        }

        private void Append(StoredFile f, byte[] buffer, int offset, int count)
        {
            if (Probe)
            {
                uint free = nanoFramework.Runtime.Native.GC.Run(false);
                if (free < ProbeLowest)
                {
                    ProbeLowest = free;
                    ProbeHeld = HeldBytes;
                }
            }

            if (f.Generated)
            {
                CheckBody(f, buffer, offset, count);
                return;
            }

            if (f.HeadLength + count > FileMax)
            {
                throw new StoreException(f.Name + ": over " + FileMax + " octets without a generated body");
            }

            int from = f.HeadLength < 3 ? 0 : f.HeadLength - 3;
            int left = count;
            int source = offset;
            while (left > 0)
            {
                if (f.HeadLength == f.PageCount * Page)
                {
                    int page = _arena.Take();
                    if (f.LastPage < 0)
                    {
                        f.FirstPage = page;
                    }
                    else
                    {
                        _arena.Next[f.LastPage] = page;
                    }

                    f.LastPage = page;
                    f.PageCount++;
                }

                int room = (f.PageCount * Page) - f.HeadLength;
                int n = left < room ? left : room;
                System.Array.Copy(buffer, source, _arena.Store, (f.LastPage * Page) + (f.HeadLength % Page), n);
                f.HeadLength += n;
                source += n;
                left -= n;
            }

            if (f.HeaderSeen || !f.Name.EndsWith(".msg"))
            {
                return;
            }

            for (int i = from; i + 3 < f.HeadLength; i++)
            {
                if (At(f, i) == 13 && At(f, i + 1) == 10 && At(f, i + 2) == 13 && At(f, i + 3) == 10)
                {
                    f.HeaderSeen = true;
                    int end = i + 4;
                    if (Contains(f, end, s_marker))
                    {
                        // The rest is body: checked, counted and dropped like every later write.
                        Generate(f, end);
                    }

                    return;
                }
            }
        }

        // The header block ends at end: what follows it is body, checked page by page, and the
        // pages past the header block go back to the arena.
        private void Generate(StoredFile f, int end)
        {
            int rest = f.HeadLength - end;
            f.Generated = true;
            int i = end;
            while (i < end + rest)
            {
                int at = Locate(f, i);
                int n = Page - (i % Page);
                n = n < end + rest - i ? n : end + rest - i;
                CheckBody(f, _arena.Store, at, n);
                i += n;
            }

            f.HeadLength = end;
            int keep = (end + Page - 1) / Page;
            if (keep < f.PageCount)
            {
                int last = keep == 0 ? -1 : f.FirstPage;
                for (int k = 1; k < keep; k++)
                {
                    last = _arena.Next[last];
                }

                int drop = last < 0 ? f.FirstPage : _arena.Next[last];
                if (last >= 0)
                {
                    _arena.Next[last] = -1;
                }
                else
                {
                    f.FirstPage = -1;
                }

                _arena.Give(drop);
                f.LastPage = last;
                f.PageCount = keep;
            }
        }

        private bool Contains(StoredFile f, int count, byte[] what)
        {
            for (int i = 0; i + what.Length <= count; i++)
            {
                int k = 0;
                while (k < what.Length && At(f, i + k) == what[k])
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
            public StoredFile(string name)
            {
                Name = name;
                FirstPage = -1;
                LastPage = -1;
            }

            public string Name;
            public int FirstPage;
            public int LastPage;
            public int PageCount;
            public int HeadLength;
            public bool HeaderSeen;
            public bool Generated;
            public long BodyLength;

            public long Length { get { return HeadLength + BodyLength; } }
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
            private readonly GeneratedFileStore _store;
            private readonly StoredFile _file;
            private long _position;

            public Reader(GeneratedFileStore store, StoredFile file)
            {
                _store = store;
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
                    _store.CopyOut(_file, (int)_position, buffer, offset, done);
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
