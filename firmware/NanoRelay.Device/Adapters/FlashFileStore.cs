using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// The spool's files in one folder of I:\ (LittleFS) or D:\ (SD card). It keeps no budget of its
    /// own: the drive cannot report free space (nanoFramework's LittleFS driver returns -1), so the
    /// core's BlockBudgetStore, wrapped around this one, counts blocks and files. Sharing follows
    /// nanoFramework's FileSystemManager: readers open with FileShare.ReadWrite so a second reader,
    /// or a reader beside the writer, is allowed; Length reads the directory entry (FileInfo) and
    /// opens nothing; Delete (File.Delete) fails while the file is open anywhere.
    /// </summary>
    public sealed class FlashFileStore : IFileStore
    {
        private readonly string _folder;

        /// <summary>A store in <paramref name="folder"/> (e.g. "I:\\spool"), created if missing.</summary>
        public FlashFileStore(string folder)
        {
            _folder = folder;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        public long FreeBytes { get { return -1; } }

        public IFileWriter Create(string name)
        {
            string path = PathOf(name);
            if (File.Exists(path))
            {
                throw new StoreException("cannot create " + name + ": it exists");
            }

            try
            {
                return new FlashFileWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write), name);
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
                return new FlashFileReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
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
            return File.Exists(path) ? new FileInfo(path).Length : -1;
        }

        public bool Delete(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return false;
            }

            try
            {
                File.Delete(path);
            }
            catch (IOException e)
            {
                throw new StoreException("cannot delete " + name + ": " + e.Message, e);
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

        private string PathOf(string name)
        {
            return _folder + "\\" + name;
        }
    }
}
