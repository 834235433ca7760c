// COMPILE-ONLY SHIM of nanoFramework.System.Net 1.11.60 (System.Net.dll). Not a runtime: see README.md.
// Checked against nanoframework/System.Net @713b02c (main, 2026-06-29; 1.11.60 is not tagged there), folder
// nanoFramework.System.Net/: Sockets/*.cs, SocketException.cs, EndPoint.cs, SocketAddress.cs, IPAddress.cs,
// IPEndPoint.cs, IPHostEntry.cs, DNS.cs, Security/SslStream.cs, X509Certificates/*.cs, NetworkHelper/*.cs.
// Enums are complete, in source order, with the source values.
using System;
using System.IO;

namespace System.Net.Sockets
{
    public enum AddressFamily { Unknown = -1, Unspecified = 0, Unix = 1, InterNetwork = 2, ImpLink = 3, Pup = 4, Chaos = 5, NS = 6, Ipx = 6, Iso = 7, Osi = 7, Ecma = 8, DataKit = 9, Ccitt = 10, Sna = 11, DecNet = 12, DataLink = 13, Lat = 14, HyperChannel = 15, AppleTalk = 16, NetBios = 17, VoiceView = 18, FireFox = 19, Banyan = 21, Atm = 22, InterNetworkV6 = 23, Cluster = 24, Ieee12844 = 25, Irda = 26, NetworkDesigners = 28, Max = 29 }

    public enum SocketType { Stream = 1, Dgram = 2, Raw = 3, Rdm = 4, Seqpacket = 5, Unknown = -1 }

    public enum ProtocolType { IP = 0, IPv6HopByHopOptions = 0, Icmp = 1, Igmp = 2, Ggp = 3, IPv4 = 4, Tcp = 6, Pup = 12, Udp = 17, Idp = 22, IPv6 = 41, IPv6RoutingHeader = 43, IPv6FragmentHeader = 44, IPSecEncapsulatingSecurityPayload = 50, IPSecAuthenticationHeader = 51, IcmpV6 = 58, IPv6NoNextHeader = 59, IPv6DestinationOptions = 60, ND = 77, Raw = 255, Unspecified = 0, Ipx = 1000, Spx = 1256, SpxII = 1257, Unknown = -1 }

    [Flags]
    public enum SocketFlags { None = 0, OutOfBand = 0x1, Peek = 0x2, DontRoute = 0x4, MaxIOVectorLength = 0x10, Truncated = 0x100, ControlDataTruncated = 0x200, Broadcast = 0x400, Multicast = 0x800, Partial = 0x8000 }

    public enum SocketOptionLevel { Socket = 0xffff, IP = 0, IPv6 = 41, Tcp = 6, Udp = 17 }

    public enum SocketOptionName
    {
        Debug = 0x0001, AcceptConnection = 0x0002, ReuseAddress = 0x0004, KeepAlive = 0x0008, DontRoute = 0x0010, Broadcast = 0x0020,
        UseLoopback = 0x0040, Linger = 0x0080, OutOfBandInline = 0x0100, DontLinger = ~Linger, ExclusiveAddressUse = ~ReuseAddress,
        SendBuffer = 0x1001, ReceiveBuffer = 0x1002, SendLowWater = 0x1003, ReceiveLowWater = 0x1004, SendTimeout = 0x1005,
        ReceiveTimeout = 0x1006, Error = 0x1007, Type = 0x1008, MaxConnections = 0x7fffffff,
        IPOptions = 1, HeaderIncluded = 2, TypeOfService = 3, IpTimeToLive = 4, MulticastInterface = 9, MulticastTimeToLive = 10,
        MulticastLoopback = 11, AddMembership = 12, DropMembership = 13, DontFragment = 14, AddSourceMembership = 15,
        DropSourceMembership = 16, BlockSource = 17, UnblockSource = 18, PacketInformation = 19, HopLimit = 21,
        NoDelay = 1, BsdUrgent = 2, Expedited = 2, NoChecksum = 1, ChecksumCoverage = 20,
        UpdateAcceptContext = 0x700B, UpdateConnectContext = 0x7010,
    }

    public enum SelectMode { SelectRead = 0, SelectWrite = 1, SelectError = 2 }

    public enum SocketError
    {
        Success = 0, SocketError = -1, Interrupted = 10004, AccessDenied = 10013, Fault = 10014, InvalidArgument = 10022,
        TooManyOpenSockets = 10024, WouldBlock = 10035, InProgress = 10036, AlreadyInProgress = 10037, NotSocket = 10038,
        DestinationAddressRequired = 10039, MessageSize = 10040, ProtocolType = 10041, ProtocolOption = 10042,
        ProtocolNotSupported = 10043, SocketNotSupported = 10044, OperationNotSupported = 10045, ProtocolFamilyNotSupported = 10046,
        AddressFamilyNotSupported = 10047, AddressAlreadyInUse = 10048, AddressNotAvailable = 10049, NetworkDown = 10050,
        NetworkUnreachable = 10051, NetworkReset = 10052, ConnectionAborted = 10053, ConnectionReset = 10054,
        NoBufferSpaceAvailable = 10055, IsConnected = 10056, NotConnected = 10057, Shutdown = 10058, TimedOut = 10060,
        ConnectionRefused = 10061, HostDown = 10064, HostUnreachable = 10065, ProcessLimit = 10067, SystemNotReady = 10091,
        VersionNotSupported = 10092, NotInitialized = 10093, Disconnecting = 10101, TypeNotFound = 10109, HostNotFound = 11001,
        TryAgain = 11002, NoRecovery = 11003, NoData = 11004,
    }

    public class SocketException : Exception
    {
        public SocketException(SocketError errorCode) { throw new NotSupportedException(); }
        public int ErrorCode { get { throw new NotSupportedException(); } }
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw new NotSupportedException(); }
        public int Available { get { throw new NotSupportedException(); } }
        public EndPoint LocalEndPoint { get { throw new NotSupportedException(); } }
        public EndPoint RemoteEndPoint { get { throw new NotSupportedException(); } }
        public bool Connected { get { throw new NotSupportedException(); } }
        public int ReceiveTimeout { get { throw new NotSupportedException(); } set { } }
        public int SendTimeout { get { throw new NotSupportedException(); } set { } }
        public Socket Accept() { throw new NotSupportedException(); }
        public void Bind(EndPoint localEP) { }
        public void Close() { }
        public void Connect(EndPoint remoteEP) { }
        protected virtual void Dispose(bool disposing) { }
        public void Listen(int backlog) { }
        public bool Poll(int microSeconds, SelectMode mode) { throw new NotSupportedException(); }
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotSupportedException(); }
        public int ReceiveFrom(byte[] buffer, int offset, int size, SocketFlags socketFlags, ref EndPoint remoteEP) { throw new NotSupportedException(); }
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotSupportedException(); }
        public int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw new NotSupportedException(); }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, int optionValue) { }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, bool optionValue) { }
        void IDisposable.Dispose() { }
    }

    public class NetworkStream : Stream
    {
        public NetworkStream(Socket socket) { throw new NotSupportedException(); }
        public NetworkStream(Socket socket, bool ownsSocket) { throw new NotSupportedException(); }
        public override bool CanRead { get { throw new NotSupportedException(); } }
        public override bool CanSeek { get { throw new NotSupportedException(); } }
        public override bool CanTimeout { get { throw new NotSupportedException(); } }
        public override bool CanWrite { get { throw new NotSupportedException(); } }
        public virtual bool DataAvailable { get { throw new NotSupportedException(); } }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Position { get { throw new NotSupportedException(); } set { } }
        public override int ReadTimeout { get { throw new NotSupportedException(); } set { } }
        public override int WriteTimeout { get { throw new NotSupportedException(); } set { } }
        public void Close(int timeout) { }
        protected override void Dispose(bool disposing) { }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public override int Read(SpanByte buffer) { throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
    }
}

namespace System.Net
{
    using System.Net.Sockets;

    public class SocketAddress
    {
        public SocketAddress(AddressFamily family, int size) { throw new NotSupportedException(); }
        public AddressFamily Family { get { throw new NotSupportedException(); } }
        public int Size { get { throw new NotSupportedException(); } }
    }

    public abstract class EndPoint
    {
        public abstract SocketAddress Serialize();
        public abstract EndPoint Create(SocketAddress socketAddress);
    }

    public class IPAddress
    {
        public static readonly IPAddress Any = null;
        public static readonly IPAddress Loopback = null;
        public IPAddress(long newAddress) { throw new NotSupportedException(); }
        public IPAddress(byte[] address) { throw new NotSupportedException(); }
        public AddressFamily AddressFamily { get { throw new NotSupportedException(); } }
        public byte[] GetAddressBytes() { throw new NotSupportedException(); }
        public static IPAddress GetDefaultLocalAddress() { throw new NotSupportedException(); }
        public static IPAddress Parse(string ipString) { throw new NotSupportedException(); }
        public override string ToString() { throw new NotSupportedException(); }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { throw new NotSupportedException(); }
        public IPEndPoint(IPAddress address, int port) { throw new NotSupportedException(); }
        public IPAddress Address { get { throw new NotSupportedException(); } }
        public int Port { get { throw new NotSupportedException(); } }
        public override SocketAddress Serialize() { throw new NotSupportedException(); }
        public override EndPoint Create(SocketAddress socketAddress) { throw new NotSupportedException(); }
        public override string ToString() { throw new NotSupportedException(); }
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
    public enum SslProtocols { None = 0x00, [Obsolete] Tls = 0xC0, [Obsolete] Tls11 = 0x300, Tls12 = 0xC00, Tls13 = 0x3000 }

    public enum SslVerification { NoVerification = 1, VerifyPeer = 2, CertificateRequired = 4, VerifyClientOnce = 8 }

    public class SslStream : NetworkStream
    {
        public SslStream(Socket socket) : base(socket, false) { }
        public SslVerification SslVerification { get { throw new NotSupportedException(); } set { } }
        public bool UseStoredDeviceCertificate { get { throw new NotSupportedException(); } set { } }
        public bool IsServer { get { throw new NotSupportedException(); } }
        public override long Length { get { throw new NotSupportedException(); } }
        public override bool DataAvailable { get { throw new NotSupportedException(); } }
        public void AuthenticateAsClient(string targetHost, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, X509Certificate ca, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsServer(X509Certificate serverCertificate, SslProtocols enabledSslProtocols) { }
        public void AuthenticateAsServer(X509Certificate serverCertificate, bool clientCertificateRequired, SslProtocols enabledSslProtocols) { }
        protected override void Dispose(bool disposing) { }
        public override int Read(byte[] buffer, int offset, int size) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int size) { }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { }
        public X509Certificate(byte[] certificate) { }
        public X509Certificate(string certificate) { }
        public virtual string Issuer { get { throw new NotSupportedException(); } }
        public virtual string Subject { get { throw new NotSupportedException(); } }
    }

    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2() { }
        public X509Certificate2(byte[] rawData) { }
        public X509Certificate2(string certificate) { }
        public X509Certificate2(string rawData, string key, string password) { }
        public X509Certificate2(byte[] rawData, string key, string password) { }
    }
}

namespace nanoFramework.Networking
{
    using global::System.Threading;

    public enum NetworkHelperStatus { None, Started, NetworkIsReady, FailedNoNetworkInterface, TokenExpiredWaitingIPAddress, TokenExpiredWaitingDateTime, ErrorConnetingToWiFiWhileScanning, ExceptionOccurred, Reconnecting }

    public class IPConfiguration
    {
        public IPConfiguration(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress, string[] ipv4DnsAddresses = null) { }
        public string IPAddress { get { throw new NotSupportedException(); } set { } }
        public string IPSubnetMask { get { throw new NotSupportedException(); } set { } }
        public string IPGatewayAddress { get { throw new NotSupportedException(); } set { } }
        public string[] IPDns { get { throw new NotSupportedException(); } set { } }
    }

    public static class NetworkHelper
    {
        public static ManualResetEvent NetworkReady { get { throw new NotSupportedException(); } }
        public static NetworkHelperStatus Status { get { throw new NotSupportedException(); } }
        public static Exception HelperException { get { throw new NotSupportedException(); } }
        public static void Reset() { }
        public static bool SetupAndConnectNetwork(CancellationToken token = default(CancellationToken), bool requiresDateTime = false) { throw new NotSupportedException(); }
        public static bool SetupAndConnectNetwork(IPConfiguration ipConfiguration, CancellationToken token = default(CancellationToken), bool requiresDateTime = false) { throw new NotSupportedException(); }
        public static void SetupNetworkHelper(bool requiresDateTime = false) { }
        public static void SetupNetworkHelper(IPConfiguration ipConfiguration, bool requiresDateTime = false) { }
    }
}

namespace System.Net.NetworkInformation
{
    // nanoFramework.System.Net NetworkInformation/Wireless80211Configuration.cs (the members the device reads).
    public class Wireless80211Configuration
    {
        public Wireless80211Configuration(uint id) { }
        public string Password { get { throw new NotSupportedException(); } set { } }
        public string Ssid { get { throw new NotSupportedException(); } set { } }
        public uint Id { get { throw new NotSupportedException(); } }
        public void SaveConfiguration() { }
        public static Wireless80211Configuration[] GetAllWireless80211Configurations() { throw new NotSupportedException(); }
    }
}
