using System.Diagnostics;

namespace NullStringSlot
{
    /// <summary>
    /// On the nanoCLR (nf-interpreter a3e8139, POSIX host) an unset slot of a new string[] is not null: it reads
    /// as a System.String whose Length throws, "slot == null" is false, and comparing it with any string
    /// (==, !=, string.Equals, string.Compare) ends the interpreter with SIGSEGV in strcmp
    /// (CLR_RT_HeapBlock::Compare_Values, DATATYPE_STRING). An object[] slot is a true null. On .NET every line
    /// prints True and the program ends normally. nanoframework/Home#1545 (string.Concat over such an array hangs
    /// a board) is the same representation seen from another API.
    /// </summary>
    public static class Program
    {
        private static string[] s_strings = new string[2];
        private static object[] s_objects = new object[2];

        public static void Main()
        {
            Debug.WriteLine("object[] slot == null: " + (s_objects[0] == null));
            Debug.WriteLine("string[] slot == null: " + (s_strings[0] == null));
            Debug.WriteLine("string[] slot == \"x\": " + (s_strings[1] == "x"));
            Debug.WriteLine("reached the end");
        }
    }
}
