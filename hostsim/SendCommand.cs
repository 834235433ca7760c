using System;
using System.CommandLine;

namespace NanoRelay.HostSim
{
    /// <summary>`send`: one message built by the core's MIME writer, sent the way the relay would.</summary>
    public static class SendCommand
    {
        public static Command Create()
        {
            Command send = new Command("send", "build one message and send it to the upstream (or the local mailbox)");
            send.SetAction(parse =>
            {
                Console.Error.WriteLine("send: not wired in yet");
                return Program.ExitFailure;
            });
            return send;
        }
    }
}
