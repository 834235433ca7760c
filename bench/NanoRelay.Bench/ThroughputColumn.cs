using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NanoRelay.Bench
{
    /// <summary>MB/s (10^6 bytes per second) from the mean time of one operation over <see cref="Inputs.Size"/> bytes.</summary>
    public sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Throughput in 10^6 bytes per second over the 1 MiB input";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            BenchmarkReport report = summary[benchmarkCase];
            if (report?.ResultStatistics == null)
            {
                return "NA";
            }

            double seconds = report.ResultStatistics.Mean / 1e9;
            return (Inputs.Size / seconds / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
