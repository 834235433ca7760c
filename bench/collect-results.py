#!/usr/bin/env python3
"""Collects bench/*/RESULTS-*.md into one document on stdout (called by bench/make-results.sh)."""
import csv
import datetime
import json
import os
import re
import sys

BENCH = sys.argv[1]
AREAS = [
    ("On the nanoCLR: portable tests, .pe sizes, hot paths", "nanoclr/RESULTS-nanoclr.md"),
    ("Framer and dot-stuffer: MB/s and B/op", "framing/RESULTS-framing.md"),
    ("Submission: messages/s against MailKit", "submission/RESULTS-submission.md"),
    ("POP3 download against Dovecot", "pop3/RESULTS-pop3.md"),
    ("IMAP full FETCH against Dovecot", "imap/RESULTS-imap.md"),
    ("Bytes allocated per relayed message, memory per POP3 session", "allocation/RESULTS-allocation.md"),
    ("Load and hostile clients, retained memory per board", "load/RESULTS-load.md"),
    ("SMTP ingress messages/s and upstream sessions", "ingress/RESULTS-ingress.md"),
    ("Fuzzing", "fuzz/RESULTS-fuzz.md"),
    ("Memory on the nanoCLR heap: services, sessions, a board-sized heap", "nanoclr/RESULTS-memory.md"),
]


def read(rel):
    p = os.path.join(BENCH, rel)
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as f:
        return f.read()


def demote(text):
    """Headings two levels down, so each area nests under its section."""
    return re.sub(r"^(#+) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", text, flags=re.M).strip()


def kb(n):
    return "?" if n is None else "%.1f KB" % (n / 1024.0)


def framing_rows():
    p = os.path.join(BENCH, "results/results/NanoRelay.Bench.FramingBenchmarks-report.csv")
    q = os.path.join(BENCH, "results/results/NanoRelay.Bench.DotStufferBenchmarks-report.csv")
    rows = []
    for path in (p, q):
        if os.path.exists(path):
            with open(path, newline="") as f:
                for r in csv.DictReader(f):
                    rows.append(r)
    return rows


def glance():
    out = ["| figure | value | source |", "|---|---|---|"]
    for r in framing_rows():
        if r["Method"] in ("StreamReader_ReadLine_Lines70", "LineFramer_SmtpText_Lines70", "LineFramer_SmtpServer", "LineFramer_Pop3Replies", "DotStuffer_Stuff", "StreamReader_ReadLine_Smtp"):
            out.append("| %s (last raw report) | %s MB/s, %s allocated per 1 MiB | bench/results/results (bench/run-framing.sh); all runs in the framing section |" % (
                r["Method"], r.get("MB/s", "?"), r.get("Allocated", "?")))
    sub = read("submission/RESULTS-submission.md") or ""
    m = re.search(r"nanoRelay (\d[\d,]*-\d[\d,]*) B per message.*?MailKit (\d[\d,]*-\d[\d,]*) B per message", sub, re.S)
    if m:
        out.append("| submission client, allocated per message (2 KB message, 500 in a session) | nanoRelay %s B, MailKit %s B | submission section |" % (m.group(1), m.group(2)))
    for row in re.findall(r"^\| (\d\d:\d\d) +\| (\d+) +\| ([\d, ]+?) +\| ([\d, ]+?) +\| ([\d.]+)", sub, re.M):
        out.append("| submission msg/s, run %s (%s rounds) | nanoRelay %s; MailKit %s; median time ratio MailKit/nanoRelay %s | submission section |" % row)
    pop = read("pop3/RESULTS-pop3.md") or ""
    for row in re.findall(r"^\| (py_plain|py_stls|curl_all) \| (\d+) \| (\d+) \| \*\*([\d.]+)\*\*", pop, re.M):
        out.append("| POP3 full download (%s), median ms | nanoRelay %s, Dovecot %s (ratio %s) | POP3 section |" % row)
    imap = read("imap/RESULTS-imap.md") or ""
    for row in re.findall(r"^\| (py_all|py_all_stls|py_each|curl_each) \| (\d+) \| (\d+) \| \*\*([\d.]+)\*\*", imap, re.M):
        out.append("| IMAP full FETCH (%s), median ms | nanoRelay %s, Dovecot %s (ratio %s) | IMAP section |" % row)
    m = re.search(r"^\| FETCH 1:\* BODY\.PEEK\[\] .*?\| ([\d.]+) \| ([\d.]+) \| \*\*([\d.]+)\*\* \| ([\d.]+) \| ([\d.]+) \| \*\*([\d.]+)\*\*", imap, re.M)
    if m:
        out.append("| IMAP FETCH 1:* on a warm connection, server side | wall ms nanoRelay %s, Dovecot %s (ratio %s); CPU ms nanoRelay %s, Dovecot %s (ratio %s) | IMAP section |" % m.groups())
    alloc = read("allocation/RESULTS-allocation.md") or ""
    for label, pat in (("write + send, per message", r"allocated to write\+send: (.*?) \|"),
                       ("ingress -> spool -> worker -> client, per message", r"allocated on the relay path \(ingress, spool, worker, client\): (.*?) \|")):
        m = re.search(pat, alloc)
        out.append("| bytes allocated, %s | %s | allocation section |" % (label, m.group(1) if m else "not measured yet (bench/allocation/run-allocation.sh)"))
    for m in re.finditer(r"managed bytes per open session \(transfer chunk (\d+)\): (\d+)", alloc or pop):
        out.append("| POP3 session held, transfer chunk %s | %s B | allocation section |" % (m.group(1), m.group(2)))
    loaddir = os.path.join(BENCH, "load/results")
    if os.path.isdir(loaddir):
        for name in sorted(os.listdir(loaddir)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(loaddir, name)) as f:
                r = json.load(f)
            base = next((s for s in r["scenarios"] if s["scenario"].startswith("baseline")), None)
            oc = next((s for s in r["scenarios"] if s["scenario"].startswith("over the cap")), None)
            c = oc["counts"] if oc else {}
            out.append("| %s: retained managed memory (host), idle / peak under attack, heap budget | %s / %s, budget %s | load section |" % (
                r["board"], kb(base["max_managed_bytes"]) if base else "?", kb(r["peak_managed_bytes"]), kb(r["heap_budget_bytes"])))
            out.append("| %s: over the cap (POP3 %d, SMTP %d): greeted / refused politely | POP3 %d / %d, SMTP %d / %d | load section |" % (
                r["board"], r["caps"]["pop3"], r["caps"]["smtp"], c.get("pop3_served", 0), c.get("pop3_refused_politely", 0), c.get("smtp_served", 0), c.get("smtp_refused_politely", 0)))
            out.append("| %s: crashes over %d hostile scenarios | %d | load section |" % (r["board"], len(r["scenarios"]) - 1, 0 if r["alive_at_end"] else 1))
    fuzz = read("fuzz/RESULTS-fuzz.md")
    if fuzz is None:
        out.append("| fuzz executions and crashes | see bench/fuzz/RESULTS-fuzz.md (not written yet) | - |")
    else:
        out.append("| fuzz executions and crashes | see the fuzzing section | bench/fuzz/RESULTS-fuzz.md |")
    return "\n".join(out)


def main():
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print("# nanoRelay: every figure")
    print()
    print("Collected by `bench/make-results.sh` on %s from the per-area result files below; each section" % now)
    print("keeps its own machine, command and date. Do not edit this file: edit or rerun the area's file and")
    print("run `bench/make-results.sh` again (`--rerun` reruns the area scripts first).")
    print()
    print("## At a glance")
    print()
    print(glance())
    print()
    for title, rel in AREAS:
        print("## %s" % title)
        print()
        print("Source: `bench/%s`" % rel)
        print()
        text = read(rel)
        if text is None:
            print("Not written yet: see bench/%s once its run has finished." % rel)
        else:
            print(demote(text))
        print()


if __name__ == "__main__":
    main()
