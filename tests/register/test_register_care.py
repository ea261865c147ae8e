"""A missing, empty or corrupt register stops the run (exit 2) and is never replaced silently;
backups before each run; `protokollant register check` / `repair` (issue 13)."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from protokollant.cli import main
from protokollant.operational import EXIT_OPERATIONAL
from protokollant.register import Register
from protokollant.register_care import backup_register, backups
from tests.crash_runner import clean_filing_env, drop_documents, run, snapshot  # noqa: F401 (autouse fixture)


@pytest.fixture
def processed(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    drop_documents(inbox, count=4, bad=())
    assert run(inbox, outbox).exit_code == 0
    return inbox, outbox


def register_file(outbox):
    return outbox / ".protokollant" / "register.sqlite3"


def review_first_item(outbox) -> str:
    with Register.open(outbox) as reg:
        item = reg.list_items()[0]
        reg.set_item(item.id, status="done", note="per Telefon bestätigt", by="jb")
    return item.id


@pytest.mark.parametrize("damage", ["missing", "empty", "corrupt"])
def test_damaged_register_stops_the_run_with_exit_2_and_is_not_replaced(processed, damage):
    inbox, outbox = processed
    path = register_file(outbox)
    if damage == "missing":
        path.unlink()
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 2000)
    before = path.read_bytes() if path.exists() else None
    drop_documents(inbox, count=6, bad=())  # two new documents wait (the first four are duplicates)
    summary = run(inbox, outbox)
    assert summary.exit_code == EXIT_OPERATIONAL
    assert "Aufgabenregister" in summary.stopped and "register repair" in summary.stopped
    assert {"fehlt": "missing", "leer": "empty", "beschädigt": "corrupt"}[next(w for w in ("fehlt", "leer", "beschädigt") if w in summary.stopped)] == damage
    assert (path.read_bytes() if path.exists() else None) == before  # untouched, never recreated
    assert not summary.processed and not summary.failed
    assert {p.name for p in inbox.iterdir() if p.is_file()} >= {"sitzung-004.docx", "sitzung-005.docx"}

    result = CliRunner().invoke(main, ["register", "check", "--outbox", str(outbox)])
    assert result.exit_code == EXIT_OPERATIONAL
    assert "register repair" in result.output


def test_backup_before_each_run_keeps_the_last_n(processed, monkeypatch):
    inbox, outbox = processed
    assert backups(outbox) == []  # the first run found no register to back up
    run(inbox, outbox)
    assert len(backups(outbox)) == 1
    run(inbox, outbox)
    assert len(backups(outbox)) == 1  # unchanged since: no second copy
    for i in range(9):
        with Register.open(outbox) as reg:  # a change → the next run backs it up
            reg.set_item(reg.list_items()[0].id, note=f"Notiz {i}")
        backup_register(outbox, keep=7)
    assert len(backups(outbox)) == 7
    assert backup_register(outbox) is None  # unchanged since the newest copy


def test_repair_rebuilds_from_json_and_keeps_reviews_from_the_backup(processed):
    inbox, outbox = processed
    clean = snapshot(inbox, outbox)
    item_id = review_first_item(outbox)
    run(inbox, outbox)  # start of this run backs the reviewed register up
    register_file(outbox).write_bytes(b"")  # lost

    result = CliRunner().invoke(main, ["register", "repair", "--outbox", str(outbox)])
    assert result.exit_code == 0, result.output
    assert "4 Sitzungen" in result.output and "1 übernommen" in result.output
    assert any(p.name.startswith("register.sqlite3.defekt-") for p in (outbox / ".protokollant").iterdir())
    with Register.open(outbox) as reg:
        item = reg.get_item(item_id)
        assert (item.status, item.note, item.reviewed_by) == ("done", "per Telefon bestätigt", "jb")
        assert [h.field for h in reg.history(item_id)][-2:] == ["status", "note"]
    after = snapshot(inbox, outbox)
    assert after["register"]["meetings"] == clean["register"]["meetings"]
    assert len(after["register"]["items"]) == len(clean["register"]["items"])
    assert run(inbox, outbox).exit_code == 0  # and runs go on

    check = CliRunner().invoke(main, ["register", "check", "--outbox", str(outbox)])
    assert check.exit_code == 0 and "in Ordnung" in check.output


def test_a_fresh_outbox_is_not_an_error(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    drop_documents(inbox, count=2, bad=())
    assert run(inbox, outbox).exit_code == 0
    assert register_file(outbox).stat().st_size > 0


def test_actions_list_refuses_an_empty_register_file(processed):
    _, outbox = processed
    register_file(outbox).write_bytes(b"")
    result = CliRunner().invoke(main, ["actions", "list", "--outbox", str(outbox)])
    assert result.exit_code == EXIT_OPERATIONAL
    assert "register repair" in result.output
    assert register_file(outbox).stat().st_size == 0


def test_sqlite_integrity_problem_is_reported_by_check(processed):
    _, outbox = processed
    conn = sqlite3.connect(register_file(outbox))
    conn.execute("DROP TABLE action_items")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["register", "check", "--outbox", str(outbox)])
    assert result.exit_code == EXIT_OPERATIONAL
