using System.IO;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Pop3;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The one place `run` gets its device mailbox from. Swap the body for the crash-safe store of
    /// NanoRelay.Storage once it is merged; everything else takes an <see cref="IMaildrop"/>.
    /// </summary>
    public static class MaildropFactory
    {
        /// <summary>The folder (under the data directory) the temporary maildrop serves.</summary>
        public const string TemporaryFolder = "mailbox-temporary";

        public static IMaildrop Create(string dataDirectory, HostConfig config)
        {
            // TEMPORARY: files dropped into DATA/mailbox-temporary/ are the messages (see TemporaryFileMaildrop).
            return new TemporaryFileMaildrop(new DirectoryFileStore(Path.Combine(dataDirectory, TemporaryFolder), 0));
        }
    }
}
