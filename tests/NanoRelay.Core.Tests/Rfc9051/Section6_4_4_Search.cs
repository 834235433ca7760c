#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>RFC 9051 §6.4.4 SEARCH keys and §7.3.4 ESEARCH results (RETURN, and after ENABLE IMAP4rev2).</summary>
    [TestClass]
    public class Section6_4_4_Search
    {
        /// <summary>Three messages: the alert (204 octets, 25 Nov), the mixed export (26 Nov, 23:59), the digest (27 Nov, 00:00).</summary>
        internal static ImapHarness ThreeMessages()
        {
            ImapHarness h = new ImapHarness();
            At(h, 25, 10, 0);
            h.Add(Section6_Commands.Alert);
            At(h, 26, 23, 59);
            h.Add(Section6_4_5_FetchStructure.Mixed);
            At(h, 27, 0, 0);
            h.Add(Section6_4_5_FetchStructure.Digest);
            return h;
        }

        private static void At(ImapHarness h, int day, int hour, int minute)
        {
#if NANOFRAMEWORK
            h.Clock.SetUtc(new DateTime(2026, 11, day, hour, minute, 0), true);
#else
            h.Clock.SetUtc(new DateTime(2026, 11, day, hour, minute, 0, DateTimeKind.Utc), true);
#endif
        }

        [TestMethod]
        public void Dates_InternalDateAndSentDate_IgnoringTheTime()
        {
            ImapHarness h = ThreeMessages();
            string s = h.Selected("c SEARCH SINCE 26-Nov-2026\nd SEARCH BEFORE 26-Nov-2026\ne SEARCH ON 26-Nov-2026\nf SEARCH ON 29-Feb-2028\ng SEARCH SINCE 31-Feb-2026\nh SEARCH SENTBEFORE 1-Jan-2000\ni SEARCH SENTON 26-Nov-2026\nj SEARCH SENTSINCE 27-NOV-2026\nk SEARCH OR SENTON 17-Jul-1996 SENTON \"27-Nov-2026\"\nz LOGOUT\n");
            Assert.AreEqual(
                "* SEARCH 2 3\r\nc OK SEARCH completed\r\n"
                + "* SEARCH 1\r\nd OK SEARCH completed\r\n"
                + "* SEARCH 2\r\ne OK SEARCH completed\r\n"
                + "* SEARCH\r\nf OK SEARCH completed\r\n"
                + "g BAD Unknown or malformed search key.\r\n"
                + "* SEARCH 1\r\nh OK SEARCH completed\r\n"
                + "* SEARCH 2\r\ni OK SEARCH completed\r\n"
                + "* SEARCH 3\r\nj OK SEARCH completed\r\n"
                + "* SEARCH 1 3\r\nk OK SEARCH completed\r\n"
                + Adversarial.Bye,
                s);
        }

        [TestMethod]
        public void OrNotSizesAndUidSets()
        {
            ImapHarness h = ThreeMessages();
            string s = h.Selected("c SEARCH OR ON 25-Nov-2026 ON 27-Nov-2026\nd SEARCH NOT ON 26-Nov-2026\ne SEARCH LARGER 204\nf SEARCH SMALLER 205\ng SEARCH UID 2:*\nh UID SEARCH UID 1,3\ni SEARCH NOT (OR SMALLER 205 UID 3)\nj SEARCH 2:3 NOT 3\nz LOGOUT\n");
            Assert.AreEqual(
                "* SEARCH 1 3\r\nc OK SEARCH completed\r\n"
                + "* SEARCH 1 3\r\nd OK SEARCH completed\r\n"
                + "* SEARCH 2 3\r\ne OK SEARCH completed\r\n"
                + "* SEARCH 1\r\nf OK SEARCH completed\r\n"
                + "* SEARCH 2 3\r\ng OK SEARCH completed\r\n"
                + "* SEARCH 1 3\r\nh OK SEARCH completed\r\n"
                + "* SEARCH 2\r\ni OK SEARCH completed\r\n"
                + "* SEARCH 2\r\nj OK SEARCH completed\r\n"
                + Adversarial.Bye,
                s);
        }

        [TestMethod]
        public void HeaderBodyAndAddressSubstrings_CaseInsensitive()
        {
            ImapHarness h = ThreeMessages();
            string s = h.Selected("c SEARCH HEADER Message-ID d1@\nd SEARCH HEADER subject \"LOG EXPORT\"\ne SEARCH BODY \"could not be DELIVERED\"\nf SEARCH BODY boiler\ng SEARCH FROM greenhouse\nh SEARCH SUBJECT temperature\ni SEARCH TO OPS\nj SEARCH TEXT front-door\nk SEARCH BODY Subject:\nz LOGOUT\n");
            Assert.AreEqual(
                "* SEARCH 3\r\nc OK SEARCH completed\r\n"
                + "* SEARCH 2\r\nd OK SEARCH completed\r\n"
                + "* SEARCH 2\r\ne OK SEARCH completed\r\n"
                + "* SEARCH 1\r\nf OK SEARCH completed\r\n"
                + "* SEARCH 3\r\ng OK SEARCH completed\r\n"
                + "* SEARCH 1\r\nh OK SEARCH completed\r\n"
                + "* SEARCH 3\r\ni OK SEARCH completed\r\n"
                + "* SEARCH 3\r\nj OK SEARCH completed\r\n"
                + "* SEARCH 2 3\r\nk OK SEARCH completed\r\n"
                + Adversarial.Bye,
                s);
        }

        [TestMethod]
        public void Esearch_ReturnOptions_AndAfterEnableImap4rev2()
        {
            ImapHarness h = ThreeMessages();
            string s = h.Selected("c SEARCH RETURN (MIN MAX COUNT ALL) LARGER 100\nd SEARCH RETURN () NOT ON 26-Nov-2026\ne UID SEARCH RETURN (COUNT MIN) SMALLER 10\nf SEARCH RETURN (MAX) ALL\ng ENABLE IMAP4rev2\nh SEARCH SINCE 26-Nov-2026\ni UID SEARCH BODY nothing-matches\nz LOGOUT\n");
            Assert.AreEqual(
                "* ESEARCH (TAG \"c\") MIN 1 MAX 3 COUNT 3 ALL 1:3\r\nc OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"d\") ALL 1,3\r\nd OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"e\") UID COUNT 0\r\ne OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"f\") MAX 3\r\nf OK SEARCH completed\r\n"
                + "* ENABLED IMAP4rev2\r\ng OK ENABLE completed\r\n"
                + "* ESEARCH (TAG \"h\") ALL 2:3\r\nh OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"i\") UID\r\ni OK SEARCH completed\r\n"
                + Adversarial.Bye,
                s);
        }
    }
}
