using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Ingress
{
    /// <summary>The host ingress on 127.0.0.1 (port 0) with an in-memory sink, for real clients in-process.</summary>
    internal sealed class IngressHost : IDisposable
    {
        public IngressHost(Action<SmtpIngressSettings> configure)
        {
            Settings = new SmtpIngressSettings { Listen = "127.0.0.1:0", ServerName = "nanorelay-test", MaxMessageBytes = 4 * 1024 * 1024 };
            configure?.Invoke(Settings);
            Sink = new MemoryIngressSink();
            Log = new MemoryLog();
            Service = new SmtpIngressService(Settings, Sink, new SystemClock(), Log, new CryptoRandom());
            Service.Start();
        }

        public SmtpIngressSettings Settings { get; }

        public MemoryIngressSink Sink { get; }

        public MemoryLog Log { get; }

        public SmtpIngressService Service { get; }

        public int Port { get { return Service.Port; } }

        /// <summary>Waits (bounded) until every session has ended.</summary>
        public bool WaitIdle(int milliseconds)
        {
            Stopwatch w = Stopwatch.StartNew();
            while (Service.ActiveSessions > 0)
            {
                if (w.ElapsedMilliseconds > milliseconds)
                {
                    return false;
                }

                Thread.Sleep(20);
            }

            return true;
        }

        public void Dispose()
        {
            Service.Stop();
        }

        private static X509Certificate2 s_certificate;

        /// <summary>A self-signed certificate for localhost, made once per test run (PKCS#12 round trip so SslStream can use its key).</summary>
        public static X509Certificate2 Certificate
        {
            get
            {
                if (s_certificate == null)
                {
                    using RSA rsa = RSA.Create(2048);
                    CertificateRequest req = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    SubjectAlternativeNameBuilder san = new SubjectAlternativeNameBuilder();
                    san.AddDnsName("localhost");
                    san.AddIpAddress(System.Net.IPAddress.Loopback);
                    req.CertificateExtensions.Add(san.Build());
                    using X509Certificate2 made = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
                    s_certificate = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx, "t"), "t");
                }

                return s_certificate;
            }
        }
    }

    /// <summary>A raw SMTP client socket: exact bytes out, reply lines in, every read bounded.</summary>
    internal sealed class RawSmtp : IDisposable
    {
        private readonly TcpClient _tcp;
        private Stream _stream;
        private readonly byte[] _one = new byte[1];

        public RawSmtp(int port)
        {
            _tcp = new TcpClient();
            _tcp.Connect("127.0.0.1", port);
            _tcp.ReceiveTimeout = 10000;
            _stream = _tcp.GetStream();
        }

        public void Send(string text)
        {
            byte[] b = Encoding.Latin1.GetBytes(text);
            _stream.Write(b, 0, b.Length);
            _stream.Flush();
        }

        /// <summary>One reply line without CRLF, or null when the server closed.</summary>
        public string ReadLine()
        {
            StringBuilder sb = new StringBuilder();
            while (true)
            {
                int n;
                try
                {
                    n = _stream.Read(_one, 0, 1);
                }
                catch (IOException)
                {
                    n = 0;
                }

                if (n == 0)
                {
                    return sb.Length == 0 ? null : sb.ToString();
                }

                char c = (char)_one[0];
                if (c == '\n' && sb.Length > 0 && sb[sb.Length - 1] == '\r')
                {
                    return sb.ToString(0, sb.Length - 1);
                }

                sb.Append(c);
            }
        }

        /// <summary>A whole (possibly multi-line) reply, lines joined by "\n"; null when closed.</summary>
        public string ReadReply()
        {
            string all = null;
            while (true)
            {
                string line = ReadLine();
                if (line == null)
                {
                    return all;
                }

                all = all == null ? line : all + "\n" + line;
                if (line.Length < 4 || line[3] != '-')
                {
                    return all;
                }
            }
        }

        /// <summary>True when the server has closed the connection (a read returns 0 within the timeout).</summary>
        public bool ServerClosed()
        {
            try
            {
                return _stream.Read(_one, 0, 1) == 0;
            }
            catch (IOException)
            {
                return true;
            }
        }

        public void StartTls()
        {
            SslStream tls = new SslStream(_stream, false, (s, cert, chain, errors) => cert != null && cert.GetCertHashString() == IngressHost.Certificate.GetCertHashString());
            tls.AuthenticateAsClient("localhost");
            _stream = tls;
        }

        /// <summary>Closes with a TCP reset (linger 0), as a crashed or hostile client would.</summary>
        public void Reset()
        {
            _tcp.Client.LingerState = new LingerOption(true, 0);
            _tcp.Close();
        }

        public void Dispose()
        {
            _tcp.Dispose();
        }
    }
}
