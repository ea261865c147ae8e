#!/usr/bin/env python3
"""Build the project's annotated corpus: corpus/src/**/<name>.txt -> <out>/<name>.docx.

Each document of the corpus is kept as a small text source in a Markdown-like
markup (below) beside its gold file (<name>.gold.json, format of the corpus
README). This script renders the sources to Word files reproducibly (fixed
core properties and zip timestamps: the same source gives the same bytes) and
copies the gold files next to them, so that a folder of .docx + .gold.json is
what `protokollant evaluate` and the training script read.

Markup, one paragraph per line:

    @title: Text            core property "title" (optional, first lines only)
    @author: Name           core property "author" (optional)
    = Text                  paragraph in Word's "Title" style
    # Text / ## / ###       Heading 1 / 2 / 3
    **Text**                a paragraph that is bold throughout
    - Text / -- Text        bulleted list, level 1 / 2 (Word list, bullet not in the text)
    #. Text / ##. Text      numbered list, level 1 / 2 (Word numbering, number not in the text)
    | a | b | c |           a table row; consecutive rows are one table
    |= a | b | c |          a header row (bold, repeated on each page)
    |> Text                 a row of one cell merged across the whole table
    Text                    a plain paragraph (typed numbers such as "1." stay text)
    (empty line)            ends a table; otherwise ignored

Inside any text: "<br>" is a line break in the same paragraph (or cell),
"**bold**" a bold run. Everything else is literal text.

    python scripts/build_corpus.py [SRC_DIR] --out DIR
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import shutil
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling helper, also when loaded by path (tests)
from reproducible_zip import deterministic_zip  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = PROJECT_ROOT / "corpus" / "src"
ZIP_TIMESTAMP = (2026, 1, 5, 12, 0, 0)
CREATED = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.timezone.utc)

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _add_runs(paragraph, text: str, *, bold: bool = False) -> None:
    """Text with "<br>" line breaks and "**bold**" runs into a paragraph."""
    lines = text.split("<br>")
    for i, line in enumerate(lines):
        pos = 0
        for m in _BOLD.finditer(line):
            if m.start() > pos:
                paragraph.add_run(line[pos : m.start()]).bold = bold or None
            paragraph.add_run(m.group(1)).bold = True
            pos = m.end()
        run = paragraph.add_run(line[pos:])
        run.bold = bold or None
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def _split_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip() for c in inner.split("|")]


class _Builder:
    def __init__(self) -> None:
        self.doc = Document()
        self.title: str | None = None
        self.author = "Protokoll"
        self._rows: list[tuple[str, list[str] | str]] = []  # ("header"|"row"|"merged", cells)

    # ---------------------------------------------------------------- tables
    def _flush_table(self) -> None:
        if not self._rows:
            return
        width = max((len(c) for kind, c in self._rows if kind != "merged"), default=1)
        table = self.doc.add_table(rows=0, cols=width)
        table.style = self.doc.styles["Table Grid"]
        for kind, cells in self._rows:
            row = table.add_row()
            if kind == "merged":
                merged = row.cells[0].merge(row.cells[-1]) if width > 1 else row.cells[0]
                _add_runs(merged.paragraphs[0], cells, bold=True)
                continue
            for cell, value in zip(row.cells, list(cells) + [""] * (width - len(cells))):
                _add_runs(cell.paragraphs[0], value, bold=kind == "header")
            if kind == "header":
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        self._rows = []
        self.doc.add_paragraph()  # Word needs a paragraph between two tables

    # ---------------------------------------------------------------- lines
    def line(self, raw: str) -> None:
        line = raw.rstrip("\n")
        stripped = line.strip()
        if stripped.startswith("|"):
            if stripped.startswith("|>"):
                self._rows.append(("merged", stripped[2:].strip().rstrip("|").strip()))
            elif stripped.startswith("|="):
                self._rows.append(("header", _split_cells("|" + stripped[2:])))
            else:
                self._rows.append(("row", _split_cells(stripped)))
            return
        self._flush_table()
        if not stripped:
            return
        if stripped.startswith("@title:"):
            self.title = stripped[7:].strip()
        elif stripped.startswith("@author:"):
            self.author = stripped[8:].strip()
        elif stripped.startswith("= "):
            _add_runs(self.doc.add_paragraph(style="Title"), stripped[2:])
        elif m := re.match(r"(#{1,3}) (.*)", stripped):
            _add_runs(self.doc.add_heading("", level=len(m.group(1))), m.group(2))
        elif m := re.match(r"(#{1,2})\. (.*)", stripped):
            style = "List Number" if len(m.group(1)) == 1 else "List Number 2"
            _add_runs(self.doc.add_paragraph(style=style), m.group(2))
        elif m := re.match(r"(-{1,2}) (.*)", stripped):
            style = "List Bullet" if len(m.group(1)) == 1 else "List Bullet 2"
            _add_runs(self.doc.add_paragraph(style=style), m.group(2))
        elif re.fullmatch(r"\*\*[^*]+\*\*", stripped):
            _add_runs(self.doc.add_paragraph(), stripped[2:-2], bold=True)
        else:
            _add_runs(self.doc.add_paragraph(), stripped)

    def to_bytes(self) -> bytes:
        self._flush_table()
        props = self.doc.core_properties
        props.title = self.title or ""
        props.author = props.last_modified_by = self.author
        props.language = "de-DE"
        props.created = props.modified = props.last_printed = CREATED
        props.revision = 1
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return deterministic_zip(buffer.getvalue(), ZIP_TIMESTAMP)


def render(source: str) -> bytes:
    """The .docx bytes of one markup source."""
    builder = _Builder()
    for raw in source.splitlines():
        builder.line(raw)
    return builder.to_bytes()


def build(src_dir: Path, out_dir: Path, *, only: str | None = None) -> list[Path]:
    """Render every <name>.txt under src_dir into out_dir (flat), with its gold file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for src in sorted(src_dir.rglob("*.txt")):
        if only and only not in str(src):
            continue
        target = out_dir / (src.stem + ".docx")
        target.write_bytes(render(src.read_text(encoding="utf-8")))
        gold = src.with_name(src.stem + ".gold.json")
        if gold.exists():
            shutil.copyfile(gold, out_dir / gold.name)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", nargs="?", type=Path, default=DEFAULT_SRC, help="folder with <name>.txt sources")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .docx and .gold.json files")
    parser.add_argument("--only", help="only sources whose path contains this text")
    args = parser.parse_args(argv)
    written = build(args.src, args.out, only=args.only)
    print(f"{len(written)} Dokumente nach {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
