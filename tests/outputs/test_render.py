"""Tests for protokollant.render: HTML report, action CSV, output files, safe_stem.

Golden files: tests/golden/report.html and tests/golden/aufgaben.csv are rendered
from the hand-written record in fixtures_records.py. After an intended change run

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/outputs/test_render.py

and review the diff of the golden files before committing them.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re

import pytest

from tests.fixtures_records import empty_record, kog_record
from protokollant import fileio, render
from protokollant.paths import templates_dir
from protokollant.render import (
    format_date_de,
    format_vote,
    render_actions_csv,
    render_report,
    safe_stem,
    write_outputs,
)
from protokollant.schema import (
    ActionItem,
    Decision,
    Due,
    Evidence,
    MinutesRecord,
    Outcome,
    Responsible,
    ResponsibleKind,
    Vote,
)
from tests.paths import GOLDEN

XSS = "<script>alert(1)</script>"


def _check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"{path} missing; run with UPDATE_GOLDEN=1 and review it"
    expected = path.read_bytes()
    if data != expected:
        # Show a readable first difference rather than two huge blobs.
        got_lines = data.decode("utf-8", "replace").splitlines(keepends=True)
        exp_lines = expected.decode("utf-8", "replace").splitlines(keepends=True)
        for number, (got, exp) in enumerate(zip(got_lines, exp_lines), start=1):
            if got != exp:
                pytest.fail(f"{name} differs at line {number}:\n  expected {exp!r}\n  got      {got!r}\n(UPDATE_GOLDEN=1 to accept)")
        pytest.fail(f"{name} differs in length ({len(got_lines)} vs {len(exp_lines)} lines; UPDATE_GOLDEN=1 to accept)")


def _action(task: str, **kwargs) -> ActionItem:
    return ActionItem(
        task=task,
        evidence=Evidence(block_index=kwargs.pop("block_index", 0), block_kind="paragraph", text=kwargs.pop("text", task)),
        confidence=kwargs.pop("confidence", 0.9),
        **kwargs,
    )


def _csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


# --------------------------------------------------------------------------- golden


def _without_stylesheet(html: bytes) -> bytes:
    """The report embeds templates/report.css whole; the golden file holds a marker instead,
    so that it changes with the report, not with the stylesheet."""
    css = (templates_dir() / "report.css").read_bytes()
    assert html.count(css) == 1, "report.css is embedded exactly once"
    return html.replace(css, b"/* templates/report.css */\n")


def test_report_html_golden():
    _check_golden("report.html", _without_stylesheet(render_report(kog_record()).encode("utf-8")))


def test_actions_csv_golden():
    _check_golden("aufgaben.csv", render_actions_csv(kog_record()))


def test_rendering_is_deterministic():
    assert render_report(kog_record()) == render_report(kog_record())
    assert render_actions_csv(kog_record()) == render_actions_csv(kog_record())


# --------------------------------------------------------------------------- HTML


def test_report_is_self_contained_and_printable():
    html = render_report(kog_record())
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"de\">")
    assert '<meta charset="utf-8">' in html
    assert html.count("<style>") == 1
    for forbidden in ("http://", "https://", "<link", "<script", "<img", "@import", "url(", "@font-face", "<iframe"):
        assert forbidden not in html.lower(), forbidden
    assert "@media print" in html
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", html)
    assert "break-inside: avoid" in html
    assert "thead { display: table-header-group; }" in html


def test_report_content():
    html = render_report(kog_record())
    # Header
    assert "<h1>Protokoll der 14. Sitzung des Koordinierungsgremiums" in html
    assert '<time datetime="2026-03-12">12. März 2026</time>' in html
    assert "<dd>14:00 – 16:30 Uhr</dd>" in html
    assert "<dd>Markus Albrecht</dd>" in html
    assert 'Anwesend <span class="zaehler">(12)</span>' in html
    assert 'Entschuldigt <span class="zaehler">(2)</span>' in html
    assert 'Gäste <span class="zaehler">(2)</span>' in html
    # Topics and subtopics
    assert '<span class="top-nr">TOP 3</span> Bilanz Arbeitsmarktintegration 2025 und Ausblick 2026' in html
    assert '<span class="sub-nr">3.2</span> Ausblick 2026 aus Sicht der Kammern' in html
    # Decisions with votes
    assert '<span class="abstimmung angenommen">angenommen (9 Ja / 0 Nein / 1 Enthaltung)</span>' in html
    assert '<span class="abstimmung angenommen">einstimmig angenommen</span>' in html
    assert "Abstimmung laut Protokoll: „mit 9 Ja-Stimmen, 0 Gegenstimmen und 1 Enthaltung angenommen“" in html
    # Action table: accessible headers, German dates with the text as written, Quelle
    for column in ("Nr.", "Was", "Wer", "Bis wann", "Quelle"):
        assert re.search(rf'<th scope="col"[^>]*>{re.escape(column)}</th>', html), column
    assert '<time datetime="2026-04-15">15. April 2026</time> <span class="klein">(„bis 15.04.“)</span>' in html
    assert "<td>TOP 5, 3. Absatz</td>" in html  # block 40 in TOP 5, whose heading is block 37
    assert "<td>TOP 7, Tabelle 2, Zeile 2</td>" in html
    assert 'Jana Berger <span class="klein">(„JB“)</span>' in html
    # Institutions with aliases, warnings, footer
    assert "<td>Handwerkskammer, HWK</td>" in html
    assert "Hinweise zur Auswertung" in html
    assert "<dd>kog-sitzung-2026-03-12.docx</dd>" in html
    assert ">b56fb68c4b89…</code>" in html
    assert "<dd>13. März 2026, 09:30 Uhr</dd>" in html
    assert "de_core_news_lg 3.8.0 (spaCy 3.8.7)" in html
    assert "<dt>Schema</dt><dd>1.2</dd>" in html


def test_unsure_marker_only_below_threshold():
    html = render_report(kog_record())
    markers = re.findall(r'<span class="unsicher" title="Erkennungssicherheit (\d+) %">unsicher</span>', html)
    assert markers == ["55"]  # only the NP task (confidence 0.55)


def test_everything_from_the_document_is_escaped():
    record = kog_record()
    record.meeting.title = XSS
    record.meeting.place = '"><img src=x onerror=alert(1)>'
    record.meeting.participants.present[0].name = XSS
    record.decisions[2].text = XSS
    record.decisions[2].vote.text = XSS
    record.action_items[0].task = XSS
    record.action_items[0].responsible[0].name = XSS
    record.action_items[0].due.text = XSS
    record.institutions[0].aliases.append(XSS)
    record.warnings.append(XSS)
    record.source.file = 'x"><script>alert(1)</script>.docx'
    record.source.sha256 = '"onmouseover="alert(1)' + "0" * 42
    record = MinutesRecord.model_validate(record.model_dump())

    html = render_report(record)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert 'onmouseover="' not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<h1>{escaped}</h1>" in html
    assert f'<p class="beschluss-text">{escaped}</p>' in html
    assert html.count(escaped) >= 9


def test_empty_record_renders_with_empty_states():
    html = render_report(empty_record())
    for text in (
        "<h1>Sitzungsprotokoll</h1>",
        '<span class="leer">nicht erkannt</span>',
        "Keine Teilnehmerliste erkannt.",
        "Keine Tagesordnungspunkte erkannt.",
        "Keine Beschlüsse erkannt.",
        "Keine Aufgaben erkannt.",
        "Keine Institutionen erkannt.",
        "<li>0 Beschlüsse</li>",
        "<dd>2. Januar 2026, 04:04 Uhr</dd>",
    ):
        assert text in html, text
    assert "Hinweise zur Auswertung" not in html
    assert "<table" not in html
    assert "<dd>blank:de (spaCy 3.8.7)</dd>" not in html  # the title attribute sits on the dd
    assert ">blank:de (spaCy 3.8.7)</dd>" in html


def test_decisions_without_topic_and_vote_variants():
    record = empty_record()
    ev = Evidence(block_index=4, block_kind="paragraph", text="Der Antrag wird abgelehnt.")
    record.decisions = [
        Decision(text="Der Antrag wird abgelehnt.", kind="motion", topic_index=None,
                 vote=Vote(yes=2, no=5, abstain=0, outcome=Outcome.REJECTED), evidence=ev, confidence=0.4),
    ]
    html = render_report(record)
    assert "<h3>Ohne Zuordnung zu einem TOP</h3>" in html
    assert '<span class="abstimmung abgelehnt">abgelehnt (2 Ja / 5 Nein / 0 Enthaltungen)</span>' in html
    assert '<span class="beschluss-art">Antrag</span>' in html
    assert "Quelle: Absatz 5" in html
    assert 'title="Erkennungssicherheit 40 %">unsicher</span>' in html


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2026, 3, 12), "12. März 2026"),
        (dt.date(2026, 1, 1), "1. Januar 2026"),
        (dt.date(2025, 12, 31), "31. Dezember 2025"),
        (dt.date(2026, 5, 7), "7. Mai 2026"),
        (None, ""),
    ],
)
def test_format_date_de(date, expected):
    assert format_date_de(date) == expected


@pytest.mark.parametrize(
    ("vote", "expected"),
    [
        (Vote(unanimous=True, outcome=Outcome.ACCEPTED), "einstimmig angenommen"),
        (Vote(yes=5, no=0, abstain=1, outcome=Outcome.ACCEPTED), "angenommen (5 Ja / 0 Nein / 1 Enthaltung)"),
        (Vote(yes=3, no=4, abstain=2, outcome=Outcome.REJECTED), "abgelehnt (3 Ja / 4 Nein / 2 Enthaltungen)"),
        (Vote(outcome=Outcome.REJECTED), "abgelehnt"),
        (Vote(unanimous=True, outcome=Outcome.REJECTED), "einstimmig abgelehnt"),
        (Vote(yes=7, no=1), "Abstimmung: 7 Ja / 1 Nein"),
        (Vote(text="per Handzeichen"), "per Handzeichen"),
        (Vote(), ""),
        (None, ""),
    ],
)
def test_format_vote(vote, expected):
    assert format_vote(vote) == expected


def test_environment_is_cached():
    assert render.get_environment() is render.get_environment()
    env = render.get_environment()
    assert env.autoescape is True
    assert env.undefined.__name__ == "StrictUndefined"


# --------------------------------------------------------------------------- CSV


def test_csv_format_for_german_excel():
    data = render_actions_csv(kog_record())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[0] == "Nr;Aufgabe;Verantwortlich;Fällig am;Frist (Originaltext);TOP;Quelle;Sicherheit"
    rows = _csv_rows(data)
    assert len(rows) == 1 + 8
    assert all(len(row) == 8 for row in rows)
    by_nr = {row[0]: row for row in rows[1:]}
    assert by_nr["2"][2:8] == ["Dr. Aylin Yilmaz", "15.04.2026", "bis 15.04.", "TOP 5", "3. Absatz", "0,93"]
    assert by_nr["3"][2] == "Industrie- und Handelskammer Musterstadt, Handwerkskammer Musterstadt"
    assert by_nr["4"][3:5] == ["", "bis zu den Sommerferien"]
    assert by_nr["5"][3:5] == ["", ""]
    assert by_nr["6"][6] == "Tabelle 2, Zeile 2"
    assert by_nr["8"][2:4] == ["Claudia Vogt, Frank Ochs", "30.06.2026"]
    for row in rows[1:]:
        assert row[3] == "" or re.fullmatch(r"\d\d\.\d\d\.\d{4}", row[3])


def test_csv_quotes_and_newlines_round_trip():
    record = empty_record()
    tricky = 'Antrag "A"; Teil 2\nzweite Zeile'
    record.action_items = [_action(tricky, responsible=[Responsible(name="Frau Müller; Herr Öz", kind=ResponsibleKind.PERSON)])]
    data = render_actions_csv(record)
    rows = _csv_rows(data)
    assert rows[1][1] == tricky
    assert rows[1][2] == "Frau Müller; Herr Öz"
    assert b'"Antrag ""A""; Teil 2\nzweite Zeile"' in data


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://x\";\"klick\")", "+1+1", "-2+3", "@SUMME(A1)", "\t=1", "\r=1"])
def test_csv_formula_injection_is_neutralised(payload):
    record = empty_record()
    record.action_items = [
        _action(
            payload,
            responsible=[Responsible(name=payload, kind=ResponsibleKind.UNKNOWN)],
            due=Due(date=None, text=payload),
        )
    ]
    row = _csv_rows(render_actions_csv(record))[1]
    assert row[1] == "'" + payload
    assert row[2] == "'" + payload
    assert row[4] == "'" + payload
    for cell in row:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_empty_record_has_header_only():
    data = render_actions_csv(empty_record())
    assert data == "\ufeffNr;Aufgabe;Verantwortlich;Fällig am;Frist (Originaltext);TOP;Quelle;Sicherheit\r\n".encode("utf-8")


# --------------------------------------------------------------------------- files


def test_write_outputs(tmp_path):
    record = kog_record()
    out = tmp_path / "outbox"
    paths = write_outputs(record, out, "kog-sitzung-2026-03-12")
    assert paths == {
        "json": out / "kog-sitzung-2026-03-12.json",
        "html": out / "kog-sitzung-2026-03-12.html",
        "csv": out / "kog-sitzung-2026-03-12.aufgaben.csv",
    }
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths.values())
    assert MinutesRecord.model_validate_json(paths["json"].read_text(encoding="utf-8")) == record
    assert paths["html"].read_text(encoding="utf-8") == render_report(record)
    assert paths["csv"].read_bytes() == render_actions_csv(record)

    # Overwriting leaves no temp files either.
    write_outputs(record, out, "kog-sitzung-2026-03-12")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths.values())


def test_write_outputs_cleans_an_unsafe_stem(tmp_path):
    paths = write_outputs(empty_record(), tmp_path, "../../Sitzung März 2026")
    for path in paths.values():
        assert path.parent == tmp_path
        assert path.name.startswith("Sitzung_März_2026.")
    assert not (tmp_path.parent / "Sitzung März 2026.json").exists()


def test_write_outputs_failure_leaves_no_temp_files(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_outputs(kog_record(), tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


def test_write_outputs_failing_sync_leaves_old_outputs_and_no_temp_files(tmp_path, monkeypatch):
    first = write_outputs(kog_record(), tmp_path, "x")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken_fsync(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(fileio.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_outputs(empty_record(), tmp_path, "x")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first.values())


def test_write_outputs_failing_sync_of_a_later_file_is_raised_too(tmp_path, monkeypatch):
    # the outputs are flushed together (the later ones on the flushing threads): a failure of
    # any one of them fails the write and leaves the old outputs
    first = write_outputs(kog_record(), tmp_path, "x")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real, calls = fileio.os.fsync, []

    def third_fails(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError("I/O error")
        return real(fd)

    monkeypatch.setattr(fileio.os, "fsync", third_fails)
    with pytest.raises(OSError):
        write_outputs(empty_record(), tmp_path, "x")
    assert len(calls) == 3
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first.values())


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("-Protokoll Sitzung März 2026.docx", "Protokoll_Sitzung_März_2026"),
        ("../../evil.docx", "evil"),
        ("..\\..\\evil.docx", "evil"),
        ("~$x.docx", "x"),
        ("~$~$Protokoll.DOCX", "Protokoll"),
        ("CON.docx", "CON_"),
        ("lpt1.docx", "lpt1_"),
        ("nul.tar.docx", "nul_.tar"),
        ("Protokoll 12.03.2026.docx", "Protokoll_12.03.2026"),
        ("Protokoll 12.03.2026", "Protokoll_12.03.2026"),
        ("a  //  b\x00c\nd\te.docx", "b_c_d_e"),
        ("Bericht\u202egnp.docx", "Bericht_gnp"),
        ("Ma\u0308rz-Sitzung.docx", "März-Sitzung"),
        ("Straße & Ämter: Übersicht?.docx", "Straße_Ämter_Übersicht"),
        ("..", "protokoll"),
        ("...docx", "protokoll"),
        (".docx", "docx"),
        ("", "protokoll"),
        ("   ", "protokoll"),
        ("---", "protokoll"),
        (".hidden.docx", "hidden"),
        ("a....b", "a.b"),
        ("Sitzung___2026--03", "Sitzung_2026-03"),
    ],
)
def test_safe_stem(filename, expected):
    assert safe_stem(filename) == expected


def test_safe_stem_properties():
    long = safe_stem("Ä" * 300 + ".docx")
    assert long == "Ä" * 100
    assert len(safe_stem("x" * 500)) == 100
    assert len(safe_stem("\U00020000" * 100).encode("utf-8")) <= 200  # 4-byte letters stay within NAME_MAX
    for name in ["../../evil.docx", "~$x.docx", "CON.docx", "..", "-Protokoll Sitzung März 2026.docx", "a/b/../c"]:
        stem = safe_stem(name)
        assert stem and stem not in (".", "..")
        assert "/" not in stem and "\\" not in stem
        assert not stem.startswith(("-", ".", "~"))
        assert fileio.clean_stem(stem) == stem  # write_outputs keeps a safe_stem result as is


def test_csv_strips_control_characters_from_the_minutes_text():
    record = kog_record()
    record.action_items[0].task = "Flyer\x00 drucken\x1b[31m lassen\x07"
    text = render_actions_csv(record)[3:].decode("utf-8")
    assert "\x00" not in text and "\x1b" not in text and "\x07" not in text
    assert "Flyer drucken[31m lassen" in text
