#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using NanoRelay.Imap;

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>RFC 9051 §8: the sample connection, replayed from Section8_SampleConnection.txt whole, line by line and byte by byte.</summary>
    [TestClass]
    public class Section8_SampleConnection
    {
        /// <summary>The header of the RFC's message 12, exactly as §8 shows it (342 octets with CRLFs).</summary>
        internal const string Header12 = "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\nFrom: Terry Gray <gray@cac.washington.edu>\nSubject: IMAP4rev2 WG mtg summary and minutes\nTo: imap@cac.washington.edu\ncc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\nMessage-Id: <B27397-0100000@cac.washington.edu>\nMIME-Version: 1.0\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\n\n";

        [TestMethod]
        public void ReplayedWhole_ServerSaysWhatTheTranscriptShows()
        {
            Replay(0);
        }

        [TestMethod]
        public void ReplayedLineByLine_ServerSaysWhatTheTranscriptShows()
        {
            Replay(-1);
        }

        [TestMethod]
        public void ReplayedByteByByte_ServerSaysWhatTheTranscriptShows()
        {
            Replay(1);
        }

        /// <summary>The body of message 12: 92 lines, 3028 octets with their CRLFs (the RFC's BODY numbers).</summary>
        internal static string Body12()
        {
            string body = "";
            for (int i = 1; i <= 91; i++)
            {
                string line = "Minutes, line " + (i < 10 ? "0" : "") + i + ": ";
                while (line.Length < 31)
                {
                    line += ".";
                }

                body += line + "\n";
            }

            return body + "End of the mtg minutes.\n";
        }

        private static void Replay(int chunk)
        {
            ImapHarness h = new ImapHarness();
#if NANOFRAMEWORK
            h.Clock.SetUtc(new DateTime(1996, 7, 17, 9, 44, 25), true);
#else
            h.Clock.SetUtc(new DateTime(1996, 7, 17, 9, 44, 25, DateTimeKind.Utc), true);
#endif
            for (int i = 1; i <= 18; i++)
            {
                h.Add(i == 12 ? Header12 + Body12() : Section6_Commands.Alert);
            }

            ImapMessage[] all = h.Mailbox.Messages();
            Assert.AreEqual(342 + 3028, (int)all[11].Size);
            h.Mailbox.SetFlags(all[11], ImapFlags.Seen);

            string s = h.Replay("Rfc9051/Section8_SampleConnection.txt", null, false, chunk);
            Assert.AreEqual(h.Expected, s);
            Assert.IsTrue(h.Closed);
            Assert.AreEqual(ImapFlags.Seen | ImapFlags.Deleted, h.Mailbox.Messages()[11].Flags);
        }
    }
}
