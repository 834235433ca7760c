#!/usr/bin/env bash
# bench/submission/run.sh -- 500 messages in one SMTP session (STARTTLS + AUTH PLAIN) to a local
# Postfix, nanoRelay's submission client against MailKit's SmtpClient, side by side in one run
# (bench/NanoRelay.SubmissionBench). Starts and stops its own Postfix through the interop library.
#   bash bench/submission/run.sh [COUNT] [ROUNDS]
set -uo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
source "$BENCH_DIR/../../tests/interop/common.sh"
source "$BENCH_DIR/../../tests/interop/postfix-upstream.sh"
COUNT=${1:-500}; ROUNDS=${2:-3}
trap postfix_upstream_stop EXIT
postfix_upstream_start >/dev/null || { echo "cannot start Postfix" >&2; exit 1; }
# Postfix delivers to the Maildir while we send; keep its work off the measurement as far as we can.
postconf -c "$C" -e "virtual_destination_concurrency_limit = 2" && postfix -c "$C" reload >/dev/null 2>&1
dotnet build "$REPO_ROOT/bench/NanoRelay.SubmissionBench" -c Release -m:1 -v q -nologo >"$WORK/bench-build.log" 2>&1 || { tail -20 "$WORK/bench-build.log"; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB; $(uname -sr); dotnet $(dotnet --version); Postfix $(postconf -c "$C" -h mail_version); $(date -u +%FT%TZ)"
dotnet "$REPO_ROOT/bench/NanoRelay.SubmissionBench/bin/Release/net10.0/NanoRelay.SubmissionBench.dll" \
  localhost "$SUBM" "$SASL_USER@$SASL_REALM" "$SASL_PASS" "$D/tls/cert.pem" "$COUNT" "$ROUNDS"
rc=$?
echo "delivered into the Maildir so far: $(ls "$MAILDIR/new" | wc -l)"
exit $rc
