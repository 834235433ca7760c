using System.Collections;

namespace NanoRelay.Storage
{
    /// <summary>What <see cref="MessageStore.Recover"/> found: entries kept, orphans removed, entries quarantined.</summary>
    public sealed class RecoveryReport
    {
        private readonly ArrayList _quarantined = new ArrayList();

        /// <summary>Committed entries that passed every check.</summary>
        public int Recovered { get; internal set; }

        /// <summary>Uncommitted leftovers deleted (content without a commit record, stale state files).</summary>
        public int OrphansRemoved { get; internal set; }

        /// <summary>Entries newly quarantined by this recovery.</summary>
        public int NewlyQuarantined { get; internal set; }

        /// <summary>All quarantined entries now in the store.</summary>
        public QuarantinedEntry[] Quarantined
        {
            get { return (QuarantinedEntry[])_quarantined.ToArray(typeof(QuarantinedEntry)); }
        }

        internal void RemoveOldestQuarantined(int count)
        {
            for (int i = 0; i < count; i++)
            {
                _quarantined.RemoveAt(0);
            }
        }

        internal void AddQuarantined(QuarantinedEntry q)
        {
            _quarantined.Add(q);
        }
    }
}
