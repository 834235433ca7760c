#!/usr/bin/env bash
# 40-relay-end-to-end.sh -- the whole relay (`hostsim run`), issues 6 and 9 end to end on 127.0.0.1:
# a LAN client (Python smtplib, curl smtp://) sends through nanoRelay's SMTP ingress; the message
# is spooled, the relay worker forwards it with STARTTLS + AUTH to our own Postfix (the project's
# postfix-upstream.sh), and Postfix's catch-all Maildir must hold exactly one copy of each, with
# nanoRelay's Received header and the body and a 1 MB attachment byte-identical (SHA-256 of the
# decoded parts). Then: a wrong upstream password keeps the message queued (`hostsim queue` names
# AUTH) and undelivered, and after the config is fixed a restart delivers it; with no upstream,
# `hostsim send` delivers into the device mailbox and Python poplib reads it back; while `run`
# holds the data directory, `queue` and `send` refuse.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postfix-upstream.sh"
source "$(dirname "$0")/relay-run.sh"
W=$WORK/40-relay-end-to-end
MAIL=$INTEROP_DIR/relay_mail.py
cleanup() { relay_cleanup; postfix_upstream_stop; }
trap cleanup EXIT

apt_install python3 curl || { fail e2e-setup "apt-get install failed"; finish; }
postfix_upstream_start || finish
build_hostsim || { fail hostsim-build "dotnet build failed"; finish; }
rm -rf "$W"; mkdir -p "$W"

# config FILE PASSWORD|- : the relay toward Postfix's 587-style port ("-": no upstream, local delivery).
config() {
  local upstream=""
  [ "$2" != - ] && upstream="\"upstream\": { \"host\": \"localhost\", \"port\": $SUBM, \"tls\": \"starttls\", \"auth\": \"auto\",
                \"user\": \"$SASL_USER@$SASL_REALM\", \"password\": \"$2\", \"trustedCaFile\": \"$D/tls/cert.pem\" },"
  cat > "$1" <<JSON
{ "device": { "name": "relay.interop" },
  $upstream
  "alerts": { "from": "relay@example.com", "to": ["ops@example.com"] },
  "smtpIngress": { "listen": "127.0.0.1:2525", "allowFrom": ["127.0.0.0/8"], "maxMessageBytes": 4194304 },
  "retry": { "firstDelaySeconds": 1, "maxDelaySeconds": 2, "lifetimeHours": 1 },
  "sensors": [] }
JSON
}
config "$W/good.json" "$SASL_PASS"
config "$W/wrong.json" "not-the-password"
config "$W/local.json" -
SMTP_PORT=$(free_port)
DATA=$W/data

# arrived ID [SECONDS] : waits (bounded) until the Maildir holds a copy of <ID@lan.test>
arrived() {
  local end=$(( $(date +%s) + ${2:-30} ))
  while [ "$(date +%s)" -lt "$end" ]; do
    [ "$(python3 "$MAIL" maildir-count "$MAILDIR" "$1")" -gt 0 ] && return 0
    sleep 0.3
  done
  return 1
}
# delivered NAME ID : one copy in the Maildir, Received from nanoRelay, content identical
delivered() {
  local out
  arrived "$2" 30 || { fail "$1" "no copy of <$2@lan.test> in Postfix's Maildir after 30 s"; return; }
  sleep 1   # a second copy, if the relay sent one, would be here by now
  out=$(python3 "$MAIL" maildir-check "$MAILDIR" "$2" "$W/$2.eml") && pass "$1" "$out" || fail "$1" "$out"
}

# --- 1. smtplib and curl through the ingress, relayed to Postfix (STARTTLS + AUTH)
relay_start "$W/good.json" "$DATA" "$SMTP_PORT" || { fail relay-start "hostsim run did not listen on $SMTP_PORT"; finish; }
pass relay-start "$(grep -m1 '^delivery' "$DATA.out"); ingress 127.0.0.1:$SMTP_PORT"

for kind in text attach; do
  python3 "$MAIL" make $kind "$W/smtplib-$kind.eml" smtplib-$kind
  python3 "$MAIL" make $kind "$W/curl-$kind.eml" curl-$kind
done
for kind in text attach; do
  out=$(python3 "$MAIL" smtplib "$SMTP_PORT" "$W/smtplib-$kind.eml") && pass smtplib-$kind-accepted "$out" || fail smtplib-$kind-accepted "$out"
  out=$(curl -sS --max-time 60 "smtp://127.0.0.1:$SMTP_PORT/camera-7.lan.test" --mail-from camera-7@lan.test --mail-rcpt ops@example.com \
        -T "$W/curl-$kind.eml" 2>&1) && pass curl-$kind-accepted "curl exit 0" || fail curl-$kind-accepted "curl: $out"
done
for kind in text attach; do
  delivered smtplib-$kind-delivered smtplib-$kind
  delivered curl-$kind-delivered curl-$kind
done

# --- 2. the data directory has one owner: queue shows a read-only view beside a running relay and --drop
#        refuses; send (local) refuses while run holds it
out=$(hostsim queue --config "$W/good.json" --data "$DATA" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q 'read-only view' <<<"$out" && pass queue-read-only-while-running "exit 0: $out" \
  || fail queue-read-only-while-running "exit $rc: $out"
out=$(hostsim queue --config "$W/good.json" --data "$DATA" --drop 1 2>&1); rc=$?
[ $rc -ne 0 ] && grep -q 'another nanoRelay process' <<<"$out" && pass queue-drop-refuses-while-running "exit $rc: $out" \
  || fail queue-drop-refuses-while-running "exit $rc: $out"
out=$(hostsim send --config "$W/local.json" --data "$DATA" --to ops@example.com --subject x --body y 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q 'another nanoRelay process' <<<"$out" && pass send-refuses-while-running "exit 1: $out" \
  || fail send-refuses-while-running "exit $rc: $out"
relay_stop

# --- 3. a wrong upstream password: accepted by the ingress, kept queued, never delivered
relay_start "$W/wrong.json" "$DATA" "$SMTP_PORT" || { fail relay-start-wrong "hostsim run did not listen"; finish; }
python3 "$MAIL" make text "$W/retry-after-restart.eml" retry-after-restart
out=$(python3 "$MAIL" smtplib "$SMTP_PORT" "$W/retry-after-restart.eml") && pass wrong-password-accepted-by-ingress "$out" || fail wrong-password-accepted-by-ingress "$out"
end=$(( $(date +%s) + 30 ))
until grep -q 'deferred: authentication' "$DATA.err" || [ "$(date +%s)" -ge "$end" ]; do sleep 0.3; done
sleep 2   # let it retry (firstDelaySeconds 1) at least once more
relay_stop
out=$(hostsim queue --config "$W/wrong.json" --data "$DATA" 2>&1); rc=$?
line=$(grep -F 'ops@example.com' <<<"$out")
if [ $rc -eq 0 ] && grep -q '^1 queued' <<<"$out" && grep -q 'AUTH' <<<"$line"; then pass wrong-password-stays-queued "$(tr '\t' ' ' <<<"$line")"
else fail wrong-password-stays-queued "exit $rc: $(tr '\n\t' '| ' <<<"$out")"; fi
n=$(python3 "$MAIL" maildir-count "$MAILDIR" retry-after-restart)
[ "$n" -eq 0 ] && pass wrong-password-not-delivered "0 copies in the Maildir" || fail wrong-password-not-delivered "$n copies"
grep -q "authentication failed" "$D/postfix.log" && pass wrong-password-postfix-refused "$(grep -c 'authentication failed' "$D/postfix.log") failed AUTH in the Postfix log" \
  || fail wrong-password-postfix-refused "no failed AUTH in the Postfix log"

# --- 4. the config fixed, a restart: the queued message goes out once
relay_start "$W/good.json" "$DATA" "$SMTP_PORT" || { fail relay-start-fixed "hostsim run did not listen"; finish; }
grep -q 'spool: 1 queued' "$DATA.out" && pass restart-recovers-queue "$(grep '^store' "$DATA.out" | tail -1)" \
  || fail restart-recovers-queue "$(grep '^store' "$DATA.out" | tail -1)"
delivered retry-after-restart-delivered retry-after-restart
relay_stop
out=$(hostsim queue --config "$W/good.json" --data "$DATA" 2>&1)
grep -q '^0 queued' <<<"$out" && pass queue-empty-at-end "$(head -1 <<<"$out")" || fail queue-empty-at-end "$(tr '\n\t' '| ' <<<"$out")"

# --- 5. no upstream: `send` delivers into the device mailbox, poplib reads it back from `run`
LDATA=$W/local-data
SUBJECT="Alerta local: porta aberta"
BODY=$'A porta do galpão ficou aberta.\n.ponto no início\nFim.'
out=$(hostsim send --config "$W/local.json" --data "$LDATA" --to tech@localhost --subject "$SUBJECT" --body "$BODY" 2>&1); rc=$?
id=$(sed -n 's/^delivered \(<[^>]*>\) into the device mailbox.*/\1/p' <<<"$out")
[ $rc -eq 0 ] && [ -n "$id" ] && pass local-send "$out" || fail local-send "exit $rc: $out"
POP3_PORT=$(free_port)
relay_start "$W/local.json" "$LDATA" "$(free_port)" "$POP3_PORT" && wait_port 127.0.0.1 "$POP3_PORT" 10 \
  || { fail relay-start-local "hostsim run did not listen"; finish; }
out=$(python3 "$MAIL" pop3-check "$POP3_PORT" tech secret "$id" "$SUBJECT" "$BODY") && pass local-pop3-readback "$out" || fail local-pop3-readback "$out"
relay_stop

finish
