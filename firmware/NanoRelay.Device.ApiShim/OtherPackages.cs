// COMPILE-ONLY SHIM of the remaining nanoFramework packages the device uses. Not a runtime: see README.md.
// Each namespace below names the upstream repository, tag or commit and files it was checked against.
using System;

// nanoframework/System.Threading tag v1.1.52 (866134e): Threading/CancellationToken.cs, Threading/CancellationTokenSource.cs.
namespace System.Threading
{
    public struct CancellationToken
    {
        public bool IsCancellationRequested { get { throw new NotSupportedException(); } }
    }

    // Disposable: a source made with a delay owns a Timer until disposed.
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() { }
        public CancellationTokenSource(int millisecondsDelay) { }
        public CancellationToken Token { get { throw new NotSupportedException(); } }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
    }
}

// nanoframework/nanoFramework.Runtime.Native tag v1.7.11 (e70ef69): System/Environment.cs.
namespace System
{
    public static class Environment
    {
        public static long TickCount64 { get { throw new NotSupportedException(); } }
    }
}

// nanoframework/System.Device.Wifi @282a906 (main, 2026-06-29; 1.5.149 is not tagged there): WifiReconnectionKind.cs,
// NetworkHelper/WifiNetworkHelper.cs. The enum is in System.Device.Wifi, the helper in nanoFramework.Networking.
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind { Automatic = 0, Manual }
}

namespace nanoFramework.Networking
{
    using global::System.Device.Wifi;
    using global::System.Threading;

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw new NotSupportedException(); } }
        public static Exception HelperException { get { throw new NotSupportedException(); } }
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default(CancellationToken)) { throw new NotSupportedException(); }
        public static void Disconnect() { }
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default(CancellationToken)) { throw new NotSupportedException(); }
    }

    // nanoframework/nanoFramework.Networking.Sntp tag v1.6.42 (8e44b13): nanoFramework.Networking.Sntp/Sntp.cs.
    // Not a static class: it has static members and the implicit public constructor.
    public class Sntp
    {
        public static bool IsStarted { get { throw new NotSupportedException(); } }
        public static string Server1 { get { throw new NotSupportedException(); } set { } }
        public static string Server2 { get { throw new NotSupportedException(); } set { } }
        public static void Start() { }
        public static void Stop() { }
        public static void UpdateNow() { }
    }
}

// nanoframework/nanoFramework.Json @76f1016 (main, 2025-11-27; 2.2.213 is not tagged there): JsonConvert.cs, JsonSerializerOptions.cs.
namespace nanoFramework.Json
{
    public sealed class JsonSerializerOptions
    {
        public JsonSerializerOptions() { }
        public bool PropertyNameCaseInsensitive { get; set; }
        public bool ThrowExceptionWhenPropertyNotFound { get; set; }
    }

    public static class JsonConvert
    {
        public static object DeserializeObject(string value, Type type) { throw new NotSupportedException(); }
        public static object DeserializeObject(string value, Type type, JsonSerializerOptions options) { throw new NotSupportedException(); }
        public static string SerializeObject(object oSource) { throw new NotSupportedException(); }
    }
}

// nanoframework/nanoFramework.Runtime.Native tag v1.7.11 (e70ef69): Power.cs, RebootOption.cs, GC.cs, SystemInfo.cs.
namespace nanoFramework.Runtime.Native
{
    public enum RebootOption { NormalReboot = 0, EnterNanoBooter = 1, ClrOnly = 2, EnterProprietaryBooter = 8 }

    // Not a static class: static members, implicit public constructor.
    public class Power
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

// nanoframework/nanoFramework.Hardware.Esp32 tag v1.6.40 (182a6e5): NativeMemory.cs.
namespace nanoFramework.Hardware.Esp32
{
    // Not a static class: static members, implicit public constructor.
    public class NativeMemory
    {
        public enum MemoryType { All, Internal, SpiRam }

        public static void GetMemoryInfo(MemoryType memType, out uint totalSize, out uint totalFreeSize, out uint largestFreeBlock) { throw new NotSupportedException(); }
    }
}

// nanoframework/System.Device.Gpio tag v1.1.62 (cd99158): PinMode.cs, PinValue.cs, GpioPin.cs, GpioController.cs.
namespace System.Device.Gpio
{
    public enum PinMode { Input, InputPullDown, InputPullUp, Output, OutputOpenDrain, OutputOpenDrainPullUp, OutputOpenSource, OutputOpenSourcePullDown }

    public readonly struct PinValue
    {
        public static PinValue High { get { throw new NotSupportedException(); } }
        public static PinValue Low { get { throw new NotSupportedException(); } }
        public static implicit operator PinValue(int value) { throw new NotSupportedException(); }
        public static implicit operator PinValue(bool value) { throw new NotSupportedException(); }
        public static explicit operator byte(PinValue value) { throw new NotSupportedException(); }
        public static explicit operator int(PinValue value) { throw new NotSupportedException(); }
        public static explicit operator bool(PinValue value) { throw new NotSupportedException(); }
        public static bool operator ==(PinValue a, PinValue b) { throw new NotSupportedException(); }
        public static bool operator !=(PinValue a, PinValue b) { throw new NotSupportedException(); }
        public bool Equals(PinValue other) { throw new NotSupportedException(); }
        public override bool Equals(object obj) { throw new NotSupportedException(); }
        public override int GetHashCode() { throw new NotSupportedException(); }
        public override string ToString() { throw new NotSupportedException(); }
    }

    // Sealed, disposable, no public constructor (GpioController.OpenPin makes them); the finalizer closes the pin.
    public sealed class GpioPin : IDisposable
    {
        private GpioPin() { }
        public PinValue Read() { throw new NotSupportedException(); }
        public void Write(PinValue value) { }
        public void Dispose() { }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { }
        public GpioPin OpenPin(int pinNumber) { throw new NotSupportedException(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotSupportedException(); }
        public void Dispose() { }
    }
}

// nanoframework/System.Device.Adc tag v1.1.24 (ac05de0): AdcChannelBase.cs, AdcChannel.cs, AdcControllerBase.cs,
// AdcController.cs, AdcChannelMode.cs.
namespace System.Device.Adc
{
    public enum AdcChannelMode { SingleEnded = 0, Differential = 1 }

    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
    }

    // Disposable, no public constructor (AdcController.OpenChannel makes them); the finalizer releases the channel.
    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel() { }
        public override int ReadValue() { throw new NotSupportedException(); }
        public void Dispose() { }
    }

    public abstract class AdcControllerBase
    {
        public abstract int ChannelCount { get; }
        public abstract AdcChannelMode ChannelMode { get; set; }
        public abstract int MaxValue { get; }
        public abstract int MinValue { get; }
        public abstract int ResolutionInBits { get; }
        public abstract bool IsChannelModeSupported(AdcChannelMode channelMode);
        public abstract AdcChannel OpenChannel(int channelNumber);
    }

    public class AdcController : AdcControllerBase
    {
        public AdcController() { }
        public override int ChannelCount { get { throw new NotSupportedException(); } }
        public override AdcChannelMode ChannelMode { get { throw new NotSupportedException(); } set { } }
        public override int MaxValue { get { throw new NotSupportedException(); } }
        public override int MinValue { get { throw new NotSupportedException(); } }
        public override int ResolutionInBits { get { throw new NotSupportedException(); } }
        public override bool IsChannelModeSupported(AdcChannelMode channelMode) { throw new NotSupportedException(); }
        public override AdcChannel OpenChannel(int channelNumber) { throw new NotSupportedException(); }
    }
}
