"""The review app: pages, forms and downloads over the register (see the package docstring)."""
from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import outputs
from ..errors import ProtokollantError
from ..followup.review_tab import add_decision_tab
from ..german import format_date
from ..references import SourceLabels
from ..register import REMOVED, STATUS_LABELS_DE, STATUSES, InvalidValueError, Register, UnknownItemError, current_user, meetings
from ..templating import get_environment
from .forms import NAME_COOKIE, clean_name, cookie_name, filters_of, list_filtered, same_due
from .security import (
    COOKIE, DEFAULT_ALLOWED_HOSTS, MAX_FORM_BYTES, MIN_TOKEN_CHARS, SECURITY_HEADERS, TOKEN_FIELD, WILDCARD_HOSTS, authorized, hostname,
    csrf_valid, is_loopback, length_ok, same_origin, token_for as csrf_token,
)

TEMPLATE = "review.html.j2"
ERROR_TEMPLATE = "review_error.html.j2"
BY = "Prüfseite"


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
    secret = secret or secrets.token_bytes(32)
    hosts = {h.lower().strip("[]") for h in (allowed_hosts or DEFAULT_ALLOWED_HOSTS)} - WILDCARD_HOSTS
    if access_token is not None and len(access_token) < MIN_TOKEN_CHARS:
        raise ValueError(f"Zugangsschlüssel zu kurz (mindestens {MIN_TOKEN_CHARS} Zeichen).")
    if access_token is None and not all(is_loopback(h) for h in hosts):
        raise ValueError("Zugriff von anderen Rechnern nur mit Zugangsschlüssel.")
    today_fn = today or dt.date.today
    if by is None and access_token is None:
        by = current_user()  # on this machine: the person logged in, unless they give a name

    def reviewer(request: Request) -> str | None:
        return cookie_name(request) or by
    app = FastAPI(title="Protokollant – Aufgaben prüfen", docs_url=None, redoc_url=None, openapi_url=None)

    def open_register() -> Register:
        return Register.open(outbox, today=today_fn)

    def token_for(nonce: str) -> str:
        return csrf_token(secret, nonce)

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
        if hostname(request.headers.get("host", "")) not in hosts:
            response = plain(400, "Ungültiger Host.")
        elif access_token is not None and not authorized(request.headers.get("authorization", ""), access_token):
            response = plain(401, "Zugangsschlüssel erforderlich.", **{"WWW-Authenticate": 'Basic realm="Protokollant", charset="UTF-8"'})
        elif not length_ok(request.headers.get("content-length")):
            response = plain(413, "Anfrage zu groß.")  # refused before a byte of the body is read
        else:
            response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            for key, value in SECURITY_HEADERS.items():
                response.headers.setdefault(key, value)
        return response

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> Response:
        filters = filters_of(request.query_params.multi_items())
        nonce = request.cookies.get(COOKIE)
        new_cookie = not nonce or len(nonce) > 100
        if new_cookie:
            nonce = secrets.token_urlsafe(32)
        try:
            with open_register() as reg:
                items = list_filtered(reg, filters)
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
            reviewer=cookie_name(request) or by or "",
            name_asked=bool(cookie_name(request)),
        )
        if new_cookie:
            response.set_cookie(COOKIE, nonce, httponly=True, samesite="strict", path="/")
        return response

    def in_register(change: Callable[[Register], None], back: str) -> Response:
        """Apply a reviewer's change in one register transaction; back to the list, or a German error page."""
        try:
            with open_register() as reg:
                change(reg)
        except (UnknownItemError, InvalidValueError) as e:
            return error(400, str(e), back)
        except ProtokollantError as e:
            return error(500, str(e), back)
        return RedirectResponse(back, status_code=303, headers={"Cache-Control": "no-store"})

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
        if not csrf_valid(secret, nonce, sent):
            return error(403, "Sicherheitsmerkmal fehlt oder ist ungültig. Bitte die Seite neu laden und noch einmal speichern.")
        back_query = urlencode(filters_of([(k, v[0]) for k, v in parse_qs((form.get("return") or [""])[0]).items()]))
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
        def change(reg: Register) -> None:
            current = reg.get_item(item_id)
            changes: dict[str, str] = {}
            status = form.get("status")
            if status is not None and status != current.status:
                changes["status"] = status
            responsible = form.get("responsible")
            if responsible is not None and responsible.strip() != "; ".join(current.responsible):
                changes["responsible"] = responsible
            due = form.get("due")
            if due is not None and not same_due(due, current.due_date):
                changes["due"] = due
            note = form.get("note")
            if note is not None and note.strip() != (current.note or ""):
                changes["note"] = note
            if changes:
                reg.set_item(current.id, by=name, **changes)

        return in_register(change, back)

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
        def change(reg: Register) -> None:
            for item_id in ids:
                if reg.get_item(item_id).status != status:
                    reg.set_item(item_id, by=name, status=status)

        return in_register(change, back)

    @app.post("/name")
    async def set_name(request: Request) -> Response:
        checked = await checked_form(request)
        if isinstance(checked, Response):
            return checked
        form, back = checked
        name = clean_name((form.get("name") or [""])[0])
        response = RedirectResponse(back, status_code=303, headers={"Cache-Control": "no-store"})
        if name:
            response.set_cookie(NAME_COOKIE, quote(name), max_age=400 * 24 * 3600, httponly=True, samesite="strict", path="/")
        else:
            response.delete_cookie(NAME_COOKIE, path="/")
        return response

    def exported(request: Request, writer: outputs.Writer) -> Response:
        filters = filters_of(request.query_params.multi_items())
        try:
            with open_register() as reg:
                items = list_filtered(reg, filters)
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
        try:
            with open_register() as reg, reg.engine.connect() as conn:
                known = {r[0] for r in conn.execute(sa.select(meetings.c.stem))}
        except ProtokollantError as e:
            return error(500, str(e))
        report = Path(outbox) / stem / f"{stem}.html"
        if stem not in known or not report.is_file():
            return error(404, f"Kein Bericht zu „{stem}“ vorhanden.")
        return HTMLResponse(report.read_text(encoding="utf-8"), headers=SECURITY_HEADERS)

    add_decision_tab(app, outbox, open_register, page, error)  # the "Beschlüsse" tab

    for writer in outputs.downloads():  # one route per downloadable format of the registry
        app.add_api_route(f"/export.{writer.name}", download_route(exported, writer), methods=["GET"], name=f"export_{writer.name}")

    return app



def download_route(exported: Callable[[Request, outputs.Writer], Response], writer: outputs.Writer) -> Callable[[Request], Response]:
    def download(request: Request) -> Response:
        return exported(request, writer)

    return download
