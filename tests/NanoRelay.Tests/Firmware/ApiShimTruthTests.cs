using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Tests.NanoCheck;

namespace NanoRelay.Tests.Firmware
{
    /// <summary>
    /// Holds firmware/NanoRelay.Device.ApiShim to the real nanoFramework packages. The packages' binaries
    /// are not in the repository and cannot be restored here, so the two checks against them run only when
    /// NANORELAY_NANO_REFS names a folder of their reference assemblies (System.Net.dll, System.Device.Gpio.dll,
    /// ... built from the upstream sources at the pinned versions; see the shim's README.md); otherwise they
    /// are inconclusive. The comparer itself is tested on snippets every time.
    /// </summary>
    [TestClass]
    public class ApiShimTruthTests
    {
        private const string RefsVariable = "NANORELAY_NANO_REFS";
        private const string ShimFolder = "firmware/NanoRelay.Device.ApiShim";

        [TestMethod]
        public void Shim_DeclaresNothingTheRealPackagesDoNot()
        {
            string[] refs = RealReferences();
            CSharpCompilation shim = Compile("Shim", Sources(ShimFolder), new string[0]);
            AssertNoErrors(shim);
            CSharpCompilation real = Compile("Real", new string[0], refs);

            List<string> differences = ShimComparer.Differences(shim, real);

            Assert.AreEqual(0, differences.Count, string.Join("\n", differences));
        }

        [TestMethod]
        public void DeviceProgram_CompilesAgainstTheRealPackages_WithoutTheShim()
        {
            string[] refs = RealReferences();
            string[] sources = Sources("firmware/NanoRelay.Device")
                .Concat(Sources("firmware/NanoRelay.Core"))
                .Concat(Sources("firmware/NanoRelay.Mx"))
                .Concat(Sources("tests/NanoRelay.Core.Tests"))
                .Concat(Sources("tests/NanoRelay.Testing"))
                .Concat(new[] { RepoFiles.PathOf("tests/NanoRelay.DeviceTests/SmtpServer/TranscriptFixtures.g.cs") })
                .ToArray();

            AssertNoErrors(Compile("NanoRelay.Device.RealCheck", sources, refs));
        }

        [TestMethod]
        public void Comparer_FindsEachKindOfDifference()
        {
            const string Real = @"
namespace P
{
    public enum Mode { A, C, B }
    public readonly struct Value { public static Value High { get { return default(Value); } } }
    public sealed class Pin : System.IDisposable { private Pin() { } public void Dispose() { } public int Read() { return 0; } }
    public class Helper { public static void Reboot() { } }
    public abstract class Base { public abstract bool CanRead { get; } public abstract void Flush(); }
    public class Config { public Config(string address) { } }
}";
            const string Shim = @"
namespace P
{
    public enum Mode { A, B, C }
    public enum Value { Low, High }
    public class Pin { public int Read() { return 0; } public bool ContainsKey(object key) { return false; } }
    public static class Helper { public static void Reboot() { } }
    public abstract class Base { public abstract void Flush(); }
    public class Config { }
    public class Missing { }
}";
            CSharpCompilation real = CompileSnippet("Real", Real);
            CSharpCompilation shim = CompileSnippet("Shim", Shim);
            AssertNoErrors(real);
            AssertNoErrors(shim);
            string realPath = Path.Combine(Path.GetTempPath(), "ApiShimTruth-" + Guid.NewGuid().ToString("N") + ".dll");
            try
            {
                using (FileStream f = File.Create(realPath))
                {
                    Assert.IsTrue(real.Emit(f).Success);
                }

                List<string> d = ShimComparer.Differences(shim, Compile("RealRefs", new string[0], new[] { realPath }));
                string all = string.Join("\n", d);

                StringAssert.Contains(all, "P.Mode: enum members", all);
                StringAssert.Contains(all, "P.Value: shape", all);
                StringAssert.Contains(all, "P.Pin: shape", all);
                StringAssert.Contains(all, "P.Pin: ContainsKey", all);
                StringAssert.Contains(all, "P.Pin: .ctor", all);
                StringAssert.Contains(all, "P.Helper: shape", all);
                StringAssert.Contains(all, "P.Base: lacks abstract CanRead", all);
                StringAssert.Contains(all, "P.Config: .ctor", all);
                StringAssert.Contains(all, "P.Missing: not in the real packages", all);
                Assert.IsFalse(all.Contains("Read()", StringComparison.Ordinal), all);
                Assert.IsFalse(all.Contains("Reboot", StringComparison.Ordinal), all);
            }
            finally
            {
                File.Delete(realPath);
            }
        }

        private static string[] RealReferences()
        {
            string folder = Environment.GetEnvironmentVariable(RefsVariable);
            if (string.IsNullOrEmpty(folder))
            {
                Assert.Inconclusive(RefsVariable + " is not set: no reference assemblies of the real nanoFramework packages to check the shim against");
            }

            string[] dlls = Directory.GetFiles(folder, "*.dll").Where(p => !Path.GetFileName(p).Equals("mscorlib.dll", StringComparison.OrdinalIgnoreCase)).ToArray();
            Assert.IsTrue(dlls.Length > 0, RefsVariable + "=" + folder + " holds no .dll");
            return dlls;
        }

        private static string[] Sources(string relativeFolder) =>
            RepoFiles.SourcesUnder(relativeFolder)
                .Where(f => !f.StartsWith("Properties\\", StringComparison.Ordinal))
                .Select(f => RepoFiles.PathOf(relativeFolder + "/" + f.Replace('\\', '/')))
                .ToArray();

        private static CSharpCompilation Compile(string name, IEnumerable<string> files, IEnumerable<string> references)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp13, preprocessorSymbols: new[] { "NANOFRAMEWORK" });
            return CSharpCompilation.Create(
                name,
                files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)),
                new[] { MetadataReference.CreateFromFile(NanoFiles.Mscorlib) }.Concat(references.Select(r => MetadataReference.CreateFromFile(r))),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        }

        private static CSharpCompilation CompileSnippet(string name, string source) =>
            CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp13)) },
                new[] { MetadataReference.CreateFromFile(NanoFiles.Mscorlib) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        private static void AssertNoErrors(Compilation c)
        {
            Diagnostic[] errors = c.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.AreEqual(0, errors.Length, string.Join("\n", errors.Take(40).Select(e => e.ToString())));
        }
    }

    /// <summary>
    /// Compares every public or protected type and member declared by a shim compilation with the same-named
    /// type in referenced (real) assemblies: the type's kind, modifiers, base type and interfaces; enum members
    /// and values in order; each declared member's exact signature (including implicit constructors); and,
    /// for abstract classes and interfaces, that the shim declares every abstract member the real type has.
    /// Members the shim leaves out are allowed otherwise: the shim declares what the device code uses.
    /// </summary>
    internal static class ShimComparer
    {
        private static readonly SymbolDisplayFormat Signature = new SymbolDisplayFormat(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeParameters
                | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeExplicitInterface | SymbolDisplayMemberOptions.IncludeConstantValue,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeParamsRefOut
                | SymbolDisplayParameterOptions.IncludeDefaultValue,
            propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private static readonly SymbolDisplayFormat TypeName = new SymbolDisplayFormat(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        public static List<string> Differences(Compilation shim, Compilation real)
        {
            var differences = new List<string>();
            foreach (INamedTypeSymbol s in Types(shim.Assembly.GlobalNamespace).Where(Visible))
            {
                string name = s.ToDisplayString(TypeName);
                INamedTypeSymbol r = FindReal(real, s);
                if (r == null)
                {
                    differences.Add(name + ": not in the real packages");
                    continue;
                }

                if (Shape(s) != Shape(r))
                {
                    differences.Add(name + ": shape\n    shim: " + Shape(s) + "\n    real: " + Shape(r));
                }

                if (s.TypeKind == TypeKind.Enum || r.TypeKind == TypeKind.Enum)
                {
                    if (EnumMembers(s) != EnumMembers(r))
                    {
                        differences.Add(name + ": enum members\n    shim: " + EnumMembers(s) + "\n    real: " + EnumMembers(r));
                    }

                    continue;
                }

                HashSet<string> realMembers = new HashSet<string>(Members(r).Select(m => m.ToDisplayString(Signature)), StringComparer.Ordinal);
                foreach (ISymbol m in Members(s))
                {
                    string sig = m.ToDisplayString(Signature);
                    if (!realMembers.Contains(sig))
                    {
                        string[] near = Members(r).Where(x => x.Name == m.Name).Select(x => x.ToDisplayString(Signature)).ToArray();
                        differences.Add(name + ": " + m.Name + "\n    shim: " + sig + (near.Length == 0 ? "\n    real: (none)" : string.Concat(near.Select(n => "\n    real: " + n))));
                    }
                }

                if (r.IsAbstract)
                {
                    HashSet<string> shimMembers = new HashSet<string>(Members(s).Select(m => m.ToDisplayString(Signature)), StringComparer.Ordinal);
                    foreach (ISymbol m in Members(r).Where(x => x.IsAbstract && !shimMembers.Contains(x.ToDisplayString(Signature))))
                    {
                        differences.Add(name + ": lacks abstract " + m.Name + "\n    real: " + m.ToDisplayString(Signature));
                    }
                }
            }

            return differences;
        }

        private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
        {
            foreach (ISymbol member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    foreach (INamedTypeSymbol t in Types(ns))
                    {
                        yield return t;
                    }
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                    foreach (INamedTypeSymbol nested in Types(type))
                    {
                        yield return nested;
                    }
                }
            }
        }

        private static bool Visible(ISymbol s) =>
            s.DeclaredAccessibility == Accessibility.Public || s.DeclaredAccessibility == Accessibility.Protected || s.DeclaredAccessibility == Accessibility.ProtectedOrInternal;

        private static INamedTypeSymbol FindReal(Compilation real, INamedTypeSymbol shimType)
        {
            string metadataName = MetadataName(shimType);
            foreach (MetadataReference reference in real.References)
            {
                if (real.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                {
                    INamedTypeSymbol t = assembly.GetTypeByMetadataName(metadataName);
                    if (t != null && Visible(t))
                    {
                        return t;
                    }
                }
            }

            return null;
        }

        private static string MetadataName(INamedTypeSymbol t) =>
            t.ContainingType != null
                ? MetadataName(t.ContainingType) + "+" + t.MetadataName
                : (t.ContainingNamespace.IsGlobalNamespace ? "" : t.ContainingNamespace.ToDisplayString() + ".") + t.MetadataName;

        private static string Shape(INamedTypeSymbol t)
        {
            string modifiers = (t.IsStatic ? "static " : "")
                + (t.IsAbstract && t.TypeKind == TypeKind.Class && !t.IsStatic ? "abstract " : "")
                + (t.IsSealed && t.TypeKind == TypeKind.Class && !t.IsStatic ? "sealed " : "")
                + (t.IsReadOnly ? "readonly " : "");
            string baseType = t.BaseType != null && t.TypeKind == TypeKind.Class ? " : " + t.BaseType.ToDisplayString(TypeName) : "";
            string interfaces = string.Join(", ", t.AllInterfaces.Select(i => i.ToDisplayString(TypeName)).OrderBy(i => i, StringComparer.Ordinal));
            string flags = t.GetAttributes().Any(a => a.AttributeClass?.Name == "FlagsAttribute") ? "[Flags] " : "";
            AttributeData usage = t.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "AttributeUsageAttribute");
            string usageText = usage == null ? "" : "[AttributeUsage(" + string.Join(", ", usage.ConstructorArguments.Select(a => a.Value)
                .Concat(usage.NamedArguments.Where(n => n.Key == "AllowMultiple" && (bool)n.Value.Value).Select(n => (object)"AllowMultiple"))) + ")] ";
            return flags + usageText + modifiers + t.TypeKind.ToString().ToLowerInvariant() + baseType + (interfaces.Length > 0 ? " implements " + interfaces : "");
        }

        private static string EnumMembers(INamedTypeSymbol t) =>
            (t.EnumUnderlyingType != null ? t.EnumUnderlyingType.ToDisplayString(TypeName) + ": " : "")
            + string.Join(", ", t.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name + "=" + f.ConstantValue));

        private static IEnumerable<ISymbol> Members(INamedTypeSymbol t) =>
            t.GetMembers().Where(m =>
                m.Kind != SymbolKind.NamedType
                && !(m is IMethodSymbol method && (method.AssociatedSymbol != null || method.MethodKind == MethodKind.Destructor || method.MethodKind == MethodKind.StaticConstructor))
                && (Visible(m) || IsExplicitImplementation(m)));

        private static bool IsExplicitImplementation(ISymbol m) =>
            (m is IMethodSymbol method && method.ExplicitInterfaceImplementations.Length > 0)
            || (m is IPropertySymbol property && property.ExplicitInterfaceImplementations.Length > 0);
    }
}
