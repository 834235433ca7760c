// COMPILE-ONLY SHIM of the remaining nanoFramework packages the device uses. Not a runtime: see README.md.
// research/nanoframework-facts.md: System.Threading 1.1.52 (§1.6), System.Device.Wifi 1.5.149 (§1.6),
// Networking.Sntp 1.6.42 (§2.7), Json 2.2.213 (§2.4), Runtime.Native 1.7.11 (§2.5),
// Hardware.Esp32 1.6.40 (§2.6), System.Device.Gpio 1.1.62 and System.Device.Adc 1.1.24 (§2.8).
using System;

namespace System.Threading
{
    public struct CancellationToken
    {
        public bool IsCancellationRequested { get { throw new NotSupportedException(); } }
    }

    public class CancellationTokenSource
    {
        public CancellationTokenSource() { }
        public CancellationTokenSource(int millisecondsDelay) { }
        public CancellationToken Token { get { throw new NotSupportedException(); } }
    }
}

namespace System
{
    // Runtime.Native §2.5: "System.Environment.TickCount64 is in this assembly".
    public static class Environment
    {
        public static long TickCount64 { get { throw new NotSupportedException(); } }
    }
}

namespace nanoFramework.Networking
{
    using global::System.Threading;

    public enum WifiReconnectionKind { Automatic, Manual }

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw new NotSupportedException(); } }
        public static Exception HelperException { get { throw new NotSupportedException(); } }
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default(CancellationToken)) { throw new NotSupportedException(); }
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default(CancellationToken)) { throw new NotSupportedException(); }
        public static void Disconnect() { }
    }

    public class Sntp
    {
        public static void Start() { }
        public static void Stop() { }
        public static void UpdateNow() { }
        public static bool IsStarted { get { throw new NotSupportedException(); } }
        public static string Server1 { get { throw new NotSupportedException(); } set { } }
        public static string Server2 { get { throw new NotSupportedException(); } set { } }
    }
}

namespace nanoFramework.Json
{
    public sealed class JsonSerializerOptions
    {
        public bool PropertyNameCaseInsensitive { get; set; }        // [NOT IN FACTS] property vs field; §2.4 lists the name
        public bool ThrowExceptionWhenPropertyNotFound { get; set; }
    }

    public static class JsonConvert
    {
        public static string SerializeObject(object oSource) { throw new NotSupportedException(); }
        public static object DeserializeObject(string value, Type type) { throw new NotSupportedException(); }
        public static object DeserializeObject(string value, Type type, JsonSerializerOptions options) { throw new NotSupportedException(); }
    }
}

namespace nanoFramework.Runtime.Native
{
    public enum RebootOption { NormalReboot = 0, EnterNanoBooter = 1, ClrOnly = 2, EnterProprietaryBooter = 8 }

    public static class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { }
        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) { }
    }

    public static class GC
    {
        public static uint Run(bool compactHeap) { throw new NotSupportedException(); }
    }

    public static class SystemInfo
    {
        public static string TargetName { get { throw new NotSupportedException(); } }
        public static string Platform { get { throw new NotSupportedException(); } }
    }
}

namespace nanoFramework.Hardware.Esp32
{
    public static class NativeMemory
    {
        public enum MemoryType { All, Internal, SpiRam }

        public static void GetMemoryInfo(MemoryType memoryType, out uint totalSize, out uint totalFreeSize, out uint largestFreeBlock) { throw new NotSupportedException(); }
    }
}

namespace System.Device.Gpio
{
    public enum PinMode { Input, Output, InputPullDown, InputPullUp }   // [NOT IN FACTS] member names: System.Device.Gpio's

    public enum PinValue { Low = 0, High = 1 }                          // [NOT IN FACTS] enum or struct; `== PinValue.High` compiles either way

    public class GpioPin
    {
        public PinValue Read() { throw new NotSupportedException(); }
        public void Write(PinValue value) { }
    }

    public class GpioController
    {
        public GpioController() { }
        public GpioPin OpenPin(int pinNumber) { throw new NotSupportedException(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotSupportedException(); }
    }
}

namespace System.Device.Adc
{
    public class AdcChannel
    {
        public int ReadValue() { throw new NotSupportedException(); }
    }

    public class AdcController
    {
        public AdcController() { }
        public AdcChannel OpenChannel(int channelNumber) { throw new NotSupportedException(); }
        public int MaxValue { get { throw new NotSupportedException(); } }
    }
}
