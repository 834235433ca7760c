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

SUBM=${NR_SUBM_PORT:-20587}     # STARTTLS required, AUTH only after TLS
SMTPS=${NR_SMTPS_PORT:-20465}   # implicit TLS (wrapper mode), AUTH
PLAIN=${NR_PLAIN_PORT:-20025}   # no TLS at all but AUTH offered: a stripped 587
D=$WORK/postfix-upstream
C=$D/conf
MAILDIR=$D/mail/relay/Maildir
SASL_USER=relay; SASL_REALM=relay.test; SASL_PASS=relay-secret

stop_postfix() {
  [ -d "$C" ] || return 0
  postfix -c "$C" stop >/dev/null 2>&1 || true
  local pid; pid=$(tr -d ' ' < "$D/spool/pid/master.pid" 2>/dev/null || true)
  local end=$(( $(date +%s) + 10 ))
  while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$end" ]; do sleep 0.2; done
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  return 0
}
trap stop_postfix EXIT

# --- install (debconf "No configuration": the package writes no main.cf and starts nothing)
if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q 'install ok installed'; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  echo "postfix postfix/mailname string relay.test" | debconf-set-selections
fi
apt_install postfix sasl2-bin libsasl2-modules libsasl2-modules-db openssl python3 || { fail postfix-install "apt-get failed"; finish; }
command -v dotnet >/dev/null || { fail dotnet "no dotnet on PATH"; finish; }
for p in $SUBM $SMTPS $PLAIN; do port_open 127.0.0.1 "$p" && { fail ports "127.0.0.1:$p is taken"; finish; }; done

# --- certificate: self-signed for localhost; the relay trusts it through upstream.trustedCaFile
stop_postfix
rm -rf "$D"; mkdir -p "$C/sasl" "$D/spool" "$D/data" "$MAILDIR"/{new,cur,tmp} "$D/tls" "$D/run"
gen_cert "$D/tls"
chown root:root "$D/spool"; chown postfix:postfix "$D/data"
chown -R mail:mail "$D/mail"
cp /etc/postfix/master.cf.proto "$C/master.cf"
: > "$C/main.cf"; : > "$D/postfix.log"; chown postfix "$D/postfix.log"

# --- Cyrus SASL with a sasldb of its own (CRAM-MD5 needs the plaintext secret sasldb keeps)
cat > "$C/sasl/smtpd.conf" <<SASL
pwcheck_method: auxprop
auxprop_plugin: sasldb
sasldb_path: $C/sasl/sasldb2
mech_list: PLAIN LOGIN CRAM-MD5
SASL
echo "$SASL_PASS" | saslpasswd2 -p -c -f "$C/sasl/sasldb2" -u "$SASL_REALM" "$SASL_USER"
chown root:postfix "$C/sasl/sasldb2"; chmod 640 "$C/sasl/sasldb2"

P() { postconf -c "$C" "$@"; }
P -e "compatibility_level = 3.6" "queue_directory = $D/spool" "data_directory = $D/data" \
  "mail_owner = postfix" "setgid_group = postdrop" \
  "myhostname = relay.test" "mydomain = relay.test" "myorigin = relay.test" \
  "mydestination =" "relay_domains =" "local_recipient_maps =" \
  "inet_interfaces = 127.0.0.1" "inet_protocols = ipv4" "mynetworks = 127.0.0.0/8" \
  "maillog_file = $D/postfix.log" "maillog_file_prefixes = $WORK" \
  "smtp_dns_support_level = disabled" "smtpd_peername_lookup = no" "biff = no" \
  "message_size_limit = 20971520" \
  "virtual_mailbox_domains = static:all" "virtual_mailbox_base = $D/mail" \
  "virtual_mailbox_maps = static:relay/Maildir/" \
  "virtual_uid_maps = static:$(id -u mail)" "virtual_gid_maps = static:$(id -g mail)" "virtual_minimum_uid = 1" \
  "smtpd_tls_cert_file = $D/tls/cert.pem" "smtpd_tls_key_file = $D/tls/key.pem" \
  "smtpd_tls_security_level = may" "smtpd_tls_loglevel = 1" \
  "smtpd_sasl_auth_enable = no" "smtpd_sasl_type = cyrus" "smtpd_sasl_path = smtpd" \
  "smtpd_sasl_local_domain = $SASL_REALM" "cyrus_sasl_config_path = $C/sasl" \
  "smtpd_sasl_security_options = noanonymous" \
  "smtpd_relay_restrictions = permit_sasl_authenticated, reject" \
  "smtpd_error_sleep_time = 0" "smtpd_client_connection_rate_limit = 0"
P -F '*/*/chroot = n'
P -MX smtp/inet
P -M "127.0.0.1:$SUBM/inet=127.0.0.1:$SUBM inet n - n - - smtpd"
P -P "127.0.0.1:$SUBM/inet/syslog_name=postfix/submission" "127.0.0.1:$SUBM/inet/smtpd_tls_security_level=encrypt" \
     "127.0.0.1:$SUBM/inet/smtpd_tls_auth_only=yes" "127.0.0.1:$SUBM/inet/smtpd_sasl_auth_enable=yes" \
     "127.0.0.1:$SUBM/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject"
P -M "127.0.0.1:$SMTPS/inet=127.0.0.1:$SMTPS inet n - n - - smtpd"
P -P "127.0.0.1:$SMTPS/inet/syslog_name=postfix/submissions" "127.0.0.1:$SMTPS/inet/smtpd_tls_wrappermode=yes" \
     "127.0.0.1:$SMTPS/inet/smtpd_sasl_auth_enable=yes" \
     "127.0.0.1:$SMTPS/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject"
P -M "127.0.0.1:$PLAIN/inet=127.0.0.1:$PLAIN inet n - n - - smtpd"
P -P "127.0.0.1:$PLAIN/inet/syslog_name=postfix/stripped" "127.0.0.1:$PLAIN/inet/smtpd_tls_security_level=none" \
     "127.0.0.1:$PLAIN/inet/smtpd_sasl_auth_enable=yes" "127.0.0.1:$PLAIN/inet/smtpd_tls_auth_only=no"
touch -d '-10 seconds' "$C/main.cf" "$C/master.cf"   # Postfix waits for "young" config files otherwise

log "starting postfix -c $C"
if ! postfix -c "$C" start >>"$D/postfix.log" 2>&1; then
  tail -20 "$D/postfix.log" >&2; fail postfix-start "postfix would not start"; finish
fi
for p in $SUBM $SMTPS $PLAIN; do
  wait_port 127.0.0.1 "$p" 30 || { tail -20 "$D/postfix.log" >&2; fail postfix-start "port $p never opened"; finish; }
done
pass postfix-start "$(postconf -c "$C" -h mail_version) on 127.0.0.1:$SUBM (STARTTLS+AUTH), :$SMTPS (implicit TLS), :$PLAIN (no TLS)"

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

stop_postfix
finish
