using System.Runtime.CompilerServices;

// On the device the core is several assemblies (firmware/*/*.nfproj): one nanoFramework assembly holds at most
// 64 KB of byte code (the MetadataProcessor's limit), and the whole core is close to it. The SMTP client, the
// SMTP server and the relay worker (firmware/NanoRelay.Smtp) set a spool entry's attempt counters.
[assembly: InternalsVisibleTo("NanoRelay.Smtp")]
