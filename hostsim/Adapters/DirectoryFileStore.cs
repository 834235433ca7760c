using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>The file store as one directory on disk. Flush is fsync (FileStream.Flush(true)).</summary>
    public sealed class DirectoryFileStore : IFileStore
    {
        private readonly string _root;
        private readonly long _maxBytes;

        /// <summary>A store in <paramref name="root"/> (created if missing), bounded to <paramref name="maxBytes"/> (0: unbounded).</summary>
        public DirectoryFileStore(string root, long maxBytes)
        {
            _root = Path.GetFullPath(root);
            _maxBytes = maxBytes;
            Directory.CreateDirectory(_root);
        }

        public string Root { get { return _root; } }

        public long FreeBytes
        {
            get
            {
                if (_maxBytes <= 0)
                {
                    return -1;
                }

                long used = 0;
                foreach (FileInfo f in new DirectoryInfo(_root).GetFiles())
                {
                    used += f.Length;
                }

                return Math.Max(0, _maxBytes - used);
            }
        }

        public IFileWriter Create(string name)
        {
            try
            {
                return new Writer(new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096), this);
            }
            catch (IOException e)
            {
                throw new StoreException("cannot create " + name + ": " + e.Message, e);
            }
        }

        public IFileReader OpenRead(string name)
        {
            try
            {
                return new Reader(new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096));
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (IOException e)
            {
                throw new StoreException("cannot read " + name + ": " + e.Message, e);
            }
        }

        public bool Exists(string name)
        {
            return File.Exists(PathOf(name));
        }

        public long Length(string name)
        {
            FileInfo f = new FileInfo(PathOf(name));
            return f.Exists ? f.Length : -1;
        }

        public bool Delete(string name)
        {
            string p = PathOf(name);
            if (!File.Exists(p))
            {
                return false;
            }

            File.Delete(p);
            return true;
        }

        public string[] List(string prefix)
        {
            string[] paths = Directory.GetFiles(_root, prefix + "*");
            for (int i = 0; i < paths.Length; i++)
            {
                paths[i] = Path.GetFileName(paths[i]);
            }

            return paths;
        }

        private string PathOf(string name)
        {
            if (name.Length == 0 || name.IndexOfAny(new[] { '/', '\\', ':' }) >= 0 || name == "." || name == "..")
            {
                throw new StoreException("bad file name '" + name + "'");
            }

            return Path.Combine(_root, name);
        }

        private sealed class Writer : IFileWriter
        {
            private readonly FileStream _file;
            private readonly DirectoryFileStore _store;

            public Writer(FileStream file, DirectoryFileStore store)
            {
                _file = file;
                _store = store;
            }

            public long Length { get { return _file.Length; } }

            public void Write(byte[] buffer, int offset, int count)
            {
                if (_store._maxBytes > 0 && _store.FreeBytes < count)
                {
                    throw new StoreException("store full") { IsFull = true };
                }

                try
                {
                    _file.Write(buffer, offset, count);
                }
                catch (IOException e)
                {
                    throw new StoreException("write failed: " + e.Message, e) { IsFull = true };
                }
            }

            public void Flush()
            {
                _file.Flush(true);
            }

            public void Close()
            {
                _file.Dispose();
            }
        }

        private sealed class Reader : IFileReader
        {
            private readonly FileStream _file;

            public Reader(FileStream file)
            {
                _file = file;
            }

            public long Length { get { return _file.Length; } }

            public int Read(byte[] buffer, int offset, int count)
            {
                return _file.Read(buffer, offset, count);
            }

            public void Seek(long position)
            {
                _file.Position = position;
            }

            public void Close()
            {
                _file.Dispose();
            }
        }
    }
}
