#!/usr/bin/env bash
# 70-imap-clients.sh -- the host simulator's IMAP4rev2 mailbox (`hostsim run`, config `imap`)
# against real clients on 127.0.0.1:
#   Python imaplib: STARTTLS (certificate verified), LOGIN with a quoted password, SELECT, SEARCH
#     UNSEEN, FETCH BODY.PEEK[] byte for byte (and \Seen untouched), STORE +FLAGS (\Seen) seen by
#     a second connection over implicit TLS, a wrong password refused, and IDLE (RFC 2177, written
#     raw: imaplib has no idle() before Python 3.14): "* n EXISTS" within 1 s of a message coming
#     in through the relay's SMTP ingress, and "* n FETCH (FLAGS ...)" within 1 s of another
#     session's STORE;
#   curl imap:// and imaps:// (LIST, SEARCH, FETCH by MAILINDEX, --ssl-reqd --cacert);
#   mbsync (isync): INBOX synced to a local Maildir, content equal, then flags both ways (\Seen
#     set in the Maildir reaches the server at the next sync; \Flagged set on the server becomes
#     the Maildir filename's F).
# LOGIN before STARTTLS from the LAN ([PRIVACYREQUIRED]) cannot be shown here: every connection
# these scripts may make comes from 127.0.0.0/8, which the server rightly treats as loopback.
# That case is covered in-process (tests/NanoRelay.Core.Tests/Rfc9051).
#
# Filling the mailbox: three prepared messages (CRLF) go in with `hostsim deliver` before the relay
# starts; a fourth comes in through the running relay's SMTP ingress (no upstream: local delivery).
source "$(dirname "$0")/common.sh"
D=$WORK/imap-clients
rm -rf "$D"; mkdir -p "$D/prepared" "$D/data" "$D/md"
PID=
cleanup() { [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; sleep 0.5; [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null; true; }
trap cleanup EXIT

apt_install curl isync python3 openssl ca-certificates || { fail imap-setup "apt-get install failed"; finish; }
build_hostsim || { fail imap-build "hostsim build failed"; finish; }

PORT=$(free_port); TLSPORT=$(free_port); POP3PORT=$(free_port); SMTPPORT=$(free_port)
USER=tech; PASS='s3cret imap'   # a space: LOGIN's password goes as a quoted string (RFC 9051 §4.3)
cat > "$D/config.json" <<JSON
{ "device": { "name": "interop-sim" },
  "imap": { "listen": "127.0.0.1:$PORT", "tlsListen": "127.0.0.1:$TLSPORT", "user": "$USER", "password": "$PASS" },
  "pop3": { "listen": "127.0.0.1:$POP3PORT", "user": "$USER", "password": "$PASS" },
  "smtpIngress": { "listen": "127.0.0.1:$SMTPPORT", "allowFrom": ["127.0.0.0/8"] } }
JSON

# Three messages, each with its own Subject (the Maildir checks find them by it): a small alert,
# one with lines that start with dots, one of ~400 KB (multipart, base64 attachment).
prepare_three_alerts "$D/prepared"

check imap-deliver-three hostsim deliver --config "$D/config.json" --data "$D/data" "$D/prepared/alert-0001" "$D/prepared/alert-0002" "$D/prepared/alert-0003"

# dotnet itself in the background (not the hostsim shell function, whose subshell would take the signal).
dotnet "$HOSTSIM_DLL" run --config "$D/config.json" --data "$D/data" >"$D/run.out" 2>"$D/run.err" &
PID=$!
wait_port 127.0.0.1 "$PORT" 60 && wait_port 127.0.0.1 "$TLSPORT" 10 && wait_port 127.0.0.1 "$SMTPPORT" 10 \
  || { cat "$D/run.out" "$D/run.err" >&2; fail imap-start "hostsim run did not listen"; finish; }
CERT=$D/data/pop3-tls.crt   # the host certificate (STLS and STARTTLS share it)
check imap-run-banner grep -q "curl imap://" "$D/run.out"

# --- Python imaplib ---------------------------------------------------------------------------------
py() { python3 - "$PORT" "$TLSPORT" "$USER" "$PASS" "$CERT" "$D/prepared" "$SMTPPORT" "$@"; }
cat > "$D/imapx.py" <<'PY'
# Shared by the checks: argv, the prepared files, a verified STARTTLS login, raw IDLE.
import imaplib, os, re, socket, ssl, sys, time
port, tlsport, user, pw, cert, box, smtpport = sys.argv[1:8]
port, tlsport, smtpport = int(port), int(tlsport), int(smtpport)
names = sorted(os.listdir(box))
files = [open(os.path.join(box, n), "rb").read() for n in names]
ctx = ssl.create_default_context(cafile=cert)

def starttls_login():
    m = imaplib.IMAP4("localhost", port, timeout=20)
    m.starttls(ssl_context=ctx)
    m.login(user, pw)
    return m

def tls_login():
    m = imaplib.IMAP4_SSL("localhost", tlsport, ssl_context=ctx, timeout=20)
    m.login(user, pw)
    return m

def ok(r):
    typ, data = r
    assert typ == "OK", (typ, data)
    return data

def flags_of(m, seq):
    data = ok(m.fetch(str(seq), "(FLAGS)"))
    return re.search(rb"FLAGS \(([^)]*)\)", data[0]).group(1).split()

def idle_start(m):
    tag = m._new_tag()
    m.send(tag + b" IDLE\r\n")
    line = m.readline()
    assert line.startswith(b"+"), line       # RFC 2177 §3: continuation, then untagged updates
    return tag

def idle_wait(m, pattern, seconds):
    """Reads untagged lines until one matches; returns (line, seconds waited) or raises."""
    t0 = time.monotonic(); end = t0 + seconds
    while True:
        left = end - time.monotonic()
        assert left > 0, "nothing matching %r within %.1f s" % (pattern, seconds)
        m.sock.settimeout(left)
        line = m.readline()
        assert line, "connection closed in IDLE"
        if re.search(pattern, line):
            return line, time.monotonic() - t0

def idle_done(m, tag):
    m.sock.settimeout(20)
    m.send(b"DONE\r\n")
    while True:
        line = m.readline()
        assert line, "connection closed after DONE"
        if line.startswith(tag + b" "):
            assert line.startswith(tag + b" OK"), line
            return
PY
export PYTHONPATH=$D

check imap-imaplib-starttls-capability-login-select py <<'PY'
from imapx import *
m = imaplib.IMAP4("localhost", port, timeout=20)
assert "STARTTLS" in m.capabilities and "IMAP4REV2" in m.capabilities, m.capabilities
m.starttls(ssl_context=ctx)                           # verifies the host certificate for "localhost"
caps = ok(m.capability())[0].decode().upper().split()
assert "STARTTLS" not in caps and "LOGINDISABLED" not in caps and "IDLE" in caps, caps   # RFC 9051 §6.2.1
m.login(user, pw)
assert b"INBOX" in b"".join(ok(m.list()))
data = ok(m.select("INBOX"))
assert int(data[0]) == len(files), data
m.logout()
PY
check imap-imaplib-search-unseen py <<'PY'
from imapx import *
m = starttls_login(); ok(m.select("INBOX"))
assert ok(m.search(None, "UNSEEN")) == [b"1 2 3"], m.search(None, "UNSEEN")
assert ok(m.search(None, "SUBJECT", "dots")) == [b"2"]
m.logout()
PY
check imap-imaplib-fetch-body-peek-bytes py <<'PY'
from imapx import *
m = starttls_login(); ok(m.select("INBOX"))
for i, f in enumerate(files):
    data = ok(m.fetch(str(i + 1), "(BODY.PEEK[])"))
    assert data[0][1] == f, "message %d differs (%d octets, expected %d)" % (i + 1, len(data[0][1]), len(f))
    assert b"\\Seen" not in flags_of(m, i + 1)        # RFC 9051 §6.4.5: .PEEK does not set \Seen
m.logout()
PY
check imap-imaplib-store-seen-second-connection py <<'PY'
from imapx import *
m = starttls_login(); ok(m.select("INBOX"))
data = ok(m.store("1", "+FLAGS", "(\\Seen)"))
assert b"\\Seen" in data[0], data                    # RFC 9051 §6.4.6: the new flags come back
uids = ok(m.fetch("1:*", "(UID)"))
m.logout()
n = tls_login(); ok(n.select("INBOX"))                # a second connection, over implicit TLS
assert b"\\Seen" in flags_of(n, 1) and b"\\Seen" not in flags_of(n, 2)
assert ok(n.search(None, "UNSEEN")) == [b"2 3"]
assert ok(n.fetch("1:*", "(UID)")) == uids            # UIDs are stable across sessions
n.logout()
PY
check imap-imaplib-wrong-password-refused py <<'PY'
from imapx import *
m = imaplib.IMAP4("localhost", port, timeout=20); m.starttls(ssl_context=ctx)
try:
    m.login(user, "wrong"); sys.exit(1)
except imaplib.IMAP4.error as e:
    assert "AUTHENTICATIONFAILED" in str(e), e        # RFC 9051 §7.1 response code
PY
check imap-starttls-pipelined-command-discarded py <<'PY'
from imapx import *
# RFC 9051 §6.2.1 / CVE-2011-0411: a command sent in the same packet as STARTTLS, before the
# handshake, must be discarded, never answered inside the TLS session.
raw = socket.create_connection(("127.0.0.1", port), timeout=20)
f = raw.makefile("rb")
assert f.readline().startswith(b"* OK")
raw.sendall(b"a STARTTLS\r\nb LOGIN tech injected\r\n")
line = f.readline()
assert line.startswith(b"a OK"), line
t = ctx.wrap_socket(raw, server_hostname="localhost")
g = t.makefile("rb")
t.sendall(b"c NOOP\r\n")
lines = []
while True:
    l = g.readline()
    assert l, lines
    lines.append(l)
    if l.startswith(b"c "):
        break
assert lines[-1].startswith(b"c OK") and not any(l.startswith(b"b ") for l in lines), lines
t.sendall(b"z LOGOUT\r\n")
PY
check imap-imaplib-idle-exists-from-smtp-ingress-1s py <<'PY'
from imapx import *
import smtplib
m = starttls_login(); ok(m.select("INBOX"))
tag = idle_start(m)
s = smtplib.SMTP("127.0.0.1", smtpport, timeout=20)
s.sendmail("sensor@lan.test", ["tech@localhost"],
           b"From: sensor@lan.test\r\nTo: tech@localhost\r\nSubject: idle test\r\n\r\nDoor 2 open.\r\n")
s.quit()
line, waited = idle_wait(m, rb"^\* 4 EXISTS", 1.0)     # RFC 2177 §3, the issue's one-second promise
print("EXISTS %.3f s after the SMTP ingress took the message" % waited)
idle_done(m, tag)
data = ok(m.fetch("4", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])"))
assert b"idle test" in data[0][1], data
m.logout()
PY
check imap-imaplib-idle-sees-other-session-store-1s py <<'PY'
from imapx import *
m = starttls_login(); ok(m.select("INBOX"))
tag = idle_start(m)
other = tls_login(); ok(other.select("INBOX"))
ok(other.store("4", "+FLAGS", "(\\Answered)")); other.logout()
line, waited = idle_wait(m, rb"^\* 4 FETCH \(.*\\Answered", 1.0)   # RFC 9051 §7.5.2
print("FETCH %.3f s after the other session's STORE" % waited)
idle_done(m, tag)
m.logout()
PY

# --- curl ---------------------------------------------------------------------------------------
cu() { curl -sS --max-time 30 -u "$USER:$PASS" --ssl-reqd --cacert "$CERT" "$@"; }
check imap-curl-list-stls bash -c "$(declare -f cu); USER='$USER' PASS='$PASS' CERT='$CERT'; cu imap://localhost:$PORT/ | grep -q 'INBOX'"
check imap-curl-search-subject bash -c "$(declare -f cu); USER='$USER' PASS='$PASS' CERT='$CERT'; [ \"\$(cu 'imap://localhost:$PORT/INBOX?SUBJECT%20dots' | tr -d '\r')\" = '* SEARCH 2' ]"
cu "imap://localhost:$PORT/INBOX/;MAILINDEX=3" > "$D/curl-3-stls.eml"
check imap-curl-fetch-stls-400k cmp "$D/curl-3-stls.eml" "$D/prepared/alert-0003"
cu "imaps://localhost:$TLSPORT/INBOX/;MAILINDEX=1" > "$D/curl-1-imaps.eml"
check imap-curl-fetch-imaps cmp "$D/curl-1-imaps.eml" "$D/prepared/alert-0001"
check imap-curl-untrusted-cert-refused bash -c "! curl -sS --max-time 30 -u '$USER:$PASS' 'imaps://localhost:$TLSPORT/INBOX/;MAILINDEX=1' >/dev/null 2>&1"

# --- mbsync (isync): a synchronising client ---------------------------------------------------------
cat > "$D/mbsyncrc" <<MBSYNC
IMAPAccount sim
Host localhost
Port $PORT
User $USER
Pass "$PASS"
SSLType STARTTLS
CertificateFile $CERT
AuthMechs LOGIN
Timeout 30

IMAPStore sim-far
Account sim

MaildirStore sim-near
Path $D/md/
Inbox $D/md/INBOX

Channel sim
Far :sim-far:
Near :sim-near:
Patterns INBOX
Create Near
Sync All
Expunge None
SyncState *
MBSYNC
chmod 600 "$D/mbsyncrc"
mbsync_run() { timeout 60 mbsync -V -c "$D/mbsyncrc" sim >>"$D/mbsync.log" 2>&1; }
check imap-mbsync-first-sync mbsync_run
# The Maildir against the server: same messages (mbsync stores LF line ends and may add X-TUID),
# and each file's flags (the letters after ":2,") match the server's.
check imap-mbsync-content-and-flags py "$D/md/INBOX" <<'PY'
from imapx import *
md = sys.argv[8]
local = {}
for sub in ("cur", "new"):
    for n in os.listdir(os.path.join(md, sub)):
        body = open(os.path.join(md, sub, n), "rb").read()
        subject = re.search(rb"^Subject: (.*?)\r?$", body, re.M).group(1)
        local[subject] = (n, body)
m = starttls_login(); ok(m.select("INBOX"))
count = int(ok(m.select("INBOX"))[0])
assert len(local) == count == 4, (len(local), count)
for i in range(1, count + 1):
    server = ok(m.fetch(str(i), "(BODY.PEEK[])"))[0][1]
    subject = re.search(rb"^Subject: (.*?)\r$", server, re.M).group(1)
    n, body = local[subject]
    strip = lambda b: re.sub(rb"(?m)^X-TUID: .*\n", b"", b.replace(b"\r\n", b"\n"))
    assert strip(body) == strip(server), "message %d (%r) differs" % (i, subject)
    seen = b"\\Seen" in flags_of(m, i)
    assert seen == ("S" in n.split(":2,")[-1] if ":2," in n else False), (i, n, flags_of(m, i))
m.logout()
PY
# Both ways: \Seen set in the Maildir (rename to add S), \Flagged set on the server (STORE).
check imap-mbsync-flags-both-ways py "$D" <<'PY'
from imapx import *
import subprocess
d = sys.argv[8]; md = os.path.join(d, "md", "INBOX")
def local_files():
    out = {}
    for sub in ("cur", "new"):
        for n in os.listdir(os.path.join(md, sub)):
            body = open(os.path.join(md, sub, n), "rb").read()
            out[re.search(rb"^Subject: (.*?)\r?$", body, re.M).group(1)] = (sub, n)
    return out
# locally: "dots" is unseen on the server (only PEEKed so far); mark it seen in the Maildir
sub, n = local_files()[b"dots"]
base, _, fl = n.partition(":2,")
os.rename(os.path.join(md, sub, n), os.path.join(md, "cur", base + ":2," + "".join(sorted(set(fl + "S")))))
# on the server: flag "temperature high"
m = starttls_login(); ok(m.select("INBOX"))
assert b"\\Seen" not in flags_of(m, 2)
ok(m.store("1", "+FLAGS", "(\\Flagged)"))
m.logout()
subprocess.run(["timeout", "60", "mbsync", "-V", "-c", os.path.join(d, "mbsyncrc"), "sim"],
               stdout=open(os.path.join(d, "mbsync.log"), "ab"), stderr=subprocess.STDOUT, check=True)
m = starttls_login(); ok(m.select("INBOX"))
assert b"\\Seen" in flags_of(m, 2), flags_of(m, 2)        # local -> server
m.logout()
sub, n = local_files()[b"temperature high"]
assert "F" in n.split(":2,")[1], n                        # server -> local
PY

echo "RESULT imap-login-before-starttls-lan SKIP every connection from this script comes from 127.0.0.0/8 (loopback: plaintext allowed); [PRIVACYREQUIRED] is tested in-process"

# --- clean stop -------------------------------------------------------------------------------------
kill -TERM "$PID"
for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then fail imap-sigterm-stops "still running"; else wait "$PID"; rc=$?; PID=; [ $rc -eq 0 ] && grep -q stopped "$D/run.out" && pass imap-sigterm-stops || fail imap-sigterm-stops "exit $rc"; fi
[ "$FAILS" -eq 0 ] || { echo "--- run.err (last 40)"; tail -40 "$D/run.err"; echo "--- mbsync.log (last 40)"; tail -40 "$D/mbsync.log"; } >&2
finish
