#!/usr/bin/python3
"""A plain-text IMAP proxy on 127.0.0.1 that holds one command: the first client
line matching HOLD (a Python regex, searched in the line) is never passed on and
never answered, so the client blocks as if the server stalled exactly there. When
it is held, MARKER is created (tests wait for it, then kill -9 the client or send
it a signal). Everything else passes both ways unchanged. Prints the port on
stdout when ready; ends on SIGTERM/SIGINT/SIGKILL.

usage: imap_hold_proxy.py UPSTREAM_PORT --hold REGEX --marker FILE
"""
import argparse
import asyncio
import re
import signal

signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("upstream", type=int)
    parser.add_argument("--hold", required=True)
    parser.add_argument("--marker", required=True)
    args = parser.parse_args()
    hold = re.compile(args.hold.encode(), re.IGNORECASE)
    held = asyncio.Event()

    async def down(reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def serve(client_reader, client_writer):
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", args.upstream)
        task = asyncio.create_task(down(upstream_reader, client_writer))
        try:
            # Line by line (IMAP commands end in CRLF; literals pass as lines too).
            while line := await client_reader.readline():
                if not held.is_set() and hold.search(line):
                    held.set()
                    open(args.marker, "w").close()
                    await asyncio.sleep(3600)
                upstream_writer.write(line)
                await upstream_writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            upstream_writer.close()
            task.cancel()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stop.set)
    async with server:
        await stop.wait()


asyncio.run(main())
