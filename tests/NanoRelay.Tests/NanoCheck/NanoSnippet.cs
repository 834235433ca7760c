using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoRelay.Tests.NanoCheck
{
    /// <summary>Compiles C# with Roslyn exactly as the nano check project does: no standard library, only the nanoFramework mscorlib.</summary>
    internal sealed class NanoSnippet
    {
        private NanoSnippet(byte[] image, string errors)
        {
            Image = image;
            Errors = errors;
        }

        /// <summary>The assembly, or null when compilation failed.</summary>
        public byte[] Image { get; }

        /// <summary>The compiler's errors, one a line.</summary>
        public string Errors { get; }

        public static NanoSnippet Compile(string source, bool allowUnsafe = false)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp13);
            var compilation = CSharpCompilation.Create(
                "Snippet",
                new[] { CSharpSyntaxTree.ParseText(source, parse) },
                new[] { MetadataReference.CreateFromFile(NanoFiles.Mscorlib) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: allowUnsafe, nullableContextOptions: NullableContextOptions.Disable));
            using var pe = new MemoryStream();
            var result = compilation.Emit(pe);
            string errors = string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
            return new NanoSnippet(result.Success ? pe.ToArray() : null, errors);
        }
    }
}
