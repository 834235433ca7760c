#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Dns;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1035
{
    /// <summary>RFC 1035 §3.1 names and §4.1.4 compression: every walk bounded, loops refused.</summary>
    [TestClass]
    public class Section4_1_4_MessageCompression
    {
        [TestMethod]
        public void Name_IsWrittenAsLabels_AndReadBack()
        {
            byte[] b = new byte[64];
            int n = DnsName.Encode("mx1.Example.com.", b, 0);
            Assert.AreEqual(17, n);
            Assert.AreEqual(3, (int)b[0]);
            Assert.AreEqual(0, (int)b[16]);
            Assert.AreEqual("mx1.Example.com", DnsName.Decode(b, n, 0));
            Assert.AreEqual(n, DnsName.Skip(b, n, 0));
        }

        [TestMethod]
        public void RootName_IsOneZeroOctet()
        {
            byte[] b = new byte[4];
            Assert.AreEqual(1, DnsName.Encode(".", b, 0));
            Assert.AreEqual(1, DnsName.Encode("", b, 0));
            Assert.AreEqual("", DnsName.Decode(b, 1, 0));
        }

        [TestMethod]
        public void LabelOver63_OrEmptyLabel_OrNameOver255_IsRefused()
        {
            byte[] b = new byte[600];
            string l64 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
            Assert.AreEqual(-1, DnsName.Encode(l64 + ".example", b, 0));
            Assert.AreEqual(-1, DnsName.Encode("a..example", b, 0));
            string l63 = l64.Substring(1);
            Assert.AreEqual(-1, DnsName.Encode(l63 + "." + l63 + "." + l63 + "." + l63 + ".x", b, 0));
            Assert.AreEqual(255, DnsName.Encode(l63 + "." + l63 + "." + l63 + "." + l63.Substring(2), b, 0));
        }

        [TestMethod]
        public void Compare_IgnoresAsciiCase_AndFollowsPointers()
        {
            // "example.com" at 0, then "MX.EXAMPLE.COM" as "mx" + pointer to 0.
            DnsPacket p = DnsPacket.Raw(new byte[0]).Name("example.com").Octet(2).Octet('M').Octet('X').Pointer(0);
            byte[] m = p.ToArray();
            byte[] q = new byte[32];
            int n = DnsName.Encode("mx.EXAMPLE.com", q, 0);
            Assert.AreEqual(1, DnsName.Compare(m, m.Length, 13, q, n, 0));
            Assert.AreEqual("MX.example.com", DnsName.Decode(m, m.Length, 13));
            n = DnsName.Encode("mx.example.org", q, 0);
            Assert.AreEqual(0, DnsName.Compare(m, m.Length, 13, q, n, 0));
        }

        [TestMethod]
        public void PointerToItself_IsRefused()
        {
            byte[] m = new byte[] { 1, (byte)'a', 0xC0, 2 };
            Assert.IsNull(DnsName.Decode(m, m.Length, 0));
            Assert.AreEqual(-1, DnsName.Compare(m, m.Length, 0, m, m.Length, 0));
        }

        [TestMethod]
        public void ForwardPointer_IsRefused()
        {
            byte[] m = new byte[] { 0xC0, 2, 1, (byte)'a', 0 };
            Assert.IsNull(DnsName.Decode(m, m.Length, 0));
            Assert.AreEqual(4, DnsName.Skip(new byte[] { 0, 0, 0xC0, 0 }, 4, 2));
        }

        [TestMethod]
        public void LoopThroughLabelsAndBackwardPointers_EndsAsMalformed()
        {
            // At 0: label "a", pointer to 4 is forward (refused); build a loop that only uses
            // backward pointers: 0: 1 'a' C0 06 ... is forward. Instead: a label whose octets
            // contain a pointer back to the label's own start.
            // 0: 0x03 'x' 0xC0 0x00  -> label "x\xC0\0"? A 3-octet label spans the pointer bytes;
            // 4: 0xC0 0x00 -> back to 0, which reads the same label again, for ever.
            byte[] m = new byte[] { 3, (byte)'x', 0xC0, 0x00, 0xC0, 0x00 };
            Assert.IsNull(DnsName.Decode(m, m.Length, 4));
            Assert.AreEqual(-1, DnsName.Compare(m, m.Length, 4, m, m.Length, 4));
        }

        [TestMethod]
        public void LabelRunningPastTheMessage_IsRefused()
        {
            byte[] m = new byte[] { 5, (byte)'a', (byte)'b' };
            Assert.AreEqual(-1, DnsName.Skip(m, m.Length, 0));
            Assert.IsNull(DnsName.Decode(m, m.Length, 0));
        }

        [TestMethod]
        public void ReservedLabelTypes_AreRefused()
        {
            byte[] m = new byte[] { 0x40, 0 };
            Assert.AreEqual(-1, DnsName.Skip(m, m.Length, 0));
            Assert.IsNull(DnsName.Decode(m, m.Length, 0));
        }

        [TestMethod]
        public void LabelWithADotOrAControlOctet_IsNotAHostName()
        {
            byte[] m = new byte[] { 3, (byte)'a', (byte)'.', (byte)'b', 0 };
            Assert.IsNull(DnsName.Decode(m, m.Length, 0));
            m = new byte[] { 2, (byte)'a', 0, 0 };
            Assert.IsNull(DnsName.Decode(m, m.Length, 0));
        }
    }
}
