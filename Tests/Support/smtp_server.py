#!/usr/bin/python3
"""SMTP sink for nhacviec's tests (aiosmtpd), on 127.0.0.1 with an ephemeral port.

Prints the port on stdout when ready. Each accepted message is written to OUTDIR
as N.eml (the raw DATA bytes) and N.json (envelope and session facts).

  smtp_server.py OUTDIR [--tls CERT KEY] [--auth USER PASSWORD] [--port N]
  Recipients whose address contains "reject" get 550, "tempfail" get 450.
  --stall TEXT: a recipient containing TEXT never gets its reply to RCPT (the
  session hangs, as behind a dead link); "@" stalls every message.
  --delay SECONDS: wait that long before answering each DATA (a slow server).
  --stall-data TEXT: a message to a recipient containing TEXT is read whole but
  the reply to its end of data does not come (the server hangs after the message)
  until the client gives up, or until a file named `release-stall` appears in
  OUTDIR (then it gets 451). While it hangs, OUTDIR/stall-N.active exists; when the
  hang ends it becomes stall-N.ended: tests check what happened while a session
  hung by order, not by the clock.
"""
import argparse
import asyncio
import json
import signal
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


args_implicit_tls = False


class Handler:
    def __init__(self, outdir, stall=None, delay=0.0, stall_data=None):
        self.outdir = outdir
        self.count = 0
        self.stall = stall
        self.delay = delay
        self.stall_data = stall_data
        self.stalls = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.stall and self.stall in address:
            await asyncio.sleep(3600)
        if "reject" in address:
            return "550 5.1.1 <%s>: Recipient address rejected: no such user" % address
        if "tempfail" in address:
            return "450 4.2.1 <%s>: mailbox busy, try later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def hang(self):
        """Holds the reply to the end of data until `release-stall` appears (451) or
        the client closes the connection (aiosmtpd then cancels this coroutine)."""
        self.stalls += 1
        marker = os.path.join(self.outdir, "stall-%d" % self.stalls)
        open(marker + ".active", "w").close()
        try:
            while not os.path.exists(os.path.join(self.outdir, "release-stall")):
                await asyncio.sleep(0.05)
            return "451 4.3.0 released from the stall; try again later"
        finally:
            os.rename(marker + ".active", marker + ".ended")

    async def handle_DATA(self, server, session, envelope):
        if self.stall_data and any(self.stall_data in address for address in envelope.rcpt_tos):
            if not os.path.exists(os.path.join(self.outdir, "release-stall")):
                return await self.hang()
            return "451 4.3.0 released from the stall; try again later"
        if self.delay:
            await asyncio.sleep(self.delay)
        self.count += 1
        base = os.path.join(self.outdir, str(self.count))
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "peer_port": session.peer[1],
            "tls": session.ssl is not None or args_implicit_tls,
            "authenticated": bool(getattr(session, "authenticated", False)),
            "login": (session.auth_data.login.decode()
                      if isinstance(getattr(session, "auth_data", None), LoginPassword) else None),
        }
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".eml.tmp", base + ".eml")
        os.rename(base + ".json.tmp", base + ".json")
        return "250 2.0.0 Ok: queued as nv%d" % self.count


def main():
    # A test runner's threads may block SIGTERM, and children inherit the mask.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", nargs=2, metavar=("USER", "PASSWORD"))
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps)")
    parser.add_argument("--port", type=int, default=0, help="a fixed port (default: an ephemeral one)")
    parser.add_argument("--stall", help="never answer RCPT for recipients containing this text")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before answering DATA")
    parser.add_argument("--stall-data", help="never answer the end of DATA for recipients containing this text")
    args = parser.parse_args()

    context = None
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls[0], args.tls[1])

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == args.auth[0]
              and auth_data.password.decode() == args.auth[1])
        # handled=False: let aiosmtpd send its own 535 reply on failure.
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    global args_implicit_tls
    args_implicit_tls = args.implicit_tls
    handler = Handler(args.outdir, stall=args.stall, delay=args.delay, stall_data=args.stall_data)

    def factory():
        starttls_context = None if args.implicit_tls else context
        kwargs = dict(hostname="sink.test", tls_context=starttls_context, require_starttls=False)
        if args.auth:
            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=True)
        else:
            kwargs.update(auth_require_tls=False)
        return SMTP(handler, **kwargs)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=args.port, ssl=context if args.implicit_tls else None))
    print(server.sockets[0].getsockname()[1], flush=True)
    loop.run_forever()


if __name__ == "__main__":
    sys.exit(main())
