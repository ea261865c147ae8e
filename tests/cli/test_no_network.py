"""Processing never opens a network connection beyond loopback.

Every socket connect and DNS lookup made while processing is recorded; the
input points at external resources (an attached template and a linked image on
http://example.invalid/), which must never be fetched.
"""
import ipaddress
import socket

import pytest
from click.testing import CliRunner

from tests.docx_factory import make_docx, para, run
from protokollant.cli import main

EXTERNAL_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
    'Target="http://example.invalid/canary/template.dotm" TargetMode="External"/>'
    '<Relationship Id="rIdI" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    'Target="http://example.invalid/canary/image.png" TargetMode="External"/>'
    "</Relationships>"
)


@pytest.fixture
def network_log(monkeypatch):
    calls = []
    real_connect = socket.socket.connect

    def connect(self, address):
        calls.append(("connect", address))
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        calls.append(("dns", host))
        raise socket.gaierror("network lookups are not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return calls


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # unix domain socket
        return True
    try:
        return ipaddress.ip_address(address[0]).is_loopback
    except ValueError:
        return False


def test_process_opens_no_socket_beyond_loopback(tmp_path, network_log):
    data = make_docx(
        para(run("Protokoll der Sitzung am 12.03.2026", bold=True))
        + para(run("TOP 1: Begrüßung"))
        + para(run("FL schickt die Einladung bis 20.03. an die IHK.")),
        extra_parts={"word/_rels/document.xml.rels": EXTERNAL_RELS},
    )
    src = tmp_path / "extern.docx"
    src.write_bytes(data)
    result = CliRunner().invoke(main, ["process", str(src), "--anlegen", "--outbox", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "extern" / "extern.json").exists()
    assert [c for c in network_log if c[0] == "dns"] == []
    assert all(_is_loopback(addr) for kind, addr in network_log if kind == "connect"), network_log
    report = (tmp_path / "out" / "extern" / "extern.html").read_text(encoding="utf-8")
    assert "example.invalid" not in report and "http://" not in report.lower().replace('xmlns="http://www.w3.org', "")
