using System.IO;

namespace NanoRelay.HostSim
{
    /// <summary>A media type for an attachment from its file extension (a few common ones; else application/octet-stream).</summary>
    public static class MediaTypes
    {
        public static string Guess(string path)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".txt":
                case ".log":
                    return "text/plain";
                case ".csv":
                    return "text/csv";
                case ".json":
                    return "application/json";
                case ".pdf":
                    return "application/pdf";
                case ".png":
                    return "image/png";
                case ".jpg":
                case ".jpeg":
                    return "image/jpeg";
                default:
                    return "application/octet-stream";
            }
        }
    }
}
