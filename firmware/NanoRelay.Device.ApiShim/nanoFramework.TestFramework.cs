// COMPILE-ONLY SHIM of nanoFramework.TestFramework 3.0.80. Not a runtime: see README.md.
// Checked against nanoframework/nanoFramework.TestFramework @d4fa55e (main; v3.0.80 is not tagged there):
// source/TestFrameworkShared/*Attribute.cs, source/TestFramework/Assert.cs, Assert.AreEqual.cs, Assert.AreNotEqual.cs.
// Only the members the portable core tests call. Lets them be compiled as the on-device project compiles
// them (NANOFRAMEWORK), against the nano mscorlib.
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) { }
    }

    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "") { }
        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "") { }
        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "") { }
        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "") { }
        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") { }
    }
}
