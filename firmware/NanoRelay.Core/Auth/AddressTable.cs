namespace NanoRelay.Auth
{
    /// <summary>
    /// A fixed table of client addresses, the memory behind the per-address AUTH penalty and the greeting pause:
    /// each user keeps its own per-slot arrays beside it. When full, a new address takes the slot its user says
    /// is oldest. Not thread-safe: the user holds its own lock.
    /// </summary>
    public sealed class AddressTable
    {
        // object[], not string[]: on nanoFramework an unset slot of a new string[] is not null (it reads as a
        // string with no text, and comparing it crashes the interpreter; tests/nanoclr/repro). An object[] slot is
        // a true null.
        private readonly object[] _addresses;

        /// <summary>A table of <paramref name="size"/> slots.</summary>
        public AddressTable(int size)
        {
            _addresses = new object[size];
        }

        /// <summary>The slot holding <paramref name="address"/>, or -1.</summary>
        public int Find(string address)
        {
            if (address == null)
            {
                return -1;
            }

            for (int i = 0; i < _addresses.Length; i++)
            {
                string known = (string)_addresses[i];
                if (known != null && known == address)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Stores <paramref name="address"/> (not already held) in a free slot, else in the slot whose
        /// <paramref name="ages"/> entry is smallest, and returns that slot.
        /// </summary>
        public int Add(string address, long[] ages)
        {
            int slot = 0;
            for (int i = 0; i < _addresses.Length; i++)
            {
                if (_addresses[i] == null)
                {
                    slot = i;
                    break;
                }

                if (ages[i] < ages[slot])
                {
                    slot = i;
                }
            }

            _addresses[slot] = address;
            return slot;
        }

        /// <summary>Forgets the address in <paramref name="slot"/>.</summary>
        public void Remove(int slot)
        {
            _addresses[slot] = null;
        }
    }
}
