#!/usr/bin/env python3
"""Test helper for the Dovecot tests, with Python's imaplib (an IMAP client independent of nhacviec).

  imap_tool.py ports N                                   N free TCP ports on 127.0.0.1, one per line
  imap_tool.py append PORT USER PASSWORD MAILBOX FILE…   APPEND each file (bytes as they are)
  imap_tool.py dump PORT USER PASSWORD                   JSON {folder: [{"uid","flags","size"}…]}
  imap_tool.py expunge PORT USER PASSWORD MAILBOX UID…   delete and expunge the messages with these UIDs
"""
import imaplib, json, re, socket, sys

def connect(port, user, password):
    m = imaplib.IMAP4("127.0.0.1", int(port))
    m.login(user, password)
    return m

cmd = sys.argv[1]
if cmd == "ports":
    sockets = []
    for _ in range(int(sys.argv[2])):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
    for s in sockets:
        print(s.getsockname()[1])
    for s in sockets:
        s.close()
elif cmd == "append":
    port, user, password, mailbox = sys.argv[2:6]
    m = connect(port, user, password)
    for path in sys.argv[6:]:
        with open(path, "rb") as f:
            typ, data = m.append(mailbox, None, None, f.read())
        if typ != "OK":
            sys.exit("APPEND failed: %r" % (data,))
    m.logout()
elif cmd == "dump":
    port, user, password = sys.argv[2:5]
    m = connect(port, user, password)
    typ, lines = m.list()
    result = {}
    for line in lines:
        text = line.decode()
        match = re.match(r'\((?P<flags>[^)]*)\) "(?P<sep>[^"]*)" (?P<name>.*)$', text)
        if not match or "\\Noselect" in match.group("flags"):
            continue
        name = match.group("name").strip('"')
        m.select('"%s"' % name, readonly=True)
        typ, data = m.uid("FETCH", "1:*", "(UID FLAGS RFC822.SIZE)")
        messages = []
        for item in data or []:
            if not item:
                continue
            entry = item.decode() if isinstance(item, bytes) else item[0].decode()
            uid = re.search(r"UID (\d+)", entry)
            flags = re.search(r"FLAGS \(([^)]*)\)", entry)
            if uid:
                messages.append({"uid": int(uid.group(1)), "flags": flags.group(1).split() if flags else []})
        result[name.replace(match.group("sep"), "/") if match.group("sep") not in ("", "NIL") else name] = messages
    m.logout()
    print(json.dumps(result))
elif cmd == "expunge":
    port, user, password, mailbox = sys.argv[2:6]
    m = connect(port, user, password)
    m.select(mailbox)
    typ, data = m.uid("STORE", ",".join(sys.argv[6:]), "+FLAGS.SILENT", "(\\Deleted)")
    if typ != "OK":
        sys.exit("STORE failed: %r" % (data,))
    m.expunge()
    m.logout()
else:
    sys.exit("unknown command " + cmd)
