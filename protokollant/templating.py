"""The Jinja2 environment of every HTML output (report, review page, institution lists, mails):
autoescaped, strict, with the German formatting filters."""
from __future__ import annotations

import functools

import jinja2

from .german import format_date_de, format_datetime_de, format_int_de, format_percent
from .paths import templates_dir


@functools.lru_cache(maxsize=4)
def _environment(directory: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        date_de=format_date_de,
        datetime_de=format_datetime_de,
        int_de=format_int_de,
        percent=format_percent,
    )
    return env


def get_environment() -> jinja2.Environment:
    """The (cached) Jinja2 environment for the current templates directory."""
    return _environment(str(templates_dir()))


__all__ = ["get_environment"]
