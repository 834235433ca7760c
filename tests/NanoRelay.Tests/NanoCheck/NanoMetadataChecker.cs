using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoRelay.Tests.NanoCheck
{
    /// <summary>
    /// Reads a compiled assembly's metadata and lists what the C# compiler accepts against the
    /// nanoFramework mscorlib but the stable nanoCLR cannot run: generic type or method definitions
    /// (GenericParam table), generic instantiations (GENERICINST in any signature, MethodSpec table),
    /// async state machines, pointer and function pointer types in any signature, and default
    /// interface methods (instance methods with bodies on interfaces).
    /// </summary>
    public static class NanoMetadataChecker
    {
        public static List<NanoFinding> Check(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            return Check(stream);
        }

        public static List<NanoFinding> Check(Stream assembly)
        {
            using var pe = new PEReader(assembly);
            MetadataReader md = pe.GetMetadataReader();
            var findings = new List<NanoFinding>();

            // ECMA-335 §II.22.20 GenericParam: one row per type parameter of a type or method.
            for (int row = 1; row <= md.GetTableRowCount(TableIndex.GenericParam); row++)
            {
                GenericParameter p = md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
                string owner = p.Parent.Kind == HandleKind.TypeDefinition
                    ? TypeName(md, (TypeDefinitionHandle)p.Parent)
                    : MethodName(md, (MethodDefinitionHandle)p.Parent);
                findings.Add(new NanoFinding(NanoFinding.GenericDefinition, owner + " <" + md.GetString(p.Name) + ">"));
            }

            // ECMA-335 §II.22.29 MethodSpec: every call of a generic method instance.
            for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                MethodSpecification spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                findings.Add(new NanoFinding(NanoFinding.GenericInstantiation, "MethodSpec of " + MemberName(md, spec.Method)));
            }

            // ECMA-335 §II.22.39 TypeSpec: GENERICINST, PTR, FNPTR inside any type specification.
            for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                TypeSpecification spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
                var scan = new SignatureScan(md);
                string shown = spec.DecodeSignature(scan, null);
                scan.Report(findings, "TypeSpec " + shown);
            }

            foreach (TypeDefinitionHandle th in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(th);
                string typeName = TypeName(md, th);
                bool isInterface = (type.Attributes & TypeAttributes.Interface) != 0;

                foreach (InterfaceImplementationHandle ih in type.GetInterfaceImplementations())
                {
                    EntityHandle iface = md.GetInterfaceImplementation(ih).Interface;
                    if (iface.Kind != HandleKind.TypeSpecification && EntityName(md, iface) == "System.Runtime.CompilerServices.IAsyncStateMachine")
                    {
                        findings.Add(new NanoFinding(NanoFinding.AsyncStateMachine, typeName + " implements IAsyncStateMachine"));
                    }
                }

                foreach (FieldDefinitionHandle fh in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(fh);
                    var scan = new SignatureScan(md);
                    field.DecodeSignature(scan, null);
                    scan.Report(findings, "field " + typeName + "::" + md.GetString(field.Name));
                }

                foreach (MethodDefinitionHandle mh in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(mh);
                    string methodName = MethodName(md, mh);
                    var scan = new SignatureScan(md);
                    method.DecodeSignature(scan, null);
                    scan.Report(findings, "method " + methodName);

                    if (method.RelativeVirtualAddress != 0)
                    {
                        MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                        if (!body.LocalSignature.IsNil)
                        {
                            var locals = new SignatureScan(md);
                            md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(locals, null);
                            locals.Report(findings, "locals of " + methodName);
                        }
                    }

                    foreach (CustomAttributeHandle ah in method.GetCustomAttributes())
                    {
                        if (AttributeTypeName(md, md.GetCustomAttribute(ah)) == "System.Runtime.CompilerServices.AsyncStateMachineAttribute")
                        {
                            findings.Add(new NanoFinding(NanoFinding.AsyncStateMachine, methodName + " is async"));
                        }
                    }

                    // C# 8 default interface methods: an interface method that is neither abstract nor static has a body.
                    MethodAttributes a = method.Attributes;
                    if (isInterface && (a & MethodAttributes.Abstract) == 0 && (a & MethodAttributes.Static) == 0)
                    {
                        findings.Add(new NanoFinding(NanoFinding.DefaultInterfaceMethod, methodName));
                    }
                }
            }

            // Signatures of members used from other assemblies (calls, field loads) and calli sites.
            foreach (MemberReferenceHandle rh in md.MemberReferences)
            {
                MemberReference member = md.GetMemberReference(rh);
                var scan = new SignatureScan(md);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    member.DecodeMethodSignature(scan, null);
                }
                else
                {
                    member.DecodeFieldSignature(scan, null);
                }

                scan.Report(findings, "reference to " + MemberName(md, rh));
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.StandAloneSig); row++)
            {
                StandaloneSignature sig = md.GetStandaloneSignature(MetadataTokens.StandaloneSignatureHandle(row));
                if (sig.GetKind() == StandaloneSignatureKind.Method)
                {
                    var scan = new SignatureScan(md);
                    sig.DecodeMethodSignature(scan, null);
                    scan.Report(findings, "calli signature #" + row);
                }
            }

            return findings;
        }

        internal static string TypeName(MetadataReader md, TypeDefinitionHandle h)
        {
            TypeDefinition t = md.GetTypeDefinition(h);
            TypeDefinitionHandle outer = t.GetDeclaringType();
            string name = md.GetString(t.Name);
            if (!outer.IsNil)
            {
                return TypeName(md, outer) + "+" + name;
            }

            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        internal static string EntityName(MetadataReader md, EntityHandle h)
        {
            switch (h.Kind)
            {
                case HandleKind.TypeDefinition:
                    return TypeName(md, (TypeDefinitionHandle)h);
                case HandleKind.TypeReference:
                    TypeReference r = md.GetTypeReference((TypeReferenceHandle)h);
                    string ns = md.GetString(r.Namespace);
                    string name = md.GetString(r.Name);
                    if (r.ResolutionScope.Kind == HandleKind.TypeReference)
                    {
                        return EntityName(md, (TypeReferenceHandle)r.ResolutionScope) + "+" + name;
                    }

                    return ns.Length == 0 ? name : ns + "." + name;
                case HandleKind.TypeSpecification:
                    return md.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(new SignatureScan(md), null);
                default:
                    return h.Kind.ToString();
            }
        }

        private static string MethodName(MetadataReader md, MethodDefinitionHandle h)
        {
            MethodDefinition m = md.GetMethodDefinition(h);
            return TypeName(md, m.GetDeclaringType()) + "::" + md.GetString(m.Name);
        }

        private static string MemberName(MetadataReader md, EntityHandle h)
        {
            switch (h.Kind)
            {
                case HandleKind.MethodDefinition:
                    return MethodName(md, (MethodDefinitionHandle)h);
                case HandleKind.MemberReference:
                    MemberReference r = md.GetMemberReference((MemberReferenceHandle)h);
                    return EntityName(md, r.Parent) + "::" + md.GetString(r.Name);
                default:
                    return h.Kind.ToString();
            }
        }

        private static string AttributeTypeName(MetadataReader md, CustomAttribute attribute)
        {
            EntityHandle ctor = attribute.Constructor;
            if (ctor.Kind == HandleKind.MemberReference)
            {
                return EntityName(md, md.GetMemberReference((MemberReferenceHandle)ctor).Parent);
            }

            if (ctor.Kind == HandleKind.MethodDefinition)
            {
                return TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType());
            }

            return string.Empty;
        }

        /// <summary>Decodes a signature into a readable type name, noting generic instantiations, generic parameters and pointers.</summary>
        private sealed class SignatureScan : ISignatureTypeProvider<string, object>
        {
            private readonly MetadataReader _md;
            private readonly SortedSet<string> _generic = new SortedSet<string>();
            private readonly SortedSet<string> _pointers = new SortedSet<string>();

            public SignatureScan(MetadataReader md)
            {
                _md = md;
            }

            public void Report(List<NanoFinding> findings, string where)
            {
                foreach (string g in _generic)
                {
                    findings.Add(new NanoFinding(NanoFinding.GenericInstantiation, where + " uses " + g));
                }

                foreach (string p in _pointers)
                {
                    findings.Add(new NanoFinding(NanoFinding.Pointer, where + " uses " + p));
                }
            }

            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

            public string GetByReferenceType(string elementType) => elementType + "&";

            public string GetFunctionPointerType(MethodSignature<string> signature)
            {
                string shown = "delegate*<" + string.Join(", ", signature.ParameterTypes) + (signature.ParameterTypes.Length > 0 ? ", " : "") + signature.ReturnType + ">";
                _pointers.Add(shown);
                return shown;
            }

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
            {
                string shown = genericType + "<" + string.Join(", ", typeArguments) + ">";
                _generic.Add(shown);
                return shown;
            }

            public string GetGenericMethodParameter(object genericContext, int index)
            {
                string shown = "!!" + index;
                _generic.Add(shown);
                return shown;
            }

            public string GetGenericTypeParameter(object genericContext, int index)
            {
                string shown = "!" + index;
                _generic.Add(shown);
                return shown;
            }

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

            public string GetPinnedType(string elementType) => elementType + " pinned";

            public string GetPointerType(string elementType)
            {
                string shown = elementType + "*";
                _pointers.Add(shown);
                return shown;
            }

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(_md, handle);

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => EntityName(_md, handle);

            public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
                => _md.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }
    }
}
