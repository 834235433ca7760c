#!/usr/bin/env python3
"""fetch.py -- the benchmark's POP3 client (stdlib poplib): log in, STAT, UIDL, RETR every
message (no DELE), QUIT. Prints "CHECK count=N bytes=B". Exits 1 if the octets RETR
returned differ from what STAT announced.

  fetch.py PORT USER PASSWORD [--stls]
Certificates are not verified: this is a timing client, not a test (tests/interop verifies).
"""
import poplib, ssl, sys

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
poplib._MAXLINE = 1 << 20
p = poplib.POP3("127.0.0.1", port, timeout=120)
if "--stls" in sys.argv[4:]:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    p.stls(context=ctx)
p.user(user)
p.pass_(password)
count, size = p.stat()
p.uidl()
total = 0
for i in range(1, count + 1):
    resp, lines, octets = p.retr(i)
    total += sum(len(l) + 2 for l in lines)
p.quit()
print("CHECK count=%d bytes=%d" % (count, total))
sys.exit(0 if total == size else 1)
