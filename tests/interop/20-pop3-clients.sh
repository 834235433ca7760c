#!/usr/bin/env bash
# 20-pop3-clients.sh -- the host simulator's POP3 mailbox (`hostsim run`) against real clients on
# 127.0.0.1: Python's poplib (USER/PASS, STLS, implicit TLS, TOP, UIDL, DELE+QUIT, drop without
# QUIT), curl pop3:// and pop3s:// with --ssl-reqd and --cacert (the self-signed certificate the
# host sim made in its data directory), and mpop (STLS, pipelined, certificate trusted by file).
#
# Filling the mailbox: prepared messages (CRLF line ends) are delivered into the device mailbox
# store with `hostsim deliver` before the relay starts; the clients must get them back byte for byte.
source "$(dirname "$0")/common.sh"
D=$WORK/pop3-clients
rm -rf "$D"; mkdir -p "$D/prepared" "$D/data" "$D/md/new" "$D/md/cur" "$D/md/tmp"
PID=
cleanup() { [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; sleep 0.5; [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null; true; }
trap cleanup EXIT

apt_install curl mpop python3 openssl ca-certificates || { fail pop3-setup "apt-get install failed"; finish; }
build_hostsim || { fail pop3-build "hostsim build failed"; finish; }

PORT=$(free_port); TLSPORT=$(free_port)
USER=tech; PASS='s3cret pop3'   # a space: PASS takes the rest of the line (RFC 1939 §7)
cat > "$D/config.json" <<JSON
{ "device": { "name": "interop-sim" },
  "pop3": { "listen": "127.0.0.1:$PORT", "tlsListen": "127.0.0.1:$TLSPORT", "user": "$USER", "password": "$PASS" } }
JSON

# Three messages: a small alert, one with lines that start with dots, one of ~400 KB (base64 attachment).
prepare_three_alerts "$D/prepared"

check pop3-deliver-three hostsim deliver --config "$D/config.json" --data "$D/data" "$D/prepared/alert-0001" "$D/prepared/alert-0002" "$D/prepared/alert-0003"

# dotnet itself in the background (not the hostsim shell function, whose subshell would take the signal).
dotnet "$HOSTSIM_DLL" run --config "$D/config.json" --data "$D/data" >"$D/run.out" 2>"$D/run.err" &
PID=$!
wait_port 127.0.0.1 "$PORT" 60 && wait_port 127.0.0.1 "$TLSPORT" 10 || { cat "$D/run.out" "$D/run.err" >&2; fail pop3-start "hostsim run did not listen"; finish; }
CERT=$D/data/pop3-tls.crt
check pop3-run-banner grep -q "curl pop3://tech:s3cret%20pop3@127.0.0.1:$PORT/" "$D/run.out"
check pop3-run-fingerprint bash -c "grep -q \"\$(openssl x509 -in '$CERT' -noout -fingerprint -sha256 | cut -d= -f2)\" '$D/run.out'"

# --- Python poplib ----------------------------------------------------------------------------
py() { python3 - "$PORT" "$TLSPORT" "$USER" "$PASS" "$CERT" "$D/prepared" "$@"; }
check pop3-poplib-plain-list-uidl-retr py <<'PY'
import poplib, os, sys
port, tlsport, user, pw, cert, box = sys.argv[1:7]
names = sorted(os.listdir(box)); files = [open(os.path.join(box, n), "rb").read() for n in names]
p = poplib.POP3("127.0.0.1", int(port), timeout=20)
p.user(user); p.pass_(pw)
assert p.stat() == (3, sum(map(len, files))), p.stat()
assert [l.split() for l in p.list()[1]] == [[str(i + 1).encode(), str(len(f)).encode()] for i, f in enumerate(files)]
uids = [l.split()[1].decode() for l in p.uidl()[1]]
assert len(set(uids)) == 3 and all(0 < len(u) <= 70 for u in uids), uids   # RFC 1939 §7
open(os.path.join(os.path.dirname(box), "uids"), "w").write("\n".join(uids))
for i, f in enumerate(files):
    resp, lines, octets = p.retr(i + 1)
    assert b"\r\n".join(lines) + b"\r\n" == f, "message %d differs" % (i + 1)
p.quit()
PY
check pop3-poplib-stls-capa py <<'PY'
import poplib, ssl, sys
port, tlsport, user, pw, cert, box = sys.argv[1:7]
p = poplib.POP3("localhost", int(port), timeout=20)
assert "STLS" in p.capa()
p.stls(ssl.create_default_context(cafile=cert))
caps = p.capa()
assert "STLS" not in caps and "USER" in caps and "TOP" in caps and "UIDL" in caps, caps
p.user(user); p.pass_(pw)
assert p.stat()[0] == 3
p.quit()
PY
check pop3-poplib-implicit-tls-top py <<'PY'
import poplib, ssl, sys
port, tlsport, user, pw, cert, box = sys.argv[1:7]
p = poplib.POP3_SSL("localhost", int(tlsport), context=ssl.create_default_context(cafile=cert), timeout=20)
p.user(user); p.pass_(pw)
resp, lines, octets = p.top(3, 0)
assert lines[-1] == b"" and b"Subject: log attached" in lines and not any(l.startswith(b"--b1") for l in lines), lines
p.quit()
PY
check pop3-poplib-wrong-password-refused py <<'PY'
import poplib, sys
port, tlsport, user, pw, cert, box = sys.argv[1:7]
p = poplib.POP3("127.0.0.1", int(port), timeout=20)
p.user("nobody")
try:
    p.pass_("wrong"); sys.exit(1)
except poplib.error_proto as e:
    assert str(e).startswith("b'-ERR [AUTH]"), e
PY

# --- curl ---------------------------------------------------------------------------------------
cu() { curl -sS --max-time 30 -u "$USER:$PASS" "$@"; }
check pop3-curl-list bash -c "[ \"\$(curl -sS --max-time 30 -u '$USER:$PASS' pop3://127.0.0.1:$PORT/ | tr -d '\r')\" = \"\$(cd '$D/prepared' && i=0; for f in \$(ls | sort); do i=\$((i+1)); echo \"\$i \$(stat -c %s \$f)\"; done)\" ]"
cu "pop3://127.0.0.1:$PORT/2" > "$D/curl-2.eml"
check pop3-curl-retr-dot-lines cmp "$D/curl-2.eml" "$D/prepared/alert-0002"
cu --ssl-reqd --cacert "$CERT" "pop3://localhost:$PORT/3" > "$D/curl-3-stls.eml"
check pop3-curl-stls-ssl-reqd cmp "$D/curl-3-stls.eml" "$D/prepared/alert-0003"
cu --ssl-reqd --cacert "$CERT" "pop3s://localhost:$TLSPORT/1" > "$D/curl-1-pop3s.eml"
check pop3-curl-pop3s cmp "$D/curl-1-pop3s.eml" "$D/prepared/alert-0001"
check pop3-curl-untrusted-cert-refused bash -c "! curl -sS --max-time 30 -u '$USER:$PASS' --ssl-reqd 'pop3s://localhost:$TLSPORT/1' >/dev/null 2>&1"

# --- mpop (GnuTLS, pipelining) --------------------------------------------------------------------
cat > "$D/mpoprc" <<MPOP
defaults
tls on
tls_starttls on
tls_trust_file $CERT
keep on
only_new off
uidls_file $D/uidls
delivery maildir $D/md
received_header off
account sim
host localhost
port $PORT
user $USER
password $PASS
auth user
MPOP
chmod 600 "$D/mpoprc"
timeout 60 mpop -q -C "$D/mpoprc" sim >"$D/mpop.log" 2>&1
check pop3-mpop-stls-three-messages bash -c "[ \$(ls '$D/md/new' | wc -l) -eq 3 ]"
same_text() { cmp -s <(tr -d '\r' < "$1") <(tr -d '\r' < "$2"); }   # mpop's maildir files end lines in LF
check pop3-mpop-content same_text "$(grep -l 'Subject: log attached' "$D"/md/new/* | head -1)" "$D/prepared/alert-0003"

# --- deletion only after QUIT -----------------------------------------------------------------------
check pop3-drop-without-quit-keeps py <<'PY'
import poplib, os, sys
port, tlsport, user, pw, cert, box = sys.argv[1:7]
p = poplib.POP3("127.0.0.1", int(port), timeout=20)
p.user(user); p.pass_(pw); p.dele(1)
import socket, time
p.sock.shutdown(socket.SHUT_RDWR); p.sock.close()   # no QUIT: RFC 1939 §6, nothing is removed
for _ in range(100):
    q = poplib.POP3("127.0.0.1", int(port), timeout=20); q.user(user)
    try:
        q.pass_(pw); break
    except poplib.error_proto:      # [IN-USE] until the server notices the drop
        q.sock.close(); time.sleep(0.05)
uids = open(os.path.join(os.path.dirname(box), "uids")).read().split("\n")
assert q.stat()[0] == 3 and [l.split()[1].decode() for l in q.uidl()[1]] == uids   # same UIDs (RFC 1939 §7)
q.dele(1); q.quit()                 # with QUIT the message goes
r = poplib.POP3("127.0.0.1", int(port), timeout=20); r.user(user); r.pass_(pw)
assert [l.split()[1].decode() for l in r.uidl()[1]] == uids[1:], r.uidl()
assert b"\r\n".join(r.retr(1)[1]) + b"\r\n" == open(os.path.join(box, "alert-0002"), "rb").read()
r.quit()
PY

# --- clean stop -------------------------------------------------------------------------------------
kill -TERM "$PID"
for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then fail pop3-sigterm-stops "still running"; else wait "$PID"; rc=$?; PID=; [ $rc -eq 0 ] && grep -q stopped "$D/run.out" && pass pop3-sigterm-stops || fail pop3-sigterm-stops "exit $rc"; fi
[ "$FAILS" -eq 0 ] || { echo "--- run.err (last 40)"; tail -40 "$D/run.err"; echo "--- mpop.log"; cat "$D/mpop.log"; } >&2
finish
