# bench/dovecot-bench.sh -- sourced (after tests/interop/common.sh) by bench/pop3 and bench/imap: the
# throwaway Dovecot instance they compare nanoRelay with, and the median both report.
#
# dovecot_bench_start DIR PROTO PORT [EXTRA]: Dovecot on 127.0.0.1:PORT serving PROTO (pop3 or imap) only,
# one user tech/secret whose Maildir is DIR/mail/tech/Maildir, TLS from DIR/tls (gen_cert), state under
# DIR/dv, EXTRA appended to the configuration (one line per setting). Stop it with dovecot_bench_stop DIR.
dovecot_bench_start() {
  local dir=$1 proto=$2 port=$3 extra=${4:-} other
  [ "$proto" = pop3 ] && other=imap || other=pop3
  mkdir -p "$dir/dv/run" "$dir/dv/state"
  printf 'tech:{PLAIN}secret::::::\n' > "$dir/dv/users"
  chown root:dovecot "$dir/dv/users"; chmod 640 "$dir/dv/users"; chmod 755 "$dir/dv" "$dir/dv/run"
  cat > "$dir/dv/dovecot.conf" <<CONF
instance_name = nanorelay-bench-dovecot-$proto
base_dir = $dir/dv/run
state_dir = $dir/dv/state
log_path = $dir/dv/dovecot.log
protocols = $proto
listen = 127.0.0.1
ssl = yes
ssl_cert = <$dir/tls/cert.pem
ssl_key = <$dir/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 8
mail_location = maildir:$dir/mail/%u/Maildir
mail_fsync = never
$extra
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $dir/dv/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$dir/mail/%n
}
service $proto-login {
  inet_listener $proto {
    port = $port
  }
  inet_listener ${proto}s {
    port = 0
  }
}
service $other-login {
  inet_listener $other {
    port = 0
  }
  inet_listener ${other}s {
    port = 0
  }
}
CONF
  dovecot -c "$dir/dv/dovecot.conf" || { echo "dovecot did not start (see $dir/dv/dovecot.log)" >&2; return 1; }
  wait_port 127.0.0.1 "$port" 20 || { echo "dovecot does not listen on $port" >&2; return 1; }
}

dovecot_bench_stop() {
  [ -s "$1/dv/run/master.pid" ] && kill -TERM "$(cat "$1/dv/run/master.pid")" 2>/dev/null
  true
}

# median of the numbers on stdin, one per line (the mean of the middle two for an even count)
median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
