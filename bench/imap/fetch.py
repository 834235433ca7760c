#!/usr/bin/env python3
"""fetch.py -- the IMAP benchmark's client (stdlib imaplib): log in, SELECT INBOX, FETCH
BODY.PEEK[] of every message, LOGOUT. Prints "CHECK count=N bytes=B sha256=H fetch_ms=T"
(T: the FETCH phase alone, without process start, connect and login). Exits 1 if a literal's
length differs from the message's RFC822.SIZE.

  fetch.py PORT USER PASSWORD [--stls] [--each]
    --stls  STARTTLS before LOGIN (certificate not verified: a timing client; tests/interop verifies)
    --each  one "FETCH n BODY.PEEK[]" command per message (default: one "FETCH 1:N BODY.PEEK[]")
"""
import hashlib, imaplib, re, ssl, sys, time

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
m = imaplib.IMAP4("127.0.0.1", port, timeout=120)
if "--stls" in sys.argv[4:]:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    m.starttls(ssl_context=ctx)
m.login(user, password)
typ, data = m.select("INBOX", readonly=False)
count = int(data[0])
typ, sizes = m.fetch("1:%d" % count, "(RFC822.SIZE)")
size = {int(l.split()[0]): int(re.search(rb"RFC822\.SIZE (\d+)", l).group(1)) for l in sizes}
h = hashlib.sha256()
total = 0
t0 = time.perf_counter()
if "--each" in sys.argv[4:]:
    parts = []
    for i in range(1, count + 1):
        typ, data = m.fetch(str(i), "(BODY.PEEK[])")
        parts.append(data[0])
else:
    typ, data = m.fetch("1:%d" % count, "(BODY.PEEK[])")
    parts = [d for d in data if isinstance(d, tuple)]
t1 = time.perf_counter()
bad = 0
for head, body in parts:
    n = int(head.split()[0])
    bad += len(body) != size[n]
    total += len(body)
    h.update(body)
m.logout()
print("CHECK count=%d bytes=%d sha256=%s fetch_ms=%d" % (len(parts), total, h.hexdigest()[:16], (t1 - t0) * 1000))
sys.exit(0 if len(parts) == count and bad == 0 else 1)
