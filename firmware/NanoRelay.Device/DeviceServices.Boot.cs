using System;
using System.Net;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using nanoFramework.System.IO.FileSystem;
using NanoRelay.Device.Adapters;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Storage;

namespace NanoRelay.Device
{
    /// <summary>Boot steps of <see cref="DeviceServices"/>: the network, the clock, the spool and the mailbox.</summary>
    public sealed partial class DeviceServices
    {
        private bool StartNetwork()
        {
            // The date is waited for separately (StartClock): a slow NTP server must not keep the
            // relay off the LAN, where POP3 still serves the mailbox.
            // Disposed at once: a source made with a delay owns a Timer.
            bool up;
            using (CancellationTokenSource cs = new CancellationTokenSource(NetworkTimeoutMs))
            {
                if (_board.Network == "ethernet")
                {
                    up = NetworkHelper.SetupAndConnectNetwork(token: cs.Token, requiresDateTime: false);
                }
                else if (_config.Wifi != null && _config.Wifi.Ssid != null && _config.Wifi.Ssid.Length > 0)
                {
                    // ConnectDhcp saves the credentials to I: whenever the board is not connected yet,
                    // which is every boot (WifiNetworkHelper.ScanAndConnect): only when they changed.
                    up = StoredWifiIs(_config.Wifi.Ssid, _config.Wifi.Password)
                        ? WifiNetworkHelper.Reconnect(requiresDateTime: false, token: cs.Token)
                        : WifiNetworkHelper.ConnectDhcp(_config.Wifi.Ssid, _config.Wifi.Password, requiresDateTime: false, token: cs.Token);
                }
                else
                {
                    // No credentials in the config: the ones stored on the device (nanoff --networkdeployment).
                    up = WifiNetworkHelper.Reconnect(requiresDateTime: false, token: cs.Token);
                }
            }

            if (!up)
            {
                Exception e = _board.Network == "ethernet" ? NetworkHelper.HelperException : WifiNetworkHelper.HelperException;
                string status = StatusName(_board.Network == "ethernet" ? NetworkHelper.Status : WifiNetworkHelper.Status);
                _log.Write(LogLevel.Error, "network", "not up: " + status + (e != null ? " (" + e.Message + ")" : ""));
                return false;
            }

            Info("network", _board.Network + " up, address " + IPAddress.GetDefaultLocalAddress().ToString());
            return true;
        }

        // Enum.ToString prints the number on nanoFramework: the names, for the log.
        private static string StatusName(NetworkHelperStatus s)
        {
            string[] names = { "None", "Started", "NetworkIsReady", "FailedNoNetworkInterface", "TokenExpiredWaitingIPAddress", "TokenExpiredWaitingDateTime", "ErrorConnetingToWiFiWhileScanning", "ExceptionOccurred", "Reconnecting" };
            int i = (int)s;
            return i >= 0 && i < names.Length ? names[i] : "status " + i;
        }

        private static bool StoredWifiIs(string ssid, string password)
        {
            try
            {
                Wireless80211Configuration[] stored = Wireless80211Configuration.GetAllWireless80211Configurations();
                return stored.Length > 0 && stored[0].Ssid == ssid && stored[0].Password == (password == null ? "" : password);
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void StartClock()
        {
            // docs/nanoframework.md §2.7: the core holds mail until the clock is trusted. UpdateNow stops and starts the
            // SNTP client (nf-interpreter nf_networking_sntp_..._Sntp.cpp); Sntp.IsStarted is not asked:
            // that static getter dereferences `this` natively and throws.
            Sntp.UpdateNow();
            long until = Environment.TickCount64 + ClockWaitMs;
            while (!_clock.TrustIfPlausible() && Environment.TickCount64 < until)
            {
                Thread.Sleep(500);
            }

            if (_clock.IsUtcTrusted)
            {
                Info("clock", "UTC " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss") + " (SNTP)");
                return;
            }

            _log.Write(LogLevel.Warning, "clock", "no SNTP time yet; mail waits until the clock is set");
            new Thread(new ThreadStart(WaitForClock)).Start();
        }

        private void WaitForClock()
        {
            while (!_clock.TrustIfPlausible())
            {
                Thread.Sleep(ClockRetryMs);
                Sntp.UpdateNow();
            }

            Info("clock", "UTC set by SNTP");
            if (_relay != null)
            {
                _relay.Scheduler.Wake(RelayWake.ClockSet);   // held alerts are spooled and the queue runs (RelayScheduler)
            }
        }

        private bool StartStore()
        {
            string drive = _board.SpoolDrive;
            if (drive == "D")
            {
                Thread.Sleep(RemovableMountWaitMs);
                try
                {
                    SDCard card = new SDCard(0);
                    card.Mount();
                    _sdCard = card;
                }
                catch (Exception e)
                {
                    _log.Write(LogLevel.Error, "spool", "SD card did not mount (" + e.Message + "); spooling to I: instead");
                    drive = "I";
                }
            }

            long max = _config.Spool.MaxBytes < _board.SpoolMaxBytes ? _config.Spool.MaxBytes : _board.SpoolMaxBytes;
            try
            {
                // LittleFS gives each file whole blocks and reports no free space: the core counts blocks and files.
                BlockBudgetStore budget = new BlockBudgetStore(new FlashFileStore(drive + ":\\" + _config.Spool.Path), _board.SpoolBlockBytes, max, _board.SpoolMaxFiles);
                Store = budget;

                // One store, two prefixes (q spool, m mailbox), as on the host; the store's budget bounds both.
                _mailbox = new Mailbox(Store, Random, max, Limits.StoreEntriesDefault);
                RecoveryReport m = _mailbox.Open();
                _spool = new Spool(Store, _clock, Random, max, Limits.StoreEntriesDefault);
                RecoveryReport q = _spool.Open();
                Info("spool", drive + ":\\" + _config.Spool.Path + ", " + budget.UsedBlocks + " of " + (max / _board.SpoolBlockBytes) + " blocks, " + budget.FileCount + " of " + _board.SpoolMaxFiles + " files; " + _spool.Count + " queued"
                    + Recovered(q) + ", " + _mailbox.Refresh() + " in the mailbox" + Recovered(m));
                return true;
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, "spool", drive + ":\\" + _config.Spool.Path + ": " + e.Message);
                return false;
            }
        }

        private static string Recovered(RecoveryReport r)
        {
            int quarantined = r == null || r.Quarantined == null ? 0 : r.Quarantined.Length;
            return r == null || (r.OrphansRemoved == 0 && quarantined == 0) ? "" : " (" + r.OrphansRemoved + " unfinished writes removed, " + quarantined + " quarantined)";
        }
    }
}
