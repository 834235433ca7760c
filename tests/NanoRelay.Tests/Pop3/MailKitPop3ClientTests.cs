using System;
using System.IO;
using System.Linq;
using System.Threading;
using MailKit;
using MailKit.Net.Pop3;
using MailKit.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;

namespace NanoRelay.Tests.Pop3
{
    /// <summary>MailKit's Pop3Client in-process against the host simulator's POP3 service on a loopback port.</summary>
    [TestClass]
    public class MailKitPop3ClientTests
    {
        private static byte[] Serialize(MimeMessage message)
        {
            using MemoryStream m = new MemoryStream();
            message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, m);
            return m.ToArray();
        }

        private static MimeMessage Alert(string subject, byte[] attachment)
        {
            MimeMessage m = new MimeMessage();
            m.From.Add(new MailboxAddress("nanoRelay", "nanorelay@localhost"));
            m.To.Add(new MailboxAddress("Tech", "tech@localhost"));
            m.Subject = subject;
            BodyBuilder b = new BodyBuilder { TextBody = "Temperature 31.5 C above 30.0 C.\n.\n..a line with dots\n" };
            if (attachment != null)
            {
                b.Attachments.Add("readings.bin", attachment, new ContentType("application", "octet-stream"));
            }

            m.Body = b.ToMessageBody();
            return m;
        }

        [TestMethod]
        public void ListUidlTopRetr_OneMegabyteAttachmentByteIdentical_DeleThenQuit()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false);
            byte[] attachment = new byte[1024 * 1024];
            new Random(42).NextBytes(attachment);
            byte[] small = Serialize(Alert("small alert", null));
            byte[] big = Serialize(Alert("big alert", attachment));
            string uidSmall = f.Maildrop.Add(small);
            string uidBig = f.Maildrop.Add(big);

            using (Pop3Client client = new Pop3Client())
            {
                client.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
                client.Authenticate("tech", "secret");
                Assert.AreEqual(2, client.Count);
                CollectionAssert.AreEqual(new[] { small.Length, big.Length }, client.GetMessageSizes().ToArray());
                CollectionAssert.AreEqual(new[] { uidSmall, uidBig }, client.GetMessageUids().ToArray());

                HeaderList headers = client.GetMessageHeaders(1);   // TOP 2 0
                Assert.AreEqual("big alert", headers[HeaderId.Subject]);

                using (Stream raw = client.GetStream(1))
                using (MemoryStream copy = new MemoryStream())
                {
                    raw.CopyTo(copy);
                    CollectionAssert.AreEqual(big, copy.ToArray());
                }

                MimeMessage got = client.GetMessage(1);
                MimePart part = (MimePart)got.Attachments.Single();
                using (MemoryStream content = new MemoryStream())
                {
                    part.Content.DecodeTo(content);
                    CollectionAssert.AreEqual(attachment, content.ToArray());
                }

                client.DeleteMessage(0);
                client.Disconnect(true);   // QUIT: UPDATE
            }

            Assert.AreEqual(1, f.Maildrop.Stored);
            Assert.IsFalse(f.Maildrop.Contains(uidSmall));
            Assert.IsTrue(f.Maildrop.Contains(uidBig));
            WaitUntil(() => !f.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Dele_WithoutQuit_DeletesNothing()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false);
            f.Maildrop.Add(Serialize(Alert("keep", null)));
            using (Pop3Client client = new Pop3Client())
            {
                client.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
                client.Authenticate("tech", "secret");
                client.DeleteMessage(0);
                client.Disconnect(false);   // the socket closes without QUIT
            }

            WaitUntil(() => !f.Maildrop.IsLocked);
            Assert.AreEqual(1, f.Maildrop.Stored);
        }

        [TestMethod]
        public void Stls_WithTheSelfSignedCertificateTrusted()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false);
            f.Maildrop.Add(Serialize(Alert("over tls", null)));
            using Pop3Client client = new Pop3Client { ServerCertificateValidationCallback = f.Trust };
            client.Connect("localhost", f.Service.Port, SecureSocketOptions.StartTls);
            Assert.IsTrue(client.IsSecure);
            StringAssert.Contains(f.Log.Text, "S: +OK Begin TLS negotiation.");
            client.Authenticate("tech", "secret");
            Assert.AreEqual("over tls", client.GetMessage(0).Subject);
            client.Disconnect(true);
        }

        [TestMethod]
        public void ImplicitTls_Apop()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(true, true);
            f.Maildrop.Add(Serialize(Alert("apop", null)));
            using Pop3Client client = new Pop3Client { ServerCertificateValidationCallback = f.Trust };
            client.Connect("localhost", f.Service.TlsPort, SecureSocketOptions.SslOnConnect);
            Assert.IsTrue(client.Capabilities.HasFlag(Pop3Capabilities.Apop));
            client.AuthenticationMechanisms.Clear();   // no SASL: MailKit then uses APOP
            client.Authenticate("tech", "secret");
            Assert.AreEqual("apop", client.GetMessage(0).Subject);
            client.Disconnect(true);
            StringAssert.Contains(f.Log.Text, "C: APOP tech [redacted]");
            Assert.IsFalse(f.Log.Text.Contains("secret"));
        }

        [TestMethod]
        public void SaslPlain_AndWrongPasswordRefused()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false);
            using (Pop3Client bad = new Pop3Client())
            {
                bad.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
                Assert.IsTrue(bad.AuthenticationMechanisms.Contains("PLAIN"));
                Assert.ThrowsExactly<AuthenticationException>(() => bad.Authenticate(new SaslMechanismPlain("tech", "wrong")));
            }

            using Pop3Client client = new Pop3Client();
            client.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
            client.Authenticate(new SaslMechanismPlain("tech", "secret"));
            Assert.AreEqual(0, client.Count);
            client.Disconnect(true);
            StringAssert.Contains(f.Log.Text, "C: AUTH PLAIN");
            Assert.IsFalse(f.Log.Text.Contains("secret"));
        }

        [TestMethod]
        public void SecondLogin_InUse_UntilTheFirstLeaves()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false);
            using Pop3Client first = new Pop3Client();
            first.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
            first.Authenticate("tech", "secret");
            using (Pop3Client second = new Pop3Client())
            {
                second.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
                Assert.ThrowsExactly<AuthenticationException>(() => second.Authenticate("tech", "secret"));
                Assert.IsTrue(f.Log.Text.Contains("S: -ERR [IN-USE]"));
            }

            first.Disconnect(false);
            WaitUntil(() => !f.Maildrop.IsLocked);
            using Pop3Client third = new Pop3Client();
            third.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
            third.Authenticate("tech", "secret");
            third.Disconnect(true);
        }

        [TestMethod]
        public void SessionCap_TheExcessConnectionGetsSysTemp()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false);
            f.Options.MaxSessions = 1;
            using Pop3Client first = new Pop3Client();
            first.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
            using System.Net.Sockets.TcpClient raw = new System.Net.Sockets.TcpClient();
            raw.Connect("127.0.0.1", f.Service.Port);
            using StreamReader reader = new StreamReader(raw.GetStream());
            Assert.AreEqual("-ERR [SYS/TEMP] Too many sessions, try again later.", reader.ReadLine());
            Assert.IsNull(reader.ReadLine());
            first.Disconnect(true);
        }

        private static void WaitUntil(Func<bool> condition)
        {
            for (int i = 0; i < 200 && !condition(); i++)
            {
                Thread.Sleep(25);
            }

            Assert.IsTrue(condition());
        }
    }
}
