#!/usr/bin/env python3
"""raw-fetch.py -- the server's side of a full FETCH without a client library in the way: one
connection, LOGIN, SELECT, then WARMUP untimed and K timed "FETCH 1:* BODY.PEEK[]" commands, each
read with recv(1 MB) until the tagged OK (nothing parsed). Prints
"CHECK fetches=K bytes=B wall_ms=MEDIAN cpu_ms=C": the median wall time of one FETCH and the
server's CPU time per FETCH (utime+stime from /proc of PID and its child processes, which for
Dovecot's master includes the imap process serving this connection).

  raw-fetch.py PORT USER PASSWORD PID [K] [WARMUP]
"""
import os, socket, statistics, sys, time

port, user, password, pid = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
k = int(sys.argv[5]) if len(sys.argv) > 5 else 20
warmup = int(sys.argv[6]) if len(sys.argv) > 6 else 5
tick = os.sysconf("SC_CLK_TCK")


def cpu_ms():
    procs = [pid]
    try:
        procs += [int(c) for c in open("/proc/%d/task/%d/children" % (pid, pid)).read().split()]
    except OSError:
        pass
    total = 0
    for p in procs:
        try:
            f = open("/proc/%d/stat" % p).read().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except OSError:
            pass
    return total * 1000.0 / tick


s = socket.create_connection(("127.0.0.1", port), timeout=120)
f = s.makefile("rb")


def command(line, tag):
    s.sendall(line)
    while True:
        l = f.readline()
        if not l:
            sys.exit("connection closed")
        if l.startswith(tag):
            if not l.startswith(tag + b"OK"):
                sys.exit(l.decode(errors="replace"))
            return


def fetch_all():
    s.sendall(b"f FETCH 1:* BODY.PEEK[]\r\n")
    tail = b""
    n = 0
    while True:
        d = s.recv(1 << 20)
        if not d:
            sys.exit("connection closed in FETCH")
        n += len(d)
        tail = (tail + d)[-64:]
        if b"\r\nf OK" in tail:
            return n


f.readline()
command(('a LOGIN "%s" "%s"\r\n' % (user, password)).encode(), b"a ")
command(b"b SELECT INBOX\r\n", b"b ")
for _ in range(warmup):
    fetch_all()
times = []
c0 = cpu_ms()
for _ in range(k):
    t0 = time.perf_counter()
    n = fetch_all()
    times.append((time.perf_counter() - t0) * 1000)
c1 = cpu_ms()
s.sendall(b"z LOGOUT\r\n")
print("CHECK fetches=%d bytes=%d wall_ms=%.1f cpu_ms=%.1f" % (k, n, statistics.median(times), (c1 - c0) / k))
