using System;
using System.IO;
using System.Threading;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The sink of the hidden `ingress-only` command, a test fixture: tests/interop/30-smtp-ingress.sh
    /// runs the SMTP ingress alone against real clients and compares what it accepted byte for byte,
    /// without a spool or a relay in between (`run` puts accepted mail in the spool through
    /// SpoolIngressSink). Each accepted message becomes two files in one directory, ID.eml (the
    /// content exactly as received, Received header first) and ID.envelope ("from ADDRESS" then one
    /// "to ADDRESS" line per recipient). Both are written as .tmp, flushed to disk (fsync), then
    /// renamed to fresh names, envelope last, so a reader that sees ID.envelope sees a complete ID.eml.
    /// </summary>
    public sealed class SmtpIngressDirectorySink : IIngressSink
    {
        private readonly string _directory;
        private int _sequence;

        public SmtpIngressDirectorySink(string directory)
        {
            _directory = Path.GetFullPath(directory);
            Directory.CreateDirectory(_directory);
        }

        public string DirectoryPath { get { return _directory; } }

        public long FreeBytes
        {
            get
            {
                try
                {
                    return new DriveInfo(_directory).AvailableFreeSpace;
                }
                catch (Exception e) when (e is IOException || e is ArgumentException || e is UnauthorizedAccessException)
                {
                    return -1;
                }
            }
        }

        public IIngressMessage Begin(string reversePath, string[] recipients, int recipientCount)
        {
            string id = DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Environment.ProcessId + "-" + Interlocked.Increment(ref _sequence);
            string[] to = new string[recipientCount];
            Array.Copy(recipients, to, recipientCount);
            return new Message(this, id, reversePath, to);
        }

        private sealed class Message : IIngressMessage
        {
            private readonly SmtpIngressDirectorySink _sink;
            private readonly string _id;
            private readonly string _from;
            private readonly string[] _to;
            private readonly string _tmp;
            private FileStream _content;

            public Message(SmtpIngressDirectorySink sink, string id, string from, string[] to)
            {
                _sink = sink;
                _id = id;
                _from = from;
                _to = to;
                _tmp = Path.Combine(sink._directory, id + ".eml.tmp");
                try
                {
                    _content = new FileStream(_tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536);
                }
                catch (IOException e)
                {
                    throw Wrap(e);
                }
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                try
                {
                    _content.Write(buffer, offset, count);
                }
                catch (IOException e)
                {
                    throw Wrap(e);
                }
            }

            public string Commit()
            {
                string dir = _sink._directory;
                string envelopeTmp = Path.Combine(dir, _id + ".envelope.tmp");
                try
                {
                    _content.Flush(true);
                    _content.Dispose();
                    _content = null;
                    File.Move(_tmp, Path.Combine(dir, _id + ".eml"));
                    using (FileStream env = new FileStream(envelopeTmp, FileMode.CreateNew, FileAccess.Write))
                    using (StreamWriter w = new StreamWriter(env, new System.Text.UTF8Encoding(false)))
                    {
                        w.NewLine = "\n";
                        w.WriteLine("from " + _from);
                        foreach (string r in _to)
                        {
                            w.WriteLine("to " + r);
                        }

                        w.Flush();
                        env.Flush(true);
                    }

                    File.Move(envelopeTmp, Path.Combine(dir, _id + ".envelope"));
                    return _id;
                }
                catch (IOException e)
                {
                    Abort();
                    TryDelete(envelopeTmp);
                    TryDelete(Path.Combine(dir, _id + ".eml"));
                    throw Wrap(e);
                }
            }

            public void Abort()
            {
                if (_content != null)
                {
                    _content.Dispose();
                    _content = null;
                }

                TryDelete(_tmp);
            }

            private static void TryDelete(string path)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // best effort: a leftover .tmp is never read
                }
            }

            private static StoreException Wrap(IOException e)
            {
                // ENOSPC (28) / ERROR_DISK_FULL (112) / ERROR_HANDLE_DISK_FULL (39): the 452 case.
                int code = e.HResult & 0xFFFF;
                return new StoreException(e.Message, e) { IsFull = code == 28 || code == 112 || code == 39 };
            }
        }
    }
}
