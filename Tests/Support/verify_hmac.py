#!/usr/bin/python3
"""Checks an X-Nhacviec-Signature with Python's hmac module.
Usage: verify_hmac.py SECRET TIMESTAMP BODY_BASE64 SIGNATURE; exit 0 if it matches."""
import base64
import hashlib
import hmac
import sys

secret, timestamp, body, signature = sys.argv[1:5]
mac = hmac.new(secret.encode(), timestamp.encode() + b"." + base64.b64decode(body), hashlib.sha256)
ok = hmac.compare_digest("sha256=" + mac.hexdigest(), signature)
print("match" if ok else "mismatch: expected sha256=" + mac.hexdigest())
sys.exit(0 if ok else 1)
