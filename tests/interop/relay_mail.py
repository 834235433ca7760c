#!/usr/bin/env python3
"""relay_mail.py -- the LAN client and the checker of 40-relay-end-to-end.sh and 50-kill-soak.sh.

  make KIND OUT.eml ID          write a message (KIND text: a UTF-8 text with a line starting with
                                a dot; attach: text plus a 1 MB random attachment) with
                                Message-ID <ID@lan.test>, CRLF line ends, ready for curl -T
  smtplib PORT FILE             send FILE through SMTP on 127.0.0.1:PORT (smtplib), exit 0 on 250
  maildir-check MAILDIR ID ORIG expect exactly one Maildir file with Message-ID <ID@lan.test>:
                                Received from nanoRelay, body and attachment SHA-256 as in ORIG
  maildir-count MAILDIR ID      how many Maildir files carry Message-ID <ID@lan.test>
  pop3-check PORT USER PASS MSGID SUBJECT BODY
                                read the mailbox with poplib; exactly one message with MSGID, its
                                subject and body as given
  soak-client PORT N ACKS SEED  send until N messages were answered 250 (one Message-ID per
                                attempt, reconnecting while the relay is down); ACKS gets
                                "ACK id sha" / "TRY id" lines, flushed at once
  soak-report MAILDIR ACKS [quick]
                                the soak's figures (JSON on stdout): acked, delivered, lost,
                                duplicates, unacked attempts that arrived, corrupt (not with quick)
"""
import email
import email.policy
import email.utils
import glob
import hashlib
import json
import os
import poplib
import random
import smtplib
import socket
import sys
import time
from email.message import EmailMessage

DOMAIN = "lan.test"


def msgid(i):
    return "<%s@%s>" % (i, DOMAIN)


def build(kind, ident, rng=None):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = "camera-7@" + DOMAIN
    m["To"] = "ops@example.com"
    m["Subject"] = "Câmera 7: movimento detectado (" + ident + ")"
    m["Date"] = email.utils.formatdate(localtime=False)
    m["Message-ID"] = msgid(ident)
    body = "Movimento na porta norte às 03:12.\n.linha que começa com ponto\n..duas\nFim de " + ident + ".\n"
    m.set_content(body)
    if kind == "attach":
        data = os.urandom(1048576)
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename="frame.bin")
    elif kind == "soak":
        size = rng.randint(200, 40000)
        m.set_content(body + "".join(rng.choice("abcdefghij .\n") for _ in range(size)))
    return m.as_bytes(policy=email.policy.SMTP)


def parse(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)


def digest(msg):
    """What must survive the relay: the text body and each attachment, decoded."""
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    parts = [hashlib.sha256(text.encode("utf-8")).hexdigest()]
    for a in msg.iter_attachments():
        parts.append("%s:%s" % (a.get_filename(), hashlib.sha256(a.get_payload(decode=True)).hexdigest()))
    return parts


def maildir_files(maildir):
    return glob.glob(os.path.join(maildir, "new", "*")) + glob.glob(os.path.join(maildir, "cur", "*"))


def message_id_of(path):
    with open(path, "rb") as f:
        head = f.read(16384).split(b"\n\n", 1)[0]
    for line in head.split(b"\n"):
        if line.lower().startswith(b"message-id:"):
            return line.split(b":", 1)[1].strip().decode("ascii", "replace")
    return None


def copies(maildir, ident):
    want = msgid(ident)
    return [p for p in maildir_files(maildir) if message_id_of(p) == want]


def cmd_make(kind, out, ident):
    with open(out, "wb") as f:
        f.write(build(kind, ident))


def cmd_smtplib(port, path):
    raw = open(path, "rb").read()
    s = smtplib.SMTP("127.0.0.1", int(port), timeout=60)
    try:
        s.ehlo("camera-7." + DOMAIN)
        refused = s.sendmail("camera-7@" + DOMAIN, ["ops@example.com"], raw)
        s.quit()
    except smtplib.SMTPException as e:
        print("smtplib: %s" % e)
        return 1
    if refused:
        print("refused: %r" % refused)
        return 1
    print("250 from the ingress")
    return 0


def cmd_maildir_check(maildir, ident, orig):
    found = copies(maildir, ident)
    if len(found) != 1:
        print("%d copies of %s in the Maildir" % (len(found), msgid(ident)))
        return 1
    raw = open(found[0], "rb").read()
    got, want = parse(raw), parse(open(orig, "rb").read())
    problems = []
    received = [str(r) for r in got.get_all("Received", [])]
    ours = [r for r in received if "(nanoRelay)" in r]
    if len(ours) != 1:
        problems.append("%d Received headers from nanoRelay in %r" % (len(ours), received))
    if str(got["Subject"]) != str(want["Subject"]):
        problems.append("subject %r" % str(got["Subject"]))
    if digest(got) != digest(want):
        problems.append("content differs: %r vs %r" % (digest(got), digest(want)))
    if problems:
        print("; ".join(problems))
        return 1
    print("1 copy, %s, body%s sha256 identical (%d octets)" % (
        ours[0].split(";")[0].replace("\n", " ").replace("\t", " "),
        " and attachment" if len(digest(want)) > 1 else "", len(raw)))
    return 0


def cmd_maildir_count(maildir, ident):
    print(len(copies(maildir, ident)))
    return 0


def cmd_pop3_check(port, user, password, want_id, subject, body):
    p = poplib.POP3("127.0.0.1", int(port), timeout=30)
    try:
        p.user(user)
        p.pass_(password)
        count, _ = p.stat()
        hits = []
        for i in range(1, count + 1):
            raw = b"\r\n".join(p.retr(i)[1])
            m = parse(raw)
            if str(m["Message-ID"]).strip() == want_id:
                hits.append(m)
        p.quit()
    except (poplib.error_proto, OSError) as e:
        print("poplib: %s" % e)
        return 1
    if len(hits) != 1:
        print("%d of %d messages carry %s" % (len(hits), count, want_id))
        return 1
    m = hits[0]
    text = m.get_body(("plain",)).get_content().replace("\r\n", "\n").rstrip("\n")
    if str(m["Subject"]) != subject or text != body:
        print("subject %r body %r" % (str(m["Subject"]), text))
        return 1
    print("read back by poplib: 1 of %d messages, subject and body as sent" % count)
    return 0


def cmd_soak_client(port, n, acks, seed):
    """Sends until n attempts were answered 250. Every attempt has its own Message-ID, so an
    attempt whose 250 was lost (the relay killed between its commit and the reply) is an
    unacknowledged message, not a duplicate of an acknowledged one."""
    rng = random.Random(int(seed))
    n = int(n)
    acked = attempt = failures = 0
    deadline = time.monotonic() + 180
    out = open(acks, "a")
    s = None
    while acked < n and time.monotonic() < deadline:
        if s is None:
            try:
                s = smtplib.SMTP("127.0.0.1", int(port), timeout=20)
                s.ehlo("camera-7." + DOMAIN)
            except (OSError, smtplib.SMTPException):
                s = None
                time.sleep(0.2)
                continue
        attempt += 1
        ident = "soak-%d-%d" % (acked + 1, attempt)
        raw = build("soak", ident, rng)
        out.write("TRY %s\n" % ident)
        out.flush()
        try:
            refused = s.sendmail("camera-7@" + DOMAIN, ["ops@example.com"], raw)
            if refused:
                raise smtplib.SMTPException("refused %r" % refused)
        except (OSError, smtplib.SMTPException):
            failures += 1
            try:
                s.close()
            except OSError:
                pass
            s = None
            continue
        acked += 1
        out.write("ACK %s %s\n" % (ident, ",".join(digest(parse(raw)))))
        out.flush()
        time.sleep(rng.uniform(0.02, 0.25))
    if s is not None:
        try:
            s.quit()
        except (OSError, smtplib.SMTPException):
            pass
    print("client: %d acknowledged, %d attempts, %d failed attempts" % (acked, attempt, failures))
    return 0 if acked == n else 1


def cmd_soak_report(maildir, acks, quick=None):
    tried, acked = [], {}
    for line in open(acks):
        f = line.split()
        if f[0] == "TRY":
            tried.append(f[1])
        elif f[0] == "ACK":
            acked[f[1]] = f[2]
    by_id = {}
    for p in maildir_files(maildir):
        mid = message_id_of(p)
        if mid and mid.startswith("<soak-"):
            by_id.setdefault(mid[1:-1].split("@")[0], []).append(p)
    lost = [i for i in acked if i not in by_id]
    corrupt = []
    for i, sha in ([] if quick else acked.items()):
        for p in by_id.get(i, []):
            if ",".join(digest(parse(open(p, "rb").read()))) != sha:
                corrupt.append(i)
    dups = {i: len(v) - 1 for i, v in by_id.items() if len(v) > 1}
    unacked = [i for i in tried if i not in acked]
    strangers = [i for i in by_id if i not in acked and i not in tried]
    report = {
        "acked": len(acked), "attempts": len(tried), "delivered_acked": len(acked) - len(lost),
        "lost": len(lost), "lost_ids": lost[:10], "corrupt": len(corrupt), "corrupt_ids": corrupt[:10],
        "duplicates": sum(dups.values()), "duplicate_ids": sorted(dups)[:10],
        "unacked": len(unacked), "unacked_arrived": len([i for i in unacked if i in by_id]),
        "strangers": len(strangers), "maildir_files": sum(len(v) for v in by_id.values()),
    }
    print(json.dumps(report))
    return 0


def main(argv):
    cmds = {"make": cmd_make, "smtplib": cmd_smtplib, "maildir-check": cmd_maildir_check,
            "maildir-count": cmd_maildir_count, "pop3-check": cmd_pop3_check,
            "soak-client": cmd_soak_client, "soak-report": cmd_soak_report}
    return cmds[argv[1]](*argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
