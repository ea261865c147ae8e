"""The progress bar shows on a terminal only (issue 15)."""
from __future__ import annotations

import io

from protokollant.progress import Progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_tty():
    out = io.StringIO()
    with Progress(10, stream=out) as bar:
        bar.advance(5)
        bar.echo("OK a.docx")
    assert not bar.shown and out.getvalue() == "OK a.docx\n"


def test_bar_on_a_terminal_and_lines_stay_whole():
    out = FakeTTY()
    with Progress(3, stream=out, label="Verarbeite") as bar:
        assert bar.shown
        bar.advance(2)
        bar.echo("OK a.docx")
    text = out.getvalue()
    assert "Verarbeite" in text and "2/3" in text and "OK a.docx\n" in text
