#!/usr/bin/env bash
# bench/submission/run-sink.sh -- the submission clients' own cost: 500 messages in one plaintext session with
# PIPELINING to Postfix's smtp-sink on 127.0.0.1 (it answers every command at once and keeps nothing), nanoRelay's
# client against MailKit's side by side in one run (bench/NanoRelay.SubmissionBench with CAFILE "none").
#   bash bench/submission/run-sink.sh [COUNT] [ROUNDS]
set -uo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/../.." && pwd)
COUNT=${1:-500}; ROUNDS=${2:-5}; PORT=${SINK_PORT:-20025}
command -v smtp-sink >/dev/null || { source "$REPO/tests/interop/common.sh"; apt_install postfix >/dev/null; }
command -v smtp-sink >/dev/null || { echo "smtp-sink not found (package postfix)" >&2; exit 1; }
dotnet build "$REPO/bench/NanoRelay.SubmissionBench" -c Release -m:1 -v q -nologo >/tmp/submission-sink-build.log 2>&1 || { tail -20 /tmp/submission-sink-build.log; exit 1; }
# -c: count; backlog 100. It answers EHLO with PIPELINING, 8BITMIME and SIZE.
user=(); [ "$(id -u)" = 0 ] && user=(-u nobody)   # it refuses to run as root
smtp-sink "${user[@]}" -c "127.0.0.1:$PORT" 100 >/dev/null & sink=$!   # -c counts sessions and messages on stdout
trap 'kill $sink 2>/dev/null; wait $sink 2>/dev/null' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB; $(uname -sr); dotnet $(dotnet --version); smtp-sink (Postfix $(postconf -d -h mail_version 2>/dev/null)); $(date -u +%FT%TZ)"
dotnet "$REPO/bench/NanoRelay.SubmissionBench/bin/Release/net10.0/NanoRelay.SubmissionBench.dll" 127.0.0.1 "$PORT" - - none "$COUNT" "$ROUNDS"
