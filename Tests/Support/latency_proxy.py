#!/usr/bin/python3
"""A TCP proxy on 127.0.0.1 that adds pure latency: every chunk is held for a fixed
time in each direction, then passed on whole and in order. No bandwidth limit, no
loss, no reordering: what a distant server costs in round trips, on a machine
whose kernel has no netem.

usage: latency_proxy.py TARGET_HOST:PORT --delay-ms MS [--port N]

MS is one way; a round trip costs 2 x MS. A new connection also costs one round
trip before the target sees it (TCP's handshake to a distant server): the proxy
connects upstream after 2 x MS, and bytes the client sent before then leave at
that moment. Prints the port on stdout when ready; on SIGTERM or SIGINT it closes
everything and prints, on stderr, the connections and bytes it passed each way.
"""
import argparse
import asyncio
import signal
import socket
import sys
import time

# A test runner's threads may block SIGTERM, and children inherit the mask.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

CHUNK = 1 << 16
stats = {"connections": 0, "up": 0, "down": 0}


def no_delay(writer):
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


async def pump(reader, writer, delay, direction, not_before):
    """Reads chunks as they come and writes each `delay` seconds after it arrived
    (and not before `not_before`, a loop time). Reading and writing run apart, so a
    chunk in flight never holds up the next one: latency adds, it never queues."""
    queue = asyncio.Queue()
    loop = asyncio.get_running_loop()

    async def read():
        try:
            while True:
                data = await reader.read(CHUNK)
                await queue.put((max(loop.time() + delay, not_before), data))
                if not data:
                    return
        except (ConnectionError, OSError):
            await queue.put((loop.time(), b""))

    async def write():
        try:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                stats[direction] += len(data)
                await writer.drain()
        except (ConnectionError, OSError):
            return

    reading = asyncio.create_task(read())
    try:
        await write()
    finally:
        reading.cancel()


async def handle(client_reader, client_writer, target, delay):
    stats["connections"] += 1
    no_delay(client_writer)
    loop = asyncio.get_running_loop()
    upstream_at = loop.time() + 2 * delay
    # Client bytes arriving during the "handshake" wait in the pump's queue.
    upstream = asyncio.get_running_loop().create_future()

    async def client_to_server():
        reader, writer = await upstream
        await pump(client_reader, writer, delay, "up", upstream_at)

    async def connect():
        await asyncio.sleep(max(0.0, upstream_at - loop.time()))
        try:
            reader, writer = await asyncio.open_connection(*target)
        except OSError as error:
            upstream.set_exception(error)
            return None
        no_delay(writer)
        upstream.set_result((reader, writer))
        return reader, writer

    up = asyncio.create_task(client_to_server())
    connected = await connect()
    if connected is None:
        up.cancel()
        client_writer.close()
        return
    server_reader, server_writer = connected
    down = asyncio.create_task(pump(server_reader, client_writer, delay, "down", 0.0))
    try:
        await asyncio.gather(up, down, return_exceptions=True)
    finally:
        for writer in (client_writer, server_writer):
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("target", help="HOST:PORT to forward to")
    parser.add_argument("--delay-ms", type=float, required=True, help="one-way delay in milliseconds")
    parser.add_argument("--port", type=int, default=0, help="a fixed port (default: an ephemeral one)")
    args = parser.parse_args()
    host, _, port = args.target.rpartition(":")
    target = (host or "127.0.0.1", int(port))
    delay = args.delay_ms / 1000.0

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, target, delay), "127.0.0.1", args.port, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    started = time.monotonic()
    async with server:
        await stop.wait()
    print(f"latency_proxy: {stats['connections']} connections, {stats['up']} bytes up, "
          f"{stats['down']} bytes down in {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    asyncio.run(main())
