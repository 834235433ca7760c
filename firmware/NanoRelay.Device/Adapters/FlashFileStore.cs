using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// The spool's file store in one folder of I:\ (LittleFS) or D:\ (SD card), bounded to the board's
    /// spool.maxBytes. The drive cannot report free space (DriveInfo has TotalSize only, facts §2.3),
    /// so the store counts the bytes it holds and refuses writes past its budget as "full".
    /// </summary>
    public sealed class FlashFileStore : IFileStore
    {
        private readonly object _lock = new object();
        private readonly string _folder;
        private readonly long _maxBytes;
        private long _usedBytes;

        /// <summary>A store in <paramref name="folder"/> (e.g. "I:\\spool"), created if missing.</summary>
        public FlashFileStore(string folder, long maxBytes)
        {
            _folder = folder;
            _maxBytes = maxBytes;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }

            string[] files = Directory.GetFiles(folder);
            for (int i = 0; i < files.Length; i++)
            {
                _usedBytes += LengthOfPath(files[i]);
            }
        }

        public long FreeBytes
        {
            get
            {
                lock (_lock)
                {
                    return _usedBytes >= _maxBytes ? 0 : _maxBytes - _usedBytes;
                }
            }
        }

        public IFileWriter Create(string name)
        {
            string path = PathOf(name);
            if (File.Exists(path))
            {
                throw new StoreException("cannot create " + name + ": it exists");
            }

            try
            {
                return new FlashFileWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write), this, name);
            }
            catch (IOException e)
            {
                throw new StoreException("cannot create " + name + ": " + e.Message, e);
            }
        }

        public IFileReader OpenRead(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                return new FlashFileReader(new FileStream(path, FileMode.Open, FileAccess.Read));
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
            string path = PathOf(name);
            return File.Exists(path) ? LengthOfPath(path) : -1;
        }

        public bool Delete(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return false;
            }

            long length = LengthOfPath(path);
            try
            {
                File.Delete(path);
            }
            catch (IOException e)
            {
                throw new StoreException("cannot delete " + name + ": " + e.Message, e);
            }

            lock (_lock)
            {
                _usedBytes = _usedBytes > length ? _usedBytes - length : 0;
            }

            return true;
        }

        public string[] List(string prefix)
        {
            string[] files = Directory.GetFiles(_folder);
            int n = 0;
            for (int i = 0; i < files.Length; i++)
            {
                string name = Path.GetFileName(files[i]);
                if (name.StartsWith(prefix))
                {
                    files[n++] = name;
                }
            }

            string[] result = new string[n];
            Array.Copy(files, result, n);
            return result;
        }

        /// <summary>Takes <paramref name="count"/> bytes of the budget for a writer; false when the spool is full.</summary>
        internal bool Reserve(int count)
        {
            lock (_lock)
            {
                if (_usedBytes + count > _maxBytes)
                {
                    return false;
                }

                _usedBytes += count;
                return true;
            }
        }

        private string PathOf(string name)
        {
            return _folder + "\\" + name;
        }

        private static long LengthOfPath(string path)
        {
            FileStream f = new FileStream(path, FileMode.Open, FileAccess.Read);
            try
            {
                return f.Length;
            }
            finally
            {
                f.Close();
            }
        }
    }
}
