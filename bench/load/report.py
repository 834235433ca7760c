#!/usr/bin/env python3
"""Renders bench/load/results/<board>.json (from load.py) as bench/load/RESULTS-load.md on stdout."""
import argparse
import datetime
import json
import os
import platform
import subprocess


def kb(n):
    return "-" if n is None else "%.1f KB" % (n / 1024.0)


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for l in f:
                if l.startswith("model name"):
                    cpu = l.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        dotnet = "?"
    return "%s, %d cores (shared), %s %s, .NET SDK %s, Python %s" % (
        cpu, os.cpu_count() or 0, platform.system(), platform.release(), dotnet, platform.python_version())


def probe(d):
    if not d or d.get("probes", 0) == 0:
        return "none finished during the attack"
    s = "%d/%d served" % (d["served"], d["probes"])
    if d["served"]:
        s += ", median %.3f s, max %.3f s" % (d["median_s"], d["max_s"])
    if d.get("not_served_within_budget"):
        s += "; %d not served within 12 s" % d["not_served_within_budget"]
    if d.get("not_served_before_attack_ended"):
        s += "; %d still waiting (refused, or in progress) when the attack let go" % d["not_served_before_attack_ended"]
    return s


def after(a):
    return "%s in %.3f s (%d tries)" % (a["outcome"], a["seconds"], a["tries"])


def counts(c):
    return ", ".join("%s %d" % (k.replace("_", " "), v) for k, v in sorted(c.items())) or "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--command", required=True)
    ap.add_argument("results", nargs="+", help="results/<board> (without .json)")
    a = ap.parse_args()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print("# Load and hostile clients")
    print()
    print("- Date: %s" % now)
    print("- Machine: %s" % machine())
    print("- Command: `%s`" % a.command)
    print("- What: `hostsim run --board BOARD --status-file ...` on 127.0.0.1, fresh data directory with one 1 MB message,")
    print("  local delivery (no upstream). Scenarios by `bench/load/load.py`; during each, a normal POP3 client")
    print("  (USER/PASS/STAT/QUIT) and a normal SMTP client (one message) run again and again, each try retrying")
    print("  every 0.5 s for up to 12 s (a try still waiting when the attack ends counts as 'still waiting when")
    print("  the attack let go'); 'after' is one such try 0.5 s after the attack ended. The attack starts 1 s before")
    print("  the normal clients, so it holds the session slots first.")
    print("- Attack counts: 'served'/'greeted' = got +OK / 220; 'refused politely' = got `-ERR [SYS/TEMP]` / `421 4.7.0`")
    print("  (the board's session cap); 'held to the end' = a slowloris connection the relay still kept open when")
    print("  the attack stopped (per-line deadlines: POP3 3 min before login, SMTP 5 min per command);")
    print("  'closed by server' in the garbage scenario = the relay hung up after its error limit.")
    print("- Memory: managed bytes the relay holds after a full GC, minus the baseline before the services")
    print("  started (hostsim's MemoryMeter), sampled every second through the status file. This is the host's")
    print("  .NET heap (X509 certificate, sockets, threads, runtime caches the device does not have), so it is an")
    print("  upper bound for the board, not the board's figure.")
    print()
    summary = []
    for base in a.results:
        with open(base + ".json") as f:
            r = json.load(f)
        board = r["board"]
        crashed = 0 if r["alive_at_end"] else 1
        log = ""
        try:
            with open(base + ".relay.log") as f:
                log = f.read()
        except OSError:
            pass
        unhandled = log.count("Unhandled exception")
        failed = log.count("session failed")
        print("## %s (caps: POP3 %d, SMTP %d; heap budget %s)" % (board, r["caps"]["pop3"], r["caps"]["smtp"], kb(r["heap_budget_bytes"])))
        print()
        print("| scenario | s | attack counts | most sessions seen (pop3/smtp) | max held | normal POP3 during | normal SMTP during | POP3 after | SMTP after | relay alive |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for s in r["scenarios"]:
            print("| %s | %.0f | %s | %d/%d | %s | %s | %s | %s | %s | %s |" % (
                s["scenario"], s["seconds"], counts(s["counts"]), s["max_sessions_seen"]["pop3"], s["max_sessions_seen"]["smtp"],
                kb(s["max_managed_bytes"]), probe(s["during"]["pop3"]), probe(s["during"]["smtp"]),
                after(s["after"]["pop3"]), after(s["after"]["smtp"]), "yes" if s["alive"] else "**NO**"))
        print()
        print("- Crashes: %d (process alive at the end: %s; 'Unhandled exception' in its log: %d; 'session failed' lines: %d)" % (
            crashed, "yes" if r["alive_at_end"] else "no", unhandled, failed))
        print("- Peak held managed memory over the run: %s against the board's %s heap budget" % (kb(r["peak_managed_bytes"]), kb(r["heap_budget_bytes"])))
        tail = [l for l in log.splitlines() if l.startswith("  memory") or l.startswith("exit code") or l.startswith("DIED")]
        if tail:
            print("- Exit table: " + "; ".join(l.strip() for l in tail))
        print()
        summary.append((board, r, crashed))
    print("## Summary")
    print()
    print("| board | caps pop3/smtp | sessions greeted / refused politely (over-cap scenario) | crashes | peak held / heap budget |")
    print("|---|---|---|---|---|")
    for board, r, crashed in summary:
        oc = next((s for s in r["scenarios"] if s["scenario"].startswith("over the cap")), None)
        c = oc["counts"] if oc else {}
        print("| %s | %d/%d | POP3 %d / %d, SMTP %d / %d | %d | %s / %s |" % (
            board, r["caps"]["pop3"], r["caps"]["smtp"], c.get("pop3_served", 0), c.get("pop3_refused_politely", 0),
            c.get("smtp_served", 0), c.get("smtp_refused_politely", 0), crashed, kb(r["peak_managed_bytes"]), kb(r["heap_budget_bytes"])))


def notes():
    """bench/load/NOTES-load.md (hand-written reading and one-off checks), kept across reruns."""
    p = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NOTES-load.md")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            print()
            print(f.read().rstrip())


if __name__ == "__main__":
    main()
    notes()
