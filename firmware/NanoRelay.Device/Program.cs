using System.Threading;

namespace NanoRelay.Device
{
    /// <summary>The firmware's entry point: start the services, then keep the main thread parked.</summary>
    public static class Program
    {
        public static void Main()
        {
            new DeviceServices().Run();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
