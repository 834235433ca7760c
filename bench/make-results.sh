#!/usr/bin/env bash
# bench/make-results.sh -- brings every figure together in bench/RESULTS.md, from the per-area files:
#   bench/framing/RESULTS-framing.md        framer and dot-stuffer MB/s and B/op (bench/run-framing.sh; raw reports in bench/results/results/)
#   bench/submission/RESULTS-submission.md  messages/s against MailKit (bench/submission/run.sh)
#   bench/pop3/RESULTS-pop3.md              POP3 download against Dovecot (bench/pop3/bench-pop3.sh)
#   bench/imap/RESULTS-imap.md              IMAP full FETCH against Dovecot (bench/imap/bench-imap.sh)
#   bench/allocation/RESULTS-allocation.md  bytes allocated per relayed message, per POP3 session (bench/allocation/run-allocation.sh)
#   bench/load/RESULTS-load.md              load and hostile clients per board (bench/load/run-load.sh)
#   bench/fuzz/RESULTS-fuzz.md              fuzz executions and crashes (bench/fuzz; a placeholder until it exists)
#   bench/nanoclr/RESULTS-memory.md         free heap on the nanoCLR per service and session (bench/nanoclr/memory/run.sh --search; curated by hand)
# By default it only collects. --rerun first runs the scripts that regenerate their own file
# (allocation, load, pop3, imap; framing refreshes its raw reports) -- many minutes, needs root for Dovecot.
set -uo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--rerun" ]; then
  "$BENCH/allocation/run-allocation.sh" || echo "make-results: allocation run failed" >&2
  "$BENCH/load/run-load.sh" || echo "make-results: load run failed" >&2
  bash "$BENCH/pop3/bench-pop3.sh" || echo "make-results: pop3 bench failed" >&2
  bash "$BENCH/imap/bench-imap.sh" || echo "make-results: imap bench failed" >&2
  "$BENCH/run-framing.sh" >/dev/null || echo "make-results: framing bench failed" >&2
  echo "make-results: bench/submission/run.sh prints its figures; RESULTS-submission.md is curated by hand from its runs" >&2
elif [ -n "${1:-}" ]; then
  echo "usage: bench/make-results.sh [--rerun]" >&2; exit 2
fi
python3 "$BENCH/collect-results.py" "$BENCH" >"$BENCH/RESULTS.md.tmp" && mv "$BENCH/RESULTS.md.tmp" "$BENCH/RESULTS.md"
echo "wrote $BENCH/RESULTS.md" >&2
