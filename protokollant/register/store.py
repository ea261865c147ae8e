"""The register store: where it is (URL), opening and migrating it, reading, reviewing."""
from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from .constants import ENV_URL, NO_INSTITUTION, REGISTER_FILE, REMOVED, STATE_DIR, STATUSES
from .errors import InvalidValueError, RegisterError, UnknownItemError
from .identity import current_user, normalise_text, now_iso, parse_due, str_value
from .links import relink_all, set_links_stale
from .recorder import record_meeting
from .schema import action_items, item_history, migrate, state_table, version_table
from .views import HistoryEntry, ItemView, item_rows, item_view

if TYPE_CHECKING:
    from ..schema import MinutesRecord


def default_sqlite_url(outbox: str | os.PathLike) -> str:
    path = Path(outbox) / STATE_DIR / REGISTER_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def resolve_url(outbox_or_url: str | os.PathLike | None = None, *, url: str | None = None) -> str:
    if url:
        return url
    if isinstance(outbox_or_url, str) and "://" in outbox_or_url:
        return outbox_or_url
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    if outbox_or_url is None:
        raise RegisterError(f"Kein Register angegeben: Ausgabeordner oder {ENV_URL} setzen.")
    return default_sqlite_url(outbox_or_url)



class Register:
    """The action register. Open with ``Register.open(outbox_or_url)``; use as a context manager."""

    def __init__(self, engine: sa.Engine, *, today: Callable[[], dt.date] = dt.date.today):
        self.engine = engine
        self.today = today

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        outbox_or_url: str | os.PathLike | None = None,
        *,
        url: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> Register:
        target = resolve_url(outbox_or_url, url=url)
        try:
            kwargs: dict[str, Any] = {}
            if target.startswith("sqlite"):
                kwargs["connect_args"] = {"timeout": 30}
            engine = sa.create_engine(target, **kwargs)
            migrate(engine)
        except (SQLAlchemyError, OSError) as e:
            raise RegisterError(f"Register {safe_url(target)} kann nicht geöffnet werden: {e}") from e
        return cls(engine, today=today)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(version_table.c.version))).scalar() or 0

    # ---------------------------------------------------------------- recording

    def record_minutes(self, record: MinutesRecord, stem: str) -> dict[str, int]:
        """Record (or update in place) one minutes document; returns counts of what changed."""
        try:
            with self.engine.begin() as conn:
                counts = self.record_in(conn, record, stem)
                # Linking compares every report with every open item; doing it per document
                # made a nightly batch quadratic. It runs once, on the next read.
                set_links_stale(conn, True)
            return counts
        except SQLAlchemyError as e:
            raise RegisterError(f"{record.source.file}: Register nicht aktualisiert: {e}") from e

    def record_in(self, conn: sa.Connection, record: MinutesRecord, stem: str) -> dict[str, int]:
        return record_meeting(conn, record, stem)  # a method: tests make one document fail here

    # ---------------------------------------------------------------- cross-meeting links

    def relink(self) -> None:
        """Recompute the cross-meeting suggestions now if documents were recorded since the last time."""
        try:
            with self.engine.begin() as conn:
                stale = conn.execute(sa.select(state_table.c.value).where(state_table.c.name == "links_stale")).scalar()
                if stale != "0":
                    relink_all(conn)
                    set_links_stale(conn, False)
        except SQLAlchemyError as e:
            raise RegisterError(f"Register nicht aktualisiert: {e}") from e

    # ---------------------------------------------------------------- reading

    def list_items(
        self,
        status: str | Iterable[str] | None = None,
        institution: str | None = None,
        overdue: bool | None = None,
        meeting: str | None = None,
        *,
        today: dt.date | None = None,
    ) -> list[ItemView]:
        """Items in meeting order. ``status=None`` lists everything except "removed"."""
        today = today or self.today()
        wanted = {status} if isinstance(status, str) else (set(status) if status is not None else None)
        if wanted:
            unknown = wanted - set(STATUSES) - {REMOVED}
            if unknown:
                raise InvalidValueError(f"Unbekannter Status: {', '.join(sorted(unknown))} (erlaubt: {', '.join((*STATUSES, REMOVED))}).")
        self.relink()
        try:
            with self.engine.connect() as conn:
                rows = item_rows(conn)
        except SQLAlchemyError as e:
            raise RegisterError(f"Register nicht lesbar: {e}") from e
        views = [item_view(r, today) for r in rows]
        out = []
        inst_key = normalise_text(institution) if institution else None
        meeting_key = normalise_text(meeting) if meeting else None
        for v in views:
            if wanted is None and v.status == REMOVED:
                continue
            if wanted is not None and v.status not in wanted:
                continue
            if overdue is not None and v.overdue != overdue:
                continue
            if inst_key is not None:
                names = v.institutions or [NO_INSTITUTION]
                if not any(inst_key in normalise_text(n) for n in names) and inst_key not in {normalise_text(a) for a in v.institution_aliases}:
                    continue
            if meeting_key is not None:
                keys = {normalise_text(v.meeting_stem), normalise_text(v.meeting_file)}
                if v.meeting_date:
                    keys.add(v.meeting_date.isoformat())
                if meeting_key not in keys:
                    continue
            out.append(v)
        return out

    def resolve_id(self, item_id: str) -> str:
        """The full id for an id or a unique prefix (at least 4 characters)."""
        item_id = (item_id or "").strip().lower()
        with self.engine.connect() as conn:
            if conn.execute(sa.select(action_items.c.id).where(action_items.c.id == item_id)).first():
                return item_id
            if len(item_id) >= 4:
                found = [r[0] for r in conn.execute(sa.select(action_items.c.id).where(action_items.c.id.startswith(item_id, autoescape=True)).limit(2))]
                if len(found) == 1:
                    return found[0]
                if len(found) > 1:
                    raise UnknownItemError(f"Die Kennung „{item_id}“ ist nicht eindeutig; bitte mehr Zeichen angeben.")
        raise UnknownItemError(f"Keine Aufgabe mit der Kennung „{item_id}“ im Register.")

    def get_item(self, item_id: str, *, today: dt.date | None = None) -> ItemView:
        item_id = self.resolve_id(item_id)
        self.relink()
        with self.engine.connect() as conn:
            rows = item_rows(conn, action_items.c.id == item_id)
        return item_view(rows[0], today or self.today())

    # ---------------------------------------------------------------- reviewing

    def set_item(
        self,
        item_id: str,
        status: str | None = None,
        responsible: str | list[str] | None = None,
        due: str | dt.date | None = None,
        note: str | None = None,
        by: str | None = None,
    ) -> ItemView:
        """Review an item. ``None`` leaves a field alone; "" (or []) clears a reviewed value (back to extracted)."""
        item_id = self.resolve_id(item_id)
        by = by or current_user()
        if status is not None and status not in STATUSES:
            raise InvalidValueError(f"Unbekannter Status „{status}“ (erlaubt: {', '.join(STATUSES)}).")
        changes: dict[str, Any] = {}
        if status is not None:
            changes["status"] = status
        if responsible is not None:
            names = [n.strip() for n in (responsible.split(";") if isinstance(responsible, str) else responsible) if n and n.strip()]
            changes["rv_responsible"] = json.dumps(names, ensure_ascii=False) if names else None
        if due is not None:
            changes["rv_due_date"] = parse_due(due) if (isinstance(due, dt.date) or due.strip()) else None
        if note is not None:
            changes["note"] = note.strip() or None
        if not changes:
            raise InvalidValueError("Nichts zu ändern: Status, Verantwortliche, Frist oder Notiz angeben.")
        now = now_iso()
        labels = {"status": "status", "rv_responsible": "responsible", "rv_due_date": "due", "note": "note"}
        try:
            with self.engine.begin() as conn:
                old = conn.execute(sa.select(action_items).where(action_items.c.id == item_id)).one()
                effective_before = old.status if not (old.missing_since and old.reviewed_at is None) else REMOVED
                for key, value in changes.items():
                    before = effective_before if key == "status" else getattr(old, key)
                    if before != value:
                        self._log(conn, item_id, by, labels[key], str_value(before), str_value(value), now)
                conn.execute(action_items.update().where(action_items.c.id == item_id).values(
                    reviewed_by=by, reviewed_at=now, updated_at=now, **changes))
        except SQLAlchemyError as e:
            raise RegisterError(f"Aufgabe {item_id} nicht gespeichert: {e}") from e
        return self.get_item(item_id)

    def history(self, item_id: str) -> list[HistoryEntry]:
        item_id = self.resolve_id(item_id)
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(item_history).where(item_history.c.item_id == item_id).order_by(item_history.c.id))
            return [HistoryEntry(r.at, r.by, r.field, r.old_value, r.new_value) for r in rows]

    @staticmethod
    def _log(conn: sa.Connection, item_id: str, by: str, fld: str, old: str | None, new: str | None, at: str) -> None:
        conn.execute(item_history.insert().values(item_id=item_id, at=at, by=by, field=fld, old_value=old, new_value=new))


def safe_url(url: str) -> str:
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(URL)"
