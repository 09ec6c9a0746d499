#!/usr/bin/python3
"""HTTP webhook receiver for nhacviec's tests, on 127.0.0.1 with an ephemeral port.

Prints the port on stdout when ready. Every POST is recorded in OUTDIR as N.json
(path, headers, base64 body, client port) before the answer goes out, so a call
that has returned is already on disk. Paths:
  /ok 200 · /fail 500 · /bad 400 · /busy 429 Retry-After: 120
  /busy-date 503 Retry-After: Wed, 21 Oct 2015 07:28:00 GMT · /slow waits 30 s
  /redirect 307 to /ok · /redirect-ftp 307 to ftp://
Options after OUTDIR: --no-record (answer only), --service-ms N (every call takes
N ms to serve, as a real receiver does; calls are served in parallel).
"""
import base64
import itertools
import json
import signal
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A test runner's threads may block SIGTERM, and children inherit the mask.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

OUTDIR = sys.argv[1]
RECORD = "--no-record" not in sys.argv[2:]  # benchmarks: answer only
SERVICE = 0.0
if "--service-ms" in sys.argv[2:]:
    SERVICE = float(sys.argv[sys.argv.index("--service-ms") + 1]) / 1000
counter = itertools.count(1)
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One write per response (buffered, flushed by the server after the handler)
    # and no Nagle: otherwise headers and body go out as two segments and the
    # client's delayed ACK adds ~40 ms to every call.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with lock:
            n = next(counter)
        record = {
            "path": self.path,
            "headers": [[k, v] for k, v in self.headers.items()],
            "body": base64.b64encode(body).decode(),
            "client_port": self.client_address[1],
        }
        if RECORD:
            tmp = os.path.join(OUTDIR, "%d.tmp" % n)
            with open(tmp, "w") as f:
                json.dump(record, f)
            os.rename(tmp, os.path.join(OUTDIR, "%d.json" % n))

        extra = []
        if SERVICE:
            time.sleep(SERVICE)
        if self.path == "/ok":
            status = 200
        elif self.path == "/fail":
            status = 500
        elif self.path == "/bad":
            status = 400
        elif self.path == "/busy":
            status, extra = 429, [("Retry-After", "120")]
        elif self.path == "/busy-date":
            status, extra = 503, [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")]
        elif self.path == "/slow":
            time.sleep(30)
            status = 200
        elif self.path == "/redirect":
            status, extra = 307, [("Location", "/ok")]
        elif self.path == "/redirect-ftp":
            status, extra = 307, [("Location", "ftp://127.0.0.1/x")]
        else:
            status = 404
        reply = ("status %d" % status).encode()
        try:
            self.send_response(status)
            for k, v in extra:
                self.send_header(k, v)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
