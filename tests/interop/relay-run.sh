# relay-run.sh -- sourced (after common.sh) by 40-relay-end-to-end.sh and 50-kill-soak.sh: the
# whole relay (`hostsim run`) as a background process, started and stopped by pid, bounded.
#   free_port                      : prints a TCP port free on 127.0.0.1 now
#   relay_start CONFIG DATA SMTPPORT [POP3PORT] : starts `run`, waits until its SMTP ingress listens;
#                                    sets RELAY_PID; output appended to DATA.out / DATA.err
#   relay_stop [SIGNAL]            : SIGTERM (default; a clean stop) or KILL; waits up to 15 s
#   relay_kill                     : SIGKILL, reaped (a crash: nothing is flushed or closed)
# Every pid it starts is in RELAY_PIDS, so a trap can stop what is left (relay_cleanup).
RELAY_PID=
RELAY_PIDS=()

relay_start() {   # relay_start CONFIG DATA SMTPPORT [POP3PORT]
  local cfg=$1 data=$2 smtp=$3 pop3=${4:-0} i
  dotnet "$HOSTSIM_DLL" run --config "$cfg" --data "$data" --smtp "127.0.0.1:$smtp" --pop3 "127.0.0.1:$pop3" \
    >>"$data.out" 2>>"$data.err" &
  RELAY_PID=$!
  RELAY_PIDS+=("$RELAY_PID")
  for i in $(seq 1 300); do
    kill -0 "$RELAY_PID" 2>/dev/null || { tail -3 "$data.err" >&2; return 1; }
    port_open 127.0.0.1 "$smtp" && return 0
    sleep 0.1
  done
  return 1
}

relay_stop() {   # relay_stop [SIGNAL]
  [ -n "$RELAY_PID" ] || return 0
  {   # (stderr closed: bash would report each SIGKILLed job as "Killed")
    kill "-${1:-TERM}" "$RELAY_PID"
    timeout 15 tail --pid="$RELAY_PID" -f /dev/null || kill -9 "$RELAY_PID"
    wait "$RELAY_PID"
  } 2>/dev/null
  RELAY_PID=
  return 0
}

relay_kill() { relay_stop KILL; }

relay_cleanup() {
  local p
  for p in "${RELAY_PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  return 0
}
