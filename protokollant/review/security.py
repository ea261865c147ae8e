"""The review page's protection: host check, access token, CSRF token and origin, body size,
security headers (see the package docstring)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
from urllib.parse import urlsplit

from fastapi import Request

COOKIE = "protokollant_review"
TOKEN_FIELD = "csrf_token"
DEFAULT_ALLOWED_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_FORM_BYTES = 64 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", "", "*"})
MIN_TOKEN_CHARS = 16


def is_loopback(host: str) -> bool:
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def authorized(header: str, token: str) -> bool:
    """``Authorization`` carries the token (Bearer, or Basic with the token as password)."""
    scheme, _, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() == "basic":
        try:
            value = base64.b64decode(value, validate=True).decode("utf-8").partition(":")[2]
        except (ValueError, UnicodeDecodeError):
            return False
    elif scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(value.encode("utf-8"), token.encode("utf-8"))


def hostname(host_header: str) -> str:
    """Host without port ("[::1]:8765" -> "::1")."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def length_ok(value: str | None) -> bool:
    if value is None:
        return True
    return value.strip().isdigit() and int(value) <= MAX_FORM_BYTES


def token_for(secret: bytes, nonce: str) -> str:
    """The CSRF token of a browser: HMAC(secret, the nonce in its cookie)."""
    return hmac.new(secret, nonce.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_valid(secret: bytes, nonce: str, sent: str) -> bool:
    """The form's token belongs to the browser's nonce (compared in constant time)."""
    return bool(nonce and sent) and hmac.compare_digest(sent.encode("utf-8", "replace"), token_for(secret, nonce).encode())


def same_origin(request: Request) -> bool:
    """Origin (or Referer) is this app's own host; a client sending neither relies on the token alone."""
    own = request.headers.get("host", "").lower()
    origin = request.headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        return origin != "null" and parts.scheme in ("http", "https") and parts.netloc.lower() == own
    referer = request.headers.get("referer")
    if referer is not None:
        return urlsplit(referer).netloc.lower() == own
    return True  # non-browser client: the token alone protects
