namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>
    /// What happens at a transcript's "P:" line while the client waits: "new mail arrives" delivers
    /// <see cref="NewMail"/>; "another client expunges message N" runs a second session that sets
    /// \Deleted on N and expunges; anything else (the client waiting for a reply) does nothing.
    /// </summary>
    public sealed class TranscriptPause : IPauseAction
    {
        private const string Expunges = "another client expunges message ";
        private readonly ImapHarness _h;
        private readonly string[] _pauses;

        public TranscriptPause(ImapHarness h, string[] pauses, string newMail)
        {
            _h = h;
            _pauses = pauses;
            NewMail = newMail;
        }

        public string NewMail { get; private set; }

        public void Run(int pause)
        {
            if (pause >= _pauses.Length)
            {
                return;
            }

            string what = _pauses[pause];
            if (what.IndexOf("new mail arrives") >= 0)
            {
                _h.Add(NewMail);
                return;
            }

            int at = what.IndexOf(Expunges);
            if (at >= 0)
            {
                string n = what.Substring(at + Expunges.Length);
                string other = _h.Run("x1 LOGIN tech secret\nx2 SELECT INBOX\nx3 STORE " + n + " +FLAGS.SILENT (\\Deleted)\nx4 EXPUNGE\nx5 LOGOUT\n");
                if (other.IndexOf("x4 OK EXPUNGE completed") < 0)
                {
                    throw new System.Exception("the other client's EXPUNGE failed: " + other);
                }
            }
        }
    }
}
