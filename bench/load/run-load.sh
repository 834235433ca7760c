#!/usr/bin/env bash
# bench/load/run-load.sh -- load and hostile clients against `hostsim run --board B`, 127.0.0.1 only.
# For each board (default: esp32-devkitc, then the PSRAM esp32-wrover): a fresh data directory
# with one 1 MB message in the mailbox, the relay started with --board and --status-file,
# bench/load/load.py's scenarios (each <= 60 s), then SIGTERM and the exit table.
# Writes bench/load/results/<board>.json, the relay's log, and bench/load/RESULTS-load.md.
# Usage: bench/load/run-load.sh [BOARD...]      (env LOAD_ONLY=scenario-prefix,... to run a subset)
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${LOAD_WORK:-/tmp/nanorelay-load}
OUT="$HERE/results"
BOARDS=("$@")
[ ${#BOARDS[@]} -eq 0 ] && BOARDS=(esp32-devkitc esp32-wrover)
mkdir -p "$WORK" "$OUT"
log() { printf '[load %s] %s\n' "$(date +%T)" "$*" >&2; }

DLL="$REPO/hostsim/bin/Release/net10.0/nanorelay-hostsim.dll"
log "building hostsim (Release)"
dotnet build "$REPO/hostsim" -c Release -m:1 -v q -nologo >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; exit 1; }

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
wait_port() { local end=$(( $(date +%s) + 60 )); while ! port_open "$1"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.2; done; }
cap() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['sessions'][sys.argv[2]])" "$REPO/boards/$1/board.json" "$2"; }

RELAY=
trap '[ -n "$RELAY" ] && kill "$RELAY" 2>/dev/null; wait 2>/dev/null' EXIT

# The 1 MB message (RFC 5322, 78-char lines) for the stalled RETR.
python3 - "$WORK/big.eml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("From: sensor@lan.test\r\nTo: ops@example.com\r\nSubject: 1 MB for the load test\r\n\r\n")
    line = ("0123456789" * 8)[:76] + "\r\n"
    for _ in range(1048576 // len(line)):
        f.write(line)
PY

n=0
for board in "${BOARDS[@]}"; do
  n=$((n + 1))
  pop3=$((21100 + n)); smtp=$((22500 + n)); pop3s=$((21900 + n))
  dir="$WORK/$board"; rm -rf "$dir"; mkdir -p "$dir"
  cat >"$dir/relay.json" <<JSON
{
  "device": { "name": "load-$board" },
  "alerts": { "from": "relay@lan.test", "to": ["ops@example.com"] },
  "pop3": { "listen": "127.0.0.1:$pop3", "tlsListen": "127.0.0.1:$pop3s", "user": "tech", "password": "secret" },
  "smtpIngress": { "listen": "127.0.0.1:$smtp", "allowFrom": ["127.0.0.0/8"], "maxMessageBytes": 1048576 },
  "spool": { "path": "data", "maxBytes": 67108864 }
}
JSON
  dotnet "$DLL" deliver --config "$dir/relay.json" "$WORK/big.eml" >"$dir/deliver.log" 2>&1 || { cat "$dir/deliver.log" >&2; exit 1; }
  log "$board: relay on pop3 $pop3, pop3s $pop3s, smtp $smtp"
  ( cd "$dir" && exec dotnet "$DLL" run --config relay.json --board "$board" --status-file "$dir/status.json" ) >"$dir/relay.log" 2>&1 &
  RELAY=$!
  wait_port "$pop3" && wait_port "$smtp" && wait_port "$pop3s" || { log "$board: relay did not listen"; cat "$dir/relay.log" >&2; exit 1; }
  python3 "$HERE/load.py" --pop3 "$pop3" --smtp "$smtp" --pop3s "$pop3s" --pid "$RELAY" --status-file "$dir/status.json" \
    --cap-pop3 "$(cap "$board" pop3)" --cap-smtp "$(cap "$board" smtpIngress)" --board "$board" \
    --json "$OUT/$board.json" ${LOAD_ONLY:+--only "$LOAD_ONLY"} | tee "$dir/scenarios.jsonl" >&2
  if kill -0 "$RELAY" 2>/dev/null; then
    kill -TERM "$RELAY"
    for _ in $(seq 1 100); do kill -0 "$RELAY" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$RELAY" 2>/dev/null && { log "$board: relay did not stop on SIGTERM in 20 s"; kill -KILL "$RELAY"; }
    wait "$RELAY"; echo "exit code $?" >>"$dir/relay.log"
  else
    wait "$RELAY"; echo "DIED: exit code $?" >>"$dir/relay.log"
  fi
  RELAY=
  cp "$dir/relay.log" "$OUT/$board.relay.log"
done

python3 "$HERE/report.py" --command "bench/load/run-load.sh ${BOARDS[*]}" "${BOARDS[@]/#/$OUT/}" >"$HERE/RESULTS-load.md"
log "wrote $HERE/RESULTS-load.md"
