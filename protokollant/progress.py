"""A progress bar for long batches on a terminal; silent when stderr is not a TTY.

Cron jobs, pipes and tests see no bar and no control characters; a person at
a terminal sees how far a batch of hundreds of minutes has got. Human lines
printed meanwhile go through ``Progress.echo`` so they do not tear the bar.
"""
from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, total: int, *, label: str = "Verarbeite", stream: TextIO | None = None, force: bool | None = None):
        self.stream = stream or sys.stderr
        shown = force if force is not None else _is_tty(self.stream)
        self._bar = None
        if shown and total > 1:
            from tqdm import tqdm  # only on a terminal: cron jobs and pipes never load it

            self._bar = tqdm(total=total, desc=label, unit=" Dok.", file=self.stream, leave=False, dynamic_ncols=True,
                             bar_format="{desc}: {n_fmt}/{total_fmt} {bar} {elapsed} (noch ~{remaining})")

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def echo(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


__all__ = ["Progress"]
