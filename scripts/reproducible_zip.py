"""Rewrite a Word package so the same content always gives the same bytes.

python-docx stamps each zip member with the current time; the generators of the
example, the eval minutes and the corpus rewrite the package with one fixed
timestamp and fixed attributes, members in their original order.
"""
from __future__ import annotations

import io
import zipfile


def deterministic_zip(data: bytes, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            member.external_attr = 0
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()
