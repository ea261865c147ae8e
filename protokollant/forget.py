"""Delete a meeting's personal data on request (Art. 17 DSGVO) or by age (retention).

One meeting's data lives in several places; ``forget`` removes it from all:

* ``OUTBOX/<stem>/`` — JSON, HTML report, CSV;
* the action register — meeting, its tasks, decisions, progress reports and the
  review history of those tasks; also in every register backup
  (``OUTBOX/.protokollant/backups/``);
* the hash ledger (``OUTBOX/.protokollant/ledger.sqlite3``) — file name, hash, stem;
* the archived input — ``INBOX/processed/`` and ``INBOX/failed/`` files with the same bytes;
* Prefect's database in ``OUTBOX/.protokollant/prefect/`` (or PREFECT_HOME) —
  run artifacts and log lines that name the file (a run's task table names
  several meetings: the whole artifact is removed, it is only a copy).

A meeting is named by its output folder (stem) or its input file name. The
run lock is held, so no run files the meeting again meanwhile.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from .errors import ProtokollantError
from .fileio import sha256_file
from .inbox import LEDGER_FILE, STATE_DIR, run_lock
from .prefect_home import outbox_prefect_home
from .register import resolve_url
from .register_care import backups, sqlite_path


class ForgetError(ProtokollantError):
    """The meeting is unknown, or the data could not be removed."""


@dataclass
class ForgetReport:
    stem: str
    files: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    register_items: int = 0
    register_meetings: int = 0
    backups: int = 0
    ledger_rows: int = 0
    inputs: list[str] = field(default_factory=list)
    prefect_rows: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _ledger_path(outbox: Path) -> Path:
    return outbox / STATE_DIR / LEDGER_FILE


def _resolve(outbox: Path, name: str) -> str:
    """The stem of a meeting given as stem or input file name."""
    candidate = Path(name).name
    if (outbox / candidate).is_dir() and not candidate.startswith("."):
        return candidate
    ledger = _ledger_path(outbox)
    if ledger.exists():
        with sqlite3.connect(str(ledger)) as conn:
            row = conn.execute("SELECT stem FROM stems WHERE file_name = ?", (candidate,)).fetchone()
            if row:
                return row[0]
    reg = sqlite_path(outbox)
    if reg is not None and reg.exists():
        with sqlite3.connect(str(reg)) as conn:
            row = conn.execute("SELECT stem FROM meetings WHERE stem = ? OR file_name = ?", (candidate, candidate)).fetchone()
            if row:
                return row[0]
    raise ForgetError(f"Keine Sitzung „{name}“ in {outbox} (Ordnername oder Dateiname angeben; „protokollant actions list“ zeigt die Sitzungen).")


def _purge_register(engine, stem: str) -> tuple[int, int, list[str], list[str]]:
    """Delete one meeting from a register (any SQLAlchemy engine); (meetings, items, file names, shas)."""
    with engine.begin() as conn:
        rows = conn.execute(sa.text("SELECT id, file_name, sha256 FROM meetings WHERE stem = :s OR stem_key = :k"),
                            {"s": stem, "k": stem.casefold()}).fetchall()
        items = 0
        for meeting_id, _file, _sha in rows:
            ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM action_items WHERE meeting_id = :m"), {"m": meeting_id})]
            for item_id in ids:
                conn.execute(sa.text("DELETE FROM item_history WHERE item_id = :i"), {"i": item_id})
            items += len(ids)
            conn.execute(sa.text("UPDATE action_items SET linked_item_id = NULL, suggested_status = NULL, suggestion_source = NULL "
                                 "WHERE linked_item_id IN (SELECT id FROM action_items WHERE meeting_id = :m)"), {"m": meeting_id})
            for table in ("action_items", "decisions", "progress_reports"):
                try:
                    conn.execute(sa.text(f"DELETE FROM {table} WHERE meeting_id = :m"), {"m": meeting_id})
                except sa.exc.OperationalError:  # an old backup without this table
                    pass
            conn.execute(sa.text("DELETE FROM meetings WHERE id = :m"), {"m": meeting_id})
        if rows:
            try:
                conn.execute(sa.text("UPDATE register_state SET value = '1' WHERE name = 'links_stale'"))
            except sa.exc.OperationalError:
                pass
    return len(rows), items, [r[1] for r in rows], [r[2] for r in rows]


def _purge_prefect(db: Path, needles: list[str]) -> int:
    if not db.exists() or not needles:
        return 0
    removed = 0
    with sqlite3.connect(str(db), timeout=30) as conn:
        for table, column in (("artifact", "data"), ("artifact_collection", "data"), ("log", "message")):
            for needle in needles:
                try:
                    removed += conn.execute(f"DELETE FROM {table} WHERE instr({column}, ?) > 0", (needle,)).rowcount
                except sqlite3.Error:
                    pass
    return removed


def prefect_db(outbox: Path) -> Path:
    home = os.environ.get("PREFECT_HOME")
    return (Path(home) if home else outbox_prefect_home(outbox)) / "prefect.db"


def forget_meeting(outbox: str | os.PathLike, name: str, *, inbox: str | os.PathLike | None = None) -> ForgetReport:
    """Remove one meeting everywhere (see module doc); the caller holds the run lock."""
    outbox = Path(outbox)
    stem = _resolve(outbox, name)
    report = ForgetReport(stem=stem)
    shas: set[str] = set()
    files: set[str] = set()

    ledger = _ledger_path(outbox)
    if ledger.exists():
        with sqlite3.connect(str(ledger), timeout=30) as conn:
            for sha, file_name in conn.execute("SELECT sha256, file_name FROM documents WHERE stem = ?", (stem,)):
                shas.add(sha)
                files.add(file_name)
            files.update(r[0] for r in conn.execute("SELECT file_name FROM stems WHERE stem = ?", (stem,)))
            report.ledger_rows = conn.execute("DELETE FROM documents WHERE stem = ?", (stem,)).rowcount
            report.ledger_rows += conn.execute("DELETE FROM stems WHERE stem = ?", (stem,)).rowcount

    reg_files: list[str] = []
    reg_shas: list[str] = []
    reg_path = sqlite_path(outbox)
    if reg_path is None or reg_path.exists():  # never create a register just to delete from it
        engine = sa.create_engine(resolve_url(outbox))
        try:
            report.register_meetings, report.register_items, reg_files, reg_shas = _purge_register(engine, stem)
        except sa.exc.SQLAlchemyError as e:
            raise ForgetError(f"Aufgabenregister: Sitzung {stem} nicht gelöscht ({e})") from e
        finally:
            engine.dispose()
    files.update(reg_files)
    shas.update(reg_shas)
    for backup in backups(outbox):
        b = sa.create_engine(f"sqlite:///{backup}")
        try:
            if _purge_register(b, stem)[0]:
                report.backups += 1
        except sa.exc.SQLAlchemyError as e:
            report.notes.append(f"Sicherung {backup.name} nicht bereinigt: {e}")
        finally:
            b.dispose()

    out_dir = outbox / stem
    if out_dir.is_dir() and not out_dir.is_symlink():
        report.outputs = sorted(str(p) for p in out_dir.iterdir())
        shutil.rmtree(out_dir)

    if inbox is not None:
        for sub in ("processed", "failed"):
            folder = Path(inbox) / sub
            if not folder.is_dir():
                continue
            for p in sorted(folder.iterdir()):
                if p.is_symlink() or not p.is_file() or p.name.endswith(".error.json"):
                    continue
                if sha256_file(p) in shas:
                    p.unlink()
                    Path(str(p) + ".error.json").unlink(missing_ok=True)
                    report.inputs.append(str(p))
    else:
        report.notes.append("Kein Eingangsordner angegeben: archivierte Eingänge (processed/) nicht geprüft.")

    if os.environ.get("PREFECT_API_URL"):
        report.notes.append("Prefect-Server unter PREFECT_API_URL: Artefakte und Protokolle dort löschen (Prefect-Oberfläche › Artifacts).")
    report.prefect_rows = _purge_prefect(prefect_db(outbox), sorted(files | {f"{stem}/"}))
    report.files = sorted(files)
    return report


def meetings_older_than(outbox: str | os.PathLike, days: int, *, today: dt.date | None = None) -> list[str]:
    """Stems of meetings whose date (else the day they were recorded) is more than ``days`` days ago."""
    limit = (today or dt.date.today()) - dt.timedelta(days=days)
    engine = sa.create_engine(resolve_url(outbox))
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT stem, date, recorded_at FROM meetings")).fetchall()
    except sa.exc.SQLAlchemyError:
        return []
    finally:
        engine.dispose()
    old = []
    for stem, date, recorded in rows:
        day = date if isinstance(date, dt.date) else None
        if day is None and date:
            try:
                day = dt.date.fromisoformat(str(date)[:10])
            except ValueError:
                day = None
        if day is None and recorded:
            try:
                day = dt.date.fromisoformat(str(recorded)[:10])
            except ValueError:
                continue
        if day is not None and day < limit:
            old.append(stem)
    return sorted(old)


def apply_retention(inbox: str | os.PathLike, outbox: str | os.PathLike, days: int, *, today: dt.date | None = None) -> list[ForgetReport]:
    """Forget every meeting older than ``days`` (the nightly run's retention step; takes the run lock)."""
    with run_lock(inbox, outbox):
        return [forget_meeting(outbox, stem, inbox=inbox) for stem in meetings_older_than(outbox, days, today=today)]


__all__ = ["ForgetError", "ForgetReport", "apply_retention", "forget_meeting", "meetings_older_than", "prefect_db"]
