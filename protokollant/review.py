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

import base64
import datetime as dt
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from . import outputs
from .errors import ProtokollantError
from .german import format_date
from .references import SourceLabels
from .register import REMOVED, STATUS_LABELS_DE, STATUSES, InvalidValueError, ItemView, Register, UnknownItemError

TEMPLATE = "review.html.j2"
ERROR_TEMPLATE = "review_error.html.j2"
COOKIE = "protokollant_review"
TOKEN_FIELD = "csrf_token"
BY = "Prüfseite"
NAME_COOKIE = "protokollant_name"
MAX_NAME_CHARS = 80
FILTER_KEYS = ("institution", "status", "meeting", "overdue")
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


def _authorized(header: str, token: str) -> bool:
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


def _hostname(host_header: str) -> str:
    """Host without port ("[::1]:8765" -> "::1")."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _length_ok(value: str | None) -> bool:
    if value is None:
        return True
    return value.strip().isdigit() and int(value) <= MAX_FORM_BYTES


def _filters(query: dict[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """The known, non-empty filter values of a query."""
    pairs = query.items() if isinstance(query, dict) else query
    out: dict[str, str] = {}
    for key, value in pairs:
        if key in FILTER_KEYS and value and value.strip() and key not in out:
            out[key] = value.strip()[:200]
    return out


def _list(reg: Register, filters: dict[str, str]) -> list[ItemView]:
    return reg.list_items(
        status=filters.get("status") or None,
        institution=filters.get("institution") or None,
        overdue=True if filters.get("overdue") else None,
        meeting=filters.get("meeting") or None,
    )


def _clean_name(raw: str | None) -> str:
    """A reviewer name as stored: printable, single-spaced, at most MAX_NAME_CHARS."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(text.split())[:MAX_NAME_CHARS]


def _cookie_name(request: Request) -> str:
    from urllib.parse import unquote

    return _clean_name(unquote(request.cookies.get(NAME_COOKIE, "")))


def _same_due(text: str, current: dt.date | None) -> bool:
    """Is the submitted deadline (TT.MM.JJJJ or JJJJ-MM-TT, empty = none) the current one?"""
    from .register import parse_due

    text = text.strip()
    if not text:
        return current is None
    try:
        return parse_due(text) == current
    except InvalidValueError:
        return False  # set_item reports the invalid date


def create_app(
    outbox: Path,
    *,
    secret: bytes | None = None,
    allowed_hosts: Sequence[str] | None = None,
    today: Callable[[], dt.date] | None = None,
    by: str | None = None,
    access_token: str | None = None,
) -> FastAPI:
    """The review app for the register of ``outbox`` (or PROTOKOLLANT_REGISTER_URL).

    ``access_token``: required on every request (see module doc); needed for any non-loopback host.
    """
    from .render import get_environment

    secret = secret or secrets.token_bytes(32)
    hosts = {h.lower().strip("[]") for h in (allowed_hosts or DEFAULT_ALLOWED_HOSTS)} - WILDCARD_HOSTS
    if access_token is not None and len(access_token) < MIN_TOKEN_CHARS:
        raise ValueError(f"Zugangsschlüssel zu kurz (mindestens {MIN_TOKEN_CHARS} Zeichen).")
    if access_token is None and not all(is_loopback(h) for h in hosts):
        raise ValueError("Zugriff von anderen Rechnern nur mit Zugangsschlüssel.")
    today_fn = today or dt.date.today
    if by is None and access_token is None:
        from .register import current_user

        by = current_user()  # on this machine: the person logged in, unless they give a name

    def reviewer(request: Request) -> str | None:
        return _cookie_name(request) or by
    app = FastAPI(title="Protokollant – Aufgaben prüfen", docs_url=None, redoc_url=None, openapi_url=None)

    def open_register() -> Register:
        return Register.open(outbox, today=today_fn)

    def token_for(nonce: str) -> str:
        return hmac.new(secret, nonce.encode("utf-8"), hashlib.sha256).hexdigest()

    def page(template: str, status_code: int = 200, **context) -> HTMLResponse:
        html = get_environment().get_template(template).render(**context)
        return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)

    def error(status_code: int, message: str, back: str = "/") -> HTMLResponse:
        titles = {400: "Ungültige Eingabe", 403: "Nicht erlaubt", 404: "Nicht gefunden", 413: "Zu groß", 500: "Fehler"}
        return page(ERROR_TEMPLATE, status_code, title=titles.get(status_code, "Fehler"), message=message, back=back)

    def plain(status_code: int, text: str, **headers: str) -> Response:
        return Response(text, status_code=status_code, media_type="text/plain; charset=utf-8", headers=headers)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if _hostname(request.headers.get("host", "")) not in hosts:
            response = plain(400, "Ungültiger Host.")
        elif access_token is not None and not _authorized(request.headers.get("authorization", ""), access_token):
            response = plain(401, "Zugangsschlüssel erforderlich.", **{"WWW-Authenticate": 'Basic realm="Protokollant", charset="UTF-8"'})
        elif not _length_ok(request.headers.get("content-length")):
            response = plain(413, "Anfrage zu groß.")  # refused before a byte of the body is read
        else:
            response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            for key, value in SECURITY_HEADERS.items():
                response.headers.setdefault(key, value)
        return response

    def same_origin(request: Request) -> bool:
        own = request.headers.get("host", "").lower()
        origin = request.headers.get("origin")
        if origin is not None:
            parts = urlsplit(origin)
            return origin != "null" and parts.scheme in ("http", "https") and parts.netloc.lower() == own
        referer = request.headers.get("referer")
        if referer is not None:
            return urlsplit(referer).netloc.lower() == own
        return True  # non-browser client: the token alone protects

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> Response:
        filters = _filters(request.query_params.multi_items())
        nonce = request.cookies.get(COOKIE)
        new_cookie = not nonce or len(nonce) > 100
        if new_cookie:
            nonce = secrets.token_urlsafe(32)
        try:
            with open_register() as reg:
                items = _list(reg, filters)
                all_items = reg.list_items(status=(*STATUSES, REMOVED))
        except InvalidValueError as e:
            return error(400, str(e))
        except ProtokollantError as e:
            return error(500, str(e))
        meetings: dict[str, str] = {}
        for it in all_items:
            label = " – ".join(x for x in (format_date(it.meeting_date), it.meeting_title or it.meeting_file) if x)
            meetings.setdefault(it.meeting_stem, label)
        institutions = sorted({i for it in all_items for i in it.institutions}, key=str.casefold)
        query = urlencode(filters)
        response = page(
            TEMPLATE,
            items=items,
            total=len(all_items),
            filters=filters,
            query=query,
            meetings=meetings,
            institutions=institutions,
            statuses=STATUSES,
            removed=REMOVED,
            labels=STATUS_LABELS_DE,
            token=token_for(nonce),
            token_field=TOKEN_FIELD,
            format_date=format_date,
            today=today_fn(),
            source_label=SourceLabels(outbox),
            downloads=outputs.downloads(),
            reviewer=_cookie_name(request) or by or "",
            name_asked=bool(_cookie_name(request)),
        )
        if new_cookie:
            response.set_cookie(COOKIE, nonce, httponly=True, samesite="strict", path="/")
        return response

    async def checked_form(request: Request) -> tuple[dict[str, list[str]], str] | Response:
        """The POSTed form (all values per key) and the way back, or the error response."""
        if not same_origin(request):
            return error(403, "Die Anfrage kommt nicht von dieser Prüfseite (fremde Herkunft).")
        body = bytearray()
        async for chunk in request.stream():  # no Content-Length (chunked): stop at the limit
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                return error(413, "Formular zu groß.")
        try:
            form = parse_qs(bytes(body).decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            return error(400, "Formular nicht lesbar (kein UTF-8).")
        nonce = request.cookies.get(COOKIE, "")
        sent = (form.get(TOKEN_FIELD) or [""])[0]
        if not nonce or not sent or not hmac.compare_digest(sent.encode("utf-8", "replace"), token_for(nonce).encode()):
            return error(403, "Sicherheitsmerkmal fehlt oder ist ungültig. Bitte die Seite neu laden und noch einmal speichern.")
        back_query = urlencode(_filters([(k, v[0]) for k, v in parse_qs((form.get("return") or [""])[0]).items()]))
        return form, "/" + (f"?{back_query}" if back_query else "")

    def who(request: Request, back: str) -> str | Response:
        name = reviewer(request)
        return name if name else error(400, "Bitte zuerst oben Ihren Namen angeben: er wird mit jeder Änderung gespeichert.", back)

    @app.post("/items/{item_id}")
    async def update(item_id: str, request: Request) -> Response:
        checked = await checked_form(request)
        if isinstance(checked, Response):
            return checked
        multi, back = checked
        form = {k: v[0] for k, v in multi.items()}
        name = who(request, back)
        if isinstance(name, Response):
            return name
        try:
            with open_register() as reg:
                current = reg.get_item(item_id)
                changes: dict[str, str] = {}
                status = form.get("status")
                if status is not None and status != current.status:
                    changes["status"] = status
                responsible = form.get("responsible")
                if responsible is not None and responsible.strip() != "; ".join(current.responsible):
                    changes["responsible"] = responsible
                due = form.get("due")
                if due is not None and not _same_due(due, current.due_date):
                    changes["due"] = due
                note = form.get("note")
                if note is not None and note.strip() != (current.note or ""):
                    changes["note"] = note
                if changes:
                    reg.set_item(current.id, by=name, **changes)
        except (UnknownItemError, InvalidValueError) as e:
            return error(400, str(e), back)
        except ProtokollantError as e:
            return error(500, str(e), back)
        return RedirectResponse(back, status_code=303, headers={"Cache-Control": "no-store"})

    @app.post("/sammel")
    async def bulk(request: Request) -> Response:
        """One status for all ticked items (``ids``), each change in the history under the reviewer's name."""
        checked = await checked_form(request)
        if isinstance(checked, Response):
            return checked
        form, back = checked
        name = who(request, back)
        if isinstance(name, Response):
            return name
        ids = [i for i in form.get("ids", []) if i.strip()][:500]
        status = (form.get("status") or [""])[0]
        if not ids:
            return error(400, "Keine Aufgabe angekreuzt.", back)
        if status not in STATUSES:
            return error(400, "Bitte einen Status für die angekreuzten Aufgaben wählen.", back)
        try:
            with open_register() as reg:
                for item_id in ids:
                    if reg.get_item(item_id).status != status:
                        reg.set_item(item_id, by=name, status=status)
        except (UnknownItemError, InvalidValueError) as e:
            return error(400, str(e), back)
        except ProtokollantError as e:
            return error(500, str(e), back)
        return RedirectResponse(back, status_code=303, headers={"Cache-Control": "no-store"})

    @app.post("/name")
    async def set_name(request: Request) -> Response:
        from urllib.parse import quote

        checked = await checked_form(request)
        if isinstance(checked, Response):
            return checked
        form, back = checked
        name = _clean_name((form.get("name") or [""])[0])
        response = RedirectResponse(back, status_code=303, headers={"Cache-Control": "no-store"})
        if name:
            response.set_cookie(NAME_COOKIE, quote(name), max_age=400 * 24 * 3600, httponly=True, samesite="strict", path="/")
        else:
            response.delete_cookie(NAME_COOKIE, path="/")
        return response

    def exported(request: Request, writer: outputs.Writer) -> Response:
        filters = _filters(request.query_params.multi_items())
        try:
            with open_register() as reg:
                items = _list(reg, filters)
        except InvalidValueError as e:
            return error(400, str(e))
        except ProtokollantError as e:
            return error(500, str(e))
        data = writer.render(items, outputs.ExportOptions(labels=SourceLabels(outbox)))
        headers = {"Content-Disposition": f'attachment; filename="aufgaben.{writer.name}"', "X-Content-Type-Options": "nosniff"}
        return Response(data, media_type=writer.media_type, headers=headers)

    @app.get("/protokolle/{stem}", response_class=HTMLResponse)
    def minutes_report(stem: str) -> Response:
        """The generated report of one minutes document, so evidence links open at the task.
        Only stems the register knows are served; the name is never used as a path otherwise."""
        import sqlalchemy as sa

        from .register import meetings

        try:
            with open_register() as reg, reg.engine.connect() as conn:
                known = {r[0] for r in conn.execute(sa.select(meetings.c.stem))}
        except ProtokollantError as e:
            return error(500, str(e))
        report = Path(outbox) / stem / f"{stem}.html"
        if stem not in known or not report.is_file():
            return error(404, f"Kein Bericht zu „{stem}“ vorhanden.")
        return HTMLResponse(report.read_text(encoding="utf-8"), headers=SECURITY_HEADERS)

    from .followup.review_tab import add_decision_tab

    add_decision_tab(app, outbox, open_register, page, error)  # the "Beschlüsse" tab

    for writer in outputs.downloads():  # one route per downloadable format of the registry
        app.add_api_route(f"/export.{writer.name}", _download(exported, writer), methods=["GET"], name=f"export_{writer.name}")

    return app



def _download(exported: Callable[[Request, outputs.Writer], Response], writer: outputs.Writer) -> Callable[[Request], Response]:
    def download(request: Request) -> Response:
        return exported(request, writer)

    return download


__all__ = ["DEFAULT_ALLOWED_HOSTS", "MIN_TOKEN_CHARS", "create_app", "is_loopback"]
