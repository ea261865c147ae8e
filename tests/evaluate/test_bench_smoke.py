"""Smoke test for bench/speed.py: tiny counts, every section except Prefect, no timing assertions."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import docx

SPEED = Path(__file__).resolve().parents[2] / "bench" / "speed.py"


def _load_speed():
    spec = importlib.util.spec_from_file_location("bench_speed", SPEED)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _minutes(path: Path, n: int) -> None:
    d = docx.Document()
    d.add_heading(f"Protokoll der Vorstandssitzung {n}", level=1)
    d.add_paragraph("Datum: 12.03.2024")
    d.add_paragraph("Anwesend: Anna Schmidt, Peter Müller")
    d.add_heading("TOP 1 Haushalt", level=2)
    d.add_paragraph("Der Vorstand beschließt einstimmig den Haushaltsplan 2024.")
    d.add_paragraph("Peter Müller kümmert sich bis zum 30.04.2024 um die Einladung.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Aufgabe", "Wer"
    t.cell(1, 0).text, t.cell(1, 1).text = "Protokoll verschicken", "Anna"
    d.save(str(path))


def test_speed_bench_smoke(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        _minutes(corpus / f"sitzung-{n}.docx", n)
    out = tmp_path / "speed.json"
    speed = _load_speed()
    assert speed.main([str(corpus), "--copies", "4", "--inbox-docs", "2", "--cold-runs", "1", "--cli-runs", "1",
                       "--skip-prefect", "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    for key in ("command", "env", "corpus", "startup", "reading", "pipeline", "nlp", "cold", "cli", "inbox", "prefect", "table", "total_seconds"):
        assert key in report, key
    assert report["corpus"]["copies"] == 4
    for key in ("python_docx_median_ms", "read_document_median_ms", "ratio_median", "ratio_total", "met"):
        assert key in report["reading"], key
    for key in ("process_file_median_ms", "ratio_median", "ratio_total", "docs_per_second", "failed", "met"):
        assert key in report["pipeline"], key
    assert report["pipeline"]["failed"] == 0
    for key in ("words", "words_per_second", "components", "slowest_component", "met"):
        assert key in report["nlp"], key
    assert "tokenizer" in report["nlp"]["components"]
    for key in ("wall_seconds_median", "import_cli_total_ms_median", "prefect_imported_on_process_path", "met"):
        assert key in report["cold"], key
    assert report["cold"]["prefect_imported_on_process_path"] is False
    assert report["cli"]["json_written"] == 4 and report["cli"]["exit_codes"] == [0, 0]
    for key in ("cli_wall_s", "python_docx_wall_s", "ratio_without_startup", "ratio_wall", "met"):
        assert key in report["cli"], key
    assert [r["already_processed"] for r in report["inbox"]["runs"]] == [2, 1]
    for run in report["inbox"]["runs"]:
        assert run["first_run_processed"] == run["already_processed"]
        assert set(run["second_run_processed"]) == {1}
    assert report["inbox"]["only_new_processed"] is True
    assert "n_vs_half_ratio" in report["inbox"]
    assert report["prefect"] == {"skipped": True}
    assert {"measurement", "value", "target", "met"} <= set(report["table"][0])
