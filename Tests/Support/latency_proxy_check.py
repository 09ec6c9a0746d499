#!/usr/bin/python3
"""Checks latency_proxy.py against an echo server of its own, through the real
script in a child process: the delay is applied each way (and once more for a new
connection), bytes pass intact in both directions, pipelined traffic is not
serialised (latency, not a bandwidth cap), and SIGTERM stops the proxy cleanly.

usage: latency_proxy_check.py [--delay-ms MS]
Prints one line per check and exits 0 when all pass, 1 otherwise. Timing checks
have a floor (the physics: never faster than the delay) and a generous ceiling,
since the machine may be busy.
"""
import argparse
import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time

signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
HERE = os.path.dirname(os.path.abspath(__file__))
GREETING = b"220 echo ready\r\n"


def echo_server():
    """Sends a greeting, then echoes everything; returns its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)

    def serve(conn):
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.sendall(GREETING)
        while True:
            data = conn.recv(1 << 16)
            if not data:
                break
            conn.sendall(data)
        conn.shutdown(socket.SHUT_WR)
        conn.close()

    def accept():
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return listener.getsockname()[1]


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(min(1 << 16, count - len(data)))
        if not chunk:
            raise RuntimeError(f"closed after {len(data)} of {count} bytes")
        data += chunk
    return data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay-ms", type=float, default=50)
    args = parser.parse_args()
    delay = args.delay_ms / 1000
    failures = []

    def check(name, ok, detail):
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)
        if not ok:
            failures.append(name)

    target = echo_server()
    proxy = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "latency_proxy.py"), f"127.0.0.1:{target}", "--delay-ms", str(args.delay_ms)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        port = int(proxy.stdout.readline())

        # A new connection: one round trip of "handshake", then the greeting's one way.
        start = time.monotonic()
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        greeting = read_exactly(sock, len(GREETING))
        elapsed = time.monotonic() - start
        check("greeting after a new connection", greeting == GREETING and 3 * delay <= elapsed < 3 * delay + 1.5,
              f"{elapsed * 1000:.0f} ms (expected >= {3 * args.delay_ms:.0f} ms)")

        # One exchange costs a round trip.
        times = []
        for _ in range(5):
            start = time.monotonic()
            sock.sendall(b"ping\r\n")
            assert read_exactly(sock, 6) == b"ping\r\n"
            times.append(time.monotonic() - start)
        best = min(times)
        check("one request and its reply", 2 * delay <= best < 2 * delay + 1.0,
              f"best of 5 {best * 1000:.0f} ms (expected >= {2 * args.delay_ms:.0f} ms)")

        # 200 requests sent back to back arrive about one round trip later, not 200.
        start = time.monotonic()
        for index in range(200):
            sock.sendall(b"line %03d\r\n" % index)
        replies = read_exactly(sock, 200 * 10)
        elapsed = time.monotonic() - start
        expected = b"".join(b"line %03d\r\n" % index for index in range(200))
        check("pipelined requests are not serialised", replies == expected and elapsed < 20 * 2 * delay + 1.0,
              f"200 lines in {elapsed * 1000:.0f} ms (one at a time would take {400 * args.delay_ms:.0f} ms)")

        # 4 MiB of random bytes in chunks of random sizes, echoed back intact.
        payload = random.Random(7).randbytes(4 << 20)
        received = bytearray()

        def receive():
            while len(received) < len(payload):
                chunk = sock.recv(1 << 16)
                if not chunk:
                    break
                received.extend(chunk)

        reader = threading.Thread(target=receive)
        reader.start()
        offset = 0
        rng = random.Random(11)
        while offset < len(payload):
            size = rng.choice([1, 7, 512, 1400, 65536, 300000])
            sock.sendall(payload[offset:offset + size])
            offset += size
        reader.join(timeout=60)
        check("bytes intact both ways", hashlib.sha256(received).digest() == hashlib.sha256(payload).digest(),
              f"{len(received)} of {len(payload)} bytes back, sha256 {'equal' if bytes(received) == payload else 'differs'}")

        # A half-close passes through: the echo server sees EOF and closes its side.
        sock.shutdown(socket.SHUT_WR)
        rest = sock.recv(16)
        check("half-close passes through", rest == b"", f"read after shutdown: {rest!r}")
        sock.close()

        proxy.send_signal(signal.SIGTERM)
        code = proxy.wait(timeout=10)
        stats = proxy.stderr.read().decode()
        check("SIGTERM stops it", code == 0 and "1 connections" in stats, f"exit {code}; {stats.strip()}")
    finally:
        if proxy.poll() is None:
            proxy.kill()
            proxy.wait()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
