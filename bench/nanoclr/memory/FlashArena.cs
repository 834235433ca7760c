namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// The RAM the test doubles use in place of what the device has outside its managed heap: the
    /// pages of <see cref="GeneratedFileStore"/> (flash on the device) and the buffers of the
    /// upstream server double (<see cref="SinkUpstream"/>: another machine). Made once, first thing
    /// in Main, before the heap at Main is measured, so none of it counts against the relay; run.sh
    /// gives the board's run a heap larger by exactly what it takes (it is part of what Main finds
    /// taken; the bench reports it as "test-arena"). Nothing of the relay's own memory lives here.
    /// </summary>
    public sealed class FlashArena
    {
        /// <summary>The store's page: files grow and are freed in these steps.</summary>
        public const int PageBytes = 256;

        /// <summary>Pages of the store: room for everything the scenario keeps in files at once (records, header blocks, alerts).</summary>
        public const int Pages = 64;

        private readonly object _sync = new object();
        private int _free;       // first free page, -1 when none
        private int _used;

        public FlashArena()
        {
            Store = new byte[Pages * PageBytes];
            Next = new int[Pages];
            Scratch = new byte[GeneratedBody.LineBytes * 4];
            SinkOut = new byte[512];
            SinkLine = new byte[600];
            for (int i = 0; i < Pages; i++)
            {
                Next[i] = i + 1 < Pages ? i + 1 : -1;
            }

            _free = 0;
        }

        /// <summary>Pages in use, as bytes (what the files hold; flash on the device).</summary>
        public long UsedBytes { get { return (long)_used * PageBytes; } }

        /// <summary>A free page (its successor -1); throws when the arena is full.</summary>
        public int Take()
        {
            lock (_sync)
            {
                if (_free < 0)
                {
                    throw new NanoRelay.Ports.StoreException("the test store's arena is full (" + Pages + " pages)");
                }

                int page = _free;
                _free = Next[page];
                Next[page] = -1;
                _used++;
                return page;
            }
        }

        /// <summary>Gives back a file's chain of pages from <paramref name="first"/> on.</summary>
        public void Give(int first)
        {
            lock (_sync)
            {
                while (first >= 0)
                {
                    int next = Next[first];
                    Next[first] = _free;
                    _free = first;
                    _used--;
                    first = next;
                }
            }
        }

        /// <summary>The store's pages, one after the other.</summary>
        public byte[] Store { get; private set; }

        /// <summary>Each page's successor in its file or in the free list (-1: none).</summary>
        public int[] Next { get; private set; }

        /// <summary>Where written body octets are compared with the generator (under the store's lock).</summary>
        public byte[] Scratch { get; private set; }

        /// <summary>The upstream double's replies to send and the command line it reads (one upstream session at a time).</summary>
        public byte[] SinkOut { get; private set; }

        public byte[] SinkLine { get; private set; }
    }
}
