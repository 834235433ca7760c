using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Alerts;
using NanoRelay.HostSim.Sensors;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>The CSV replay: time_seconds,sensor,value; a bad line is refused with one line naming it.</summary>
    [TestClass]
    public class ReplayFileTests
    {
        private static ReplayFile Parse(string text)
        {
            Assert.IsTrue(ReplayFile.TryParse(new StringReader(text), "samples.csv", out ReplayFile file, out string error), error);
            return file;
        }

        private static string Error(string text)
        {
            Assert.IsFalse(ReplayFile.TryParse(new StringReader(text), "samples.csv", out ReplayFile file, out string error));
            Assert.IsNull(file);
            Assert.IsFalse(error.Contains('\n'));
            return error;
        }

        [TestMethod]
        public void GoodFile_HeaderCommentsBlankLinesDoorWords()
        {
            ReplayFile f = Parse("time_seconds,sensor,value\n# a comment\n\n0,greenhouse-temp,30.5\n1.25, front-door ,open\n2,front-door,closed\n2,greenhouse-temp,-4e1\n");
            Assert.AreEqual(4, f.Rows.Count);
            Assert.AreEqual(new ReplayRow(0, "greenhouse-temp", 30.5, 4), f.Rows[0]);
            Assert.AreEqual(new ReplayRow(1250, "front-door", 1, 5), f.Rows[1]);
            Assert.AreEqual(new ReplayRow(2000, "front-door", 0, 6), f.Rows[2]);
            Assert.AreEqual(-40.0, f.Rows[3].Value);
        }

        [TestMethod]
        [DataRow("0,t,1\n1,t\n", "samples.csv:2: expected time_seconds,sensor,value, got 2 fields")]
        [DataRow("0,t,1,2\n", "samples.csv:1: expected time_seconds,sensor,value, got 4 fields")]
        [DataRow("x,t,1\n", "samples.csv:1: time_seconds 'x' is not a number of seconds (0 or more, like 12.5)")]
        [DataRow("-1,t,1\n", "samples.csv:1: time_seconds '-1' is not a number of seconds (0 or more, like 12.5)")]
        [DataRow("0,t,1\n5,t,1\n3,t,1\n", "samples.csv:3: time 3 s goes back before the previous line's 5 s")]
        [DataRow("0,t,abc\n", "samples.csv:1: value 'abc' is not a number (or open/closed)")]
        [DataRow("0,t,NaN\n", "samples.csv:1: value 'NaN' is not a number (or open/closed)")]
        [DataRow("0,t,1e999\n", "samples.csv:1: value '1e999' is not a number (or open/closed)")]
        [DataRow("0,two words,1\n", "samples.csv:1: sensor 'two words' must be a name of letters, digits, '.', '_' or '-'")]
        [DataRow("0,,1\n", "samples.csv:1: sensor '' must be a name of letters, digits, '.', '_' or '-'")]
        [DataRow("time_seconds,sensor,value\ntime_seconds,sensor,value\n", "samples.csv:2: time_seconds 'time_seconds' is not a number of seconds (0 or more, like 12.5)")]
        public void BadLine_OneLineErrorNamingIt(string text, string expected)
        {
            Assert.AreEqual(expected, Error(text));
        }

        [TestMethod]
        public void OverlongLine_IsRefused()
        {
            StringAssert.StartsWith(Error("0,t," + new string('1', 300) + "\n"), "samples.csv:1: line longer than 256 characters");
        }

        [TestMethod]
        public void MissingFile_OneLine()
        {
            Assert.IsFalse(ReplayFile.TryLoad(Path.Combine(Path.GetTempPath(), "no-such-replay-" + System.Guid.NewGuid() + ".csv"), out _, out string error));
            StringAssert.Contains(error, "cannot read");
        }

        [TestMethod]
        public void Source_FeedsEachRowOnceAtItsOwnTime_OnlyForItsSensors()
        {
            ReplayFile f = Parse("0,a,1\n0.5,b,2\n1.5,a,3\n10,a,4\n");
            ReplaySource source = new ReplaySource(f, new Dictionary<string, SensorKind> { ["a"] = SensorKind.Temperature });
            List<SensorSample> got = new List<SensorSample>();
            source.Collect(5000, 0, got);
            source.Collect(5000, 1000, got);
            source.Collect(5000, 2000, got);
            source.Collect(5000, 2000, got);
            Assert.AreEqual(2, got.Count);
            Assert.AreEqual(5000L, got[0].MonotonicMilliseconds);
            Assert.AreEqual(6500L, got[1].MonotonicMilliseconds);
            Assert.AreEqual(3.0, got[1].Value);
            Assert.IsFalse(source.Finished);
            source.Collect(5000, 60000, got);
            Assert.AreEqual(3, got.Count);
            Assert.IsTrue(source.Finished);
        }
    }
}
