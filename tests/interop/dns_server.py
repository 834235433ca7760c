#!/usr/bin/env python3
"""dns_server.py -- a small authoritative DNS server for 60-mx-delivery.sh, on 127.0.0.1 only.

  dns_server.py PORT ZONE LOG

Answers UDP and TCP (RFC 7766: two-octet length prefix) queries on 127.0.0.1:PORT from ZONE, a
text file of lines "NAME TYPE VALUE" (TYPE MX: VALUE "PREF HOST", "0 ." is a null MX; A: an IPv4
address) and "NAME TC" (over UDP the answer for NAME is only the header with TC=1, so the client
must ask again over TCP). Names not in the zone get NXDOMAIN; a name with records of another type
gets NOERROR with no answer (NODATA). Every query is logged to LOG as "udp|tcp NAME TYPE rcode
answers [tc]". Messages are built by hand (RFC 1035 §4.1); the answer's owner is a pointer to the
question (§4.1.4). It stops by itself after 600 s.
"""
import socket
import struct
import sys
import threading
import time

TYPES = {1: "A", 15: "MX", 28: "AAAA", 5: "CNAME"}


def load(path):
    zone, tc = {}, set()
    for line in open(path):
        parts = line.split()
        if len(parts) < 2 or parts[0].startswith("#"):
            continue
        name = parts[0].lower().rstrip(".")
        if parts[1] == "TC":
            tc.add(name)
            continue
        zone.setdefault(name, []).append((parts[1], parts[2:]))
    return zone, tc


def encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode("ascii")
    return out + b"\0"


def parse_question(msg):
    pos, labels = 12, []
    while msg[pos] != 0:
        n = msg[pos]
        labels.append(msg[pos + 1:pos + 1 + n].decode("ascii"))
        pos += 1 + n
    qtype, qclass = struct.unpack("!HH", msg[pos + 1:pos + 5])
    return ".".join(labels).lower(), qtype, msg[12:pos + 5]


def answer(msg, zone, tc_names, over_udp):
    ident = msg[:2]
    name, qtype, question = parse_question(msg)
    flags = 0x8400 | (msg[2] & 0x01) << 8   # QR, AA, copy RD
    records = []
    if name not in zone:
        rcode = 3
    else:
        rcode = 0
        for rtype, value in zone[name]:
            if TYPES.get(qtype) != rtype:
                continue
            if rtype == "MX":
                rdata = struct.pack("!H", int(value[0])) + encode_name(value[1] if value[1] != "." else "")
            elif rtype == "A":
                rdata = socket.inet_aton(value[0])
            else:
                continue
            records.append(b"\xc0\x0c" + struct.pack("!HHIH", qtype, 1, 300, len(rdata)) + rdata)
    tc = over_udp and name in tc_names
    if tc:
        flags |= 0x0200
        records = []
    header = ident + struct.pack("!HHHHH", flags | rcode, 1, len(records), 0, 0)
    return header + question + b"".join(records), "%s %s %s %d %d%s" % (
        "udp" if over_udp else "tcp", name, TYPES.get(qtype, qtype), rcode, len(records), " tc" if tc else "")


def main(port, zone_path, log_path):
    zone, tc_names = load(zone_path)
    log = open(log_path, "a", buffering=1)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", port))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind(("127.0.0.1", port))
    tcp.listen(8)

    def serve_tcp():
        while True:
            conn, _ = tcp.accept()
            conn.settimeout(5)
            try:
                size = struct.unpack("!H", conn.recv(2, socket.MSG_WAITALL))[0]
                msg = conn.recv(size, socket.MSG_WAITALL)
                reply, line = answer(msg, zone, tc_names, False)
                conn.sendall(struct.pack("!H", len(reply)) + reply)
                log.write(line + "\n")
            except (OSError, struct.error, IndexError, UnicodeDecodeError) as e:
                log.write("tcp error %s\n" % e)
            finally:
                conn.close()

    threading.Thread(target=serve_tcp, daemon=True).start()
    end = time.time() + 600
    udp.settimeout(1)
    while time.time() < end:
        try:
            msg, peer = udp.recvfrom(512)
        except socket.timeout:
            continue
        try:
            reply, line = answer(msg, zone, tc_names, True)
        except (IndexError, struct.error, UnicodeDecodeError) as e:
            log.write("udp error %s\n" % e)
            continue
        udp.sendto(reply, peer)
        log.write(line + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3])
