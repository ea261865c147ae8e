"""Care of the action register: is it usable, backups before every run, rebuild from the outbox.

- ``check_before_run``: a register that is missing or empty (0 bytes, no
  tables) while the ledger lists processed documents, or that SQLite cannot
  read, stops the run (OperationalError, exit code 2). It is never replaced
  silently: all reviews live there.
- ``backup_register``: a consistent copy (SQLite backup API) in
  ``OUTBOX/.protokollant/backups/register-<UTC time>.sqlite3`` before each run
  that finds it changed since the newest copy; the last ``KEEP_BACKUPS`` are kept.
- ``inspect`` / ``repair``: ``protokollant register check`` / ``repair``. The
  rebuild records every ``OUTBOX/<stem>/<stem>.json`` into a fresh register,
  then takes the reviews (status, corrected responsible/due date, note,
  history) from the newest readable backup; the old file is kept beside it
  as ``register.sqlite3.defekt-<time>``.

Only the SQLite register (the default) is checked on disk and backed up; a
register behind PROTOKOLLANT_REGISTER_URL is only opened (its database has
its own backups).
"""
from __future__ import annotations

import os
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa

from .german import n_
from .operational import REGISTER_UNUSABLE, OperationalError
from .register import ENV_URL, REGISTER_FILE, Register
from .schema import MinutesRecord

STATE_DIR = ".protokollant"
BACKUP_DIR = "backups"
KEEP_BACKUPS = int(os.environ.get("PROTOKOLLANT_REGISTER_BACKUPS", "7") or 7)


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def sqlite_path(outbox: str | os.PathLike) -> Path | None:
    """The register's SQLite file, or None for a register behind a server URL."""
    url = os.environ.get(ENV_URL)
    if not url:
        return Path(outbox) / STATE_DIR / REGISTER_FILE
    u = sa.engine.make_url(url)
    if u.drivername.startswith("sqlite") and u.database and u.database != ":memory:":
        return Path(u.database)
    return None


def backups(outbox: str | os.PathLike) -> list[Path]:
    """Backups, oldest first."""
    d = Path(outbox) / STATE_DIR / BACKUP_DIR
    return sorted(d.glob("register-*.sqlite3")) if d.is_dir() else []


@dataclass
class Health:
    path: Path | None
    problem: str | None = None
    """None, "missing", "empty" or "unreadable"."""
    message: str = ""
    meetings: int = 0
    items: int = 0
    reviewed: int = 0
    ledger_processed: int = 0
    not_registered: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem is None


def _read_counts(path: Path) -> tuple[int, int, int, dict[str, str]]:
    """(meetings, items, reviewed items, stem_key → sha256); raises sqlite3.Error when unreadable."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise sqlite3.DatabaseError(f"Integritätsprüfung: {check[0] if check else 'kein Ergebnis'}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meetings" not in tables or "action_items" not in tables:
            return -1, 0, 0, {}
        docs = dict(conn.execute("SELECT stem_key, sha256 FROM meetings").fetchall())
        items = conn.execute("SELECT COUNT(*), COUNT(reviewed_at) FROM action_items").fetchone()
        return len(docs), items[0], items[1], docs
    finally:
        conn.close()


def inspect(outbox: str | os.PathLike, processed: list | None = None) -> Health:
    """The register's state; ``processed``: the ledger's "processed" entries (stem, sha256, file_name)."""
    processed = processed or []
    path = sqlite_path(outbox)
    h = Health(path=path, ledger_processed=len(processed))
    if path is None:
        try:
            Register.open(outbox).close()
        except Exception as e:  # noqa: BLE001
            h.problem, h.message = "unreadable", f"Register nicht erreichbar: {e}"
        return h
    if not path.exists():
        if processed:
            h.problem = "missing"
            h.message = f"Das Aufgabenregister {path} fehlt, obwohl {n_(len(processed), 'Dokument')} als verarbeitet verzeichnet {'ist' if len(processed) == 1 else 'sind'}"
        return h
    if path.stat().st_size == 0:
        if processed:
            h.problem = "empty"
            h.message = f"Das Aufgabenregister {path} ist leer (0 Bytes), obwohl {n_(len(processed), 'Dokument')} als verarbeitet verzeichnet {'ist' if len(processed) == 1 else 'sind'}"
        return h
    try:
        h.meetings, h.items, h.reviewed, docs = _read_counts(path)
    except sqlite3.Error as e:
        h.problem, h.message = "unreadable", f"Das Aufgabenregister {path} ist beschädigt oder nicht lesbar ({e})"
        return h
    if h.meetings < 0:
        h.meetings = 0
        if processed:
            h.problem = "empty"
            h.message = f"Das Aufgabenregister {path} enthält keine Tabellen, obwohl {n_(len(processed), 'Dokument')} als verarbeitet verzeichnet {'ist' if len(processed) == 1 else 'sind'}"
        return h
    for e in processed:
        if docs.get(unicodedata.normalize("NFC", e.stem).casefold()) != e.sha256:
            h.not_registered.append(e.file_name)
    return h


def check_before_run(outbox: str | os.PathLike, ledger) -> None:
    """Raise OperationalError (exit 2) when the register is missing/empty/unreadable (see module doc)."""
    h = inspect(outbox, [e for e in ledger.entries() if e.status == "processed"])
    if not h.ok:
        raise OperationalError(REGISTER_UNUSABLE, h.message)


def _sqlite_copy(src: Path, dst: Path) -> None:
    tmp = dst.with_name(f".{dst.name}.tmp-{os.getpid()}")
    try:
        s = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=30)
        d = sqlite3.connect(str(tmp))
        try:
            s.backup(d)
        finally:
            d.close()
            s.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)


def backup_register(outbox: str | os.PathLike, keep: int = KEEP_BACKUPS) -> Path | None:
    """Copy the SQLite register into backups/ when it changed since the newest copy; keep the last ``keep``."""
    path = sqlite_path(outbox)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    existing = backups(outbox)
    if existing and existing[-1].stat().st_mtime_ns >= path.stat().st_mtime_ns:
        return None
    d = Path(outbox) / STATE_DIR / BACKUP_DIR
    d.mkdir(parents=True, exist_ok=True)
    target = d / f"register-{_stamp()}.sqlite3"
    _sqlite_copy(path, target)
    for old in backups(outbox)[: -max(1, keep)]:
        old.unlink(missing_ok=True)
    return target


# --------------------------------------------------------------------------- repair

_REVIEW_COLUMNS = ("status", "rv_responsible", "rv_due_date", "note", "reviewed_by", "reviewed_at")


@dataclass
class RepairReport:
    register: Path
    documents: int = 0
    items: int = 0
    unreadable: list[str] = field(default_factory=list)
    backup: Path | None = None
    reviews_restored: int = 0
    reviews_lost: int = 0
    kept_old: Path | None = None


def _records(outbox: Path) -> list:
    out, bad = [], []
    for d in sorted(outbox.iterdir()):
        if d.name.startswith(".") or d.is_symlink() or not d.is_dir():
            continue
        j = d / f"{d.name}.json"
        if not j.is_file():
            continue
        try:
            out.append((MinutesRecord.model_validate_json(j.read_bytes()), d.name))
        except (OSError, ValueError):
            bad.append(str(j))
    out.sort(key=lambda rs: (rs[0].source.processed_at, rs[1]))
    return out, bad


def _usable_backup(outbox: Path, explicit: Path | None) -> Path | None:
    for candidate in ([explicit] if explicit else list(reversed(backups(outbox)))):
        try:
            if _read_counts(candidate)[0] >= 0:
                return candidate
        except sqlite3.Error:
            continue
    return None


def _restore_reviews(new: Path, backup: Path, report: RepairReport) -> None:
    conn = sqlite3.connect(str(new))
    try:
        conn.execute("ATTACH DATABASE ? AS old", (str(backup),))
        cols = ", ".join(_REVIEW_COLUMNS)
        meeting_ids = dict(conn.execute("SELECT stem_key, id FROM main.meetings").fetchall())
        rows = conn.execute(
            "SELECT i.*, m.stem_key AS mkey FROM old.action_items i JOIN old.meetings m ON m.id = i.meeting_id WHERE i.reviewed_at IS NOT NULL"
        )
        names = [c[0] for c in rows.description]
        for values in rows.fetchall():
            row = dict(zip(names, values))
            exists = conn.execute("SELECT 1 FROM main.action_items WHERE id = ?", (row["id"],)).fetchone()
            if exists:
                conn.execute(f"UPDATE main.action_items SET ({cols}) = ({', '.join('?' * len(_REVIEW_COLUMNS))}) WHERE id = ?",
                             (*(row[c] for c in _REVIEW_COLUMNS), row["id"]))
            elif row["mkey"] in meeting_ids:  # reviewed, no longer in its minutes: keep it (as before)
                row["meeting_id"] = meeting_ids[row["mkey"]]
                row["missing_since"] = row["missing_since"] or row["updated_at"]
                row.pop("mkey")
                conn.execute(f"INSERT INTO main.action_items ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
            else:
                report.reviews_lost += 1
                continue
            report.reviews_restored += 1
            conn.execute("DELETE FROM main.item_history WHERE item_id = ?", (row["id"],))
            conn.execute("INSERT INTO main.item_history (item_id, at, by, field, old_value, new_value) "
                         "SELECT item_id, at, by, field, old_value, new_value FROM old.item_history WHERE item_id = ? ORDER BY id", (row["id"],))
        if conn.execute("SELECT 1 FROM old.sqlite_master WHERE type = 'table' AND name = 'reminders'").fetchone():
            # reminders already sent stay sent (protokollant notify never repeats them)
            conn.execute("INSERT OR IGNORE INTO main.reminders (item_id, due_key, recipient, address, sent_at, file) "
                         "SELECT item_id, due_key, recipient, address, sent_at, file FROM old.reminders")
        conn.execute("UPDATE main.register_state SET value = '1' WHERE name = 'links_stale'")
        conn.commit()
        conn.execute("DETACH DATABASE old")
    finally:
        conn.close()


def repair(outbox: str | os.PathLike, *, backup: Path | None = None) -> RepairReport:
    """Rebuild the SQLite register from the outbox's JSON records, reviews from a backup (see module doc).

    The caller holds the run lock. Raises OperationalError when there is no SQLite register to rebuild.
    """
    outbox = Path(outbox)
    path = sqlite_path(outbox)
    if path is None:
        raise OperationalError(REGISTER_UNUSABLE, "Neuaufbau nur für das SQLite-Register; den Datenbankserver aus seiner Sicherung wiederherstellen")
    report = RepairReport(register=path)
    records, report.unreadable = _records(outbox)
    report.backup = _usable_backup(outbox, backup)
    new = path.with_name(f".{path.name}.neu-{os.getpid()}")
    new.unlink(missing_ok=True)
    try:
        with Register.open(url=f"sqlite:///{new}") as reg:
            for record, stem in records:
                reg.record_minutes(record, stem)
                report.documents += 1
                report.items += len(record.action_items)
        if report.backup is not None:
            _restore_reviews(new, report.backup, report)
        if path.exists():
            report.kept_old = path.with_name(f"{path.name}.defekt-{_stamp()}")
            os.replace(path, report.kept_old)
        os.replace(new, path)
    finally:
        new.unlink(missing_ok=True)
    return report


def summary_lines(h: Health, outbox: str | os.PathLike) -> list[str]:
    """German lines for ``protokollant register check``."""
    state = {None: "in Ordnung", "missing": "FEHLT", "empty": "LEER", "unreadable": "BESCHÄDIGT/NICHT LESBAR"}[h.problem]
    size = f", {h.path.stat().st_size // 1024} KB" if h.path and h.path.exists() else ""
    lines = [f"Register: {h.path or 'Datenbankserver (PROTOKOLLANT_REGISTER_URL)'}{size}", f"Zustand: {state}"]
    if h.message:
        lines.append(h.message)
    lines.append(f"Sitzungen: {h.meetings}, Aufgaben: {h.items}, davon geprüft: {h.reviewed}")
    lines.append(f"Laut Verzeichnis verarbeitet: {h.ledger_processed}, davon nicht (in dieser Fassung) im Register: {len(h.not_registered)}")
    lines += [f"  fehlt: {name}" for name in h.not_registered[:20]]
    b = backups(outbox)
    lines.append(f"Sicherungen: {len(b)}" + (f" (neueste: {b[-1].name})" if b else ""))
    if not h.ok:
        lines.append("Reparatur: protokollant register repair (baut aus den JSON-Datensätzen neu auf, Prüfungen aus der neuesten Sicherung).")
    elif h.not_registered:
        lines.append("Der nächste Lauf trägt fehlende Dokumente automatisch nach (oder: protokollant register repair).")
    return lines


__all__ = ["Health", "RepairReport", "backup_register", "backups", "check_before_run", "inspect", "repair", "sqlite_path", "summary_lines"]
