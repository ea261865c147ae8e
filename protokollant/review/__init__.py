"""Review web page: all action items of the register, filterable, editable.

    app = create_app(Path("outbox"))          # FastAPI app
    uvicorn.run(app, host="127.0.0.1", port=8765)

GET  /              German table of action items; filters via query (institution, status, meeting, overdue)
POST /items/{id}    change status / responsible / due / note (form, CSRF-protected), 303 back to / with filters
POST /sammel        bulk status change for the ticked items (same CSRF/origin checks)
POST /name          remember the reviewer's name in a cookie (asked once; recorded with every change)
GET  /export.<format>        the filtered items in each downloadable format of protokollant.outputs

Who reviews: the name from the ``protokollant_name`` cookie (asked once on the
page), else the ``by`` given to create_app, else – on this machine only – the
OS user running the page. With remote access there is no sensible default:
changes are refused until a name is given.

CSRF: a random per-browser nonce lives in an HttpOnly, SameSite=Strict cookie;
every form carries HMAC(secret, nonce) in a hidden field. POSTs without a valid
token are rejected (403), as are POSTs whose Origin/Referer is not this app's
own host. The Host header must be exactly one of ``allowed_hosts`` (against
DNS rebinding; a wildcard address such as 0.0.0.0 is never a valid Host). No
JavaScript, no external resources; everything autoescaped; every HTML response
carries a strict Content-Security-Policy, every response ``nosniff``.

Request bodies: a declared Content-Length above MAX_FORM_BYTES is refused
with 413 before anything is read; a body without one is read in chunks and
refused as soon as it passes the limit.

Access from other machines (``access_token``): every request must carry the
secret, as HTTP Basic password (any user name; the browser asks once) or as
``Authorization: Bearer``; the CLI only binds a non-loopback address with
``--allow-remote``, a token and the host names to accept.
"""
from __future__ import annotations

from .app import BY, ERROR_TEMPLATE, TEMPLATE, create_app
from .forms import FILTER_KEYS, MAX_NAME_CHARS, NAME_COOKIE
from .security import COOKIE, DEFAULT_ALLOWED_HOSTS, MAX_FORM_BYTES, MIN_TOKEN_CHARS, SECURITY_HEADERS, TOKEN_FIELD, is_loopback

__all__ = [
    "BY", "COOKIE", "DEFAULT_ALLOWED_HOSTS", "ERROR_TEMPLATE", "FILTER_KEYS", "MAX_FORM_BYTES", "MAX_NAME_CHARS", "MIN_TOKEN_CHARS",
    "NAME_COOKIE", "SECURITY_HEADERS", "TEMPLATE", "TOKEN_FIELD", "create_app", "is_loopback",
]
