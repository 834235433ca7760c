using System;
using System.Collections;
using NanoRelay.Mime;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// Files in memory, with the failure semantics of a small flash file system made explicit:
    /// <list type="bullet">
    /// <item>Every mutating operation (Create, Write, Flush, Delete) counts; with
    /// <see cref="PowerCutAfter"/> = k the operation after the k-th throws and so does every call
    /// after it, until <see cref="Reboot"/>. Reads do not count.</item>
    /// <item>Bytes are durable only once a Flush of their file returned; Close does not flush.
    /// A cut that hits a Write may keep <see cref="TornBytes"/> of it (a partial program), in
    /// order, or scrambled when <see cref="TornGarbage"/> is set ("a partial prog may not be byte
    /// in order", littlefs test_powerloss).</item>
    /// <item>Directory entries: a Delete is atomic and durable when it returns (a metadata
    /// commit). A Create is durable at once by default; with <see cref="CreateNeedsFlush"/> a
    /// created file that was never flushed is gone after a reboot (littlefs commits a new file at
    /// its first sync).</item>
    /// <item>Capacity: with a capacity set, Create fails (IsFull) when no byte is free and Write
    /// fails (IsFull) when its bytes do not fit; <see cref="FreeBytes"/> is -1 when unbounded.</item>
    /// <item>Blocks (<see cref="BlockBytes"/>): each file takes whole blocks, at least one, as on
    /// LittleFS; with <see cref="FreeSpaceUnknown"/> FreeBytes is -1 and running out of room is a
    /// plain I/O error, not "full" (nanoFramework's LittleFS driver reports no free space).</item>
    /// <item>Sharing, as nanoFramework's FileSystemManager.AddToOpenList: a file open once may be
    /// opened again only with FileShare.ReadWrite and an access the first open shares; Delete needs
    /// the file closed everywhere (File.Delete opens it with FileShare.None). Writers share
    /// <see cref="WriterShare"/>, readers <see cref="ReaderShare"/> (FlashFileStore's choices);
    /// Length does not open the file (FileInfo.Length). <see cref="OpenHandles"/> counts what is open.</item>
    /// <item>Wear figures: <see cref="BytesWritten"/>, and <see cref="MaxCreatesOfOneName"/> (a
    /// file name created again and again is a hot spot).</item>
    /// </list>
    /// </summary>
    public sealed class MemoryFileStore : IFileStore
    {
        private readonly Hashtable _files = new Hashtable();   // name -> FileData
        private readonly Hashtable _createsByName = new Hashtable();   // name -> int
        private long _capacity;

        public MemoryFileStore()
            : this(long.MaxValue)
        {
        }

        public MemoryFileStore(long capacity)
        {
            _capacity = capacity;
            PowerCutAfter = -1;
            OutOfMemoryAt = -1;
        }

        /// <summary>
        /// The mutating operation with this number (counted like <see cref="Operations"/>) throws an
        /// OutOfMemoryException once, as the nanoCLR does for an object when its free heap is in pieces (-1: never).
        /// </summary>
        public int OutOfMemoryAt { get; set; }

        /// <summary>Mutating operations done so far.</summary>
        public int Operations { get; private set; }

        /// <summary>Cut the power once this many operations were done (-1: never).</summary>
        public int PowerCutAfter { get; set; }

        /// <summary>When the cut hits a write: keep this many bytes of it (a torn page); -1 keeps none.</summary>
        public int TornBytes { get; set; }

        /// <summary>Torn bytes are scrambled instead of a clean prefix of the write.</summary>
        public bool TornGarbage { get; set; }

        /// <summary>A created file survives a reboot only once it was flushed.</summary>
        public bool CreateNeedsFlush { get; set; }

        /// <summary>The most times any one name was created (a hot spot when it grows with traffic).</summary>
        public int MaxCreatesOfOneName { get; private set; }

        /// <summary>Files created so far.</summary>
        public long Creates { get; private set; }

        /// <summary>True once the power was cut.</summary>
        public bool PoweredOff { get; private set; }

        /// <summary>Total bytes written (for flash wear figures).</summary>
        public long BytesWritten { get; private set; }

        public long Capacity { get { return _capacity; } set { _capacity = value; } }

        // FileShare values (System.IO.FileShare): 1 Read, 2 Write, 3 ReadWrite.
        public const int ShareRead = 1;
        public const int ShareReadWrite = 3;

        /// <summary>Allocation unit: every file takes whole blocks, at least one (0: bytes, the default).</summary>
        public int BlockBytes { get; set; }

        /// <summary>FreeBytes is -1 and a full store throws a plain StoreException (IsFull false), like a raw I/O error.</summary>
        public bool FreeSpaceUnknown { get; set; }

        /// <summary>The FileShare a writer opens with (FlashFileStore: Read).</summary>
        public int WriterShare { get; set; } = ShareRead;

        /// <summary>The FileShare a reader opens with (FlashFileStore: ReadWrite).</summary>
        public int ReaderShare { get; set; } = ShareReadWrite;

        /// <summary>Writers and readers not closed yet.</summary>
        public int OpenHandles
        {
            get
            {
                int n = 0;
                foreach (DictionaryEntry e in _files)
                {
                    n += ((FileData)e.Value).Opens.Count;
                }

                return n;
            }
        }

        public long FreeBytes
        {
            get
            {
                return _capacity == long.MaxValue || FreeSpaceUnknown ? -1 : Room();
            }
        }

        // Bytes still free on the medium, counting whole blocks when BlockBytes is set.
        private long Room()
        {
            long used = 0;
            foreach (DictionaryEntry e in _files)
            {
                used += Allocated(((FileData)e.Value).Length);
            }

            return _capacity == long.MaxValue ? long.MaxValue : _capacity - used;
        }

        private long Allocated(long length)
        {
            if (BlockBytes <= 0)
            {
                return length;
            }

            return length <= 0 ? BlockBytes : ((length + BlockBytes - 1) / BlockBytes) * BlockBytes;
        }

        private StoreException NoRoom()
        {
            // The device's LittleFS says only "I/O error"; a store that can tell says full.
            return FreeSpaceUnknown ? new StoreException("I/O error") : new StoreException("store full") { IsFull = true };
        }

        /// <summary>Power comes back: the store keeps what was flushed, forgets the rest, and counts afresh.</summary>
        public void Reboot()
        {
            ArrayList gone = new ArrayList();
            foreach (DictionaryEntry e in _files)
            {
                FileData f = (FileData)e.Value;
                f.DropUnflushed();
                if (CreateNeedsFlush && !f.EverFlushed)
                {
                    gone.Add(e.Key);
                }
            }

            foreach (object name in gone)
            {
                _files.Remove(name);
            }

            foreach (DictionaryEntry e in _files)
            {
                ((FileData)e.Value).Opens.Clear();
            }

            PoweredOff = false;
            PowerCutAfter = -1;
            Operations = 0;
        }

        public IFileWriter Create(string name)
        {
            Step();
            if (_files.Contains(name))
            {
                throw new StoreException("exists: " + name);
            }

            if (_capacity != long.MaxValue && (Room() <= 0 || Room() < Allocated(0)))
            {
                throw NoRoom();
            }

            FileData f = new FileData();
            Handle handle = f.Open(2, WriterShare);
            _files[name] = f;
            Creates++;
            int n = _createsByName[name] == null ? 1 : (int)_createsByName[name] + 1;
            _createsByName[name] = n;
            if (n > MaxCreatesOfOneName)
            {
                MaxCreatesOfOneName = n;
            }
            return new Writer(this, f, handle);
        }

        public IFileReader OpenRead(string name)
        {
            Check();
            FileData f = (FileData)_files[name];
            if (f == null)
            {
                return null;
            }

            Handle h = f.Open(1, ReaderShare);
            if (h == null)
            {
                throw new StoreException("cannot read " + name + ": it is open elsewhere (FileShare)");
            }

            return new Reader(f, h);
        }

        public bool Exists(string name)
        {
            Check();
            return _files.Contains(name);
        }

        public long Length(string name)
        {
            Check();
            FileData f = (FileData)_files[name];
            return f == null ? -1 : f.Length;
        }

        public bool Delete(string name)
        {
            Step();
            FileData f = (FileData)_files[name];
            if (f == null)
            {
                return false;
            }

            if (f.Opens.Count > 0)
            {
                // File.Delete opens the file with FileShare.None: it fails while anyone has it open.
                throw new StoreException("cannot delete " + name + ": it is open");
            }

            _files.Remove(name);
            return true;
        }

        public string[] List(string prefix)
        {
            Check();
            ArrayList names = new ArrayList();
            foreach (DictionaryEntry e in _files)
            {
                string n = (string)e.Key;
                if (n.StartsWith(prefix))
                {
                    names.Add(n);
                }
            }

            return (string[])names.ToArray(typeof(string));
        }

        /// <summary>Replaces a file's bytes as if flash had decayed or someone wrote junk (not counted).</summary>
        public void Corrupt(string name, byte[] content)
        {
            FileData f = new FileData();
            f.Append(content, 0, content.Length);
            f.Flush();
            _files[name] = f;
        }

        /// <summary>The whole durable-or-not content of a file, for assertions; null if missing.</summary>
        public byte[] ReadAll(string name)
        {
            FileData f = (FileData)_files[name];
            return f == null ? null : f.Snapshot();
        }

        private void Check()
        {
            if (PoweredOff)
            {
                throw new StoreException("power is off");
            }
        }

        // Returns true when this operation is the one the power cut hits.
        private bool Step()
        {
            Check();
            if (OutOfMemoryAt >= 0 && Operations == OutOfMemoryAt)
            {
                OutOfMemoryAt = -1;
                throw new OutOfMemoryException();
            }

            if (PowerCutAfter >= 0 && Operations >= PowerCutAfter)
            {
                PoweredOff = true;
                throw new StoreException("power cut");
            }

            Operations++;
            return false;
        }

        private sealed class FileData
        {
            private byte[] _data = new byte[64];
            private int _length;
            private int _flushed;

            public readonly ArrayList Opens = new ArrayList();   // Handle

            public int Length { get { return _length; } }

            // FileSystemManager.AddToOpenList: a second open needs share ReadWrite and an access every earlier open shares.
            public Handle Open(int access, int share)
            {
                for (int i = 0; i < Opens.Count; i++)
                {
                    Handle o = (Handle)Opens[i];
                    if (share != ShareReadWrite || (o.Share & access) != access)
                    {
                        return null;
                    }
                }

                Handle h = new Handle(access, share);
                Opens.Add(h);
                return h;
            }

            public bool EverFlushed { get; private set; }

            public void Append(byte[] b, int o, int c)
            {
                if (_length + c > _data.Length)
                {
                    int grown = _data.Length * 2 > _length + c ? _data.Length * 2 : _length + c;
                    byte[] n = new byte[grown];
                    Array.Copy(_data, n, _length);
                    _data = n;
                }

                Array.Copy(b, o, _data, _length, c);
                _length += c;
            }

            public void Flush()
            {
                _flushed = _length;
                EverFlushed = true;
            }

            public void DropUnflushed()
            {
                _length = _flushed;
            }

            public byte[] Snapshot()
            {
                byte[] s = new byte[_length];
                Array.Copy(_data, s, _length);
                return s;
            }
        }

        private sealed class Handle
        {
            public Handle(int access, int share)
            {
                Access = access;
                Share = share;
            }

            public int Access { get; private set; }

            public int Share { get; private set; }
        }

        private sealed class Reader : IFileReader
        {
            private readonly FileData _file;
            private readonly Handle _handle;
            private readonly MemoryReader _reader;

            public Reader(FileData file, Handle handle)
            {
                _file = file;
                _handle = handle;
                _reader = new MemoryReader(file.Snapshot());
            }

            public long Length { get { return _reader.Length; } }

            public int Read(byte[] buffer, int offset, int count)
            {
                return _reader.Read(buffer, offset, count);
            }

            public void Seek(long position)
            {
                _reader.Seek(position);
            }

            public void Close()
            {
                _file.Opens.Remove(_handle);
                _reader.Close();
            }
        }

        private sealed class Writer : IFileWriter
        {
            private readonly MemoryFileStore _store;
            private readonly FileData _file;
            private readonly Handle _handle;

            public Writer(MemoryFileStore store, FileData file, Handle handle)
            {
                _store = store;
                _file = file;
                _handle = handle;
            }

            public long Length { get { return _file.Length; } }

            public void Write(byte[] buffer, int offset, int count)
            {
                try
                {
                    _store.Step();
                }
                catch (StoreException)
                {
                    if (_store.TornBytes > 0)
                    {
                        // A torn program: part of the write reached flash, and counts as durable.
                        int kept = count < _store.TornBytes ? count : _store.TornBytes;
                        byte[] torn = new byte[kept];
                        Array.Copy(buffer, offset, torn, 0, kept);
                        if (_store.TornGarbage)
                        {
                            for (int i = 0; i < kept; i++)
                            {
                                torn[i] = (byte)(torn[(i * 7) % kept] ^ 0xA5);
                            }
                        }

                        _file.Append(torn, 0, kept);
                        _file.Flush();
                    }

                    throw;
                }

                if (_store._capacity != long.MaxValue && _store.Room() < _store.Allocated(_file.Length + count) - _store.Allocated(_file.Length))
                {
                    throw _store.NoRoom();
                }

                _file.Append(buffer, offset, count);
                _store.BytesWritten += count;
            }

            public void Flush()
            {
                _store.Step();
                _file.Flush();
            }

            public void Close()
            {
                _file.Opens.Remove(_handle);
            }
        }
    }
}
