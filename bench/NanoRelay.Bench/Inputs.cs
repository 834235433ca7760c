namespace NanoRelay.Bench
{
    /// <summary>
    /// The inputs every benchmark works on, built deterministically: 1 MiB on .NET (BenchmarkDotNet), and the same
    /// bytes cut at 256 KiB on the nanoCLR (bench/nanoclr links this file; it uses nothing nanoFramework lacks).
    /// </summary>
    public static class Inputs
    {
        /// <summary>Bytes per benchmark operation on .NET; the MB/s column divides by the mean time.</summary>
        public const int Size = 1 << 20;

        private static readonly string[] s_smtp =
        {
            "EHLO client.example.org\r\n",
            "250-relay.example.net Hello client.example.org\r\n",
            "250-PIPELINING\r\n",
            "250-SIZE 10485760\r\n",
            "250 8BITMIME\r\n",
            "MAIL FROM:<sensor-7@greenhouse.example.org> SIZE=2048\r\n",
            "250 2.1.0 Ok\r\n",
            "RCPT TO:<ops@example.com>\r\n",
            "250 2.1.5 Ok\r\n",
            "DATA\r\n",
            "354 End data with <CR><LF>.<CR><LF>\r\n",
            "250 2.0.0 Ok: queued as 4Xz9Q1k2\r\n",
            "QUIT\r\n",
            "221 2.0.0 Bye\r\n",
        };

        private static readonly string[] s_pop3 =
        {
            "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n",
            "+OK 2 messages (320 octets)\r\n",
            "1 120\r\n",
            "2 200\r\n",
            ".\r\n",
            "+OK 1 whqtswO00WBw418f9t5JxYwZ\r\n",
            "+OK message follows\r\n",
            "Subject: temperature alert: greenhouse 1 at 41.5 C\r\n",
            "-ERR no such message\r\n",
        };

        // 201 characters (prime to 70, so the lines start at every offset); no dot anywhere in it.
        private static readonly string s_prose =
            "Greenhouse 1 reports 41 C at 14:02; the vents are open and the pump runs at full speed, " +
            "readings of the last hour follow in degrees Celsius; the limit is 40 C and the alarm stays raised " +
            "while it holds ";

        private static readonly string[] s_message =
        {
            "From: Greenhouse 1 <sensor-7@greenhouse.example.org>\r\n",
            "To: ops@example.com\r\n",
            "Subject: temperature alert\r\n",
            "\r\n",
            "The temperature in greenhouse 1 reached 41.5 C at 14:02 and stays above the limit.\r\n",
            "Readings of the last hour follow, one a minute, in degrees Celsius, comma separated.\r\n",
            "38.1,38.4,38.9,39.3,39.8,40.2,40.6,41.0,41.2,41.5,41.5,41.4,41.5,41.6,41.5,41.5\r\n",
            ".. a line that starts with a dot, as a signature separator might\r\n",
            "-- \r\n",
            "nanoRelay on an ESP32\r\n",
        };

#if !NANOFRAMEWORK
        public static readonly byte[] SmtpLines = Smtp(Size);
        public static readonly byte[] Pop3Lines = Pop3(Size);
        public static readonly byte[] MessageText = Message(Size);
        public static readonly byte[] MessageWithoutDots = MessageNoDots(Size);
        public static readonly byte[] Lines70 = Text70(Size);
#endif

        /// <summary>SMTP commands and replies.</summary>
        public static byte[] Smtp(int size)
        {
            return Build(s_smtp, size);
        }

        /// <summary>POP3 responses.</summary>
        public static byte[] Pop3(int size)
        {
            return Build(s_pop3, size);
        }

        /// <summary>Message text, one line starting with a dot in ten.</summary>
        public static byte[] Message(int size)
        {
            return Build(s_message, size);
        }

        /// <summary>Message text with no line starting with a dot.</summary>
        public static byte[] MessageNoDots(int size)
        {
            return Build(new string[] { s_message[4], s_message[5], s_message[6], s_message[9] }, size);
        }

        /// <summary>
        /// The input issue 15 states its nanoCLR figures for: lines of 70 characters of text, each ended by CRLF
        /// (72 octets), cut from <see cref="s_prose"/> so no line starts with a dot.
        /// </summary>
        public static byte[] Text70(int size)
        {
            byte[] b = new byte[size];
            int n = 0;
            int at = 0;
            while (n < size)
            {
                for (int k = 0; k < 70 && n < size; k++)
                {
                    b[n++] = (byte)s_prose[at];
                    at = (at + 1) % s_prose.Length;
                }

                if (n < size)
                {
                    b[n++] = 13;
                }

                if (n < size)
                {
                    b[n++] = 10;
                }
            }

            return b;
        }

        private static byte[] Build(string[] lines, int size)
        {
            byte[] b = new byte[size];
            int n = 0;
            int i = 0;
            while (n < size)
            {
                string line = lines[i++ % lines.Length];
                for (int k = 0; k < line.Length && n < size; k++)
                {
                    b[n++] = (byte)line[k];
                }
            }

            return b;
        }
    }
}
