#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;
using NanoRelay.Storage;

namespace NanoRelay.Core.Tests.Storage
{
    /// <summary>The CRC-32 check values every implementation publishes (the "123456789" catalogue value).</summary>
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValue_Of123456789_IsCbf43926()
        {
            byte[] b = Ascii.Bytes("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(b, 0, b.Length));
        }

        [TestMethod]
        public void EmptyInput_IsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void AnySplit_GivesTheSameValue()
        {
            byte[] b = Ascii.Bytes("The quick brown fox jumps over the lazy dog");
            uint whole = Crc32.Compute(b, 0, b.Length);
            Assert.AreEqual(0x414FA339u, whole);
            for (int split = 0; split <= b.Length; split++)
            {
                Crc32 c = new Crc32();
                c.Update(b, 0, split);
                c.Update(b, split, b.Length - split);
                Assert.AreEqual(whole, c.Value);
            }
        }
    }
}
