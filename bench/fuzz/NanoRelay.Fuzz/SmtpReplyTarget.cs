using System;
using System.Collections.Generic;
using NanoRelay.Framing;
using NanoRelay.Smtp;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// The SMTP reply parser (RFC 5321 §4.2) with EHLO capability reading: bytes from a hostile
    /// server, framed, validated and assembled. No exception; a complete reply has a 2xx-5xx code,
    /// at least one line and text within its buffer; an invalid line says why; the replies do not
    /// depend on chunking. Input: chunk pick, capability flag, then the bytes.
    /// </summary>
    public static class SmtpReplyTarget
    {
        public static void Run(byte[] data)
        {
            FuzzInput input = new FuzzInput(data);
            int[] sizes = Chunking.Sizes(input.Byte());
            bool ehlo = (input.Byte() & 1) != 0;
            byte[] bytes = input.Rest();
            List<string> first = null;
            foreach (int size in sizes)
            {
                List<string> events = Replies(bytes, size, ehlo);
                if (first == null)
                {
                    first = events;
                }
                else
                {
                    Chunking.SameEvents(first, events, "chunks of " + size);
                }
            }
        }

        private static List<string> Replies(byte[] bytes, int size, bool ehlo)
        {
            List<string> events = new List<string>();
            SmtpReplyReader reader = new SmtpReplyReader();
            SmtpCapabilities capabilities = new SmtpCapabilities();
            reader.Begin(ehlo ? capabilities : null);
            Chunking.Frame(LineFramer.ForSmtpReplies(), bytes, size, (f, tooLong) =>
            {
                if (tooLong)
                {
                    events.Add("TOO-LONG");
                    reader.Begin(ehlo ? capabilities : null);
                    return;
                }

                SmtpReplyStatus status = reader.Accept(f.Buffer, f.LineOffset, f.LineLength, f.Flags);
                switch (status)
                {
                    case SmtpReplyStatus.Complete:
                        SmtpReply reply = reader.Reply;
                        FuzzFailure.Check(reply.Code >= 200 && reply.Code <= 599, "complete reply with code " + reply.Code);
                        FuzzFailure.Check(reply.LineCount >= 1, "complete reply without lines");
                        FuzzFailure.Check(reply.TextLength >= 0 && reply.TextLength <= reply.TextBuffer.Length, "reply text outside its buffer");
                        FuzzFailure.Check(reply.StatusClass == 0 || reply.StatusClass == reply.Code / 100, "enhanced status class " + reply.StatusClass + " under code " + reply.Code);
                        events.Add("REPLY " + reply.Code + " " + reply.LineCount + " " + reply.StatusClass + "." + reply.StatusSubject + "." + reply.StatusDetail + " "
                            + Chunking.Hex(reply.TextBuffer, 0, reply.TextLength) + " caps " + capabilities.Extensions + " " + capabilities.Mechanisms + " " + capabilities.MaxSize);
                        FuzzFailure.Check(reply.ToString() != null, "reply has no text form");
                        capabilities.Clear();
                        reader.Begin(ehlo ? capabilities : null);
                        break;
                    case SmtpReplyStatus.Invalid:
                        FuzzFailure.Check(!string.IsNullOrEmpty(reader.Error), "invalid line without a reason");
                        events.Add("INVALID " + reader.Error);
                        capabilities.Clear();
                        reader.Begin(ehlo ? capabilities : null);
                        break;
                    default:
                        events.Add("PARTIAL");
                        break;
                }
            });
            return events;
        }
    }
}
