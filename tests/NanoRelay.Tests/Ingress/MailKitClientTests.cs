using System;
using System.IO;
using System.Linq;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;

namespace NanoRelay.Tests.Ingress
{
    /// <summary>MailKit's SmtpClient, a real client, against the host ingress over loopback sockets.</summary>
    [TestClass]
    public class MailKitClientTests
    {
        private static MimeMessage NewMessage(int attachmentBytes, out byte[] attachment, params string[] to)
        {
            MimeMessage m = new MimeMessage();
            m.From.Add(MailboxAddress.Parse("camera@lan.example"));
            foreach (string t in to)
            {
                m.To.Add(MailboxAddress.Parse(t));
            }

            m.Subject = "motion detected";
            BodyBuilder body = new BodyBuilder { TextBody = "Motion at the gate.\n.a line that starts with a dot\n" };
            attachment = new byte[attachmentBytes];
            new Random(42).NextBytes(attachment);
            if (attachmentBytes > 0)
            {
                body.Attachments.Add("snapshot.bin", attachment, new ContentType("application", "octet-stream"));
            }

            m.Body = body.ToMessageBody();
            return m;
        }

        private static byte[] Wire(MimeMessage m)
        {
            FormatOptions f = FormatOptions.Default.Clone();
            f.NewLineFormat = NewLineFormat.Dos;
            using MemoryStream s = new MemoryStream();
            m.WriteTo(f, s);
            return s.ToArray();
        }

        private static byte[] WithoutReceived(byte[] stored)
        {
            // The ingress prepends exactly one Received header of three lines (name, by, date).
            int lines = 0;
            int i = 0;
            while (lines < 3)
            {
                if (stored[i] == '\n')
                {
                    lines++;
                }

                i++;
            }

            return stored.Skip(i).ToArray();
        }

        [TestMethod]
        public void MailKit_OneMegabyteAttachment_StoredByteIdentical()
        {
            using IngressHost host = new IngressHost(null);
            MimeMessage m = NewMessage(1024 * 1024, out byte[] attachment, "ops@example.com");
            using (SmtpClient c = new SmtpClient())
            {
                c.Connect("127.0.0.1", host.Port, SecureSocketOptions.None);
                Assert.IsTrue(c.Capabilities.HasFlag(SmtpCapabilities.Pipelining));
                Assert.IsTrue(c.Capabilities.HasFlag(SmtpCapabilities.Size));
                Assert.AreEqual((uint)host.Settings.MaxMessageBytes, c.MaxSize);
                string reply = c.Send(m);
                Assert.AreEqual("2.0.0 Ok: queued as M1", reply);
                c.Disconnect(true);
            }

            Assert.AreEqual(1, host.Sink.Count);
            byte[] stored = host.Sink[0].Content;
            CollectionAssert.AreEqual(Wire(m), WithoutReceived(stored), "content as MailKit wrote it");
            MimeMessage parsed = MimeMessage.Load(new MemoryStream(stored));
            MimePart part = (MimePart)parsed.Attachments.Single();
            using MemoryStream decoded = new MemoryStream();
            part.Content.DecodeTo(decoded);
            CollectionAssert.AreEqual(attachment, decoded.ToArray(), "attachment byte-identical");
            StringAssert.StartsWith(parsed.Headers[HeaderId.Received], "from ");
            Assert.AreEqual("camera@lan.example", host.Sink[0].ReversePath);
        }

        [TestMethod]
        public void MailKit_PipelinedRecipients_AllStored()
        {
            using IngressHost host = new IngressHost(null);
            MimeMessage m = NewMessage(0, out _, "a@example.com", "b@example.com", "c@example.org");
            using (SmtpClient c = new SmtpClient())
            {
                c.Connect("127.0.0.1", host.Port, SecureSocketOptions.None);
                c.Send(m);
                c.Send(NewMessage(0, out _, "d@example.com"));
                c.Disconnect(true);
            }

            Assert.AreEqual(2, host.Sink.Count);
            CollectionAssert.AreEqual(new[] { "a@example.com", "b@example.com", "c@example.org" }, host.Sink[0].Recipients);
            Assert.IsFalse(host.Log.Text.Contains("synchronization"), host.Log.Text);
        }

        [TestMethod]
        public void MailKit_StartTlsAndAuth_RequiredWhenNotInAllowFrom_ReceivedSaysEsmtpsa()
        {
            using IngressHost host = new IngressHost(s =>
            {
                s.AllowFrom = Array.Empty<string>();
                s.Certificate = IngressHost.Certificate;
                s.Users = new[] { new[] { "camera", "s3cret-pass" } };
            });

            using (SmtpClient anonymous = new SmtpClient())
            {
                anonymous.ServerCertificateValidationCallback = (s, cert, chain, e) => cert.GetCertHashString() == IngressHost.Certificate.GetCertHashString();
                anonymous.Connect("127.0.0.1", host.Port, SecureSocketOptions.StartTls);
                SmtpCommandException refused = Assert.ThrowsExactly<SmtpCommandException>(() => anonymous.Send(NewMessage(0, out _, "ops@example.com")));
                Assert.AreEqual(SmtpStatusCode.MailboxUnavailable, refused.StatusCode);
                StringAssert.Contains(refused.Message, "Relay access denied");
                anonymous.Disconnect(true);
            }

            using (SmtpClient c = new SmtpClient())
            {
                c.ServerCertificateValidationCallback = (s, cert, chain, e) => cert.GetCertHashString() == IngressHost.Certificate.GetCertHashString();
                c.Connect("127.0.0.1", host.Port, SecureSocketOptions.StartTls);
                Assert.IsTrue(c.IsSecure);
                Assert.IsTrue(c.AuthenticationMechanisms.Contains("PLAIN"));
                Assert.ThrowsExactly<AuthenticationException>(() => c.Authenticate("camera", "wrong"));
                c.Authenticate("camera", "s3cret-pass");
                c.Send(NewMessage(0, out _, "ops@example.com"));
                c.Disconnect(true);
            }

            Assert.AreEqual(1, host.Sink.Count);
            StringAssert.Contains(host.Sink[0].Text.Substring(0, 200), " with ESMTPSA id ");
            Assert.IsFalse(host.Log.Text.Contains("s3cret-pass"));
        }

        [TestMethod]
        public void MailKit_AuthLogin_OverTls()
        {
            using IngressHost host = new IngressHost(s =>
            {
                s.AllowFrom = Array.Empty<string>();
                s.Certificate = IngressHost.Certificate;
                s.Users = new[] { new[] { "camera", "s3cret-pass" } };
            });
            using SmtpClient c = new SmtpClient();
            c.ServerCertificateValidationCallback = (s, cert, chain, e) => cert.GetCertHashString() == IngressHost.Certificate.GetCertHashString();
            c.Connect("127.0.0.1", host.Port, SecureSocketOptions.StartTls);
            c.AuthenticationMechanisms.Remove("PLAIN");
            c.Authenticate("camera", "s3cret-pass");
            c.Send(NewMessage(10, out _, "ops@example.com"));
            c.Disconnect(true);
            Assert.AreEqual(1, host.Sink.Count);
        }

        [TestMethod]
        public void MailKit_MessageOverMaxMessageBytes_Refused552_NothingStored()
        {
            using IngressHost host = new IngressHost(s => s.MaxMessageBytes = 64 * 1024);
            using SmtpClient c = new SmtpClient();
            c.Connect("127.0.0.1", host.Port, SecureSocketOptions.None);
            SmtpCommandException e = Assert.ThrowsExactly<SmtpCommandException>(() => c.Send(NewMessage(200 * 1024, out _, "ops@example.com")));
            Assert.AreEqual(SmtpStatusCode.ExceededStorageAllocation, e.StatusCode);
            Assert.AreEqual(0, host.Sink.Count);
        }
    }
}
