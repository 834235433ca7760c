#!/usr/bin/env bash
# 50-kill-soak.sh -- issue 9 item 5: the whole relay (`hostsim run`) takes in 200 messages through
# its SMTP ingress and relays them to our own Postfix (STARTTLS + AUTH) while a killer sends it
# SIGKILL at random, seeded moments (1-4 s after each start) and restarts it. The client (Python
# smtplib) gives every attempt its own Message-ID, counts as acknowledged only what was answered
# 250, and reconnects while the relay is down. The killing stops after SOAK_SECONDS (120) or when
# the client is done; a last clean run takes the rest of the 200 (the client gives up 180 s after
# its start) and drains the queue (at most 60 s more). Then: every acknowledged message is in Postfix's Maildir with
# its content intact (0 lost, 0 corrupt: these fail the script); duplicates are counted and
# reported (goal 0; a kill between Postfix's 250 and the local delete may cause one, RFC 1047);
# attempts never answered 250 may or may not have arrived (reported).
# SOAK_MESSAGES, SOAK_SEED and SOAK_SECONDS override the defaults (200, 9, 120).
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postfix-upstream.sh"
source "$(dirname "$0")/relay-run.sh"
W=$WORK/50-kill-soak
MAIL=$INTEROP_DIR/relay_mail.py
N=${SOAK_MESSAGES:-200}
SEED=${SOAK_SEED:-9}
KILL_SECONDS=${SOAK_SECONDS:-120}
CLIENT=
cleanup() { [ -n "$CLIENT" ] && kill "$CLIENT" 2>/dev/null; relay_cleanup; postfix_upstream_stop; }
trap cleanup EXIT

apt_install python3 || { fail soak-setup "apt-get install failed"; finish; }
postfix_upstream_start || finish
build_hostsim || { fail hostsim-build "dotnet build failed"; finish; }
rm -rf "$W"; mkdir -p "$W"
cat > "$W/relay.json" <<JSON
{ "device": { "name": "relay.soak" },
  "upstream": { "host": "localhost", "port": $SUBM, "tls": "starttls", "auth": "auto",
                "user": "$SASL_USER@$SASL_REALM", "password": "$SASL_PASS", "trustedCaFile": "$D/tls/cert.pem" },
  "alerts": { "from": "relay@example.com", "to": ["ops@example.com"] },
  "retry": { "firstDelaySeconds": 1, "maxDelaySeconds": 2, "lifetimeHours": 1 },
  "sensors": [] }
JSON
DATA=$W/data
ACKS=$W/acks
PORT=$(free_port)
START=$(date +%s)

relay_start "$W/relay.json" "$DATA" "$PORT" || { fail soak-start "hostsim run did not listen on $PORT"; finish; }
python3 "$MAIL" soak-client "$PORT" "$N" "$ACKS" "$SEED" >"$W/client.out" 2>"$W/client.err" &
CLIENT=$!

# --- the killer: SIGKILL 1-4 s (seeded) after each start, then start again, while the client sends
RANDOM=$SEED
kills=0; restarts=0; start_failures=0
while kill -0 "$CLIENT" 2>/dev/null && [ $(( $(date +%s) - START )) -lt "$KILL_SECONDS" ]; do
  ms=$(( 1000 + RANDOM % 3000 ))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  relay_kill; kills=$((kills + 1))
  if relay_start "$W/relay.json" "$DATA" "$PORT"; then restarts=$((restarts + 1))
  else start_failures=$((start_failures + 1)); relay_kill; [ $start_failures -ge 5 ] && break; fi
done
KILL_END=$(date +%s)
log "killer done: $kills kills, $restarts restarts in $((KILL_END - START)) s"

# --- the last clean run: the client finishes (it gives up by itself 180 s after its start), then
# the queue drains: until every acknowledged message arrived and the Maildir is quiet (<= 60 s)
[ -z "$RELAY_PID" ] && { relay_start "$W/relay.json" "$DATA" "$PORT" && restarts=$((restarts + 1)); }
timeout 200 tail --pid="$CLIENT" -f /dev/null 2>/dev/null || kill "$CLIENT" 2>/dev/null
wait "$CLIENT"; client_rc=$?; CLIENT=
log "$(cat "$W/client.out")"
end=$(( $(date +%s) + 60 )); last=-1
while [ "$(date +%s)" -lt "$end" ]; do
  r=$(python3 "$MAIL" soak-report "$MAILDIR" "$ACKS" quick)
  files=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["maildir_files"])' "$r")
  lost=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["lost"])' "$r")
  [ "$lost" -eq 0 ] && [ "$files" -eq "$last" ] && break
  last=$files; sleep 3
done
relay_stop
ELAPSED=$(( $(date +%s) - START ))
queue=$(hostsim queue --config "$W/relay.json" --data "$DATA" 2>&1)

# --- the figures
r=$(python3 "$MAIL" soak-report "$MAILDIR" "$ACKS")
f() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$r" "$1"; }
acked=$(f acked); lost=$(f lost); corrupt=$(f corrupt); dups=$(f duplicates)
unacked=$(f unacked); unacked_arrived=$(f unacked_arrived); delivered=$(f delivered_acked); strangers=$(f strangers)
ingested=$(grep -c ' queued [0-9]*:' "$DATA.err")
# what the kills caught: messages recovered from the spool at a start, and starts that found any
recovered=$(sed -n 's/^store *spool: \([0-9]*\) queued.*/\1/p' "$DATA.out" | awk '{s+=$1; if ($1>0) n++} END {print s+0 " in " n+0 " starts"}')

[ "$client_rc" -eq 0 ] && [ "$acked" -eq "$N" ] && pass soak-client "$(cat "$W/client.out")" || fail soak-client "$acked of $N acknowledged: $(cat "$W/client.out" "$W/client.err" | tail -2 | tr '\n' ' ')"
[ "$kills" -ge 5 ] && [ "$start_failures" -eq 0 ] && pass soak-kills "$kills SIGKILLs, $restarts restarts, seed $SEED" \
  || fail soak-kills "$kills kills, $restarts restarts, $start_failures failed starts"
[ "$lost" -eq 0 ] && pass soak-no-loss "$delivered of $acked acknowledged messages delivered" \
  || fail soak-no-loss "$lost of $acked acknowledged messages lost: $(f lost_ids)"
[ "$corrupt" -eq 0 ] && pass soak-content-intact "every delivered copy's body sha256 as sent" || fail soak-content-intact "$corrupt corrupt: $(f corrupt_ids)"
[ "$strangers" -eq 0 ] && pass soak-nothing-invented "no message the client never sent" || fail soak-nothing-invented "$strangers unknown Message-IDs"
grep -q '^0 queued' <<<"$queue" && pass soak-queue-drained "$(head -1 <<<"$queue")" || fail soak-queue-drained "$(tr '\n\t' '| ' <<<"$queue" | cut -c1-300)"
pass soak-duplicates "$dups duplicate(s) (goal 0; allowed only for a kill between Postfix's 250 and the local delete) $(f duplicate_ids)"
pass soak-unacknowledged "$unacked attempts never answered 250, $unacked_arrived of them arrived anyway (committed before the kill, 250 lost)"
echo "SUMMARY kill-soak: acked $acked, delivered $delivered, lost $lost, duplicates $dups, unacked attempts $unacked (arrived $unacked_arrived), ingress commits $ingested, recovered at start $recovered, kills $kills, restarts $restarts, elapsed ${ELAPSED}s (killing $((KILL_END - START))s), seed $SEED"

postfix_upstream_stop
finish
