#!/usr/bin/env bash
# 60-mx-delivery.sh -- issue 18, direct delivery by MX end to end on loopback: our own DNS server
# (dns_server.py, UDP and TCP on 127.0.0.1) and our own Postfix as the MX hosts, on loopback
# addresses 127.0.0.10-21 and one port (upstream.mxPort, since port 25 needs root and is the
# host's). One message through nanoRelay's SMTP ingress for four domains:
#   alpha.test  MX 10 mx-dead (nothing listens), 20 mx-busy (Postfix, 450 to every RCPT),
#               30 mx-good (Postfix)          -> tried in that order, delivered once by mx-good
#   beta.test   MX 10 mx.beta (Postfix); its UDP answer is truncated (TC=1) -> asked over TCP
#   gamma.test  MX 10 mx-busy only            -> stays queued, retried, `queue` names host and reply
#   nomx.test   null MX (RFC 7505)            -> bounced at once, no connection
# (inet_interfaces stays 127.0.0.1: Postfix refuses addresses no interface has; the listeners name theirs.)
# Mail for each domain lands in that domain's Maildir exactly once; STARTTLS is used (opportunistic).
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/relay-run.sh"
W=$WORK/60-mx-delivery
PD=$W/postfix
C=$PD/conf
MXPORT=${NR_MX_PORT:-20525}
DEAD=127.0.0.10; GOOD=127.0.0.11; BUSY=127.0.0.12; BETA=127.0.0.21
MAIL=$INTEROP_DIR/relay_mail.py
DNS_PID=

postfix_mx_stop() {
  [ -d "$C" ] || return 0
  postfix -c "$C" stop >/dev/null 2>&1 || true
  local pid; pid=$(tr -d ' ' < "$PD/spool/pid/master.pid" 2>/dev/null || true)
  local end=$(( $(date +%s) + 10 ))
  while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$end" ]; do sleep 0.2; done
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  return 0
}
cleanup() { relay_cleanup; postfix_mx_stop; [ -n "$DNS_PID" ] && kill "$DNS_PID" 2>/dev/null; return 0; }
trap cleanup EXIT

if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q 'install ok installed'; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  echo "postfix postfix/mailname string relay.test" | debconf-set-selections
fi
apt_install postfix openssl python3 || { fail mx-setup "apt-get install failed"; finish; }
build_hostsim || { fail hostsim-build "dotnet build failed"; finish; }
for a in $GOOD $BUSY $BETA; do port_open "$a" "$MXPORT" && { fail mx-setup "$a:$MXPORT is taken"; finish; }; done
postfix_mx_stop
rm -rf "$W"; mkdir -p "$W" "$C" "$PD/spool" "$PD/data" "$PD/tls"
for d in alpha beta gamma; do mkdir -p "$PD/mail/$d/Maildir"/{new,cur,tmp}; done
chown root:root "$PD/spool"; chown postfix:postfix "$PD/data"; chown -R mail:mail "$PD/mail"
gen_cert "$PD/tls"
cp /etc/postfix/master.cf.proto "$C/master.cf"
: > "$C/main.cf"; : > "$PD/postfix.log"; chown postfix "$PD/postfix.log"

# --- Postfix: three MX listeners; each domain's mail in its own Maildir
P() { postconf -c "$C" "$@"; }
P -e "compatibility_level = 3.6" "queue_directory = $PD/spool" "data_directory = $PD/data" \
  "mail_owner = postfix" "setgid_group = postdrop" "myhostname = mx.test" "mydomain = mx.test" "myorigin = mx.test" \
  "mydestination =" "relay_domains =" "local_recipient_maps =" \
  "inet_interfaces = 127.0.0.1" "inet_protocols = ipv4" "mynetworks = 127.0.0.0/8" \
  "maillog_file = $PD/postfix.log" "maillog_file_prefixes = $WORK" \
  "smtp_dns_support_level = disabled" "smtpd_peername_lookup = no" "biff = no" \
  "virtual_mailbox_domains = alpha.test, beta.test, gamma.test" "virtual_mailbox_base = $PD/mail" \
  "virtual_mailbox_maps = inline:{ {@alpha.test=alpha/Maildir/}, {@beta.test=beta/Maildir/}, {@gamma.test=gamma/Maildir/} }" \
  "virtual_uid_maps = static:$(id -u mail)" "virtual_gid_maps = static:$(id -g mail)" "virtual_minimum_uid = 1" \
  "smtpd_tls_cert_file = $PD/tls/cert.pem" "smtpd_tls_key_file = $PD/tls/key.pem" \
  "smtpd_tls_security_level = may" "smtpd_tls_loglevel = 1" "smtpd_sasl_auth_enable = no" \
  "smtpd_error_sleep_time = 0" "smtpd_client_connection_rate_limit = 0"
P -F '*/*/chroot = n'
P -MX smtp/inet
P -M "$GOOD:$MXPORT/inet=$GOOD:$MXPORT inet n - n - - smtpd"
P -P "$GOOD:$MXPORT/inet/syslog_name=postfix/mx-good"
P -M "$BETA:$MXPORT/inet=$BETA:$MXPORT inet n - n - - smtpd"
P -P "$BETA:$MXPORT/inet/syslog_name=postfix/mx-beta"
P -M "$BUSY:$MXPORT/inet=$BUSY:$MXPORT inet n - n - - smtpd"
P -P "$BUSY:$MXPORT/inet/syslog_name=postfix/mx-busy" "$BUSY:$MXPORT/inet/smtpd_client_restrictions=defer"
touch -d '-10 seconds' "$C/main.cf" "$C/master.cf"
if ! postfix -c "$C" start >>"$PD/postfix.log" 2>&1; then tail -20 "$PD/postfix.log" >&2; fail postfix-start "postfix would not start"; finish; fi
for a in $GOOD $BUSY $BETA; do
  wait_port "$a" "$MXPORT" 30 || { tail -20 "$PD/postfix.log" >&2; fail postfix-start "$a:$MXPORT never opened"; finish; }
done
pass postfix-start "$(postconf -c "$C" -h mail_version) as MX hosts on $GOOD, $BUSY (450 to every RCPT), $BETA port $MXPORT"

# --- the DNS server
DNSPORT=$(free_port)
cat > "$W/zone.txt" <<ZONE
alpha.test MX 10 mx-dead.alpha.test
alpha.test MX 20 mx-busy.alpha.test
alpha.test MX 30 mx-good.alpha.test
mx-dead.alpha.test A $DEAD
mx-busy.alpha.test A $BUSY
mx-good.alpha.test A $GOOD
beta.test MX 10 mx.beta.test
beta.test TC
mx.beta.test A $BETA
gamma.test MX 10 mx-busy.gamma.test
mx-busy.gamma.test A $BUSY
nomx.test MX 0 .
ZONE
python3 "$INTEROP_DIR/dns_server.py" "$DNSPORT" "$W/zone.txt" "$W/dns.log" 2>"$W/dns.err" &
DNS_PID=$!
wait_port 127.0.0.1 "$DNSPORT" 10 && pass dns-start "dns_server.py on 127.0.0.1:$DNSPORT (UDP and TCP)" || { fail dns-start "$(cat "$W/dns.err")"; finish; }

# --- the relay in mode mx
cat > "$W/mx.json" <<JSON
{ "device": { "name": "relay.interop" },
  "upstream": { "mode": "mx", "resolvers": ["127.0.0.1:$DNSPORT"], "mxPort": $MXPORT, "tls": "opportunistic" },
  "alerts": { "from": "relay@example.com", "to": ["ops@example.com"] },
  "smtpIngress": { "listen": "127.0.0.1:2525", "allowFrom": ["127.0.0.0/8"] },
  "retry": { "firstDelaySeconds": 1, "maxDelaySeconds": 2, "lifetimeHours": 1 },
  "sensors": [] }
JSON
SMTP_PORT=$(free_port)
DATA=$W/data
relay_start "$W/mx.json" "$DATA" "$SMTP_PORT" || { fail relay-start "hostsim run did not listen on $SMTP_PORT"; finish; }
mode=$(grep -m1 '^delivery' "$DATA.out")
grep -q 'mx: direct' <<<"$mode" && pass relay-start-mode-mx "$mode" || fail relay-start-mode-mx "$mode"

python3 - "$SMTP_PORT" <<'PY' && pass ingress-accepted "4 recipients in 4 domains" || fail ingress-accepted "smtplib failed"
import smtplib, sys
msg = ("From: <sensor@lan.test>\r\nTo: a@alpha.test, b@beta.test\r\nSubject: mx test\r\n"
       "Message-ID: <mx1@lan.test>\r\nDate: Sun, 6 Dec 2026 06:00:00 +0000\r\n\r\nbody for every domain\r\n")
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=30) as s:
    s.sendmail("sensor@lan.test", ["a@alpha.test", "b@beta.test", "c@nomx.test", "d@gamma.test"], msg)
PY

count() { python3 "$MAIL" maildir-count "$PD/mail/$1/Maildir" mx1; }
end=$(( $(date +%s) + 30 ))
until [ "$(count alpha)" -ge 1 ] && [ "$(count beta)" -ge 1 ] || [ "$(date +%s)" -ge "$end" ]; do sleep 0.3; done
sleep 5   # gamma is retried (firstDelaySeconds 1, maxDelaySeconds 2); a second copy would be here by now

n=$(count alpha); [ "$n" -eq 1 ] && pass alpha-delivered-once "1 copy in alpha.test's Maildir" || fail alpha-delivered-once "$n copies"
n=$(count beta); [ "$n" -eq 1 ] && pass beta-delivered-once "1 copy in beta.test's Maildir" || fail beta-delivered-once "$n copies"
n=$(count gamma); [ "$n" -eq 0 ] && pass gamma-not-delivered "0 copies: its only MX answers 450" || fail gamma-not-delivered "$n copies"
grep -q "postfix/mx-good/smtpd.*client=" "$PD/postfix.log" && ! grep -q "postfix/mx-beta/smtpd.*to=<a@alpha.test>" "$PD/postfix.log" \
  && pass alpha-by-mx-good "$(grep -c 'postfix/mx-good/smtpd.*client=' "$PD/postfix.log") session(s) on mx-good" || fail alpha-by-mx-good "no session on mx-good"
# RFC 5321 §5.1 order: the dead host (connection refused), then the 4xx host, then the good one.
logs=$(cat "$DATA.out" "$DATA.err")
dead=$(grep -n "mx-dead.alpha.test\[$DEAD\]" <<<"$logs" | head -1 | cut -d: -f1)
busy=$(grep -n "mx-busy.alpha.test\[$BUSY\]" <<<"$logs" | head -1 | cut -d: -f1)
good=$(grep -n "mx-good.alpha.test\[$GOOD\]" <<<"$logs" | head -1 | cut -d: -f1)
[ -n "$dead" ] && [ -n "$busy" ] && [ -n "$good" ] && [ "$dead" -lt "$busy" ] && [ "$busy" -lt "$good" ] \
  && pass mx-preference-order "dead (line $dead), busy (line $busy), good (line $good) of the relay's log" \
  || fail mx-preference-order "dead=$dead busy=$busy good=$good: $(grep -F alpha.test <<<"$logs" | head -5 | tr '\n' '|')"
grep -q "postfix/mx-busy/smtpd.*reject: RCPT.*450.*<a@alpha.test>" "$PD/postfix.log" \
  && pass busy-host-said-450 "$(grep -m1 'postfix/mx-busy/smtpd.*<a@alpha.test>' "$PD/postfix.log" | sed 's/.*reject: //' | cut -c1-120)" \
  || fail busy-host-said-450 "no 450 for a@alpha.test in the Postfix log"
grep -q "udp beta.test MX 0 0 tc" "$W/dns.log" && grep -q "tcp beta.test MX 0 1" "$W/dns.log" \
  && pass truncated-answer-asked-over-tcp "$(grep 'beta.test MX' "$W/dns.log" | sort -u | tr '\n' ';')" \
  || fail truncated-answer-asked-over-tcp "$(tr '\n' ';' < "$W/dns.log")"
grep -q "postfix/mx-good/smtpd.*TLS connection established" "$PD/postfix.log" \
  && pass starttls-used "$(grep -m1 'postfix/mx-good/smtpd.*TLS connection established' "$PD/postfix.log" | sed 's/.*established/established/' | cut -c1-100)" \
  || fail starttls-used "no TLS session on mx-good"
r=$(grep -c "postfix/mx-busy/smtpd.*reject: RCPT.*<d@gamma.test>" "$PD/postfix.log")
[ "$r" -ge 2 ] && pass gamma-retried "mx-busy refused d@gamma.test $r times (the queue's retry rules)" || fail gamma-retried "$r attempt(s)"
grep -q "nomx.test" "$W/dns.log" && ! grep -q "nomx" "$PD/postfix.log" && grep -rqs "5.1.10" "$DATA" \
  && pass null-mx-bounced "no connection, a 556 5.1.10 bounce in the device mailbox" || fail null-mx-bounced "$(grep -rl '5.1.10' "$DATA" | head -2)"
relay_stop

out=$(hostsim queue --config "$W/mx.json" --data "$DATA" 2>&1)
line=$(grep -F 'd@gamma.test' <<<"$out")
grep -q '^1 queued' <<<"$out" && grep -q "mx-busy.gamma.test\[$BUSY\]" <<<"$line" && grep -q '450' <<<"$line" \
  && pass queue-shows-mx-host-and-reply "$(tr '\t' ' ' <<<"$line" | cut -c1-200)" || fail queue-shows-mx-host-and-reply "$(tr '\n\t' '| ' <<<"$out")"
grep -q 'a@alpha.test(delivered)' <<<"$line" && grep -q 'c@nomx.test(failed)' <<<"$line" \
  && pass queue-recipient-states "alpha delivered, nomx failed, gamma pending" || fail queue-recipient-states "$line"

finish
