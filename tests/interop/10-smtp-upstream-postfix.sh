#!/usr/bin/env bash
# 10-smtp-upstream-postfix.sh -- `hostsim send` (the core's MIME writer and submission client)
# against a real Postfix with STARTTLS and Cyrus SASL AUTH on 127.0.0.1, both ways an ESP32 meets
# a provider: 587-style STARTTLS and 465-style implicit TLS. The Postfix instance is our own
# (postfix -c DIR): its own main.cf/master.cf, queue and catch-all Maildir under $WORK, no chroot,
# loopback high ports; the packaged instance is never configured or started.
# Checks: the delivered Maildir file (subject decoded, body, a 1 MB attachment byte-identical by
# SHA-256), a wrong password exits 1 with one line naming AUTH, plaintext toward the
# STARTTLS-required port and STARTTLS stripping send no credentials, and an untrusted certificate
# is refused. Stops Postfix at the end (trap).
source "$(dirname "$0")/common.sh"

source "$(dirname "$0")/postfix-upstream.sh"
trap postfix_upstream_stop EXIT
postfix_upstream_start || finish

build_hostsim || { fail hostsim-build "dotnet build failed"; finish; }

# --- the relay's config, one per case
config() {   # config FILE PORT TLS PASSWORD AUTH [CAFILE]
  local ca=${6-$D/tls/cert.pem}
  cat > "$1" <<JSON
{ "device": { "name": "greenhouse-1" },
  "upstream": { "host": "localhost", "port": $2, "tls": "$3", "user": "$SASL_USER@$SASL_REALM",
                "password": "$4", "auth": "$5"$( [ -n "$ca" ] && printf ', "trustedCaFile": "%s"' "$ca") },
  "alerts": { "from": "greenhouse-1@example.com", "to": ["ops@example.com"] },
  "spool": { "path": "spool" } }
JSON
}
mkdir -p "$D/relay"
head -c 1048576 /dev/urandom > "$D/relay/readings.bin"
ATT_SHA=$(sha256sum "$D/relay/readings.bin" | cut -d' ' -f1)
SUBJECT="Alerta: temperatura máxima excedida em São Paulo"
BODY=$'A temperatura chegou a 41,5 °C às 09:30.\n.linha que começa com ponto\nFim.'

# delivered FILE-PATTERN -> the Maildir file whose content holds the pattern (waits up to 20 s)
delivered() {
  local end=$(( $(date +%s) + 20 )) f
  while [ "$(date +%s)" -lt "$end" ]; do
    f=$(grep -l -F -- "$1" "$MAILDIR"/new/* 2>/dev/null | head -1)
    [ -n "$f" ] && { echo "$f"; return 0; }
    sleep 0.2
  done
  return 1
}

check_message() {   # check_message NAME MAILDIR-FILE
  python3 - "$2" "$SUBJECT" "$BODY" "$ATT_SHA" <<'PY'
import email, email.policy, hashlib, sys
path, subject, body, sha = sys.argv[1:5]
raw = open(path, 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
problems = []
if str(msg['subject']) != subject: problems.append('subject %r' % str(msg['subject']))
for h in ('From', 'To', 'Date', 'Message-ID', 'MIME-Version'):
    if msg[h] is None: problems.append('no ' + h)
text = msg.get_body(('plain',)).get_content().replace('\r\n', '\n').rstrip('\n')
if text != body: problems.append('body %r' % text)
atts = [p for p in msg.iter_attachments()]
if len(atts) != 1 or atts[0].get_filename() != 'readings.bin': problems.append('attachments %r' % [a.get_filename() for a in atts])
elif hashlib.sha256(atts[0].get_payload(decode=True)).hexdigest() != sha: problems.append('attachment differs')
longest = max(len(l) for l in raw.split(b'\n'))
if longest > 1000: problems.append('line of %d octets' % longest)
print('; '.join(problems) if problems else 'ok')
sys.exit(1 if problems else 0)
PY
}

send_case() {   # send_case NAME PORT TLS AUTH
  local name=$1 cfg=$D/relay/$1.json out rc f detail
  config "$cfg" "$2" "$3" "$SASL_PASS" "$4"
  out=$(hostsim send --config "$cfg" --to ops@example.com --to night@example.com --subject "$SUBJECT" --body "$BODY" \
        --attach "$D/relay/readings.bin" --trace 2>"$D/relay/$name.err"); rc=$?
  if [ $rc -ne 0 ]; then fail "$name" "exit $rc: $(grep -v '^[0-9:.]* smtp-client' "$D/relay/$name.err" | tail -1)"; return; fi
  local id; id=$(sed -n 's/^sent \(<[^>]*>\).*/\1/p' <<<"$out")
  f=$(delivered "Message-ID: $id") || { fail "$name" "accepted ($out) but no Maildir file with $id"; return; }
  detail=$(check_message "$name" "$f") && pass "$name" "$out; Maildir file checked (subject, body, 1 MB attachment sha256)" || fail "$name" "$detail"
  grep -q "C: AUTH [A-Z0-9-]* \[redacted\]\|C: AUTH \(LOGIN\|CRAM-MD5\)" "$D/relay/$name.err" && ! grep -q "$SASL_PASS" "$D/relay/$name.err" \
    && pass "$name-trace-redacted" "$(grep -o 'C: AUTH [A-Z0-9-]*' "$D/relay/$name.err" | head -1)" \
    || fail "$name-trace-redacted" "AUTH line missing or the password is in the trace"
}

send_case starttls-587-auth-auto $SUBM starttls auto          # auto picks CRAM-MD5 here
send_case implicit-465-auth-plain $SMTPS implicit plain
send_case implicit-465-auth-login $SMTPS implicit login

# --- a wrong password: exit 1, one line naming AUTH and the server's reply
config "$D/relay/wrong.json" $SUBM starttls "not-the-password" auto
out=$(hostsim send --config "$D/relay/wrong.json" --to ops@example.com --subject x --body y 2>&1); rc=$?
lines=$(printf '%s\n' "$out" | grep -c .)
if [ $rc -eq 1 ] && [ "$lines" -eq 1 ] && grep -q '^upstream refused AUTH: 535' <<<"$out"; then pass wrong-password "exit 1: $out"
else fail wrong-password "exit $rc, $lines line(s): $out"; fi

# --- plaintext toward the STARTTLS-required port (tls none): AUTH is not offered before TLS, so
# no credentials leave, and the message is not accepted.
config "$D/relay/plain587.json" $SUBM none "$SASL_PASS" auto ""
out=$(hostsim send --config "$D/relay/plain587.json" --to ops@example.com --subject x --body y --trace 2>&1); rc=$?
if [ $rc -eq 1 ] && ! grep -q 'C: AUTH\|C: MAIL' <<<"$out"; then pass plaintext-to-587-refused "exit 1: $(tail -1 <<<"$out")"
else fail plaintext-to-587-refused "exit $rc: $(tail -3 <<<"$out" | tr '\n' '|')"; fi

# --- STARTTLS stripped (a port that offers AUTH in plaintext but no STARTTLS): with tls starttls
# the client must refuse before any credential or MAIL.
config "$D/relay/stripped.json" $PLAIN starttls "$SASL_PASS" auto
out=$(hostsim send --config "$D/relay/stripped.json" --to ops@example.com --subject x --body y --trace 2>&1); rc=$?
if [ $rc -eq 1 ] && ! grep -q 'C: AUTH\|C: MAIL' <<<"$out" && grep -q 'does not offer STARTTLS' <<<"$out"; then pass starttls-stripped-no-credentials "exit 1: $(tail -1 <<<"$out")"
else fail starttls-stripped-no-credentials "exit $rc: $(tail -3 <<<"$out" | tr '\n' '|')"; fi

# --- the certificate is verified: without trustedCaFile the self-signed certificate is refused
config "$D/relay/untrusted.json" $SMTPS implicit "$SASL_PASS" auto ""
out=$(hostsim send --config "$D/relay/untrusted.json" --to ops@example.com --subject x --body y 2>&1); rc=$?
if [ $rc -eq 1 ] && grep -q 'TLS' <<<"$out"; then pass untrusted-certificate-refused "exit 1: $out"
else fail untrusted-certificate-refused "exit $rc: $out"; fi

# --- usage and config errors exit 2
hostsim send --config "$D/relay/wrong.json" --to ops@example.com --subject x >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && pass usage-exit-2 "no --body/--body-file" || fail usage-exit-2 "exit $rc"

grep -q 'sasl_method=' "$D/postfix.log" && pass postfix-log-sasl "$(grep -o 'sasl_method=[A-Z0-9-]*' "$D/postfix.log" | sort | uniq -c | tr '\n' ' ')" || fail postfix-log-sasl "no SASL login in the Postfix log"

postfix_upstream_stop
finish
