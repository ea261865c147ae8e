"""Conversion of legacy .doc / .odt input with LibreOffice (protokollant.ingest.convert).

LibreOffice is never needed: a fake `soffice` (a small Python script written into
tmp_path) checks its arguments and environment, logs them, and writes a real
.docx built with python-docx into --outdir, or fails, sleeps or writes nothing.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from protokollant.errors import UnreadableDocumentError
from protokollant.ingest import convert, read_document
from protokollant.ingest.convert import CONVERSION_WARNINGS, convert_to_docx, find_soffice
from protokollant.pipeline import Processor

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fake soffice is a POSIX script")

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# OLE2 magic, padding, and the UTF-16 name of the "WordDocument" stream: package.py
# finds no parseable directory (sector shift 0) and falls back to searching the names,
# so this is classified as legacy-doc (not encrypted: no EncryptedPackage/EncryptionInfo).
LEGACY_DOC = CFB_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(1024)
CONVERTED_TEXT = "Der Ausschuss beschließt die Anschaffung eines Beamers."
HOSTILE_NAME = "-x; rm -rf.doc"

FAKE_SOFFICE = r'''#!{python}
import json, os, subprocess, sys, time
MODE = {mode!r}
LOG = {log!r}
DOCX = {docx!r}
args = sys.argv[1:]
outdir = args[args.index("--outdir") + 1]
source = args[-1]
info = {{
    "argv": sys.argv,
    "env": dict(os.environ),
    "cwd": os.getcwd(),
    "stdin_devnull": os.path.samestat(os.fstat(0), os.stat(os.devnull)),
    "pid": os.getpid(),
}}
errors = []
for flag in ("--headless", "--norestore", "--nolockcheck", "--convert-to", "--outdir"):
    if flag not in args:
        errors.append("missing " + flag)
if not args[args.index("--convert-to") + 1].startswith("docx"):
    errors.append("not converting to docx")
profiles = [a for a in args if a.startswith("-env:UserInstallation=file://")]
if len(profiles) != 1:
    errors.append("no private profile")
if os.path.basename(source) not in ("input.doc", "input.odt") or not os.path.isfile(source):
    errors.append("unexpected input " + source)
if any("macro" in a.lower() for a in args):
    errors.append("macro option passed")
info["errors"] = errors
if MODE == "sleep":
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    info["child"] = child.pid
with open(LOG, "w") as fh:
    json.dump(info, fh)
if errors:
    sys.stderr.write("fake soffice: " + "; ".join(errors))
    sys.exit(2)
if MODE == "fail":
    sys.stderr.write("Error: source file could not be loaded")
    sys.exit(1)
if MODE == "sleep":
    time.sleep(60)
if MODE == "ok":
    stem = os.path.splitext(os.path.basename(source))[0]
    with open(DOCX, "rb") as src, open(os.path.join(outdir, stem + ".docx"), "wb") as dst:
        dst.write(src.read())
    print("convert " + source + " -> " + os.path.join(outdir, stem + ".docx"))
if MODE == "garbage":
    with open(os.path.join(outdir, "input.docx"), "wb") as dst:
        dst.write(b"this is not a zip")
sys.exit(0)
'''


def _docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _odt_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", '<?xml version="1.0"?><office:document-content '
                    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return buf.getvalue()


class Fake:
    def __init__(self, directory: Path, mode: str):
        self.dir = directory
        self.log = directory / "soffice-log.json"
        self.docx = directory / "converted.docx"
        self.docx.write_bytes(_docx_bytes("Protokoll der Sitzung", CONVERTED_TEXT))
        self.path = directory / "soffice"
        self.path.write_text(FAKE_SOFFICE.format(
            python=sys.executable, mode=mode, log=str(self.log), docx=str(self.docx)))
        self.path.chmod(self.path.stat().st_mode | stat.S_IXUSR)

    def info(self) -> dict:
        return json.loads(self.log.read_text())


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """Factory: put a fake `soffice` with the given mode first (and only) on PATH."""
    monkeypatch.delenv("PROTOKOLLANT_SOFFICE", raising=False)

    def make(mode: str = "ok") -> Fake:
        bin_dir = tmp_path / f"bin-{mode}"
        bin_dir.mkdir()
        fake = Fake(bin_dir, mode)
        monkeypatch.setenv("PATH", str(bin_dir))
        return fake

    return make


@pytest.fixture
def no_soffice(tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("PROTOKOLLANT_SOFFICE", raising=False)


@pytest.fixture(scope="module")
def processor():
    return Processor("blank")


def _all_text(record) -> str:
    return record.model_dump_json()


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


# --- inputs are classified as the pipeline expects -----------------------------------------

def test_fake_inputs_are_rejected_by_the_reader_with_convertible_reasons():
    for data, reason in ((LEGACY_DOC, "legacy-doc"), (_odt_bytes(), "odt")):
        with pytest.raises(UnreadableDocumentError) as exc:
            read_document(data, name="x")
        assert exc.value.reason == reason
        assert reason in CONVERSION_WARNINGS


# --- find_soffice -----------------------------------------------------------------------------

def test_find_soffice_uses_path(fake_soffice):
    fake = fake_soffice()
    assert find_soffice() == str(fake.path)


def test_find_soffice_finds_libreoffice_command(tmp_path, monkeypatch):
    fake = Fake(tmp_path, "ok")
    fake.path.rename(tmp_path / "libreoffice")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("PROTOKOLLANT_SOFFICE", raising=False)
    assert find_soffice() == str(tmp_path / "libreoffice")


def test_find_soffice_env_path_wins_and_off_disables(tmp_path, monkeypatch, no_soffice):
    fake = Fake(tmp_path, "ok")
    assert find_soffice() is None
    monkeypatch.setenv("PROTOKOLLANT_SOFFICE", str(fake.path))
    assert find_soffice() == str(fake.path)
    monkeypatch.setenv("PROTOKOLLANT_SOFFICE", str(tmp_path / "missing" / "soffice"))
    assert find_soffice() is None
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PROTOKOLLANT_SOFFICE", "off")
    assert find_soffice() is None


# --- the pipeline path ------------------------------------------------------------------------

def test_legacy_doc_is_converted_and_processed(fake_soffice, processor):
    fake = fake_soffice()
    record = processor.record_for_bytes(LEGACY_DOC, "Protokoll alt.doc")

    assert CONVERTED_TEXT in _all_text(record)
    assert record.warnings[-1] == "Aus altem Word-Format (.doc) mit LibreOffice konvertiert."
    assert record.source.file == "Protokoll alt.doc"
    assert record.source.sha256 == hashlib.sha256(LEGACY_DOC).hexdigest()
    assert record.source.size_bytes == len(LEGACY_DOC)

    info = fake.info()
    assert info["errors"] == []
    assert Path(info["argv"][-1]).name == "input.doc"
    work = Path(info["argv"][-1]).parent
    assert info["env"]["HOME"] == str(work)
    assert info["cwd"] == str(work)
    assert info["stdin_devnull"] is True
    profile = next(a for a in info["argv"] if a.startswith("-env:UserInstallation="))
    assert profile == "-env:UserInstallation=" + (work / "profile").as_uri()
    outdir = info["argv"][info["argv"].index("--outdir") + 1]
    assert Path(outdir).parent == work
    assert not work.exists()  # temporary directory removed


def test_odt_is_converted_via_env_path(tmp_path, monkeypatch, no_soffice, processor):
    fake = Fake(tmp_path, "ok")
    monkeypatch.setenv("PROTOKOLLANT_SOFFICE", str(fake.path))
    odt = _odt_bytes()
    record = processor.record_for_bytes(odt, "sitzung.odt")

    assert CONVERTED_TEXT in _all_text(record)
    assert record.warnings[-1] == "Aus OpenDocument-Text (.odt) mit LibreOffice konvertiert."
    assert record.source.sha256 == hashlib.sha256(odt).hexdigest()
    assert Path(fake.info()["argv"][-1]).name == "input.odt"


def test_separate_runs_use_separate_profiles(fake_soffice):
    fake = fake_soffice()
    convert_to_docx(LEGACY_DOC, "a.doc")
    first = fake.info()["argv"]
    convert_to_docx(LEGACY_DOC, "b.doc")
    second = fake.info()["argv"]
    assert first[1] != second[1] and first[-1] != second[-1]


def test_users_file_name_never_reaches_the_command_line(fake_soffice, processor):
    fake = fake_soffice()
    record = processor.record_for_bytes(LEGACY_DOC, HOSTILE_NAME)
    assert record.source.file == HOSTILE_NAME
    argv = fake.info()["argv"]
    assert not any(HOSTILE_NAME in a or "rm -rf" in a or a.startswith("-x") for a in argv)


def test_without_converter_the_original_error_propagates(no_soffice, processor):
    with pytest.raises(UnreadableDocumentError) as exc:
        processor.record_for_bytes(LEGACY_DOC, "alt.doc")
    assert exc.value.reason == "legacy-doc"
    assert "Konvertierung" not in exc.value.detail
    assert exc.value.file == "alt.doc"


def test_converter_disabled_by_env_keeps_the_rejection(fake_soffice, monkeypatch, processor):
    fake = fake_soffice()
    monkeypatch.setenv("PROTOKOLLANT_SOFFICE", "off")
    with pytest.raises(UnreadableDocumentError) as exc:
        processor.record_for_bytes(_odt_bytes(), "x.odt")
    assert exc.value.reason == "odt"
    assert not fake.log.exists()


def test_other_rejections_are_not_converted(fake_soffice, processor):
    fake = fake_soffice()
    with pytest.raises(UnreadableDocumentError) as exc:
        processor.record_for_bytes(b"%PDF-1.7 something", "x.doc")
    assert exc.value.reason == "not-a-word-file"
    assert not fake.log.exists()


# --- failures -----------------------------------------------------------------------------------

def test_converter_exit_1_is_a_conversion_failure(fake_soffice, processor):
    fake_soffice("fail")
    with pytest.raises(UnreadableDocumentError) as exc:
        processor.record_for_bytes(LEGACY_DOC, "alt.doc")
    err = exc.value
    assert err.reason == "legacy-doc" and err.file == "alt.doc"
    assert "Konvertierung mit LibreOffice ist fehlgeschlagen" in err.detail
    assert "Exit-Code 1" in err.detail
    assert "source file could not be loaded" in err.detail


def test_converter_without_output_is_a_conversion_failure(fake_soffice):
    fake_soffice("nooutput")
    with pytest.raises(UnreadableDocumentError) as exc:
        convert_to_docx(_odt_bytes(), "x.odt")
    assert exc.value.reason == "odt"
    assert "keine .docx-Datei erzeugt" in exc.value.detail


def test_timeout_kills_the_process_group(fake_soffice):
    fake = fake_soffice("sleep")
    start = time.monotonic()
    with pytest.raises(UnreadableDocumentError) as exc:
        convert_to_docx(LEGACY_DOC, "alt.doc", timeout=1)
    assert time.monotonic() - start < 6
    assert exc.value.reason == "legacy-doc"
    assert "Zeitlimit von 1 s überschritten" in exc.value.detail
    info = fake.info()
    deadline = time.monotonic() + 3
    while (_alive(info["pid"]) or _alive(info["child"])) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(info["pid"])
    assert not _alive(info["child"])  # the grandchild in the same group is killed too
    assert not Path(info["argv"][-1]).parent.exists()


def test_oversized_output_is_refused(fake_soffice, monkeypatch):
    fake_soffice()
    monkeypatch.setattr(convert, "MAX_OUTPUT_BYTES", 100)
    with pytest.raises(UnreadableDocumentError) as exc:
        convert_to_docx(LEGACY_DOC, "alt.doc")
    assert "größer als" in exc.value.detail


def test_converted_output_goes_through_the_reader_checks(fake_soffice, processor):
    fake_soffice("garbage")
    with pytest.raises(UnreadableDocumentError) as exc:
        processor.record_for_bytes(LEGACY_DOC, "alt.doc")
    assert exc.value.reason == "not-a-word-file"
    assert exc.value.file == "alt.doc"


def test_unstartable_converter_is_a_conversion_failure(tmp_path):
    broken = tmp_path / "soffice"
    broken.write_text("not a program")  # not executable
    with pytest.raises(UnreadableDocumentError) as exc:
        convert_to_docx(LEGACY_DOC, "alt.doc", soffice=str(broken))
    assert exc.value.reason == "legacy-doc"
    assert "nicht gestartet" in exc.value.detail


def test_only_doc_and_odt_are_converted():
    with pytest.raises(UnreadableDocumentError) as exc:
        convert_to_docx(b"%PDF-1.7", "x.pdf", soffice="/nonexistent")
    assert exc.value.reason == "unsupported-format"
