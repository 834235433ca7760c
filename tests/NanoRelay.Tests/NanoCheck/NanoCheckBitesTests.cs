using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoRelay.Tests.NanoCheck
{
    /// <summary>
    /// Proves both halves of the nano check catch what they claim: known-bad snippets compiled with
    /// Roslyn against the same nanoFramework mscorlib either fail to compile (APIs the stable line
    /// lacks) or compile and are caught by <see cref="NanoMetadataChecker"/> (constructs the
    /// compiler allows but the nanoCLR cannot run). A clean control snippet passes both.
    /// </summary>
    [TestClass]
    public class NanoCheckBitesTests
    {
        [TestMethod]
        [DataRow("List<int>", "using System.Collections.Generic; class C { List<int> _l = new List<int>(); }", "Generic")]
        [DataRow("Span<byte>", "class C { int M(byte[] b) { System.Span<byte> s = b; return s.Length; } }", "Span<>")]
        [DataRow("LINQ", "using System.Linq; class C { object M(int[] a) { return from x in a where x > 0 select x; } }", "Linq")]
        [DataRow("StringBuilder", "class C { object M() { return new System.Text.StringBuilder(); } }", "Text")]
        [DataRow("Encoding.UTF8", "class C { byte[] M(string s) { return System.Text.Encoding.UTF8.GetBytes(s); } }", "Text")]
        [DataRow("Stream", "class C { System.IO.Stream _s; }", "Stream")]
        [DataRow("Task", "class C { async System.Threading.Tasks.Task M() { await System.Threading.Tasks.Task.Delay(1); } }", "Tasks")]
        public void ApiMissingFromNanoMscorlib_FailsToCompile(string what, string source, string named)
        {
            NanoSnippet s = NanoSnippet.Compile(source);
            Assert.IsNull(s.Image, what + " compiled against the nanoFramework mscorlib");
            StringAssert.Contains(s.Errors, "'" + named + "'", what + ": the error should name the missing part:\n" + s.Errors);
        }

        [TestMethod]
        public void CleanSnippet_Compiles_AndHasNoFindings()
        {
            NanoSnippet s = NanoSnippet.Compile(
                "using System; using System.Collections;\n" +
                "namespace N { public interface IPort { int Read(byte[] b, int o, int n); }\n" +
                "public sealed class Clean : IPort { private readonly ArrayList _items = new ArrayList(); private readonly byte[] _buf = new byte[16];\n" +
                "  public int Read(byte[] b, int o, int n) { Array.Copy(_buf, 0, b, o, n); _items.Add(n); return n; }\n" +
                "  public static string Show(int v) { return \"v=\" + v.ToString(); } } }");
            Assert.IsNotNull(s.Image, s.Errors);
            CollectionAssert.AreEqual(new NanoFinding[0], Check(s));
        }

        [TestMethod]
        public void GenericMethod_Compiles_ButIsCaught()
        {
            NanoSnippet s = NanoSnippet.Compile("static class G { public static T Id<T>(T x) { return x; } public static int Use() { return Id(1); } }");
            Assert.IsNotNull(s.Image, s.Errors);
            var findings = Check(s);
            AssertHas(findings, NanoFinding.GenericDefinition, "G::Id <T>");
            AssertHas(findings, NanoFinding.GenericInstantiation, "MethodSpec of G::Id");
        }

        [TestMethod]
        public void GenericClass_Compiles_ButIsCaught()
        {
            NanoSnippet s = NanoSnippet.Compile("class Box<T> { public T Value; } class User { Box<int> _b = new Box<int>(); }");
            Assert.IsNotNull(s.Image, s.Errors);
            var findings = Check(s);
            AssertHas(findings, NanoFinding.GenericDefinition, "Box`1 <T>");
            AssertHas(findings, NanoFinding.GenericInstantiation, "field User::_b uses Box`1<Int32>");
        }

        [TestMethod]
        public void PointerField_CompilesWithUnsafe_ButIsCaught()
        {
            NanoSnippet s = NanoSnippet.Compile("unsafe struct P { public int* Ptr; }", allowUnsafe: true);
            Assert.IsNotNull(s.Image, s.Errors);
            AssertHas(Check(s), NanoFinding.Pointer, "field P::Ptr uses Int32*");
        }

        [TestMethod]
        public void PointerLocal_CompilesWithUnsafe_ButIsCaught()
        {
            NanoSnippet s = NanoSnippet.Compile("unsafe class L { public static int M(int v) { int* p = &v; return *p; } }", allowUnsafe: true);
            Assert.IsNotNull(s.Image, s.Errors);
            AssertHas(Check(s), NanoFinding.Pointer, "locals of L::M uses Int32*");
        }

        [TestMethod]
        public void DefaultInterfaceMethod_Compiles_ButIsCaught()
        {
            NanoSnippet s = NanoSnippet.Compile("interface IGreeter { int Code(); int Twice() { return 2 * Code(); } }");
            Assert.IsNotNull(s.Image, s.Errors);
            var findings = Check(s);
            AssertHas(findings, NanoFinding.DefaultInterfaceMethod, "IGreeter::Twice");
            Assert.AreEqual(1, findings.Count, string.Join("\n", findings));
        }

        [TestMethod]
        public void AsyncStateMachine_BuiltByTheCompiler_IsCaught()
        {
            // The nanoFramework mscorlib has no Task, so async cannot compile against it (see the
            // Task row above). Here the snippet brings its own task-like type and the compiler's
            // well-known async types, so Roslyn generates a real state machine for the checker.
            NanoSnippet s = NanoSnippet.Compile(AsyncShim + "class Worker { public async Job Run() { await new Ready(); } }");
            Assert.IsNotNull(s.Image, s.Errors);
            var findings = Check(s);
            AssertHas(findings, NanoFinding.AsyncStateMachine, "Worker+<Run>d__0 implements IAsyncStateMachine");
            AssertHas(findings, NanoFinding.AsyncStateMachine, "Worker::Run is async");
        }

        [TestMethod]
        public void RealCore_ForNano_HasNoFindings()
        {
            var findings = NanoMetadataChecker.Check(NanoFiles.CoreNanoAssembly);
            Assert.AreEqual(0, findings.Count, "NanoRelay.Core.Nano.dll uses what the nanoCLR cannot run:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void RealCore_ForNano_ContainsTheCoreTypes()
        {
            // Guards the test above against checking an empty or wrong assembly.
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(NanoFiles.CoreNanoAssembly));
            var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var names = md.TypeDefinitions.Select(h => NanoMetadataChecker.TypeName(md, h)).ToList();
            CollectionAssert.Contains(names, "NanoRelay.Framing.LineFramer");
            CollectionAssert.Contains(names, "NanoRelay.Crypto.Md5");
            Assert.AreEqual("mscorlib", md.GetString(md.GetAssemblyReference(md.AssemblyReferences.Single()).Name), "the nano build references the nanoFramework mscorlib only");
        }

        private static System.Collections.Generic.List<NanoFinding> Check(NanoSnippet s)
        {
            return NanoMetadataChecker.Check(new MemoryStream(s.Image));
        }

        private static void AssertHas(System.Collections.Generic.List<NanoFinding> findings, string rule, string where)
        {
            Assert.IsTrue(findings.Contains(new NanoFinding(rule, where)), "expected \"" + rule + ": " + where + "\" among:\n" + string.Join("\n", findings));
        }

        private const string AsyncShim = @"
namespace System.Runtime.CompilerServices
{
    public interface IAsyncStateMachine { void MoveNext(); void SetStateMachine(IAsyncStateMachine stateMachine); }
    public interface INotifyCompletion { void OnCompleted(System.Action continuation); }
    public interface ICriticalNotifyCompletion : INotifyCompletion { void UnsafeOnCompleted(System.Action continuation); }
    public sealed class AsyncMethodBuilderAttribute : System.Attribute { public AsyncMethodBuilderAttribute(System.Type t) { } }
    public sealed class AsyncStateMachineAttribute : System.Attribute { public AsyncStateMachineAttribute(System.Type t) { } }
}
[System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(JobBuilder))]
public class Job { }
public struct Ready : System.Runtime.CompilerServices.INotifyCompletion
{
    public Ready GetAwaiter() { return this; }
    public bool IsCompleted { get { return true; } }
    public void GetResult() { }
    public void OnCompleted(System.Action continuation) { continuation(); }
}
public struct JobBuilder
{
    public static JobBuilder Create() { return new JobBuilder(); }
    public Job Task { get { return new Job(); } }
    public void Start<TSM>(ref TSM sm) where TSM : System.Runtime.CompilerServices.IAsyncStateMachine { sm.MoveNext(); }
    public void SetStateMachine(System.Runtime.CompilerServices.IAsyncStateMachine sm) { }
    public void SetResult() { }
    public void SetException(System.Exception e) { }
    public void AwaitOnCompleted<TA, TSM>(ref TA a, ref TSM sm) where TA : System.Runtime.CompilerServices.INotifyCompletion where TSM : System.Runtime.CompilerServices.IAsyncStateMachine { }
    public void AwaitUnsafeOnCompleted<TA, TSM>(ref TA a, ref TSM sm) where TA : System.Runtime.CompilerServices.ICriticalNotifyCompletion where TSM : System.Runtime.CompilerServices.IAsyncStateMachine { }
}
";
    }
}
