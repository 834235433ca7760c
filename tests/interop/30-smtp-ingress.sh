#!/usr/bin/env bash
# 30-smtp-ingress.sh -- the SMTP ingress (issue 6) against real clients on 127.0.0.1:
# Python smtplib and curl (plain, STARTTLS + AUTH PLAIN/LOGIN, a 1 MB attachment that must be
# byte-identical in the sink), and raw sockets for the smuggling matrix (both bareLineEnds
# modes), an early talker, STARTTLS injection and open-relay probes.
# The ingress runs alone (`hostsim ingress-only`, a hidden test command) and writes accepted mail
# to a directory (ID.eml + ID.envelope). Relaying on to an upstream Postfix is proven by 40-relay-end-to-end.sh.
source "$(dirname "$0")/common.sh"
W=$WORK/30-smtp-ingress
rm -rf "$W"; mkdir -p "$W"
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do timeout 10 tail --pid="$p" -f /dev/null 2>/dev/null; kill -9 "$p" 2>/dev/null; done
}
trap cleanup EXIT

apt_install python3 curl openssl ca-certificates || { fail ingress-setup "apt-get install failed"; finish; }
build_hostsim || { fail ingress-build "hostsim build failed"; finish; }
gen_cert "$W/cert"
openssl pkcs12 -export -in "$W/cert/cert.pem" -inkey "$W/cert/key.pem" -out "$W/relay.pfx" -passout pass: 2>/dev/null \
  || { fail ingress-setup "openssl pkcs12 failed"; finish; }

PASSWORD='lan-device-secret'
# config MODE: an ingress config. The listen address is overridden with --smtp 127.0.0.1:0 at start
# (the config contract wants a real port; the bound one is printed).
config() {
  cat > "$W/$1.json" <<JSON
{
  "device": { "name": "relay.interop" },
  "smtpIngress": { "listen": "127.0.0.1:2525", "allowFrom": ["127.0.0.0/8"],
                   "maxMessageBytes": 4194304, "bareLineEnds": "$1", "maxSessions": 4,
                   "users": [ { "user": "camera", "password": "$PASSWORD" } ] },
  "certificate": { "file": "relay.pfx", "password": "" }
}
JSON
}

# start MODE: runs the ingress into $W/sink-MODE and sets PORT_MODE.
start() {
  local mode=$1 out="$W/$1.out" i
  config "$mode"
  dotnet "$HOSTSIM_DLL" ingress-only --config "$W/$mode.json" --smtp 127.0.0.1:0 --sink "$W/sink-$mode" --trace >"$out" 2>"$W/$mode.log" &
  PIDS+=($!)
  for i in $(seq 1 300); do
    grep -q '^listening ' "$out" 2>/dev/null && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  local port; port=$(sed -n 's/^listening 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$out")
  [ -n "$port" ] && wait_port 127.0.0.1 "$port" 10 || { tail -5 "$W/$mode.log" >&2; return 1; }
  eval "PORT_$mode=$port"
}
start reject || { fail ingress-start "ingress (reject) did not start"; finish; }
start normalize || { fail ingress-start "ingress (normalize) did not start"; finish; }
pass ingress-start "reject on :$PORT_reject, normalize on :$PORT_normalize"
count() { ls "$W/sink-$1"/*.envelope 2>/dev/null | wc -l; }

cat > "$W/probe.py" <<'PY'
import email, email.policy, glob, os, smtplib, socket, ssl, sys, time
from email.message import EmailMessage

cmd, port, sink = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cert, password = os.environ["CERT"], os.environ["PASSWORD"]

def stored():
    """{id: (envelope lines, content bytes)} of the sink."""
    out = {}
    for env in glob.glob(os.path.join(sink, "*.envelope")):
        base = env[:-len(".envelope")]
        out[os.path.basename(base)] = (open(env).read().split("\n"), open(base + ".eml", "rb").read())
    return out

def without_received(content):
    # the ingress prepends one Received header: three CRLF lines (from, by, date)
    parts = content.split(b"\r\n", 3)
    assert parts[0].startswith(b"Received: from "), parts[0]
    return parts[3]

def new_ids(before):
    return [k for k in stored() if k not in before]

def tls_context():
    ctx = ssl.create_default_context(cafile=cert)   # verified: the test CA is the cert itself
    return ctx

def reply(f):
    lines = []
    while True:
        line = f.readline()
        if not line:
            return "\n".join(lines) if lines else None
        line = line.decode("latin-1").rstrip("\r\n")
        lines.append(line)
        if len(line) < 4 or line[3] != "-":
            return "\n".join(lines)

def expect(f, s, send, start):
    if send is not None:
        s.sendall(send.encode("latin-1"))
    r = reply(f)
    assert r is not None and r.startswith(start), "sent %r, expected %r, got %r" % (send, start, r)
    return r

def raw():
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    return s, s.makefile("rb")

if cmd == "plain":
    before = stored()
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "printer@lan.example", "ops@example.com", "toner low"
    msg.set_content("Toner at 5%.\n.dot line\n")
    with smtplib.SMTP("127.0.0.1", port, timeout=20) as s:
        code, caps = s.ehlo()
        assert b"PIPELINING" in caps and b"SIZE 4194304" in caps and b"STARTTLS" in caps, caps
        assert b"AUTH" in caps, "AUTH is offered from loopback"
        s.send_message(msg)
    ids = new_ids(before)
    assert len(ids) == 1, ids
    env, content = stored()[ids[0]]
    assert env[0] == "from printer@lan.example" and env[1] == "to ops@example.com", env
    assert without_received(content) == msg.as_bytes(policy=email.policy.SMTP), content[:300]
    print("one message, envelope and content as sent")

elif cmd == "starttls-auth":
    for mech in ("PLAIN", "LOGIN"):
        before = stored()
        with smtplib.SMTP("127.0.0.1", port, timeout=20) as s:
            s.starttls(context=tls_context())
            code, caps = s.ehlo()
            assert b"STARTTLS" not in caps, caps
            try:
                s.login("camera", "wrong-password")
                raise AssertionError("wrong password accepted")
            except smtplib.SMTPAuthenticationError as e:
                assert e.smtp_code == 535, e
            s.user, s.password = "camera", password
            code, text = s.auth(mech, getattr(s, "auth_" + mech.lower()), initial_response_ok=(mech == "PLAIN"))
            assert code == 235, (code, text)
            s.sendmail("camera@lan.example", ["ops@example.com"], b"Subject: tls\r\n\r\nover TLS\r\n")
        ids = new_ids(before)
        assert len(ids) == 1, ids
        assert b" with ESMTPSA id " in stored()[ids[0]][1][:300]
    print("STARTTLS (certificate verified) + AUTH PLAIN and LOGIN; 535 for a wrong password")

elif cmd == "attachment":
    before = stored()
    blob = os.urandom(1024 * 1024)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "camera@lan.example", "ops@example.com", "snapshot"
    msg.set_content("Snapshot attached.\n")
    msg.add_attachment(blob, maintype="application", subtype="octet-stream", filename="snap.bin")
    wire = msg.as_bytes(policy=email.policy.SMTP)
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as s:
        s.sendmail("camera@lan.example", ["ops@example.com"], wire)
    ids = new_ids(before)
    assert len(ids) == 1, ids
    content = stored()[ids[0]][1]
    assert without_received(content) == wire, "stored content differs from what smtplib sent"
    parsed = email.message_from_bytes(content, policy=email.policy.default)
    got = [p.get_content() for p in parsed.iter_attachments()][0]
    assert got == blob, "attachment differs"
    print("1 MiB attachment byte-identical (%d octets stored)" % len(content))

elif cmd == "smuggling":
    mode = sys.argv[4]
    variants = ["\n.\n", "\r.\r", "\r.\n", "\n.\r", "\n.\r\n", "\r\n.\n", "\r.\r\n", "\r\n.\r",
                "\r\n\0.\r\n", "\r\n.\0\r\n", "\r\n.\r\r\n", "\r\r\n.\r\r\n"]
    before = stored()
    accepted = 0
    for v in variants:
        s, f = raw()
        expect(f, s, None, "220 ")
        expect(f, s, "EHLO attacker.lan\r\n", "250-")
        expect(f, s, "MAIL FROM:<user@lan>\r\n", "250 2.1.0")
        expect(f, s, "RCPT TO:<friend@example.com>\r\n", "250 2.1.5")
        expect(f, s, "DATA\r\n", "354 ")
        s.sendall(("Subject: hi\r\n\r\nbody" + v + "MAIL FROM:<ceo@corp>\r\nRCPT TO:<x@y>\r\nDATA\r\n"
                   "Subject: smuggled\r\n\r\nwire money\r\n.\r\n").encode("latin-1"))
        r = reply(f)
        if "\0" in v:
            assert r == "554 5.6.0 Error: NUL octet received", (repr(v), r)
        elif mode == "reject":
            assert r == "550 5.5.2 Error: bare CR or LF received", (repr(v), r)
        else:
            assert r.startswith("250 2.0.0 Ok: queued as "), (repr(v), r)
            accepted += 1
        expect(f, s, "QUIT\r\n", "221 ")   # the smuggled MAIL/RCPT/DATA were never answered
        s.close()
    ids = new_ids(before)
    assert len(ids) == accepted == (0 if mode == "reject" else 10), (len(ids), accepted)
    for i in ids:
        env, content = stored()[i]
        assert env[1:] == ["to friend@example.com", ""], env      # never the smuggled x@y
        assert content.replace(b"\r\n", b"").count(b"\r") == 0 and content.replace(b"\r\n", b"").count(b"\n") == 0
    print("12 variants: %d message(s) stored (the smuggled text as content), 0 smuggled commands answered" % accepted)

elif cmd == "early-talker":
    # From a loopback address no earlier check used: the relay pauses before the greeting once per client
    # address and minute, and this client's address must not have waited out a pause already.
    s = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=("127.0.0.99", 0))
    s.sendall(b"EHLO eager\r\nMAIL FROM:<a@lan>\r\n")
    f = s.makefile("rb")
    r = reply(f)
    assert r == "554 5.5.0 Error: SMTP protocol synchronization", r
    assert f.read(1) == b"", "closed"
    print(r)

elif cmd == "starttls-injection":
    s, f = raw()
    expect(f, s, None, "220 ")
    expect(f, s, "EHLO client\r\n", "250-")
    r = expect(f, s, "STARTTLS\r\nMAIL FROM:<evil@x>\r\n", "220 2.0.0")
    t = tls_context().wrap_socket(s, server_hostname="127.0.0.1")
    tf = t.makefile("rb")
    r = expect(tf, t, "EHLO client\r\n", "250-relay.interop")
    assert "STARTTLS" not in r
    expect(tf, t, "RCPT TO:<ops@example.com>\r\n", "503 5.5.1 Error: need MAIL command")
    expect(tf, t, "QUIT\r\n", "221 ")
    print("the injected MAIL was discarded; the first reply inside TLS answered EHLO")

elif cmd == "open-relay":
    s, f = raw()
    expect(f, s, None, "220 ")
    expect(f, s, "EHLO probe\r\n", "250-")
    expect(f, s, "MAIL FROM:<>\r\n", "250 2.1.0")
    for rcpt in ['"victim@ext.example"', "ext.example!victim", "victim%ext.example@relay.interop",
                 "@relay.interop:victim@ext.example", "victim"]:
        expect(f, s, "RCPT TO:<%s>\r\n" % rcpt, "550 5.7.1")
    expect(f, s, "DATA\r\n", "554 5.5.1")
    expect(f, s, "QUIT\r\n", "221 ")
    print("5 relay forms refused with 550 5.7.1; DATA refused")
PY

py() { CERT="$W/cert/cert.pem" PASSWORD="$PASSWORD" timeout 120 python3 "$W/probe.py" "$@"; }
run() { local name=$1; shift; local out; if out=$("$@" 2>&1); then pass "$name" "$(echo "$out" | tail -1)"; else fail "$name" "$(echo "$out" | tail -3 | tr '\n' ' ')"; fi; }

run smtplib-plain              py plain "$PORT_reject" "$W/sink-reject"
run smtplib-starttls-auth      py starttls-auth "$PORT_reject" "$W/sink-reject"
run smtplib-1mb-attachment     py attachment "$PORT_reject" "$W/sink-reject"
run smuggling-matrix-reject    py smuggling "$PORT_reject" "$W/sink-reject" reject
run smuggling-matrix-normalize py smuggling "$PORT_normalize" "$W/sink-normalize" normalize
run early-talker               py early-talker "$PORT_reject" "$W/sink-reject"
run starttls-injection         py starttls-injection "$PORT_reject" "$W/sink-reject"
run open-relay-probes          py open-relay "$PORT_reject" "$W/sink-reject"

# curl: a CRLF message, then a 1 MiB attachment, plain and STARTTLS + AUTH; stored content must be
# exactly the uploaded file (curl dot-stuffs on the wire; the ingress removes the dots).
python3 - "$W" <<'PY'
import base64, os, sys
w = sys.argv[1]
blob = os.urandom(1024 * 1024)
open(os.path.join(w, "blob.bin"), "wb").write(blob)
b64 = base64.encodebytes(blob).replace(b"\n", b"\r\n")
head = (b"From: ups@lan.example\r\nTo: ops@example.com\r\nSubject: curl upload\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
        b"On battery.\r\n.leading dot\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n")
open(os.path.join(w, "curl.eml"), "wb").write(head + b64 + b"--b1--\r\n")
open(os.path.join(w, "small.eml"), "wb").write(b"From: ups@lan.example\r\nTo: ops@example.com\r\nSubject: curl\r\n\r\nMains lost.\r\n")
PY
curl_case() {   # NAME FILE CURL-ARGS...
  local name=$1 file=$2; shift 2
  local before after newest
  before=$(count reject)
  if ! timeout 120 curl -sS --max-time 100 --mail-from ups@lan.example --mail-rcpt ops@example.com -T "$file" "$@" "smtp://127.0.0.1:$PORT_reject" >"$W/curl.log" 2>&1; then
    fail "$name" "curl: $(tail -1 "$W/curl.log")"; return
  fi
  after=$(count reject)
  newest=$(ls -t "$W/sink-reject"/*.eml | head -1)
  if [ "$after" -ne $((before + 1)) ]; then fail "$name" "expected one new message, have $before -> $after"; return; fi
  if tail -c +"$(( $(head -3 "$newest" | wc -c) + 1 ))" "$newest" | cmp -s - "$file"; then
    pass "$name" "stored content identical to the upload ($(wc -c <"$file") octets)"
  else
    fail "$name" "stored content differs from $file"
  fi
}
curl_case curl-plain              "$W/small.eml"
curl_case curl-1mb-attachment     "$W/curl.eml"
curl_case curl-starttls-auth-plain "$W/curl.eml" --ssl-reqd --cacert "$W/cert/cert.pem" -u "camera:$PASSWORD" --login-options AUTH=PLAIN
curl_case curl-starttls-auth-login "$W/small.eml" --ssl-reqd --cacert "$W/cert/cert.pem" -u "camera:$PASSWORD" --login-options AUTH=LOGIN
if timeout 30 curl -sS --max-time 20 --ssl-reqd --cacert "$W/cert/cert.pem" -u "camera:wrong" --mail-from a@lan --mail-rcpt ops@example.com -T "$W/small.eml" "smtp://127.0.0.1:$PORT_reject" >/dev/null 2>&1; then
  fail curl-wrong-password "accepted"
else
  pass curl-wrong-password "refused"
fi

# The attachment inside the stored curl message decodes to the original bytes.
run curl-attachment-decodes python3 - "$W" <<'PY'
import email, email.policy, glob, os, sys
w = sys.argv[1]
blob = open(os.path.join(w, "blob.bin"), "rb").read()
hits = 0
for p in glob.glob(os.path.join(w, "sink-reject", "*.eml")):
    m = email.message_from_bytes(open(p, "rb").read(), policy=email.policy.default)
    if m["Subject"] == "curl upload":
        got = [a.get_content() for a in m.iter_attachments()][0]
        assert got == blob, p
        hits += 1
assert hits == 2, hits
print("%d stored copies decode to the original 1 MiB" % hits)
PY

# No password ever reaches the log, and nothing half-written is left behind.
if grep -q "$PASSWORD" "$W/reject.log" "$W/normalize.log"; then fail no-password-in-log "found"; else pass no-password-in-log; fi
if ls "$W"/sink-*/*.tmp >/dev/null 2>&1; then fail no-partial-files "$(ls "$W"/sink-*/*.tmp | head -3)"; else pass no-partial-files; fi

log "end to end through the relay to Postfix: see tests/interop/40-relay-end-to-end.sh"
finish
