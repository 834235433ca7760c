using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("nanoRelay core behaviour tests on nanoCLR or a board")]
[assembly: AssemblyProduct("nanoRelay")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
