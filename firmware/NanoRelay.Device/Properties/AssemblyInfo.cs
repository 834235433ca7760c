using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("nanoRelay")]
[assembly: AssemblyDescription("nanoRelay mail relay for ESP32 under .NET nanoFramework")]
[assembly: AssemblyProduct("nanoRelay")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
