using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>
    /// The file store as one directory on disk. Flush is fsync (FileStream.Flush(true)); the first
    /// flush of a new file also fsyncs the directory, because on POSIX file systems a new name is
    /// durable only once its directory is (fsync(2): "an explicit fsync() on a file descriptor for
    /// the directory is also needed"). Without it a power cut could lose a flushed, committed file.
    /// The bytes its files take are counted once, when it is opened, and then kept by every write
    /// and delete, so neither a write nor <see cref="FreeBytes"/> walks the directory.
    /// </summary>
    public sealed class DirectoryFileStore : IFileStore
    {
        private readonly string _root;
        private readonly long _maxBytes;
        private int _directorySyncs;
        private long _usedBytes;

        /// <summary>A store in <paramref name="root"/> (created if missing), bounded to <paramref name="maxBytes"/> (0: unbounded).</summary>
        public DirectoryFileStore(string root, long maxBytes)
        {
            _root = Path.GetFullPath(root);
            _maxBytes = maxBytes;
            Directory.CreateDirectory(_root);
            foreach (FileInfo f in new DirectoryInfo(_root).GetFiles())
            {
                _usedBytes += f.Length;
            }
        }

        /// <summary>Bytes of the files as this store counts them (the directory's at opening, plus writes, less deletes).</summary>
        public long UsedBytes { get { return Interlocked.Read(ref _usedBytes); } }

        public string Root { get { return _root; } }

        /// <summary>How many times the directory was fsynced (once per new file, at its first flush).</summary>
        public int DirectorySyncs { get { return Volatile.Read(ref _directorySyncs); } }

        public long FreeBytes
        {
            get
            {
                if (_maxBytes <= 0)
                {
                    return -1;
                }

                return Math.Max(0, _maxBytes - UsedBytes);
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
            FileInfo f = new FileInfo(PathOf(name));
            if (!f.Exists)
            {
                return false;
            }

            long length = f.Length;
            f.Delete();
            Interlocked.Add(ref _usedBytes, -length);
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

        // POSIX: open the directory read-only and fsync it. Windows has no such call (NTFS journals
        // its metadata, and FlushFileBuffers on a directory needs backup privileges): counted only.
        private void SyncDirectory()
        {
            if (!OperatingSystem.IsWindows())
            {
                int fd = open(_root, 0);
                if (fd < 0)
                {
                    throw new StoreException("cannot open directory " + _root + " to sync it: errno " + Marshal.GetLastPInvokeError());
                }

                try
                {
                    if (fsync(fd) != 0)
                    {
                        throw new StoreException("cannot sync directory " + _root + ": errno " + Marshal.GetLastPInvokeError());
                    }
                }
                finally
                {
                    close(fd);
                }
            }

            Interlocked.Increment(ref _directorySyncs);
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int fd);

        [DllImport("libc")]
        private static extern int close(int fd);

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
            private bool _nameDurable;

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

                Interlocked.Add(ref _store._usedBytes, count);
            }

            public void Flush()
            {
                _file.Flush(true);
                if (!_nameDurable)
                {
                    _store.SyncDirectory();
                    _nameDurable = true;
                }
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
