"""Where test inputs live, for test modules at any depth of tests/."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
EXAMPLE_DOCX = ROOT / "examples" / "kog-sitzung-2026-03-12.docx"
