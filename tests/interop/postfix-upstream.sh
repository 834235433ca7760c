# postfix-upstream.sh -- sourced (after common.sh) by 10-smtp-upstream-postfix.sh and
# bench/submission/run.sh: our own Postfix instance as the upstream submission server.
#   postfix_upstream_start : install if needed, configure under $WORK/postfix-upstream, start; returns
#                            non-zero (after a FAIL line) when it cannot.
#   postfix_upstream_stop  : stop that instance (by its master pid), bounded.
# Listeners on 127.0.0.1 only: $SUBM STARTTLS required then AUTH (587-style), $SMTPS implicit TLS +
# AUTH (465-style), $PLAIN no TLS but AUTH offered (a stripped 587). Every accepted message lands in
# one catch-all Maildir, $MAILDIR. TEST-ONLY SASL user relay@relay.test / relay-secret (Cyrus sasldb,
# PLAIN LOGIN CRAM-MD5). The certificate ($D/tls/cert.pem, self-signed for localhost) is what the
# relay trusts through upstream.trustedCaFile.
SUBM=${NR_SUBM_PORT:-20587}     # STARTTLS required, AUTH only after TLS
SMTPS=${NR_SMTPS_PORT:-20465}   # implicit TLS (wrapper mode), AUTH
PLAIN=${NR_PLAIN_PORT:-20025}   # no TLS at all but AUTH offered: a stripped 587
D=$WORK/postfix-upstream
C=$D/conf
MAILDIR=$D/mail/relay/Maildir
SASL_USER=relay; SASL_REALM=relay.test; SASL_PASS=relay-secret

postfix_upstream_stop() {
  [ -d "$C" ] || return 0
  postfix -c "$C" stop >/dev/null 2>&1 || true
  local pid; pid=$(tr -d ' ' < "$D/spool/pid/master.pid" 2>/dev/null || true)
  local end=$(( $(date +%s) + 10 ))
  while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$end" ]; do sleep 0.2; done
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  return 0
}

postfix_upstream_start() {
  # --- install (debconf "No configuration": the package writes no main.cf and starts nothing)
  if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q 'install ok installed'; then
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    echo "postfix postfix/mailname string relay.test" | debconf-set-selections
  fi
  apt_install postfix sasl2-bin libsasl2-modules libsasl2-modules-db openssl python3 || { fail postfix-install "apt-get failed"; return 1; }
  command -v dotnet >/dev/null || { fail dotnet "no dotnet on PATH"; return 1; }
  for p in $SUBM $SMTPS $PLAIN; do port_open 127.0.0.1 "$p" && { fail ports "127.0.0.1:$p is taken"; return 1; }; done

  # --- certificate: self-signed for localhost; the relay trusts it through upstream.trustedCaFile
  postfix_upstream_stop
  rm -rf "$D"; mkdir -p "$C/sasl" "$D/spool" "$D/data" "$MAILDIR"/{new,cur,tmp} "$D/tls" "$D/run"
  gen_cert "$D/tls"
  chown root:root "$D/spool"; chown postfix:postfix "$D/data"
  chown -R mail:mail "$D/mail"
  cp /etc/postfix/master.cf.proto "$C/master.cf"
  : > "$C/main.cf"; : > "$D/postfix.log"; chown postfix "$D/postfix.log"

  # --- Cyrus SASL with a sasldb of its own (CRAM-MD5 needs the plaintext secret sasldb keeps)
  cat > "$C/sasl/smtpd.conf" <<SASL
pwcheck_method: auxprop
auxprop_plugin: sasldb
sasldb_path: $C/sasl/sasldb2
mech_list: PLAIN LOGIN CRAM-MD5
SASL
  echo "$SASL_PASS" | saslpasswd2 -p -c -f "$C/sasl/sasldb2" -u "$SASL_REALM" "$SASL_USER"
  chown root:postfix "$C/sasl/sasldb2"; chmod 640 "$C/sasl/sasldb2"

  P() { postconf -c "$C" "$@"; }
  P -e "compatibility_level = 3.6" "queue_directory = $D/spool" "data_directory = $D/data" \
    "mail_owner = postfix" "setgid_group = postdrop" \
    "myhostname = relay.test" "mydomain = relay.test" "myorigin = relay.test" \
    "mydestination =" "relay_domains =" "local_recipient_maps =" \
    "inet_interfaces = 127.0.0.1" "inet_protocols = ipv4" "mynetworks = 127.0.0.0/8" \
    "maillog_file = $D/postfix.log" "maillog_file_prefixes = $WORK" \
    "smtp_dns_support_level = disabled" "smtpd_peername_lookup = no" "biff = no" \
    "message_size_limit = 20971520" \
    "virtual_mailbox_domains = static:all" "virtual_mailbox_base = $D/mail" \
    "virtual_mailbox_maps = static:relay/Maildir/" \
    "virtual_uid_maps = static:$(id -u mail)" "virtual_gid_maps = static:$(id -g mail)" "virtual_minimum_uid = 1" \
    "smtpd_tls_cert_file = $D/tls/cert.pem" "smtpd_tls_key_file = $D/tls/key.pem" \
    "smtpd_tls_security_level = may" "smtpd_tls_loglevel = 1" \
    "smtpd_sasl_auth_enable = no" "smtpd_sasl_type = cyrus" "smtpd_sasl_path = smtpd" \
    "smtpd_sasl_local_domain = $SASL_REALM" "cyrus_sasl_config_path = $C/sasl" \
    "smtpd_sasl_security_options = noanonymous" \
    "smtpd_relay_restrictions = permit_sasl_authenticated, reject" \
    "smtpd_error_sleep_time = 0" "smtpd_client_connection_rate_limit = 0"
  P -F '*/*/chroot = n'
  P -MX smtp/inet
  P -M "127.0.0.1:$SUBM/inet=127.0.0.1:$SUBM inet n - n - - smtpd"
  P -P "127.0.0.1:$SUBM/inet/syslog_name=postfix/submission" "127.0.0.1:$SUBM/inet/smtpd_tls_security_level=encrypt" \
       "127.0.0.1:$SUBM/inet/smtpd_tls_auth_only=yes" "127.0.0.1:$SUBM/inet/smtpd_sasl_auth_enable=yes" \
       "127.0.0.1:$SUBM/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject"
  P -M "127.0.0.1:$SMTPS/inet=127.0.0.1:$SMTPS inet n - n - - smtpd"
  P -P "127.0.0.1:$SMTPS/inet/syslog_name=postfix/submissions" "127.0.0.1:$SMTPS/inet/smtpd_tls_wrappermode=yes" \
       "127.0.0.1:$SMTPS/inet/smtpd_sasl_auth_enable=yes" \
       "127.0.0.1:$SMTPS/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject"
  P -M "127.0.0.1:$PLAIN/inet=127.0.0.1:$PLAIN inet n - n - - smtpd"
  P -P "127.0.0.1:$PLAIN/inet/syslog_name=postfix/stripped" "127.0.0.1:$PLAIN/inet/smtpd_tls_security_level=none" \
       "127.0.0.1:$PLAIN/inet/smtpd_sasl_auth_enable=yes" "127.0.0.1:$PLAIN/inet/smtpd_tls_auth_only=no"
  touch -d '-10 seconds' "$C/main.cf" "$C/master.cf"   # Postfix waits for "young" config files otherwise

  log "starting postfix -c $C"
  if ! postfix -c "$C" start >>"$D/postfix.log" 2>&1; then
    tail -20 "$D/postfix.log" >&2; fail postfix-start "postfix would not start"; return 1
  fi
  for p in $SUBM $SMTPS $PLAIN; do
    wait_port 127.0.0.1 "$p" 30 || { tail -20 "$D/postfix.log" >&2; fail postfix-start "port $p never opened"; return 1; }
  done
  pass postfix-start "$(postconf -c "$C" -h mail_version) on 127.0.0.1:$SUBM (STARTTLS+AUTH), :$SMTPS (implicit TLS), :$PLAIN (no TLS)"
}
