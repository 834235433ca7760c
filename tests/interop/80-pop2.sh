#!/usr/bin/env bash
# 80-pop2.sh -- the host simulator's POP2 listener (RFC 937, `pop2.listen`) against a raw-socket
# client in Python on 127.0.0.1 (no POP2 client is packaged in Debian that we know of): HELO with a
# quoted password, READ, RETR of exactly "=ccc" octets compared byte for byte with the delivered
# files, ACKD/ACKS, QUIT; then Python's poplib sees the ACKD'd message gone, and a POP3 login while a
# POP2 session holds the mailbox gets -ERR [IN-USE] (one lock for both protocols).
source "$(dirname "$0")/common.sh"
D=$WORK/pop2
rm -rf "$D"; mkdir -p "$D/prepared" "$D/data"
PID=
cleanup() { [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; sleep 0.5; [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null; true; }
trap cleanup EXIT

apt_install python3 || { fail pop2-setup "apt-get install failed"; finish; }
build_hostsim || { fail pop2-build "hostsim build failed"; finish; }

PORT=$(free_port); POP2=$(free_port)
USER=tech; PASS='s3cret pop2'   # a space: HELO sends it as "s3cret\ pop2" (RFC 937 "Quoting")
cat > "$D/config.json" <<JSON
{ "device": { "name": "interop-sim" },
  "pop3": { "listen": "127.0.0.1:$PORT", "user": "$USER", "password": "$PASS" },
  "pop2": { "listen": "127.0.0.1:$POP2" } }
JSON

python3 - "$D/prepared" <<'PY'
import base64, os, sys
d = sys.argv[1]
def write(name, headers, body):
    with open(os.path.join(d, name), "wb") as f:
        f.write(("\r\n".join(headers) + "\r\n\r\n" + body).encode())
write("alert-0001", ["From: nanorelay@localhost", "To: tech@localhost", "Subject: temperature high"], "Fridge 1: 9.5 C above 8.0 C.\r\n.\r\n..\r\n")
blob = base64.encodebytes(os.urandom(200000)).decode().replace("\n", "\r\n")
write("alert-0002", ["From: nanorelay@localhost", "To: tech@localhost", "Subject: log attached"], blob)
PY
check pop2-deliver-two hostsim deliver --config "$D/config.json" --data "$D/data" "$D/prepared/alert-0001" "$D/prepared/alert-0002"

dotnet "$HOSTSIM_DLL" run --config "$D/config.json" --data "$D/data" >"$D/run.out" 2>"$D/run.err" &
PID=$!
wait_port 127.0.0.1 "$POP2" 60 || { cat "$D/run.out" "$D/run.err" >&2; fail pop2-start "hostsim run did not listen on pop2.listen"; finish; }
check pop2-run-banner grep -q "POP2 mailbox     127.0.0.1:$POP2" "$D/run.out"

py() { python3 - "$PORT" "$POP2" "$USER" "$PASS" "$D/prepared" "$@"; }
check pop2-raw-helo-read-retr-ackd-acks-quit py <<'PY'
import os, socket, sys
port, pop2, user, pw, box = sys.argv[1:6]
files = [open(os.path.join(box, n), "rb").read() for n in sorted(os.listdir(box))]
s = socket.create_connection(("127.0.0.1", int(pop2)), timeout=20)
f = s.makefile("rb")
def line():
    l = f.readline(600)
    assert l.endswith(b"\r\n"), l
    return l[:-2].decode()
def send(cmd):
    s.sendall(cmd.encode() + b"\r\n")
    return line()
assert line().startswith("+ POP2 interop-sim"), "greeting"
quoted = pw.replace("\\", "\\\\").replace(" ", "\\ ")
assert send("HELO %s %s" % (user, quoted)) == "#2 messages in your mailbox"
r = send("READ")
assert r == "=%d characters in message 1" % len(files[0]), r
s.sendall(b"RETR\r\n"); assert f.read(len(files[0])) == files[0], "message 1 differs"
r = send("ACKD")
assert r == "=%d characters in message 2" % len(files[1]), r
s.sendall(b"RETR\r\n"); assert f.read(len(files[1])) == files[1], "message 2 differs"
assert send("ACKS") == "=0 no more messages"
assert send("QUIT").startswith("+ OK")
assert f.read() == b"", "server did not close"
PY
check pop2-ackd-removed-seen-by-poplib py <<'PY'
import os, poplib, sys
port, pop2, user, pw, box = sys.argv[1:6]
p = poplib.POP3("127.0.0.1", int(port), timeout=20)
p.user(user); p.pass_(pw)
files = [open(os.path.join(box, n), "rb").read() for n in sorted(os.listdir(box))]
assert p.stat() == (1, len(files[1])), p.stat()
p.quit()
PY
check pop2-lock-shared-with-pop3 py <<'PY'
import poplib, socket, sys
port, pop2, user, pw, box = sys.argv[1:6]
s = socket.create_connection(("127.0.0.1", int(pop2)), timeout=20)
f = s.makefile("rb"); f.readline()
s.sendall(("HELO %s %s\r\n" % (user, pw.replace(" ", "\\ "))).encode())
assert f.readline().startswith(b"#1 "), "HELO"
p = poplib.POP3("127.0.0.1", int(port), timeout=20)
p.user(user)
try:
    p.pass_(pw); raise SystemExit("POP3 login succeeded while POP2 held the mailbox")
except poplib.error_proto as e:
    assert b"[IN-USE]" in e.args[0], e
s.sendall(b"QUIT\r\n"); assert f.readline().startswith(b"+ OK")
PY
finish
