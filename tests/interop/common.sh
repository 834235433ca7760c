# common.sh -- sourced by the interop scripts (tests/interop/NN-*.sh). Real peers on 127.0.0.1 only.
# Each script prints "RESULT <name> PASS|FAIL <detail>" per check (.ci/run counts them) and exits
# non-zero when any check failed. Everything it starts it stops (trap), and every wait is bounded.
set -uo pipefail
INTEROP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$INTEROP_DIR/../.." && pwd)
WORK=${INTEROP_WORK:-/tmp/nanorelay-interop}
mkdir -p "$WORK"
FAILS=0

log() { printf '[interop %s] %s\n' "$(date +%T)" "$*" >&2; }
pass() { echo "RESULT $1 PASS ${2:-}"; }
fail() { echo "RESULT $1 FAIL ${2:-}"; FAILS=$((FAILS + 1)); }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name" "command: $*"; fi; }
finish() { [ "$FAILS" -eq 0 ]; exit $?; }

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
wait_port() { local end=$(( $(date +%s) + ${3:-30} )); while ! port_open "$1" "$2"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.1; done; }
# a port free on loopback now (the caller binds it soon after; good enough on a test machine)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# apt_install PKG... : non-interactive, never starts packaged daemons (policy-rc.d 101).
apt_install() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  export DEBIAN_FRONTEND=noninteractive
  local made=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; made=1; fi
  log "apt-get install ${missing[*]}"
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >"$WORK/apt.log" 2>&1; then
    apt-get update -q >>"$WORK/apt.log" 2>&1 || true
    apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$WORK/apt.log" 2>&1 || { [ $made = 1 ] && rm -f /usr/sbin/policy-rc.d; tail -20 "$WORK/apt.log" >&2; return 1; }
  fi
  [ $made = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

# gen_cert DIR : self-signed CA-less cert for localhost / 127.0.0.1 at DIR/{cert,key}.pem (reused).
gen_cert() {
  local d=$1; mkdir -p "$d"
  [ -s "$d/cert.pem" ] && [ -s "$d/key.pem" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
    -keyout "$d/key.pem" -out "$d/cert.pem" 2>/dev/null
  chmod 644 "$d/cert.pem" "$d/key.pem"
}

# prepare_three_alerts DIR : DIR/alert-0001..0003 (CRLF): a small alert, one whose lines start with dots,
# one of ~400 KB (multipart, base64 attachment); each has its own Subject for the clients' checks.
prepare_three_alerts() {
  mkdir -p "$1"
  python3 - "$1" <<'PY'
import base64, os, sys
d = sys.argv[1]
def write(name, headers, body):
    with open(os.path.join(d, name), "wb") as f:
        f.write(("\r\n".join(headers) + "\r\n\r\n" + body).encode())
write("alert-0001", ["From: nanorelay@localhost", "To: tech@localhost", "Subject: temperature high"], "Fridge 1: 9.5 C above 8.0 C.\r\n")
write("alert-0002", ["From: nanorelay@localhost", "To: tech@localhost", "Subject: dots"], ".\r\n..\r\n.leading dot\r\nend\r\n")
blob = base64.encodebytes(os.urandom(300000)).decode().replace("\n", "\r\n")
write("alert-0003", ["From: nanorelay@localhost", "To: tech@localhost", "Subject: log attached", "MIME-Version: 1.0",
                     'Content-Type: multipart/mixed; boundary="b1"'],
      "--b1\r\nContent-Type: text/plain\r\n\r\nlog attached\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" + blob + "--b1--\r\n")
PY
}

# The host simulator, built once per CI run (Release) and run from its dll.
HOSTSIM_DLL="$REPO_ROOT/hostsim/bin/Release/net10.0/nanorelay-hostsim.dll"
build_hostsim() {
  [ -f "$HOSTSIM_DLL" ] && [ -z "${REBUILD_HOSTSIM:-}" ] && return 0
  dotnet build "$REPO_ROOT/hostsim" -c Release -m:1 -v q -nologo >"$WORK/hostsim-build.log" 2>&1 || { tail -30 "$WORK/hostsim-build.log" >&2; return 1; }
}
hostsim() { dotnet "$HOSTSIM_DLL" "$@"; }
