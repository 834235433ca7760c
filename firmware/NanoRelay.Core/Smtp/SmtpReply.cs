using NanoRelay.Framing;

namespace NanoRelay.Smtp
{
    /// <summary>
    /// One validated reply (RFC 5321 §4.2): its code, its enhanced status (RFC 3463) when the
    /// server gave one, and the text of its first line. Reused for every reply of a session.
    /// </summary>
    public sealed class SmtpReply
    {
        private readonly byte[] _text = new byte[Limits.SmtpReplyLine];
        private int _textLength;

        /// <summary>The three-digit code.</summary>
        public int Code { get; private set; }

        /// <summary>How many lines the reply had.</summary>
        public int LineCount { get; private set; }

        /// <summary>The enhanced status class (2, 4 or 5), or 0 when the first line carried none.</summary>
        public int StatusClass { get; private set; }

        /// <summary>The enhanced status subject, or -1.</summary>
        public int StatusSubject { get; private set; }

        /// <summary>The enhanced status detail, or -1.</summary>
        public int StatusDetail { get; private set; }

        /// <summary>The first line's text after the code and separator (enhanced status included).</summary>
        public byte[] TextBuffer { get { return _text; } }

        public int TextLength { get { return _textLength; } }

        /// <summary>RFC 5321 §4.2.1: 2yz.</summary>
        public bool IsPositiveCompletion { get { return Code >= 200 && Code < 300; } }

        /// <summary>RFC 5321 §4.2.1: 3yz.</summary>
        public bool IsPositiveIntermediate { get { return Code >= 300 && Code < 400; } }

        /// <summary>RFC 5321 §4.2.1: 4yz.</summary>
        public bool IsTransient { get { return Code >= 400 && Code < 500; } }

        /// <summary>RFC 5321 §4.2.1: 5yz.</summary>
        public bool IsPermanent { get { return Code >= 500 && Code < 600; } }

        /// <summary>The first line as the server sent it, e.g. "535 5.7.8 Authentication failed" (for logs and outcomes).</summary>
        public override string ToString()
        {
            string code = Code.ToString();
            return _textLength == 0 ? code : code + " " + Utf8.GetString(_text, 0, _textLength);
        }

        internal void Begin(int code)
        {
            Code = code;
            LineCount = 0;
            StatusClass = 0;
            StatusSubject = -1;
            StatusDetail = -1;
            _textLength = 0;
        }

        internal void AddLine(byte[] line, int textOffset, int textCount)
        {
            if (LineCount == 0)
            {
                int n = textCount < _text.Length ? textCount : _text.Length;
                System.Array.Copy(line, textOffset, _text, 0, n);
                _textLength = n;
                ParseEnhancedStatus();
            }

            LineCount++;
        }

        // RFC 3463 §2: status-code = class "." subject "." detail; class is 2, 4 or 5 and RFC 2034
        // §4 puts it first in the text, matching the reply code's first digit.
        private void ParseEnhancedStatus()
        {
            int i = 0;
            int cls = Number(ref i, 1);
            if (cls < 2 || cls > 5 || cls == 3 || cls != Code / 100 || !Dot(ref i))
            {
                return;
            }

            int subject = Number(ref i, 3);
            if (subject < 0 || !Dot(ref i))
            {
                return;
            }

            int detail = Number(ref i, 3);
            if (detail < 0 || (i < _textLength && _text[i] != (byte)' '))
            {
                return;
            }

            StatusClass = cls;
            StatusSubject = subject;
            StatusDetail = detail;
        }

        private int Number(ref int i, int maxDigits)
        {
            int start = i;
            int v = 0;
            while (i < _textLength && i - start < maxDigits && Ascii.IsDigit(_text[i]))
            {
                v = (v * 10) + (_text[i] - '0');
                i++;
            }

            return i == start || (i < _textLength && Ascii.IsDigit(_text[i])) ? -1 : v;
        }

        private bool Dot(ref int i)
        {
            if (i < _textLength && _text[i] == (byte)'.')
            {
                i++;
                return true;
            }

            return false;
        }
    }
}
