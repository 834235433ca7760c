#!/usr/bin/env bash
# bench/pop3/bench-pop3.sh -- a full POP3 download of the same mailbox (1,000 messages of 2 KB and
# 10 of 1 MB) with the same clients from nanoRelay's host simulator and from Dovecot's POP3 on
# this machine, side by side in one run. Writes bench/pop3/RESULTS-pop3.md.
#
# Both servers get byte-identical message files (CRLF line ends), run on 127.0.0.1 with plaintext
# login allowed on loopback, and are timed with the same client commands, alternating per run:
#   python  bench/pop3/fetch.py (poplib): USER/PASS, STAT, UIDL, RETR all, QUIT (plain and STLS)
#   curl    pop3://.../[1-N] (URL globbing: one connection, RETR each)
# Wall-clock milliseconds per full download, process start-up included; median and min of RUNS (default 9)
# after one warm-up (Dovecot builds its index then). Plus the managed memory one open nanoRelay
# session holds (tests/NanoRelay.Tests SessionMemoryTests) and the processes' RSS afterwards.
# Env: RUNS, N_SMALL (1000), SMALL (2048), N_BIG (10), BIG (1048576). Root (Dovecot drops to users).
set -uo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
source "$REPO/tests/interop/common.sh"
source "$REPO/bench/dovecot-bench.sh"
RUNS=${RUNS:-9}; N_SMALL=${N_SMALL:-1000}; SMALL=${SMALL:-2048}; N_BIG=${N_BIG:-10}; BIG=${BIG:-1048576}
B=$WORK/bench-pop3; OUT=$REPO/bench/pop3/RESULTS-pop3.md
NR_PID=
stop_all() {
  [ -n "$NR_PID" ] && kill -TERM "$NR_PID" 2>/dev/null
  dovecot_bench_stop "$B"
  true
}
trap stop_all EXIT
now_ms() { date +%s%3N; }
die() { echo "bench-pop3: $*" >&2; exit 1; }

apt_install dovecot-core dovecot-pop3d curl python3 openssl || die "apt-get install failed"
REBUILD_HOSTSIM=1 build_hostsim || die "hostsim build failed"
rm -rf "$B"; mkdir -p "$B/msgs" "$B/nr" "$B/dv/run" "$B/dv/state" "$B/mail/tech/Maildir/"{new,cur,tmp}
gen_cert "$B/tls"
NR_PORT=$(free_port); DV_PORT=$(free_port); NR_SMTP=$(free_port)

# --- the mailbox: N_SMALL x SMALL + N_BIG x BIG octets, CRLF, identical for both servers ----------
python3 - "$B/msgs" "$N_SMALL" "$SMALL" "$N_BIG" "$BIG" <<'PY'
import base64, os, random, sys
d, ns, ss, nb, bs = sys.argv[1], *map(int, sys.argv[2:])
rnd = random.Random(1939)
def message(i, size):
    head = ("From: nanorelay@localhost\r\nTo: tech@localhost\r\nSubject: bench message %d\r\n"
            "Message-ID: <bench.%d@localhost>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n" % (i, i)).encode()
    body = b""
    while len(head) + len(body) < size:
        body += base64.b64encode(rnd.randbytes(57)) + b"\r\n"    # 78-octet lines
    return (head + body)[:size - 2] + b"\r\n"
n = 0
for k in range(ns + nb):
    n += 1
    with open(os.path.join(d, "m%05d" % n), "wb") as f:
        f.write(message(n, ss if k < ns else bs))
PY
COUNT=$(ls "$B/msgs" | wc -l); BYTES=$(cat "$B"/msgs/* | wc -c)
for f in "$B"/msgs/*; do cp "$f" "$B/mail/tech/Maildir/new/$(basename "$f").bench.localhost"; done
chown -R mail:mail "$B/mail"

# --- Dovecot, our own throwaway instance -------------------------------------------------------------
dovecot_bench_start "$B" pop3 "$DV_PORT" "pop3_uidl_format = %08Xu%08Xv" || die "dovecot did not start"

# --- nanoRelay host simulator ---------------------------------------------------------------------
cat > "$B/nr.json" <<JSON
{ "pop3": { "listen": "127.0.0.1:$NR_PORT", "user": "tech", "password": "secret" },
  "smtpIngress": { "listen": "127.0.0.1:$NR_SMTP" }, "spool": { "maxBytes": 67108864 } }
JSON
# The same messages into nanoRelay's mailbox store (crash-safe, fsync on every commit).
dotnet "$HOSTSIM_DLL" deliver --config "$B/nr.json" --data "$B/nr" "$B"/msgs/* >"$B/nr-deliver.out" || die "hostsim deliver failed"
dotnet "$HOSTSIM_DLL" run --config "$B/nr.json" --data "$B/nr" >"$B/nr.out" 2>"$B/nr.err" &
NR_PID=$!
wait_port 127.0.0.1 "$NR_PORT" 60 || die "hostsim does not listen"

# --- timing ----------------------------------------------------------------------------------------
py_plain() { python3 "$REPO/bench/pop3/fetch.py" "$1" tech secret; }
py_stls() { python3 "$REPO/bench/pop3/fetch.py" "$1" tech secret --stls; }
curl_all() { local b; b=$(curl -sS --max-time 300 -u tech:secret "pop3://127.0.0.1:$1/[1-$COUNT]" | wc -c); echo "CHECK bytes=$b"; [ "$b" -eq "$BYTES" ]; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=""
for client in py_plain py_stls curl_all; do
  declare -a t_nr=() t_dv=()
  $client "$NR_PORT" >/dev/null 2>&1; $client "$DV_PORT" >/dev/null 2>&1    # warm-up (Dovecot indexes)
  for ((i = 0; i < RUNS; i++)); do
    for server in nr dv; do
      port=$NR_PORT; [ $server = dv ] && port=$DV_PORT
      t0=$(now_ms); out=$($client "$port" 2>&1) || die "$client against $server failed: $out"; t1=$(now_ms)
      [ $server = nr ] && t_nr+=($((t1 - t0))) || t_dv+=($((t1 - t0)))
    done
  done
  m_nr=$(printf '%s\n' "${t_nr[@]}" | median); m_dv=$(printf '%s\n' "${t_dv[@]}" | median)
  n_nr=$(printf '%s\n' "${t_nr[@]}" | sort -n | head -1); n_dv=$(printf '%s\n' "${t_dv[@]}" | sort -n | head -1)
  ratio=$(awk -v a="$m_nr" -v b="$m_dv" 'BEGIN { printf "%.2f", a / b }')
  ratio_min=$(awk -v a="$n_nr" -v b="$n_dv" 'BEGIN { printf "%.2f", a / b }')
  log "$client: nanoRelay ${t_nr[*]} ms, Dovecot ${t_dv[*]} ms"
  ROWS+="| $client | $m_nr | $m_dv | **$ratio** | $n_nr | $n_dv | $ratio_min | ${t_nr[*]} | ${t_dv[*]} |"$'\n'
done

NR_RSS=$(ps -o rss= -p "$NR_PID" | tr -d ' ')
DV_RSS=$(ps -eo rss=,args= | awk '/dovecot|pop3|auth|anvil|log|config/ && /nanorelay-bench-dovecot|dovecot\// {s+=$1} END {print s+0}')
MEM=$(cd "$REPO" && dotnet test tests/NanoRelay.Tests -m:1 --filter "FullyQualifiedName~SessionMemoryTests" --logger "console;verbosity=detailed" 2>&1 | grep -o 'managed bytes per open session.*')

{
  echo "# POP3 full download: nanoRelay host simulator vs Dovecot"
  echo
  echo "Generated by \`bench/pop3/bench-pop3.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), shared with other work: compare medians, not single runs."
  echo
  echo "Mailbox: $COUNT messages ($N_SMALL x $SMALL octets + $N_BIG x $BIG octets), $BYTES octets, byte-identical files for both servers."
  echo "Servers on 127.0.0.1: nanoRelay \`hostsim run\` (Release, .NET $(dotnet --version), mailbox store, 16 KB transfer chunk) and Dovecot $(dovecot --version | cut -d' ' -f1) (maildir, mail_fsync=never, index built during the warm-up)."
  echo "Clients: $(python3 --version) poplib (\`bench/pop3/fetch.py\`: USER/PASS, STAT, UIDL, RETR all, QUIT; plain, and STLS without verification), $(curl --version | head -1 | cut -d' ' -f1-2) (\`pop3://.../[1-$COUNT]\`, one connection)."
  echo "Wall-clock ms per full download including client start-up; $RUNS runs each after one warm-up, servers alternating."
  echo
  echo "Load average (1/5/15 min) at the start of the timing: $LOAD_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg). Other work shares the CPUs, so single runs swing widely; the minimum is the least disturbed run."
  echo
  echo "| client | nanoRelay median ms | Dovecot median ms | ratio of medians (nanoRelay / Dovecot) | nanoRelay min | Dovecot min | ratio of minimums | nanoRelay runs | Dovecot runs |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  printf '%s' "$ROWS"
  echo
  echo "Memory:"
  echo
  echo "$MEM" | sed 's/^/- /'
  echo "- (SessionMemoryTests: 32 sessions logged in and parked in Read, GC.GetTotalMemory(true) against a baseline holding everything but the sessions; the transfer chunk is 512 octets on the device, 16 KB on the host.)"
  echo "- Resident set size after the run: nanoRelay host simulator process ${NR_RSS} KB (the whole .NET runtime), Dovecot processes together ${DV_RSS} KB."
} > "$OUT"
cat "$OUT"
