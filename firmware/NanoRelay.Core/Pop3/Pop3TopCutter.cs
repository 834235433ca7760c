namespace NanoRelay.Pop3
{
    /// <summary>
    /// Finds where TOP's output ends (RFC 1939 §7: "the headers of the message, the blank line
    /// separating the headers from the body, and then the number of lines of the indicated
    /// message's body"), chunk by chunk over a message being streamed.
    /// </summary>
    public sealed class Pop3TopCutter
    {
        private const byte Cr = 13;
        private const byte Lf = 10;

        private int _bodyLinesLeft;
        private bool _inBody;
        private bool _lineBlank;

        /// <summary>Starts a message; <paramref name="bodyLines"/> -1 means the whole message (RETR).</summary>
        public void Reset(int bodyLines)
        {
            _bodyLinesLeft = bodyLines;
            _inBody = false;
            _lineBlank = true;
            Done = false;
        }

        /// <summary>True once the cut was reached: nothing more of the message is sent.</summary>
        public bool Done { get; private set; }

        /// <summary>How many of the <paramref name="count"/> bytes belong to the output.</summary>
        public int Take(byte[] buffer, int offset, int count)
        {
            if (_bodyLinesLeft < 0 || Done)
            {
                return Done ? 0 : count;
            }

            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                if (!_inBody)
                {
                    if (b == Lf)
                    {
                        if (_lineBlank)
                        {
                            _inBody = true;
                            if (_bodyLinesLeft == 0)
                            {
                                Done = true;
                                return i + 1;
                            }
                        }

                        _lineBlank = true;
                    }
                    else if (b != Cr)
                    {
                        _lineBlank = false;
                    }
                }
                else if (b == Lf)
                {
                    _bodyLinesLeft--;
                    if (_bodyLinesLeft == 0)
                    {
                        Done = true;
                        return i + 1;
                    }
                }
            }

            return count;
        }
    }
}
