"""Register exports, by name: csv, xlsx, ics, html (one list per institution), ….

    writers() / names() / downloads()       the registered formats (CLI choices, review page links)
    export(items, fmt, out, ExportOptions(…)) -> list[Path]

Every module of this package except ``registry`` and ``rows`` is a writer that
registers itself on import; they are imported here by discovery, so adding a
format means adding one module (plus its template and test), nothing else.
"""
from __future__ import annotations

import importlib
import pkgutil

from .registry import DEFAULT_CALENDAR_NAME, ExportOptions, Labels, Writer, downloads, export, get, names, register, writers

_SUPPORT = {"registry", "rows"}
for _module in pkgutil.iter_modules(__path__):
    if _module.name not in _SUPPORT:
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["DEFAULT_CALENDAR_NAME", "ExportOptions", "Labels", "Writer", "downloads", "export", "get", "names", "register", "writers"]
