using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim.Budget;

namespace NanoRelay.Tests.Allocation
{
    /// <summary>
    /// Memory tests cannot be disturbed by the test classes running beside them (issue 13, item 8).
    /// The assembly runs classes in parallel (AssemblyInfo.cs). GC.GetTotalMemory, and the host's
    /// MemoryMeter built on it, count every thread's objects, so a class that reads them must be
    /// [DoNotParallelize] (MSTest then runs it after the parallel classes, alone).
    /// GC.GetAllocatedBytesForCurrentThread counts only the calling thread and needs no such care:
    /// the allocation tests measure work done on their own thread.
    /// </summary>
    [TestClass]
    public class MemoryTestIsolationTests
    {
        private static readonly Dictionary<short, OpCode> s_opcodes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null))
            .ToDictionary(o => o.Value);

        /// <summary>The methods a method body calls (call, callvirt, newobj, ldftn), read from its IL.</summary>
        private static IEnumerable<MethodBase> Callees(MethodBase method)
        {
            byte[] il = method.GetMethodBody()?.GetILAsByteArray();
            if (il == null)
            {
                yield break;
            }

            int i = 0;
            while (i < il.Length)
            {
                short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
                OpCode op = s_opcodes[value];
                i += op.Size;
                int operand = op.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                    _ => 4,
                };
                if (op.OperandType == OperandType.InlineMethod)
                {
                    MethodBase callee = null;
                    try
                    {
                        callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (Exception e) when (e is ArgumentException || e is BadImageFormatException)
                    {
                    }

                    if (callee != null)
                    {
                        yield return callee;
                    }
                }

                i += operand;
            }
        }

        private static bool ReadsProcessWideMemory(MethodBase callee)
        {
            return (callee.DeclaringType == typeof(GC) && callee.Name == nameof(GC.GetTotalMemory))
                || callee.DeclaringType == typeof(MemoryMeter);
        }

        private static IEnumerable<Type> WithNested(Type t)
        {
            yield return t;
            foreach (Type n in t.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
            {
                foreach (Type m in WithNested(n))
                {
                    yield return m;
                }
            }
        }

        [TestMethod]
        public void ClassesReadingGcTotalMemory_AreNotParallelized()
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            List<string> readers = new List<string>();
            List<string> parallel = new List<string>();
            foreach (Type t in typeof(MemoryTestIsolationTests).Assembly.GetTypes().Where(t => t.GetCustomAttribute<TestClassAttribute>() != null))
            {
                bool reads = WithNested(t)
                    .SelectMany(n => n.GetMethods(all).Cast<MethodBase>().Concat(n.GetConstructors(all)))
                    .Any(m => Callees(m).Any(ReadsProcessWideMemory));
                if (!reads)
                {
                    continue;
                }

                readers.Add(t.Name);
                bool classAlone = t.GetCustomAttribute<DoNotParallelizeAttribute>() != null;
                string[] methodsInParallel = t.GetMethods()
                    .Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null && m.GetCustomAttribute<DoNotParallelizeAttribute>() == null)
                    .Select(m => m.Name)
                    .ToArray();
                if (!classAlone && methodsInParallel.Length > 0)
                {
                    parallel.Add(t.Name + " (" + string.Join(", ", methodsInParallel) + ")");
                }
            }

            // The scan must see the two known readers, or it proves nothing.
            CollectionAssert.IsSubsetOf(new[] { "MemoryMeterTests", "SessionMemoryTests" }, readers, string.Join(", ", readers));
            Assert.AreEqual(0, parallel.Count, "read process-wide memory while other classes run: " + string.Join("; ", parallel));
        }
    }
}
