"""Action register (protokollant/register/) and its exports (protokollant/outputs/)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3
import zipfile
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from protokollant import exports
from protokollant.register import (
    ENV_URL,
    SCHEMA_VERSION,
    InvalidValueError,
    Register,
    RegisterError,
    UnknownItemError,
    completion_kind,
    register_result,
)
from protokollant.schema import Decision, Evidence, MinutesRecord
from tests.register_fixtures import TODAY, item, march, record

@pytest.fixture(autouse=True)
def _no_env_url(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)


@pytest.fixture
def reg(tmp_path):
    with Register.open(tmp_path / "outbox", today=lambda: TODAY) as r:
        yield r


# --------------------------------------------------------------------------- migrations / opening


def test_empty_database_is_migrated_and_second_open_is_a_noop(tmp_path):
    outbox = tmp_path / "outbox"
    Register.open(outbox).close()
    db = outbox / ".protokollant" / "register.sqlite3"
    assert db.exists()
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"register_version", "meetings", "action_items", "decisions", "item_history", "register_state"} <= tables
    assert con.execute("SELECT version FROM register_version ORDER BY version").fetchall() == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
    con.close()
    from protokollant.register import migrate

    with Register.open(outbox) as r:
        r.record_minutes(march(), "sitzung-maerz")
        assert migrate(r.engine) == []  # nothing left to apply
        assert r.schema_version() == SCHEMA_VERSION
    with Register.open(outbox) as r:
        assert len(r.list_items()) == 3
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM register_version").fetchone() == (SCHEMA_VERSION,)  # no migration applied twice
    con.close()


def test_url_by_argument_and_environment(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    with Register.open(tmp_path / "outbox", url=url) as r:
        r.record_minutes(march(), "m")
    assert (tmp_path / "elsewhere.db").exists()
    assert not (tmp_path / "outbox" / ".protokollant" / "register.sqlite3").exists()
    monkeypatch.setenv(ENV_URL, url)
    with Register.open(tmp_path / "other") as r:
        assert len(r.list_items()) == 3
    with Register.open(url) as r:
        assert len(r.list_items()) == 3


def test_unopenable_database_raises_register_error(tmp_path):
    with pytest.raises(RegisterError):
        Register.open("sqlite:////nonexistent-dir/x/y/register.db")


# --------------------------------------------------------------------------- identity, reprocessing, reviews


def test_reprocessing_keeps_ids_and_reviews(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    items = reg.list_items()
    assert len(items) == 3
    ids = [i.id for i in items]
    reg.set_item(ids[0], status="done", by="jb", note="per Mail")
    reg.set_item(ids[1], responsible="Jobcenter Musterstadt", due="30.06.2026", by="jb")
    counts = reg.record_minutes(march(), "sitzung-maerz")
    assert counts == {"inserted": 0, "updated": 3, "removed": 0, "restored": 0}
    after = {i.id: i for i in reg.list_items()}
    assert list(after) == ids
    assert after[ids[0]].status == "done" and after[ids[0]].note == "per Mail"
    assert after[ids[1]].responsible == ["Jobcenter Musterstadt"]
    assert after[ids[1]].institutions == ["Jobcenter Musterstadt"]
    assert after[ids[1]].due_date == dt.date(2026, 6, 30)
    # extracted values are kept beside the reviewed ones
    assert after[ids[1]].extracted_responsible == ["Industrie- und Handelskammer Musterstadt"]
    assert after[ids[1]].extracted_due_date == dt.date(2026, 5, 15)


def test_ids_depend_on_minutes_identity_not_bytes(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    other_bytes = march().model_copy(update={"source": march().source.model_copy(update={"sha256": "b" * 64})})
    reg.record_minutes(other_bytes, "sitzung-maerz")
    assert len(reg.list_items()) == 3
    reg.record_minutes(march(), "andere-sitzung")  # another minutes document, same content
    assert len(reg.list_items()) == 6
    assert len({i.id for i in reg.list_items()}) == 6


def test_corrected_version_updates_in_place_and_keeps_reviews(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    first, second, third = reg.list_items()
    reg.set_item(first.id, status="confirmed", by="jb")
    reg.set_item(third.id, status="done", by="jb")
    corrected = march()
    corrected.action_items[0] = item("Einladung zum Fachtag an alle Mitglieder versenden", "Frau Berger", resolved="Jana Berger", due=dt.date(2026, 4, 3), block=5)
    del corrected.action_items[2]  # reviewed item vanishes
    del corrected.action_items[1]  # unreviewed item vanishes
    counts = reg.record_minutes(corrected, "sitzung-maerz")
    assert counts["updated"] == 1 and counts["inserted"] == 0 and counts["removed"] == 2
    by_id = {i.id: i for i in reg.list_items(status=["open", "confirmed", "rejected", "done", "removed"])}
    assert by_id[first.id].task == "Einladung zum Fachtag an alle Mitglieder versenden"
    assert by_id[first.id].status == "confirmed"
    assert by_id[first.id].due_date == dt.date(2026, 4, 3)
    assert by_id[second.id].status == "removed" and not by_id[second.id].in_source
    assert by_id[third.id].status == "done" and not by_id[third.id].in_source  # reviewed: not marked removed
    assert [i.id for i in reg.list_items()] == [first.id, third.id]  # removed ones hidden by default
    fields = [h.field for h in reg.history(first.id)]
    assert "task" in fields and "due (extrahiert)" in fields
    # restoring: the full version again brings the removed item back
    reg.record_minutes(march(), "sitzung-maerz")
    assert reg.get_item(second.id).status == "open"


def test_history_records_who_and_when(reg, monkeypatch):
    reg.record_minutes(march(), "sitzung-maerz")
    target = reg.list_items()[0]
    monkeypatch.setattr("getpass.getuser", lambda: "osuser")
    reg.set_item(target.id, status="confirmed")
    reg.set_item(target.id[:6], status="done", note="erledigt laut Mail", by="Jana Berger")
    entries = reg.history(target.id)
    assert [(e.field, e.old, e.new, e.by) for e in entries] == [
        ("created", None, target.task, "protokollant"),
        ("status", "open", "confirmed", "osuser"),
        ("status", "confirmed", "done", "Jana Berger"),
        ("note", None, "erledigt laut Mail", "Jana Berger"),
    ]
    assert all(re.match(r"\d{4}-\d\d-\d\dT", e.at) for e in entries)
    view = reg.get_item(target.id)
    assert view.reviewed_by == "Jana Berger"


def test_set_item_validation(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    target = reg.list_items()[0]
    with pytest.raises(InvalidValueError):
        reg.set_item(target.id, status="removed")
    with pytest.raises(InvalidValueError):
        reg.set_item(target.id, due="31.02.2026")
    with pytest.raises(InvalidValueError):
        reg.set_item(target.id)
    with pytest.raises(UnknownItemError):
        reg.set_item("ffffffffffff", status="done")
    # "" clears a reviewed value: back to the extracted one
    reg.set_item(target.id, due="2026-07-01")
    assert reg.get_item(target.id).due_date == dt.date(2026, 7, 1)
    reg.set_item(target.id, due="")
    assert reg.get_item(target.id).due_date == dt.date(2026, 3, 31)


# --------------------------------------------------------------------------- across meetings


def april(text: str, who: str | None = "Frau Berger") -> MinutesRecord:
    resolved = {"Frau Berger": "Jana Berger", "Herr Kowalski": "Sven Kowalski"}.get(who)
    return record("sitzung-april.docx", dt.date(2026, 4, 16), [
        item(text, who, resolved=resolved, block=4),
        item("Neue Aufgabe zum Haushalt klären", "Herr Kowalski", resolved="Sven Kowalski", block=7),
    ], sha="c" * 64)


@pytest.mark.parametrize("text, expected", [
    ("Die Einladung zum Fachtag wurde versandt.", "done"),
    ("Versand der Einladung zum Fachtag ist erfolgt", "done"),
    ("Einladung zum Fachtag: erledigt", "done"),
    ("Die Einladung zum Fachtag steht noch aus.", "open"),
])
def test_later_report_suggests_status_of_earlier_item(reg, text, expected):
    reg.record_minutes(march(), "sitzung-maerz")
    reg.record_minutes(april(text), "sitzung-april")
    items = reg.list_items()
    earlier = next(i for i in items if i.task == "Einladung zum Fachtag versenden")
    report = next(i for i in items if i.task == text)
    assert earlier.suggested_status == expected
    assert earlier.status == "open"  # a suggestion never changes the status
    assert earlier.linked_item_id == report.id
    assert report.linked_item_id == earlier.id
    assert "Sitzung 16.04.2026" in earlier.suggestion_source
    others = [i for i in items if i.id not in (earlier.id, report.id)]
    assert all(i.suggested_status is None for i in others)


def test_report_with_other_responsible_or_other_task_is_not_linked(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    reg.record_minutes(april("Die Einladung zum Fachtag wurde versandt.", who="Herr Kowalski"), "sitzung-april")
    assert all(i.suggested_status is None for i in reg.list_items())
    reg.record_minutes(april("Der Bericht zum Haushalt wurde versandt."), "sitzung-april")
    assert all(i.suggested_status is None for i in reg.list_items())


def test_report_in_a_decision_and_recorded_out_of_order(reg):
    decision = Decision(text="Die Einladung zum Fachtag ist erfolgt.", kind="agreement", topic_index=0,
                        evidence=Evidence(block_index=4, block_kind="paragraph", text="Die Einladung zum Fachtag ist erfolgt."), confidence=0.8)
    later = record("sitzung-april.docx", dt.date(2026, 4, 16), [], [decision], sha="d" * 64)
    reg.record_minutes(later, "sitzung-april")  # the later minutes arrive first
    reg.record_minutes(march(), "sitzung-maerz")
    earlier = next(i for i in reg.list_items() if i.task == "Einladung zum Fachtag versenden")
    assert earlier.suggested_status == "done" and earlier.linked_item_id is None


def test_reviewed_done_items_get_no_suggestion(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    earlier = reg.list_items()[0]
    reg.set_item(earlier.id, status="done")
    reg.record_minutes(april("Die Einladung zum Fachtag steht noch aus."), "sitzung-april")
    assert reg.get_item(earlier.id).suggested_status is None
    assert reg.get_item(earlier.id).status == "done"


def test_completion_kind():
    assert completion_kind("Die Unterlagen wurden allen Mitgliedern per Mail versandt.") == "done"
    assert completion_kind("Das Fachgespräch ist noch nicht erledigt.") == "open"
    assert completion_kind("Frau Berger versendet die Einladung.") is None


# --------------------------------------------------------------------------- overdue, filters


def test_overdue_with_fixed_today(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    items = reg.list_items()
    assert [i.overdue for i in items] == [True, False, False]  # 31.03. < 20.04.; 15.05. later; no date
    assert [i.id for i in reg.list_items(overdue=True)] == [items[0].id]
    assert [i.overdue for i in reg.list_items(today=dt.date(2026, 3, 31))] == [False, False, False]
    reg.set_item(items[0].id, status="done")
    assert reg.list_items(overdue=True) == []
    reg.set_item(items[1].id, due="01.04.2026", status="confirmed")
    assert [i.id for i in reg.list_items(overdue=True)] == [items[1].id]


def test_filters(reg):
    reg.record_minutes(march(), "sitzung-maerz")
    reg.record_minutes(april("Die Einladung zum Fachtag wurde versandt."), "sitzung-april")
    assert len(reg.list_items()) == 5
    assert [i.task for i in reg.list_items(institution="ihk")] == ["Übersicht der Praktikumsplätze erstellen"]
    jobcenter = reg.list_items(institution="Jobcenter")  # via Jana Berger's role
    assert [i.task for i in jobcenter] == ["Einladung zum Fachtag versenden", "Die Einladung zum Fachtag wurde versandt."]
    assert len(reg.list_items(institution="ohne Zuordnung")) == 2  # Kowalski: role "Vorsitz" names no institution
    assert len(reg.list_items(meeting="sitzung-april")) == 2
    assert len(reg.list_items(meeting="sitzung-maerz.docx")) == 3
    assert len(reg.list_items(meeting="2026-03-12")) == 3
    first = reg.list_items()[0]
    reg.set_item(first.id, status="rejected")
    assert [i.id for i in reg.list_items(status="rejected")] == [first.id]
    assert len(reg.list_items(status=["open", "rejected"])) == 5
    with pytest.raises(InvalidValueError):
        reg.list_items(status="kaputt")


# --------------------------------------------------------------------------- hook


def test_register_result_hook(tmp_path):
    outbox = tmp_path / "outbox"
    rec = march()
    result = SimpleNamespace(ok=True, record=rec, outputs={"json": str(outbox / "sitzung-maerz" / "sitzung-maerz.json")})
    assert register_result(outbox, result)["inserted"] == 3
    assert register_result(outbox, result)["inserted"] == 0
    assert register_result(outbox, SimpleNamespace(ok=False, record=None, outputs={})) is None
    with Register.open(outbox) as r:
        assert {i.meeting_stem for i in r.list_items()} == {"sitzung-maerz"}
    with pytest.raises(RegisterError):
        register_result(outbox, result, url="sqlite:////nonexistent-dir/x/register.db")


def test_a_registrar_opens_the_register_once_for_many_documents(tmp_path, monkeypatch):
    from protokollant import register as register_module

    opened = []
    real_open = register_module.Register.open.__func__

    def counting_open(cls, *args, **kwargs):
        opened.append(args)
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(register_module.Register, "open", classmethod(counting_open))
    outbox = tmp_path / "outbox"
    results = [
        SimpleNamespace(ok=True, record=march(), outputs={"json": str(outbox / stem / f"{stem}.json")})
        for stem in ("sitzung-maerz", "sitzung-maerz-kopie")
    ]
    with register_module.Registrar(outbox) as registrar:
        assert [registrar.record(r)["inserted"] for r in results] == [3, 3]
        assert registrar.record(SimpleNamespace(ok=False, record=None, outputs={})) is None
    assert len(opened) == 1
    with Register.open(outbox) as r:
        assert {i.meeting_stem for i in r.list_items()} == {"sitzung-maerz", "sitzung-maerz-kopie"}


# --------------------------------------------------------------------------- exports


@pytest.fixture
def hostile_items(reg):
    rec = march()
    rec.action_items.append(item('=HYPERLINK("http://x");<script>alert(1)</script>, Teil\\2\nZeile zwei; Ende – ' + "ä" * 60,
                                 "IHK", kind="institution", due=dt.date(2026, 5, 2), block=8))
    reg.record_minutes(rec, "sitzung-maerz")
    return reg.list_items()


def test_csv_export_for_german_excel(hostile_items):
    data = exports.export_csv(hostile_items)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0][:3] == ["ID", "Aufgabe", "Verantwortlich"]
    assert len(rows) == 5
    assert rows[1][4] == "31.03.2026" and rows[1][8] == "ja"
    assert rows[4][1].startswith("'=HYPERLINK")  # formula guard
    assert rows[2][3] == "Industrie- und Handelskammer Musterstadt"


def test_ics_export(hostile_items):
    data = exports.export_ics(hostile_items, now=dt.datetime(2026, 4, 20, 8, 0, tzinfo=dt.timezone.utc))
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 3  # items with a due date only
    for i in hostile_items:
        if i.due_date:
            assert f"UID:{i.id}@protokollant" in unfolded
    assert "DTSTART;VALUE=DATE:20260331" in unfolded and "DTEND;VALUE=DATE:20260401" in unfolded
    summary = next(line for line in unfolded.split("\r\n") if line.startswith("SUMMARY:=HYPERLINK"))
    assert '\\;' in summary and '\\,' in summary and '\\\\2' in summary and '\\n' in summary
    assert "DTSTAMP:20260420T080000Z" in unfolded
    todo = exports.export_ics(hostile_items, component="VTODO").decode()
    assert "BEGIN:VTODO" in todo and "DUE;VALUE=DATE:20260331" in todo and "STATUS:NEEDS-ACTION" in todo


def test_ics_fold_keeps_multibyte_characters_whole(hostile_items):
    long = [i for i in hostile_items if i.due_date][:1]
    long[0].task = "ä" * 100
    text = exports.export_ics(long).decode("utf-8")  # decoding fails if a fold split a character
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "SUMMARY:" + "ä" * 100 in text.replace("\r\n ", "")


def test_xlsx_export_opens(hostile_items, tmp_path):
    data = exports.export_xlsx(hostile_items)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        names = set(zf.namelist())
        assert {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"} <= names
        from xml.etree import ElementTree as ET

        for name in names:
            ET.fromstring(zf.read(name))  # every part is well-formed XML
        sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<script>" not in sheet_xml and "<f>" not in sheet_xml  # escaped text, never a formula
    import openpyxl  # an independent reader sees what Excel shows

    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.title == "Aufgaben" and ws["B1"].value == "Aufgabe" and ws["B1"].font.b
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:P5"
    assert ws.max_row == 5
    due = next(c for c in ws["E"][1:] if c.value is not None)
    assert due.is_date and due.number_format == "DD.MM.YYYY"
    assert due.value.date() == dt.date(2026, 3, 31)
    hostile = next(c for c in ws["B"] if str(c.value).startswith("=HYPERLINK"))
    assert hostile.data_type == "s" and "<script>alert(1)</script>" in hostile.value


def test_html_per_institution(hostile_items, tmp_path):
    written = exports.export_institution_html(hostile_items, tmp_path / "listen", today=TODAY)
    assert set(written) == {"Industrie- und Handelskammer Musterstadt", "Jobcenter Musterstadt", "ohne Zuordnung"}
    ihk = written["Industrie- und Handelskammer Musterstadt"].read_text(encoding="utf-8")
    assert "<script>alert" not in ihk and "&lt;script&gt;alert(1)&lt;/script&gt;" in ihk
    assert "Aufgabenliste: Industrie- und Handelskammer Musterstadt" in ihk
    assert '<html lang="de">' in ihk
    jobcenter = written["Jobcenter Musterstadt"].read_text(encoding="utf-8")
    assert "Einladung zum Fachtag versenden" in jobcenter and "überfällig" in jobcenter
    assert "Praktikumsplätze" not in jobcenter
    assert written["ohne Zuordnung"].name == "ohne_Zuordnung.aufgaben.html"


def test_export_dispatch(hostile_items, tmp_path):
    assert exports.export(hostile_items, "csv", tmp_path / "a" / "x.csv") == [tmp_path / "a" / "x.csv"]
    assert (tmp_path / "a" / "x.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(ValueError):
        exports.export(hostile_items, "pdf", tmp_path / "x.pdf")


def test_record_group_commits_once_and_isolates_a_bad_document(tmp_path, monkeypatch):
    from protokollant import register as register_module

    outbox = tmp_path / "outbox"

    def result(stem):
        return SimpleNamespace(ok=True, record=march(), input=f"{stem}.docx", outputs={"json": str(outbox / stem / f"{stem}.json")})

    good = [result("a"), result("b")]
    with register_module.Registrar(outbox) as registrar:
        assert registrar.record_group(good + [SimpleNamespace(ok=False, record=None, outputs={})]) == []
    with Register.open(outbox) as r:
        assert {i.meeting_stem for i in r.list_items()} == {"a", "b"}

    real = register_module.Register.record_in

    def flaky(self, conn, record, stem):
        if stem == "kaputt":
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real(self, conn, record, stem)

    monkeypatch.setattr(register_module.Register, "record_in", flaky)
    with register_module.Registrar(outbox) as registrar:
        failed = registrar.record_group([result("c"), result("kaputt"), result("d")])
    assert [r.input for r, _ in failed] == ["kaputt.docx"]
    with Register.open(outbox) as r:
        assert {i.meeting_stem for i in r.list_items()} == {"a", "b", "c", "d"}
