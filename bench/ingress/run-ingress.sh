#!/usr/bin/env bash
# bench/ingress/run-ingress.sh -- issue 14 items 1 and 3: the SMTP ingress under Postfix's
# smtp-source (one message per connection, as devices send) and the relay worker toward our own
# Postfix (587-style STARTTLS + AUTH, tests/interop/postfix-upstream.sh), all on 127.0.0.1.
#   bash bench/ingress/run-ingress.sh [REPO_UNDER_TEST] [LABEL]
# REPO_UNDER_TEST (default: this checkout) is where hostsim is built from, so the same script
# measures the code before a change (an extracted older commit) and after it.
# Prints one RESULT line per figure:
#   ingress-1   messages/s with 1 client   (smtp-source -s 1 -m N1)
#   ingress-3   messages/s with 3 clients  (smtp-source -s 3 -m N3, the default session cap)
#   refused     421 "too many connections" answers during both runs (the relay's log)
#   upstream    Postfix submission sessions (connects) per 500 messages relayed
set -uo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
export INTEROP_WORK=${INTEROP_WORK:-/tmp/nanorelay-ingress-bench}
export NR_SUBM_PORT=${NR_SUBM_PORT:-21587} NR_SMTPS_PORT=${NR_SMTPS_PORT:-21465} NR_PLAIN_PORT=${NR_PLAIN_PORT:-21025}
source "$BENCH_DIR/../../tests/interop/common.sh"
source "$BENCH_DIR/../../tests/interop/postfix-upstream.sh"
source "$BENCH_DIR/../../tests/interop/relay-run.sh"
UNDER=$(cd "${1:-$REPO_ROOT}" && pwd); LABEL=${2:-$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null)}
N1=${N1:-100}; N3=${N3:-400}; CAP=${CAP:-3}   # CAP: smtpIngress.maxSessions (3 is the default)
HOSTSIM_DLL="$UNDER/hostsim/bin/Release/net10.0/nanorelay-hostsim.dll"
W=$WORK/run-$$
cleanup() { relay_cleanup; postfix_upstream_stop; }
trap cleanup EXIT

postfix_upstream_start >/dev/null || { echo "cannot start Postfix" >&2; exit 1; }
command -v smtp-source >/dev/null || { echo "no smtp-source (package postfix)" >&2; exit 1; }
log "building hostsim (Release) in $UNDER"
dotnet build "$UNDER/hostsim" -c Release -m:1 -v q -nologo >"$WORK/hostsim-build.log" 2>&1 || { tail -30 "$WORK/hostsim-build.log" >&2; exit 1; }
rm -rf "$W"; mkdir -p "$W"
PORT=$(free_port)
cat > "$W/relay.json" <<JSON
{ "device": { "name": "relay.bench" },
  "upstream": { "host": "localhost", "port": $SUBM, "tls": "starttls", "auth": "auto",
                "user": "$SASL_USER@$SASL_REALM", "password": "$SASL_PASS", "trustedCaFile": "$D/tls/cert.pem" },
  "alerts": { "from": "relay@example.com", "to": ["ops@example.com"] },
  "smtpIngress": { "listen": "127.0.0.1:$PORT", "allowFrom": ["127.0.0.0/8"], "maxSessions": $CAP },
  "retry": { "firstDelaySeconds": 1, "maxDelaySeconds": 2, "lifetimeHours": 1 },
  "sensors": [] }
JSON
relay_start "$W/relay.json" "$W/data" "$PORT" || { echo "hostsim run did not listen" >&2; exit 1; }
sleep 1

# source SESSIONS COUNT : smtp-source, one message per connection; prints "seconds exit-code"
source_run() {
  local s=$1 m=$2 t0 t1 rc
  t0=$(date +%s.%N)
  timeout 600 smtp-source -s "$s" -m "$m" -l 1000 -f device@lan.test -t ops@example.com -M device.lan.test "127.0.0.1:$PORT" \
    >"$W/source-$s.out" 2>&1; rc=$?
  t1=$(date +%s.%N)
  echo "$(python3 -c "print(round($t1 - $t0, 2))") $rc"
}
queued() { cat "$W/data.err" "$W/data.out" | grep -c ' queued '; }   # messages the ingress accepted (250)
read -r s1 rc1 <<<"$(source_run 1 "$N1")"
q1=$(queued)
read -r s3 rc3 <<<"$(source_run 3 "$N3")"
q3=$(( $(queued) - q1 ))
refused=$(grep -c 'refused: .* sessions already' "$W/data.err" "$W/data.out" 2>/dev/null | awk -F: '{n+=$NF} END {print n+0}')
total=$(queued)
end=$(( $(date +%s) + 300 ))
while [ "$(ls "$MAILDIR/new" | wc -l)" -lt "$total" ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.5; done
delivered=$(ls "$MAILDIR/new" | wc -l)
sessions=$(grep -c 'postfix/submission/smtpd\[[0-9]*\]: connect from' "$D/postfix.log")
echo "# $LABEL; $(nproc) cores; $(date -u +%FT%TZ); smtp-source -l 1000, one message per connection"
echo "RESULT ingress-1 $(python3 -c "print(round($q1 / $s1, 1))") msg/s ($q1 of $N1 messages in $s1 s, smtp-source exit $rc1$( [ "$rc1" != 0 ] && echo ": $(tail -1 "$W/source-1.out")"))"
echo "RESULT ingress-3 $(python3 -c "print(round($q3 / $s3, 1))") msg/s ($q3 of $N3 messages in $s3 s, smtp-source exit $rc3$( [ "$rc3" != 0 ] && echo ": $(tail -1 "$W/source-3.out")"))"
echo "RESULT refused $refused (421 too many connections, cap $CAP)"
echo "RESULT upstream $(python3 -c "print(round($sessions * 500 / max($delivered, 1), 1))") sessions per 500 messages ($sessions sessions, $delivered of $total accepted in the Maildir)"
relay_stop
