#!/usr/bin/env python3
"""TCP relay for the study's own notebook client (FbComm) against the link
firmware in QEMU.

FbComm's TCP path sends a request with one sendall() and reads the reply with
one recv(1024); QEMU's UART model writes its socket one byte at a time, so a
direct connection would hand FbComm the first byte only. This relay accepts
FbComm on --listen (default 127.0.0.1:32001, FbComm's default), forwards each
request to QEMU's link socket unchanged, collects QEMU's reply until the line
has been quiet for --quiet seconds, and sends it to FbComm in one piece.

    qemu-system-arm -M mps2-an500 -nographic -monitor none -semihosting -icount shift=0 \\
        -serial null -serial unix:/tmp/link.sock,server=on,wait=off \\
        -kernel build/host/firmware-m7/firmware/link/tinyinfer-link-qemu-mps2-an500.elf &
    tools/link/study_relay.py --qemu /tmp/link.sock &
    python3 -c "from FbComm import FbComm; FbComm(ip='127.0.0.1', port=32001).reqStats()"

Only the Python standard library; one client at a time.
"""
import argparse
import select
import socket
import sys


def read_reply(qemu, first_timeout, quiet):
    """Bytes from QEMU: wait up to first_timeout for the first, then until quiet."""
    reply = b""
    timeout = first_timeout
    while True:
        ready, _, _ = select.select([qemu], [], [], timeout)
        if not ready:
            return reply
        chunk = qemu.recv(4096)
        if not chunk:
            return reply
        reply += chunk
        timeout = quiet


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--qemu", required=True, help="QEMU's link socket: a Unix socket path or HOST:PORT")
    parser.add_argument("--listen", default="127.0.0.1:32001", help="where FbComm connects (default %(default)s)")
    parser.add_argument("--quiet", type=float, default=0.3, help="seconds of silence that end a reply")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a reply's first byte")
    args = parser.parse_args()

    if ":" in args.qemu and not args.qemu.startswith("/"):
        host, port = args.qemu.rsplit(":", 1)
        qemu = socket.create_connection((host, int(port)))
    else:
        qemu = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        qemu.connect(args.qemu)
    host, port = args.listen.rsplit(":", 1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, int(port)))
    server.listen(1)
    print(f"relay: FbComm on {args.listen} <-> QEMU {args.qemu}", file=sys.stderr, flush=True)
    while True:
        client, _ = server.accept()
        with client:
            while True:
                request = client.recv(8192)
                if not request:
                    break
                # A request that arrives in pieces: take what follows at once.
                while select.select([client], [], [], 0.05)[0]:
                    more = client.recv(8192)
                    if not more:
                        break
                    request += more
                qemu.sendall(request)
                reply = read_reply(qemu, args.timeout, args.quiet)
                print(f"relay: request {len(request)} bytes, reply {len(reply)} bytes", file=sys.stderr, flush=True)
                client.sendall(reply)


if __name__ == "__main__":
    main()
