#!/usr/bin/python3
"""A stand-in for systemd's notify socket: receives sd_notify datagrams.

  notify_listener.py SOCKET OUTFILE
Binds a Unix datagram socket at SOCKET, prints "0" when ready (the tests' port
line), and appends each datagram to OUTFILE as one line (newlines inside a
datagram become " | ").
"""
import os
import signal
import socket
import sys

signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
path, outfile = sys.argv[1], sys.argv[2]
if os.path.exists(path):
    os.unlink(path)
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
print(0, flush=True)
while True:
    data, _ = sock.recvfrom(4096)
    with open(outfile, "a") as f:
        f.write(data.decode(errors="replace").replace("\n", " | ") + "\n")
