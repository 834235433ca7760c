using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Smtp;

namespace NanoRelay.HostSim
{
    /// <summary>What <see cref="Upstream.Send"/> did: an outcome, or a usage problem found before any I/O.</summary>
    public sealed class UpstreamResult
    {
        public SmtpOutcome Outcome { get; set; }

        public string Usage { get; set; }
    }

    /// <summary>
    /// One message to the configured upstream, the relay's way: written by the core's MIME writer
    /// into a spool file first, then streamed from it by the core's client over the desktop TCP/TLS
    /// adapter. The spool file is removed after the attempt (the relay's queue keeps its own).
    /// </summary>
    public static class Upstream
    {
        public static UpstreamResult Send(HostConfig config, OutgoingMessage message, IFileStore spool, IClock clock, IRandom random, ILog log)
        {
            X509Certificate2Collection cas;
            try
            {
                cas = TcpConnector.LoadTrustedCas(config.Resolve(config.Upstream.TrustedCaFile));
            }
            catch (CryptographicException e)
            {
                throw new ConfigException("upstream.trustedCaFile: not a PEM or DER certificate: " + e.Message);
            }

            byte[] id = new byte[6];
            random.NextBytes(id, 0, id.Length);
            string name = "send" + Convert.ToHexStringLower(id) + ".eml";
            IFileWriter file = spool.Create(name);
            try
            {
                MessageWriter writer = new MessageWriter(clock, random);
                MimeWriteResult written;
                try
                {
                    written = writer.Write(message, file);
                    file.Flush();
                }
                finally
                {
                    file.Close();
                }

                if (written == MimeWriteResult.Invalid)
                {
                    return new UpstreamResult { Usage = writer.Error };
                }

                if (written == MimeWriteResult.ClockUntrusted)
                {
                    return new UpstreamResult { Outcome = SmtpOutcome.Local(SmtpFailure.ClockUntrusted, writer.Error) };
                }

                SmtpEnvelope envelope = new SmtpEnvelope(OutgoingMessage.AddrSpec(message.From), message.EnvelopeRecipients()) { Size = writer.Length, EightBit = writer.Is8Bit };
                SmtpClientDriver driver = new SmtpClientDriver(new TcpConnector(cas), clock, log, UpstreamSettings.From(config));
                SmtpOutcome opened = driver.Open();
                if (opened != null)
                {
                    return new UpstreamResult { Outcome = opened };
                }

                IFileReader content = spool.OpenRead(name);
                try
                {
                    SmtpOutcome outcome = driver.Send(envelope, content);
                    driver.Close();
                    return new UpstreamResult { Outcome = outcome };
                }
                finally
                {
                    content.Close();
                }
            }
            finally
            {
                spool.Delete(name);
            }
        }
    }
}
