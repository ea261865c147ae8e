"""`process --public`: <name>.oeffentlich.html without attendees' names, non-public items or review notes."""
import re

from click.testing import CliRunner
from docx import Document as WordDocument

from protokollant.cli import main

NAMES = ("Anna", "Yilmaz", "Nikolai", "Petrenko", "Jana", "Berger", "Michael", "Goedicke", "Kaltenbach")


def board_minutes(path):
    doc = WordDocument()
    doc.add_heading("Protokoll der Vorstandssitzung des Fördervereins Ausbildung am 12.03.2026", level=1)
    doc.add_paragraph("Anwesend: Anna Yilmaz (IHK), Nikolai Petrenko (Jobcenter), Jana Berger (Vorsitz)")
    doc.add_heading("TOP 1: Fachtag", level=2)
    doc.add_paragraph("Frau Yilmaz berichtet über die Planung; Michael Goedicke hat den Saal angeboten.")
    doc.add_paragraph("Frau Yilmaz erstellt eine Übersicht der Anschlussangebote bis 30.04.2026.")
    doc.add_paragraph("Der Vorstand beschließt einstimmig, den Fachtag am 10.09.2026 durchzuführen.")
    doc.add_heading("TOP 2: Kontaktliste", level=2)
    doc.add_paragraph("Herr Petrenko aktualisiert die Kontaktliste bis 15.04.2026 und klärt das mit Fr. Kaltenbach.")
    doc.add_heading("TOP 3: Nicht öffentlicher Teil – Personalangelegenheiten", level=2)
    doc.add_paragraph("Der Vorstand beschließt die Einstellung von Frau Schneider als Geschäftsführerin.")
    doc.add_paragraph("Frau Berger führt das Bewerbungsgespräch bis 20.03.2026.")
    doc.save(path)
    return path


def test_public_report_has_no_names_and_no_non_public_part(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["process", str(board_minutes(tmp_path / "vorstand.docx")), "--outbox", str(out), "--model", "blank", "--public", "--anlegen"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    public = out / "vorstand" / "vorstand.oeffentlich.html"
    assert f"ÖFFENTLICH {public}" in result.output
    html = public.read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))
    for name in NAMES:
        assert name not in html, name
    assert not re.search(r"\b(AY|NP|JB)\b", text)
    assert "Vertreterin der IHK erstellt eine Übersicht der Anschlussangebote" in text
    assert "Vertreter (Jobcenter) aktualisiert die Kontaktliste" in text and "N. N." in text
    assert "Vertretene Institutionen" in text and "IHK" in text and "Jobcenter" in text and "1 weiteres Mitglied" in text
    # the non-public part is left out with its decision and task
    assert "Personalangelegenheiten" not in text and "Schneider" not in text and "Bewerbungsgespräch" not in text
    assert "ohne den nicht öffentlichen Teil" in text
    assert "Der Vorstand beschließt einstimmig, den Fachtag" in text
    # no review notes
    assert "unsicher" not in text and "Hinweise zur Auswertung" not in text and "SHA-256" not in text
    # the internal report is unchanged and still names them
    assert "Anna Yilmaz" in (out / "vorstand" / "vorstand.html").read_text(encoding="utf-8")


def test_without_flag_no_public_file(tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["process", str(board_minutes(tmp_path / "vorstand.docx")), "--outbox", str(out), "--model", "blank", "--anlegen"])
    assert not (out / "vorstand" / "vorstand.oeffentlich.html").exists()
