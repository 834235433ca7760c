// COMPILE-ONLY SHIM of nanoFramework.System.Net 1.11.60 (System.Net.dll). Not a runtime: see README.md.
// Signatures from research/nanoframework-facts.md §1.1-§1.6.
using System;
using System.IO;

namespace System.Net.Sockets
{
    public enum AddressFamily { Unknown = -1, InterNetwork = 2, InterNetworkV6 = 23 }   // [NOT IN FACTS] values: the .NET ones

    public enum SocketType { Stream = 1, Dgram = 2 }                                     // [NOT IN FACTS] values

    public enum ProtocolType { IP = 0, IPv4 = 4, Tcp = 6, Udp = 17 }                      // §6 gotcha 23 names Tcp and IPv4

    [Flags]
    public enum SocketFlags { None = 0, OutOfBand = 1, Peek = 2, DontRoute = 4 }          // §1.1

    public enum SocketOptionLevel { Socket = 0xffff, IP = 0, Tcp = 6 }                    // [NOT IN FACTS] Socket level: the .NET value

    public enum SocketOptionName { NoDelay = 1, ReuseAddress = 0x4, MaxConnections = 0x7, KeepAlive = 0x8, Linger = 0x80, SendBuffer = 0x1001, ReceiveBuffer = 0x1002, SendTimeout = 0x1005, ReceiveTimeout = 0x1006, Error = 0x1007 } // §1.1

    public enum SelectMode { SelectRead = 0, SelectWrite = 1, SelectError = 2 }          // [NOT IN FACTS] values

    public class SocketException : Exception
    {
        public SocketException(SocketError errorCode) { throw new NotSupportedException(); }
        public int ErrorCode { get { throw new NotSupportedException(); } }
    }

    public enum SocketError { TimedOut = 10060, WouldBlock = 10035, ConnectionAborted = 10053, ConnectionReset = 10054, NotConnected = 10057, Shutdown = 10058, ConnectionRefused = 10061, HostNotFound = 11001 } // §1.1

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw new NotSupportedException(); }
        public int Available { get { throw new NotSupportedException(); } }
        public EndPoint LocalEndPoint { get { throw new NotSupportedException(); } }
        public EndPoint RemoteEndPoint { get { throw new NotSupportedException(); } }
        public bool Connected { get { throw new NotSupportedException(); } }
        public int ReceiveTimeout { get { throw new NotSupportedException(); } set { } }
        public int SendTimeout { get { throw new NotSupportedException(); } set { } }
        public void Bind(EndPoint localEP) { }
        public void Connect(EndPoint remoteEP) { }
        public void Close() { }
        public void Listen(int backlog) { }
        public Socket Accept() { throw new NotSupportedException(); }
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotSupportedException(); }
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotSupportedException(); }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, int optionValue) { }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, bool optionValue) { }
        public bool Poll(int microSeconds, SelectMode mode) { throw new NotSupportedException(); }
        protected virtual void Dispose(bool disposing) { }
        void IDisposable.Dispose() { }
    }

    public class NetworkStream : Stream
    {
        public NetworkStream(Socket socket) { throw new NotSupportedException(); }
        public NetworkStream(Socket socket, bool ownsSocket) { throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public override int Read(SpanByte buffer) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void Flush() { }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
    }
}

namespace System.Net
{
    using System.Net.Sockets;

    public abstract class EndPoint
    {
    }

    public class IPAddress
    {
        public IPAddress(long newAddress) { throw new NotSupportedException(); }
        public IPAddress(byte[] address) { throw new NotSupportedException(); }
        public static readonly IPAddress Any = null;
        public static readonly IPAddress Loopback = null;
        public static IPAddress Parse(string ipString) { throw new NotSupportedException(); }
        public static IPAddress GetDefaultLocalAddress() { throw new NotSupportedException(); }
        public AddressFamily AddressFamily { get { throw new NotSupportedException(); } }
        public byte[] GetAddressBytes() { throw new NotSupportedException(); }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { throw new NotSupportedException(); }
        public IPEndPoint(IPAddress address, int port) { throw new NotSupportedException(); }
        public IPAddress Address { get { throw new NotSupportedException(); } }
        public int Port { get { throw new NotSupportedException(); } }
    }

    public class IPHostEntry
    {
        public string HostName { get { throw new NotSupportedException(); } }
        public IPAddress[] AddressList { get { throw new NotSupportedException(); } }
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) { throw new NotSupportedException(); }
    }
}

namespace System.Net.Security
{
    using System.Net.Sockets;
    using System.Security.Cryptography.X509Certificates;

    [Flags]
    public enum SslProtocols { None = 0, [Obsolete] Tls = 192, [Obsolete] Tls11 = 768, Tls12 = 3072, Tls13 = 12288 } // §1.3

    public enum SslVerification { NoVerification = 1, VerifyPeer = 2, CertificateRequired = 4, VerifyClientOnce = 8 } // §1.3

    public class SslStream : NetworkStream
    {
        public SslStream(Socket socket) : base(socket, false) { }
        public SslVerification SslVerification { get { throw new NotSupportedException(); } set { } }
        public bool UseStoredDeviceCertificate { get { throw new NotSupportedException(); } set { } }
        public void AuthenticateAsClient(string targetHost, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, X509Certificate ca, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsServer(X509Certificate serverCertificate, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsServer(X509Certificate serverCertificate, bool clientCertificateRequired, SslProtocols enabledSslProtocols) { }
        public bool IsServer { get { throw new NotSupportedException(); } }
        public override int Read(byte[] buffer, int offset, int size) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int size) { }
        protected override void Dispose(bool disposing) { }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { }
        public X509Certificate(byte[] certificate) { }
        public X509Certificate(string certificate) { }
        public string Issuer { get { throw new NotSupportedException(); } }
        public string Subject { get { throw new NotSupportedException(); } }
    }

    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2(byte[] rawData) { }
        public X509Certificate2(string certificate) { }
        public X509Certificate2(string rawData, string key, string password) { }
        public X509Certificate2(byte[] rawData, string key, string password) { }
    }
}

namespace nanoFramework.Networking
{
    using global::System.Threading;

    public enum NetworkHelperStatus { None, Started, NetworkIsReady, FailedNoNetworkInterface, TokenExpiredWaitingIPAddress, TokenExpiredWaitingDateTime, ErrorConnetingToWiFiWhileScanning, ExceptionOccurred, Reconnecting } // §1.6

    public class IPConfiguration
    {
    }

    public static class NetworkHelper
    {
        public static ManualResetEvent NetworkReady { get { throw new NotSupportedException(); } }
        public static NetworkHelperStatus Status { get { throw new NotSupportedException(); } }
        public static Exception HelperException { get { throw new NotSupportedException(); } }
        public static void SetupNetworkHelper(bool requiresDateTime = false) { }
        public static bool SetupAndConnectNetwork(CancellationToken token = default(CancellationToken), bool requiresDateTime = false) { throw new NotSupportedException(); }
        public static bool SetupAndConnectNetwork(IPConfiguration ipConfiguration, CancellationToken token = default(CancellationToken), bool requiresDateTime = false) { throw new NotSupportedException(); }
        public static void Reset() { }
    }
}
