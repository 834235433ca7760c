using System.Collections;

namespace NanoRelay.Boards
{
    /// <summary>
    /// One supported board (boards/NAME/board.json): its nanoff target, memory and flash budgets,
    /// where the spool lives, how many sessions and TLS sessions it can carry, and its sensor inputs.
    /// The device sizes itself from it; `hostsim --board NAME` enforces the same numbers. Buffer sizes
    /// are not here: each is a constant of Limits.cs with the RFC sentence it comes from.
    /// </summary>
    public sealed class BoardProfile
    {
        // docs/nanoframework.md §4.3: CONFIG_LWIP_MAX_SOCKETS=16 on every ESP32 target, and at most 8
        // listening sockets (CONFIG_LWIP_MAX_LISTENING_TCP; 4 on the ESP32-C3 build).
        public const int LwipSocketsMax = 16;
        public const int LwipListeningMax = 8;

        // Sockets the firmware itself keeps busy besides ours: DNS and SNTP each take one (docs/nanoframework.md §4.3).
        public const int SocketsReservedForFirmware = 2;

        // Listeners the relay opens: POP3, POP3 over implicit TLS, SMTP ingress.
        public const int RelayListeners = 3;

        // The relay worker is one outgoing SMTP session at a time.
        public const int RelayClientSessions = 1;

        // docs/nanoframework.md §2.3: I:\ also holds the network configuration and certificates; leave them 64 KiB.
        public const long InternalFsReserveBytes = 65536;

        public string Name { get; set; }
        public string Description { get; set; }

        /// <summary>The nanoff --target name of the firmware image (docs/nanoframework.md §3.5).</summary>
        public string Target { get; set; }

        public string Chip { get; set; }
        public bool Psram { get; set; }

        /// <summary>"wifi" or "ethernet".</summary>
        public string Network { get; set; }

        public long FlashBytes { get; set; }
        public long DeployBytes { get; set; }
        public long InternalFsBytes { get; set; }

        /// <summary>The most managed heap the relay may hold (the device has more; this leaves room for the runtime).</summary>
        public long ManagedHeapBudgetBytes { get; set; }

        public bool SdCard { get; set; }

        /// <summary>"I" (internal LittleFS) or "D" (SD card).</summary>
        public string SpoolDrive { get; set; }
        public long SpoolMaxBytes { get; set; }

        /// <summary>The spool drive's allocation unit: every file takes whole blocks, at least one (LittleFS on I: 4096).</summary>
        public int SpoolBlockBytes { get; set; }

        /// <summary>The most files the spool folder may hold (a directory listing is one array on the managed heap).</summary>
        public int SpoolMaxFiles { get; set; }

        public int Pop3Sessions { get; set; }
        public int SmtpIngressSessions { get; set; }

        /// <summary>IMAP sessions (board.json sessions.imap); 0, or left out: IMAP does not fit and stays off.</summary>
        public int ImapSessions { get; set; }

        public int TlsSessions { get; set; }
        public long TlsMinFreeNativeBytes { get; set; }
        public int TlsHandshakeTimeoutMs { get; set; }

        public int SocketsMax { get; set; }
        public int ListeningSocketsMax { get; set; }

        public SensorPin[] Sensors { get; set; }

        /// <summary>
        /// What the relay was measured to retain on the nanoCLR (board.json "memory",
        /// bench/nanoclr/memory): the services idle, one open POP3 session, one open SMTP
        /// session, one queued message's index entry; -1 each when the file has none.
        /// </summary>
        public long MemoryBaseBytes { get; set; }
        public long MemoryPop3SessionBytes { get; set; }
        public long MemorySmtpSessionBytes { get; set; }
        public long MemorySpoolEntryBytes { get; set; }

        /// <summary>One IMAP session logged in, INBOX selected, in IDLE after a FETCH of 1 MB (optional: -1 when absent).</summary>
        public long MemoryImapSessionBytes { get; set; }

        /// <summary>Where the "memory" figures come from (kit, commit, date), or null.</summary>
        public string MemorySource { get; set; }

        /// <summary>True when board.json carries measured per-session costs.</summary>
        public bool HasMeasuredMemory { get { return MemoryBaseBytes > 0; } }

        /// <summary>
        /// The heap gate's capacity (Supervision/HeapGate): the budget less the idle relay, its sessions at their
        /// caps (measured figures) and Limits.HeapGateReserveBytes; at least 1 (then message-sized work runs one
        /// piece at a time); 0 (no limit) for a board without measured figures.
        /// </summary>
        public long TransferHeapBytes
        {
            get
            {
                if (!HasMeasuredMemory)
                {
                    return 0;
                }

                long imap = ImapSessions > 0 && MemoryImapSessionBytes > 0 ? ImapSessions * MemoryImapSessionBytes : 0;
                long left = ManagedHeapBudgetBytes - MemoryBaseBytes - (Pop3Sessions * MemoryPop3SessionBytes)
                    - (SmtpIngressSessions * MemorySmtpSessionBytes) - imap - Limits.HeapGateReserveBytes;
                return left < 1 ? 1 : left;
            }
        }

        /// <summary>Sockets the relay needs at its caps: listeners, sessions, the relay client, firmware reserve.</summary>
        public int SocketsNeeded
        {
            get { return RelayListeners + ImapListeners + Pop3Sessions + SmtpIngressSessions + ImapSessions + RelayClientSessions + SocketsReservedForFirmware; }
        }

        /// <summary>IMAP's plain and implicit-TLS listeners when the board serves IMAP.</summary>
        public int ImapListeners
        {
            get { return ImapSessions > 0 ? 2 : 0; }
        }

        /// <summary>Reads a board.json; returns null and a one-line "field: problem" error when it is malformed or out of bounds.</summary>
        public static BoardProfile Parse(string json, out string error)
        {
            JsonNode root = JsonSubsetParser.Parse(json, out error);
            if (root == null)
            {
                return null;
            }

            if (root.Kind != JsonKind.Object)
            {
                error = "board: must be a JSON object";
                return null;
            }

            BoardReader r = new BoardReader(root);
            BoardProfile b = new BoardProfile();
            b.Name = r.String("name");
            b.Description = r.OptionalString("description");
            b.Target = r.String("target");
            b.Chip = r.String("chip");
            b.Psram = r.Boolean("psram");
            b.Network = r.String("network");
            b.FlashBytes = r.Integer("flashBytes");
            b.DeployBytes = r.Integer("deployBytes");
            b.InternalFsBytes = r.Integer("internalFsBytes");
            b.ManagedHeapBudgetBytes = r.Integer("managedHeapBudgetBytes");
            b.SdCard = r.Boolean("sdCard");
            b.SpoolDrive = r.String("spool.drive");
            b.SpoolMaxBytes = r.Integer("spool.maxBytes");
            b.SpoolBlockBytes = (int)r.Integer("spool.blockBytes");
            b.SpoolMaxFiles = (int)r.Integer("spool.maxFiles");
            b.Pop3Sessions = (int)r.Integer("sessions.pop3");
            b.SmtpIngressSessions = (int)r.Integer("sessions.smtpIngress");
            long imap = r.OptionalInteger("sessions.imap");
            b.ImapSessions = imap < 0 ? 0 : (int)imap;
            b.TlsSessions = (int)r.Integer("tls.sessions");
            b.TlsMinFreeNativeBytes = r.Integer("tls.minFreeNativeBytes");
            b.TlsHandshakeTimeoutMs = (int)r.Integer("tls.handshakeTimeoutMs");
            b.SocketsMax = (int)r.Integer("sockets.max");
            b.ListeningSocketsMax = (int)r.Integer("sockets.listening");
            b.Sensors = r.Sensors("sensors");
            b.MemorySource = r.OptionalString("memory.source");
            b.MemoryBaseBytes = r.OptionalInteger("memory.baseBytes");
            b.MemoryPop3SessionBytes = r.OptionalInteger("memory.pop3SessionBytes");
            b.MemorySmtpSessionBytes = r.OptionalInteger("memory.smtpSessionBytes");
            b.MemorySpoolEntryBytes = r.OptionalInteger("memory.spoolEntryBytes");
            b.MemoryImapSessionBytes = r.OptionalInteger("memory.imapSessionBytes");
            if (r.Error != null)
            {
                error = r.Error;
                return null;
            }

            error = b.Validate();
            return error == null ? b : null;
        }

        /// <summary>Checks the profile against the limits the core enforces; null when it fits, else "field: problem".</summary>
        public string Validate()
        {
            if (Network != "wifi" && Network != "ethernet")
            {
                return "network: must be wifi or ethernet, not '" + Network + "'";
            }

            if (DeployBytes <= 0 || InternalFsBytes <= 0 || DeployBytes + InternalFsBytes >= FlashBytes)
            {
                return "deployBytes: the deploy and I: partitions must fit in flashBytes";
            }

            if (SpoolDrive != "I" && SpoolDrive != "D")
            {
                return "spool.drive: must be I (internal flash) or D (SD card), not '" + SpoolDrive + "'";
            }

            if (SpoolDrive == "D" && !SdCard)
            {
                return "spool.drive: D needs an SD card, and this board's firmware has none";
            }

            // The same floor as the config's spool.maxBytes: room for a few messages.
            if (SpoolMaxBytes < 65536)
            {
                return "spool.maxBytes: must be at least 65536";
            }

            if (SpoolDrive == "I" && SpoolMaxBytes > InternalFsBytes - InternalFsReserveBytes)
            {
                return "spool.maxBytes: must leave " + InternalFsReserveBytes + " bytes of I: for config and certificates";
            }

            if (SpoolBlockBytes < 512 || SpoolBlockBytes > 65536 || SpoolMaxBytes / SpoolBlockBytes < 16)
            {
                return "spool.blockBytes: must be 512 to 65536, with room for at least 16 blocks in spool.maxBytes";
            }

            if (SpoolMaxFiles < 8 || SpoolMaxFiles > 2 * Limits.StoreEntriesDefault)
            {
                return "spool.maxFiles: must be 8 to " + (2 * Limits.StoreEntriesDefault);
            }

            if (Pop3Sessions < 1 || SmtpIngressSessions < 1)
            {
                return "sessions: each service needs at least one session";
            }

            if (SocketsMax < 1 || SocketsMax > LwipSocketsMax)
            {
                return "sockets.max: the firmware has " + LwipSocketsMax + " sockets";
            }

            if (ListeningSocketsMax < RelayListeners || ListeningSocketsMax > LwipListeningMax)
            {
                return "sockets.listening: must be " + RelayListeners + ".." + LwipListeningMax;
            }

            if (ImapSessions > Limits.ImapSessionsDefault)
            {
                return "sessions.imap: at most " + Limits.ImapSessionsDefault + " (0 or left out: IMAP off)";
            }

            if (RelayListeners + ImapListeners > ListeningSocketsMax)
            {
                return "sessions.imap: IMAP's two listeners need sockets.listening of " + (RelayListeners + ImapListeners);
            }

            if (SocketsNeeded > SocketsMax)
            {
                return "sessions: need " + SocketsNeeded + " sockets, the board has " + SocketsMax;
            }

            if (TlsSessions < 1 || TlsSessions > Pop3Sessions + SmtpIngressSessions + ImapSessions + RelayClientSessions)
            {
                return "tls.sessions: must be 1..sessions in all";
            }

            // docs/nanoframework.md §4.2: each TLS session takes ~20 KB of native heap plus the handshake; without
            // PSRAM only one fits.
            if (!Psram && TlsSessions != 1)
            {
                return "tls.sessions: must be 1 on a board without PSRAM";
            }

            if (TlsMinFreeNativeBytes < 20480)
            {
                return "tls.minFreeNativeBytes: a TLS session needs at least 20480 bytes of native heap";
            }

            if (TlsHandshakeTimeoutMs < 1000 || TlsHandshakeTimeoutMs > 120000)
            {
                return "tls.handshakeTimeoutMs: must be 1000..120000";
            }

            if (ManagedHeapBudgetBytes < 32768)
            {
                return "managedHeapBudgetBytes: must be at least 32768";
            }

            // The measured figures come as a set, each a real cost.
            if (MemorySource != null || MemoryBaseBytes != -1 || MemoryPop3SessionBytes != -1 || MemorySmtpSessionBytes != -1 || MemorySpoolEntryBytes != -1)
            {
                if (MemorySource == null || MemoryBaseBytes <= 0 || MemoryPop3SessionBytes <= 0 || MemorySmtpSessionBytes <= 0 || MemorySpoolEntryBytes <= 0)
                {
                    return "memory: needs source, baseBytes, pop3SessionBytes, smtpSessionBytes and spoolEntryBytes, each above 0";
                }
            }

            if (MemoryImapSessionBytes != -1 && (MemoryImapSessionBytes <= 0 || MemorySource == null))
            {
                return "memory.imapSessionBytes: must be above 0, beside the other measured figures";
            }

            for (int i = 0; i < Sensors.Length; i++)
            {
                SensorPin s = Sensors[i];
                if (s.Input != "gpio" && s.Input != "adc")
                {
                    return "sensors[" + i + "].input: must be gpio or adc, not '" + s.Input + "'";
                }

                if (s.Number < 0 || s.Number > 48)
                {
                    return "sensors[" + i + "]: pin or channel " + s.Number + " is out of range";
                }

                for (int j = 0; j < i; j++)
                {
                    if (Sensors[j].Name == s.Name)
                    {
                        return "sensors[" + i + "].name: '" + s.Name + "' is used twice";
                    }
                }
            }

            return null;
        }

        /// <summary>Reads dotted paths out of the tree, remembering the first problem.</summary>
        private sealed class BoardReader
        {
            private readonly JsonNode _root;

            public BoardReader(JsonNode root)
            {
                _root = root;
            }

            public string Error { get; private set; }

            public string String(string path)
            {
                JsonNode n = Find(path, JsonKind.String, true);
                return n == null ? null : n.Text;
            }

            public string OptionalString(string path)
            {
                JsonNode n = Find(path, JsonKind.String, false);
                return n == null ? null : n.Text;
            }

            public long Integer(string path)
            {
                JsonNode n = Find(path, JsonKind.Integer, true);
                return n == null ? 0 : n.Integer;
            }

            public long OptionalInteger(string path)
            {
                JsonNode n = Find(path, JsonKind.Integer, false);
                return n == null ? -1 : n.Integer;
            }

            public bool Boolean(string path)
            {
                JsonNode n = Find(path, JsonKind.Boolean, true);
                return n != null && n.Boolean;
            }

            public SensorPin[] Sensors(string path)
            {
                JsonNode list = Find(path, JsonKind.Array, false);
                if (list == null)
                {
                    return new SensorPin[0];
                }

                ArrayList pins = new ArrayList();
                for (int i = 0; i < list.Count; i++)
                {
                    JsonNode item = list.At(i);
                    string at = path + "[" + i + "]";
                    JsonNode name = item.Get("name");
                    JsonNode input = item.Get("input");
                    JsonNode number = input != null && input.Text == "adc" ? item.Get("channel") : item.Get("pin");
                    if (item.Kind != JsonKind.Object || name == null || name.Kind != JsonKind.String
                        || input == null || input.Kind != JsonKind.String || number == null || number.Kind != JsonKind.Integer)
                    {
                        Fail(at + ": needs name, input and pin (gpio) or channel (adc)");
                        return new SensorPin[0];
                    }

                    SensorPin pin = new SensorPin();
                    pin.Name = name.Text;
                    pin.Input = input.Text;
                    pin.Number = (int)number.Integer;
                    pins.Add(pin);
                }

                SensorPin[] result = new SensorPin[pins.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = (SensorPin)pins[i];
                }

                return result;
            }

            private JsonNode Find(string path, JsonKind kind, bool required)
            {
                JsonNode node = _root;
                int start = 0;
                while (node != null && start <= path.Length)
                {
                    int dot = path.IndexOf('.', start);
                    int end = dot < 0 ? path.Length : dot;
                    node = node.Get(path.Substring(start, end - start));
                    start = end + 1;
                }

                if (node == null || node.Kind == JsonKind.Null)
                {
                    if (required)
                    {
                        Fail(path + ": is required");
                    }

                    return null;
                }

                if (node.Kind != kind)
                {
                    Fail(path + ": must be " + KindName(kind));
                    return null;
                }

                if (kind == JsonKind.Integer && (node.Integer < 0 || node.Integer > int.MaxValue))
                {
                    Fail(path + ": must be 0.." + int.MaxValue);
                    return null;
                }

                return node;
            }

            private static string KindName(JsonKind kind)
            {
                switch (kind)
                {
                    case JsonKind.String: return "a string";
                    case JsonKind.Integer: return "a whole number";
                    case JsonKind.Boolean: return "true or false";
                    case JsonKind.Array: return "an array";
                    default: return "an object";
                }
            }

            private void Fail(string problem)
            {
                if (Error == null)
                {
                    Error = problem;
                }
            }
        }
    }
}
