// COMPILE-ONLY SHIM of nanoFramework.TestFramework 3.0.80. Not a runtime: see README.md.
// research/nanoframework-facts.md §3.3: attributes TestClass, TestMethod, Setup, Cleanup, DataRow(params object[]);
// Assert.AreEqual/AreNotEqual for bool..object, IsTrue, IsFalse, IsNull, IsNotNull, AreSame, AreNotSame, the last
// parameter [CallerArgumentExpression] string message = "". Lets the portable core tests be compiled as the
// on-device project compiles them (NANOFRAMEWORK), against the nano mscorlib.
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method)]
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
        public static void AreNotEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "") { }
        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "") { }
        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "") { }
        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "") { }
        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") { }
        public static void AreNotSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") { }
    }
}
