using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace NanoRelay.Bench
{
    /// <summary>Entry point: BenchmarkDotNet's switcher, with the MB/s column added.</summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            IConfig config = DefaultConfig.Instance.AddColumn(new ThroughputColumn());
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        }
    }
}
