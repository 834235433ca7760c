#!/usr/bin/env python3
"""Load and hostile-client scenarios against a running `hostsim run` (127.0.0.1 only).

Starts nothing itself except sockets: run-load.sh starts the relay with --board and
--status-file and passes its pid. Each scenario is bounded (<= 60 s); during and after each,
a normal client is timed: POP3 USER/PASS/STAT/QUIT and SMTP one message. Writes a JSON
result and a Markdown section.
"""
import argparse
import json
import os
import random
import socket
import ssl
import threading
import time

HOST = "127.0.0.1"
PROBE_BUDGET_S = 12.0     # a normal client retries (every 0.5 s) for at most this long
IO_TIMEOUT_S = 10.0
RELEASE = threading.Event()   # set by an attack just before it lets its connections go


# ---------------------------------------------------------------- small line I/O

class Conn:
    def __init__(self, port, timeout=IO_TIMEOUT_S, rcvbuf=None):
        self.s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.s.settimeout(timeout)
        self.s.connect((HOST, port))
        self.buf = b""

    def line(self):
        while b"\n" not in self.buf:
            d = self.s.recv(4096)
            if not d:
                raise EOFError("closed by server")
            self.buf += d
        i = self.buf.index(b"\n") + 1
        out, self.buf = self.buf[:i], self.buf[i:]
        return out.decode("latin-1").rstrip("\r\n")

    def smtp_reply(self):
        while True:
            l = self.line()
            if len(l) < 4 or l[3] != "-":
                return l

    def send(self, data):
        self.s.sendall(data if isinstance(data, bytes) else data.encode("latin-1"))

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def reset(sock):
    """Close with RST (SO_LINGER 0)."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()
    except OSError:
        pass


def client_hello():
    """A real TLS ClientHello, from Python's own TLS stack (stdlib, no network)."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = ctx.wrap_bio(inc, out, server_hostname="localhost")
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass
    return out.read()


# ---------------------------------------------------------------- the normal clients

def pop3_once(port, user, password):
    """'served', 'refused' (-ERR [SYS/TEMP] or [IN-USE] greeting/login), or 'error: ...'."""
    c = None
    try:
        c = Conn(port)
        g = c.line()
        if g.startswith("-ERR"):
            return "refused", g
        c.send("USER %s\r\n" % user)
        if not c.line().startswith("+OK"):
            return "error", "USER"
        c.send("PASS %s\r\n" % password)
        r = c.line()
        if r.startswith("-ERR"):
            return "refused", r
        c.send("STAT\r\n")
        if not c.line().startswith("+OK"):
            return "error", "STAT"
        c.send("QUIT\r\n")
        c.line()
        return "served", g
    except (OSError, EOFError) as e:
        return "error", str(e)
    finally:
        if c:
            c.close()


def smtp_once(port, rcpt, tag="probe"):
    c = None
    try:
        c = Conn(port)
        g = c.smtp_reply()
        if g.startswith("421"):
            return "refused", g
        for cmd, want in (("EHLO probe.lan.test", "250"), ("MAIL FROM:<%s@lan.test>" % tag, "250"),
                          ("RCPT TO:<%s>" % rcpt, "250"), ("DATA", "354")):
            c.send(cmd + "\r\n")
            r = c.smtp_reply()
            if not r.startswith(want):
                return ("refused" if r.startswith("421") else "error"), cmd + " -> " + r
        c.send("From: %s@lan.test\r\nTo: %s\r\nSubject: %s\r\n\r\nnormal client during a load test\r\n.\r\n" % (tag, rcpt, tag))
        r = c.smtp_reply()
        if not r.startswith("250"):
            return "error", "end of data -> " + r
        c.send("QUIT\r\n")
        c.smtp_reply()
        return "served", g
    except (OSError, EOFError) as e:
        return "error", str(e)
    finally:
        if c:
            c.close()


def greeted(port, kind, patience=10.0, rcvbuf=None):
    """An attacker's connection that got a greeting (retrying refusals for up to `patience` s), or None."""
    end = time.monotonic() + patience
    while time.monotonic() < end:
        try:
            c = Conn(port, rcvbuf=rcvbuf)
            g = c.line() if kind == "pop3" else c.smtp_reply()
            if g.startswith("+OK") or g.startswith("220"):
                return c
            c.close()
        except (OSError, EOFError):
            pass
        time.sleep(0.2)
    return None


class Prober(threading.Thread):
    """A normal client, again and again: each try retries every 0.5 s until served or the budget is spent."""

    def __init__(self, fn, stop):
        super().__init__(daemon=True)
        self.fn, self.stop, self.results = fn, stop, []

    def one(self):
        t0 = time.monotonic()
        tries = 0
        while True:
            tries += 1
            outcome, _ = self.fn()
            dt = time.monotonic() - t0
            if RELEASE.is_set() or (outcome != "served" and self.stop.is_set()):
                # Still not served when the attack ended (a short attack, shorter than the budget).
                return {"outcome": "not served before the attack ended", "seconds": round(dt, 3), "tries": tries}
            if outcome == "served" or dt >= PROBE_BUDGET_S:
                return {"outcome": outcome, "seconds": round(dt, 3), "tries": tries}
            time.sleep(0.5)

    def run(self):
        while not self.stop.is_set():
            self.results.append(self.one())
            self.stop.wait(1.0)


def summarize_probes(results):
    if not results:
        return {"probes": 0}
    served = [r["seconds"] for r in results if r["outcome"] == "served"]
    return {"probes": len(results), "served": len(served),
            "not_served_within_budget": sum(1 for r in results if r["outcome"] not in ("served", "not served before the attack ended")),
            "not_served_before_attack_ended": sum(1 for r in results if r["outcome"] == "not served before the attack ended"),
            "median_s": round(sorted(served)[len(served) // 2], 3) if served else None,
            "max_s": round(max(served), 3) if served else None}


# ---------------------------------------------------------------- status file (memory) and liveness

class StatusWatch(threading.Thread):
    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.stop, self.max_bytes, self.last = path, threading.Event(), 0, None
        self.max_sessions = {"pop3": 0, "smtp": 0}

    def read(self):
        try:
            with open(self.path) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def run(self):
        while not self.stop.wait(0.25):
            s = self.read()
            if s:
                self.last = s
                self.max_bytes = max(self.max_bytes, s["managedBytes"])
                self.max_sessions["pop3"] = max(self.max_sessions["pop3"], s["pop3Sessions"])
                self.max_sessions["smtp"] = max(self.max_sessions["smtp"], s["smtpSessions"])


def alive(pid):
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:   # a zombie is dead too
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


# ---------------------------------------------------------------- attacks

def overcap(a, counts):
    """cap+4 concurrent sessions per protocol, each held 5 s (greeted ones only)."""
    held = []
    lock = threading.Lock()

    def pop3_holder():
        try:
            c = Conn(a.pop3)
            g = c.line()
            with lock:
                counts["pop3_served" if g.startswith("+OK") else "pop3_refused_politely" if "[SYS/TEMP]" in g else "pop3_other"] += 1
            if g.startswith("+OK"):
                with lock:
                    held.append(c)
            else:
                c.close()
        except (OSError, EOFError):
            with lock:
                counts["pop3_other"] += 1

    def smtp_holder():
        try:
            c = Conn(a.smtp)
            g = c.smtp_reply()
            with lock:
                counts["smtp_served" if g.startswith("220") else "smtp_refused_politely" if g.startswith("421 4.7.0") else "smtp_other"] += 1
            if g.startswith("220"):
                with lock:
                    held.append(c)
            else:
                c.close()
        except (OSError, EOFError):
            with lock:
                counts["smtp_other"] += 1

    ts = [threading.Thread(target=pop3_holder) for _ in range(a.cap_pop3 + 4)] + \
         [threading.Thread(target=smtp_holder) for _ in range(a.cap_smtp + 4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(15)
    time.sleep(5)
    RELEASE.set()
    for c in held:
        try:
            c.send("QUIT\r\n")
        except OSError:
            pass
        c.close()


def slowloris(a, counts, seconds=24, per_protocol=None):
    """Several connections per protocol, each sending one byte every 3 s of a never-ending line."""
    n = per_protocol or max(3, a.cap_pop3 + 2)
    conns = []
    for port, kind in [(a.pop3, "pop3")] * n + [(a.smtp, "smtp")] * n:
        try:
            c = Conn(port)
            g = c.line() if kind == "pop3" else c.smtp_reply()   # wait for the greeting: a slow client, not an early talker
            if g.startswith("-ERR") or g.startswith("421"):
                counts[kind + "_refused_politely"] += 1
                c.close()
                continue
            c.s.settimeout(0.2)
            conns.append((kind, c))
        except (OSError, EOFError):
            counts["connect_failed"] += 1
    payload = b"USER slowly-but-never-finishing-this-line-" * 50
    end = time.monotonic() + seconds
    i = 0
    closed_by_server = set()
    while time.monotonic() < end:
        for idx, (kind, c) in enumerate(conns):
            if idx in closed_by_server:
                continue
            try:
                c.s.send(payload[i % len(payload):i % len(payload) + 1])
            except OSError:
                closed_by_server.add(idx)
                counts[kind + "_closed_by_server_after_%ds" % int(seconds - (end - time.monotonic()))] += 1
        i += 1
        time.sleep(3)
    RELEASE.set()
    for idx, (kind, c) in enumerate(conns):
        if idx not in closed_by_server:
            counts[kind + "_held_to_the_end"] += 1
        c.close()
    counts["greeted"] = len(conns)


def flood(a, counts, rate=50, seconds=10):
    """rate connects/s for seconds, rotating over POP3, SMTP and (if given) POP3 implicit TLS: silent (held 1 s), reset at once, TLS ClientHello only (held 1 s)."""
    hello = client_hello()
    pending = []
    kinds = ("silent", "reset", "clienthello")
    t0 = time.monotonic()
    n = 0
    while time.monotonic() - t0 < seconds:
        ports = [a.pop3, a.smtp] + ([a.pop3s] if a.pop3s else [])
        port = ports[n % len(ports)]
        kind = kinds[(n // len(ports)) % 3]
        try:
            s = socket.create_connection((HOST, port), timeout=2)
            counts["connected"] += 1
            if kind == "reset":
                reset(s)
            else:
                if kind == "clienthello":
                    s.sendall(hello)
                pending.append((time.monotonic() + 1.0, s))
            counts[kind] += 1
        except OSError:
            counts["connect_failed"] += 1
        n += 1
        now = time.monotonic()
        keep = []
        for due, s in pending:
            if due <= now:
                s.close()
            else:
                keep.append((due, s))
        pending = keep
        next_at = t0 + n / float(rate)
        time.sleep(max(0.0, next_at - time.monotonic()))
    RELEASE.set()
    for _, s in pending:
        s.close()


def stalled_retr(a, counts, stall=20):
    """Log in, RETR the 1 MB message 1 with a 4 KB receive buffer, read nothing for `stall` s, then reset."""
    stalls = []
    for _ in range(a.cap_pop3):
        try:
            c = greeted(a.pop3, "pop3", rcvbuf=4096)
            if c is None:
                counts["not_greeted_in_10s"] += 1
                continue
            c.send("USER %s\r\n" % a.user)
            c.line()
            c.send("PASS %s\r\n" % a.password)
            r = c.line()
            if not r.startswith("+OK"):
                counts["login_refused"] += 1   # the maildrop is locked by the first stalled reader
                c.close()
                continue
            c.send("RETR 1\r\n")
            stalls.append(c)
            counts["stalled_readers"] += 1
        except (OSError, EOFError):
            counts["error"] += 1
    time.sleep(stall)
    RELEASE.set()
    for c in stalls:
        reset(c.s)


def garbage(a, counts, sessions=4, seed=1):
    """Per protocol, sessions one after another: binary lines, NULs, bare CR/LF, a 64 KB line, 30 unknown commands."""
    rnd = random.Random(seed)
    for port, kind in [(a.pop3, "pop3")] * sessions + [(a.smtp, "smtp")] * sessions:
        try:
            c = greeted(port, kind)
            if c is None:
                counts[kind + "_not_greeted_in_10s"] += 1
                continue
            c.s.settimeout(5)
            junk = [bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 300))) + b"\r\n" for _ in range(10)]
            junk += [b"\x00\x00\x00\r\n", b"NOOP\rNOOP\r\n", b"bare\nline\n", b"X" * 65536 + b"\r\n"]
            junk += [("XYZZY%d\r\n" % i).encode() for i in range(30)]
            try:
                for j in junk:
                    c.send(j)
            except OSError:
                pass
            replies = 0
            try:
                while True:
                    c.line()
                    replies += 1
            except socket.timeout:
                counts[kind + "_left_open_after_5s_silence"] += 1
            except (OSError, EOFError):
                counts[kind + "_closed_by_server"] += 1
            counts[kind + "_replies"] += replies
            counts[kind + "_sessions"] += 1
            c.close()
        except (OSError, EOFError):
            counts[kind + "_connect_error"] += 1


class Counts(dict):
    def __missing__(self, k):
        return 0


def scenario(a, name, attack, watch):
    counts = Counts()
    RELEASE.clear()
    mem_before = watch.max_bytes
    watch.max_bytes = 0
    watch.max_sessions = {"pop3": 0, "smtp": 0}
    stop = threading.Event()
    probes = [Prober(lambda: pop3_once(a.pop3, a.user, a.password), stop), Prober(lambda: smtp_once(a.smtp, a.rcpt), stop)]
    t0 = time.monotonic()

    def start_probes():
        time.sleep(1.0)   # the attack takes its slots first
        for p in probes:
            p.start()

    starter = threading.Thread(target=start_probes, daemon=True)
    starter.start()
    attack(a, counts)
    starter.join()
    RELEASE.set()
    stop.set()
    for p in probes:
        p.join(PROBE_BUDGET_S + 15)
    attack_s = time.monotonic() - t0
    RELEASE.clear()   # the "after" client is not part of the attack
    time.sleep(0.5)
    after = {"pop3": Prober(lambda: pop3_once(a.pop3, a.user, a.password), threading.Event()).one(),
             "smtp": Prober(lambda: smtp_once(a.smtp, a.rcpt), threading.Event()).one()}
    time.sleep(1.2)   # one more status-file period
    return {
        "scenario": name,
        "seconds": round(attack_s, 1),
        "counts": dict(counts),
        "during": {"pop3": summarize_probes(probes[0].results), "smtp": summarize_probes(probes[1].results)},
        "after": after,
        "max_managed_bytes": watch.max_bytes,
        "max_sessions_seen": dict(watch.max_sessions),
        "alive": alive(a.pid),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pop3", type=int, required=True)
    ap.add_argument("--smtp", type=int, required=True)
    ap.add_argument("--pop3s", type=int, default=0, help="POP3 implicit-TLS port, flooded too")
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--status-file", required=True)
    ap.add_argument("--cap-pop3", type=int, required=True)
    ap.add_argument("--cap-smtp", type=int, required=True)
    ap.add_argument("--user", default="tech")
    ap.add_argument("--password", default="secret")
    ap.add_argument("--rcpt", default="ops@example.com")
    ap.add_argument("--board", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--only", default=None, help="comma-separated scenario names")
    a = ap.parse_args()

    watch = StatusWatch(a.status_file)
    watch.start()
    time.sleep(1.5)
    plan = [
        ("baseline (no attack, 3 s)", lambda a, c: time.sleep(3)),
        ("over the cap: cap+4 POP3 and cap+4 SMTP at once, held 5 s", overcap),
        ("slowloris: 1 byte / 3 s on cap+2 connections per protocol, 24 s", slowloris),
        ("connection flood: 50 connects/s for 10 s over POP3, SMTP, POP3S (silent 1 s / RST / TLS ClientHello)", flood),
        ("stalled RETR of a 1 MB message (4 KB receive buffer, 20 s), then RST", stalled_retr),
        ("garbage lines: 4 sessions per protocol", garbage),
    ]
    if a.only:
        keys = a.only.split(",")
        plan = [p for p in plan if any(p[0].startswith(k) for k in keys)]
    results = []
    for name, attack in plan:
        r = scenario(a, name, attack, watch)
        print(json.dumps(r), flush=True)
        results.append(r)
        if not r["alive"]:
            break
    watch.stop.set()
    final = watch.read() or {}
    out = {"board": a.board, "caps": {"pop3": a.cap_pop3, "smtp": a.cap_smtp}, "scenarios": results,
           "peak_managed_bytes": final.get("peakManagedBytes"), "heap_budget_bytes": final.get("heapBudgetBytes"),
           "alive_at_end": alive(a.pid)}
    with open(a.json, "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
