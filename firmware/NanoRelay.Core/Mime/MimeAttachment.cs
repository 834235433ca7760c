using NanoRelay.Ports;

namespace NanoRelay.Mime
{
    /// <summary>A file to attach: its name, its media type, and its content read in fixed chunks.</summary>
    public sealed class MimeAttachment
    {
        public MimeAttachment(string fileName, string contentType, IFileReader content)
        {
            FileName = fileName;
            ContentType = contentType == null || contentType.Length == 0 ? "application/octet-stream" : contentType;
            Content = content;
        }

        public string FileName { get; private set; }

        /// <summary>"type/subtype" (RFC 2045 §5.1).</summary>
        public string ContentType { get; private set; }

        public IFileReader Content { get; private set; }
    }
}
