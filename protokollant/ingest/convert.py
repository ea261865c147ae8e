"""Optional conversion of legacy .doc and OpenDocument .odt input to .docx with LibreOffice.

    find_soffice() -> str | None
    convert_to_docx(data, name, *, timeout=120, soffice=None) -> bytes

Used by the pipeline only after the reader rejected a file as "legacy-doc" or
"odt" and only if LibreOffice is installed; the converted bytes then go through
read_document like any other input, so all package limits and XML checks apply.

Safety of one conversion run:
- a fresh temporary directory per call (always removed), holding the input under
  a fixed name ("input.doc"/"input.odt"; the user's file name never reaches the
  command line), the output folder and a throwaway LibreOffice user profile, so
  concurrent runs neither collide nor touch the user's own profile;
- the profile is pre-seeded with macro execution disabled (headless conversion
  does not run document macros anyway) and links from untrusted referers blocked;
- a minimal environment (HOME/TMPDIR inside the temporary directory), stdin
  closed, its own process group, a timeout after which the whole group is killed;
- the output file size is capped before it is read.

Every failure raises UnreadableDocumentError with the original reason
("legacy-doc"/"odt") and a detail saying why the conversion failed.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from protokollant.errors import UnreadableDocumentError

from .package import CFB_MAGIC, MB

ENV_SOFFICE = "PROTOKOLLANT_SOFFICE"
"""Path (or command name) of the LibreOffice binary; "off" disables conversion."""
_DISABLED = {"0", "off", "no", "false", "none"}
_COMMANDS = ("soffice", "libreoffice")

DEFAULT_TIMEOUT = 120.0
MAX_INPUT_BYTES = 200 * MB
MAX_OUTPUT_BYTES = 200 * MB
_DETAIL_TAIL = 300  # characters of LibreOffice's own output quoted in an error

# Reader reason -> (input suffix, warning added to the record after a conversion).
CONVERTIBLE = {
    "legacy-doc": (".doc", "Aus altem Word-Format (.doc) mit LibreOffice konvertiert."),
    "odt": (".odt", "Aus OpenDocument-Text (.odt) mit LibreOffice konvertiert."),
}
CONVERSION_WARNINGS = {reason: warning for reason, (_, warning) in CONVERTIBLE.items()}

_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def find_soffice() -> str | None:
    """The LibreOffice executable to use, or None if conversion is not available.

    PROTOKOLLANT_SOFFICE (a path or command name) wins when set and non-empty;
    "off"/"0"/"none" disables conversion, an unusable value means unavailable.
    Otherwise `soffice`, then `libreoffice` on PATH.
    """
    configured = os.environ.get(ENV_SOFFICE, "").strip()
    if configured:
        if configured.lower() in _DISABLED:
            return None
        return _executable(configured)
    for command in _COMMANDS:
        found = shutil.which(command)
        if found:
            return found
    return None


def _executable(value: str) -> str | None:
    path = Path(value).expanduser()
    if os.sep in value or (os.altsep and os.altsep in value):
        return str(path) if path.is_file() and os.access(path, os.X_OK) else None
    return shutil.which(value)


def detect_kind(data: bytes) -> str | None:
    """Reader reason this input would be converted for: "legacy-doc", "odt" or None."""
    if data.startswith(CFB_MAGIC):
        return "legacy-doc"
    if data.startswith(b"PK"):
        return "odt"
    return None


def convert_to_docx(data: bytes, name: str, *, timeout: float = DEFAULT_TIMEOUT,
                    soffice: str | None = None) -> bytes:
    """Convert a legacy .doc (OLE2) or .odt (zip) to .docx bytes with LibreOffice.

    `name` is only used in error messages. Raises UnreadableDocumentError
    (reason "legacy-doc" or "odt") if LibreOffice is missing or the conversion fails.
    """
    reason = detect_kind(data)
    if reason is None:
        raise UnreadableDocumentError(
            name, "unsupported-format",
            "Nur alte Word-Dateien (.doc) und OpenDocument-Text (.odt) können konvertiert werden.")

    def failed(why: str) -> UnreadableDocumentError:
        return UnreadableDocumentError(
            name, reason, f"{UnreadableDocumentError.REASONS[reason]} Die Konvertierung mit "
                          f"LibreOffice ist fehlgeschlagen: {why}")

    soffice = soffice or find_soffice()
    if soffice is None:
        raise failed("LibreOffice (soffice) wurde nicht gefunden.")
    if len(data) > MAX_INPUT_BYTES:
        raise failed(f"Die Datei ist größer als {MAX_INPUT_BYTES // MB} MB.")

    suffix = CONVERTIBLE[reason][0]
    work = Path(tempfile.mkdtemp(prefix="protokollant-convert-"))
    try:
        source = work / f"input{suffix}"
        outdir = work / "out"
        profile = work / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        outdir.mkdir()
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--invisible", "--nologo", "--nodefault",
            "--norestore", "--nolockcheck", "--nofirststartwizard",
            "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(outdir),
            str(source),
        ]
        output = _run(command, _environment(work), timeout, failed)
        result = outdir / "input.docx"
        try:
            info = result.lstat()
        except FileNotFoundError:
            raise failed("LibreOffice hat keine .docx-Datei erzeugt" + _quote(output) + ".") from None
        if not result.is_file() or result.is_symlink():
            raise failed("Die Ausgabe ist keine reguläre Datei.")
        if info.st_size == 0:
            raise failed("Die erzeugte .docx-Datei ist leer.")
        if info.st_size > MAX_OUTPUT_BYTES:
            raise failed(f"Die erzeugte .docx-Datei ist größer als {MAX_OUTPUT_BYTES // MB} MB.")
        with open(result, "rb") as fh:
            converted = fh.read(MAX_OUTPUT_BYTES + 1)
        if len(converted) > MAX_OUTPUT_BYTES:
            raise failed(f"Die erzeugte .docx-Datei ist größer als {MAX_OUTPUT_BYTES // MB} MB.")
        return converted
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _environment(work: Path) -> dict[str, str]:
    """Only what LibreOffice needs; everything user-specific points into `work`."""
    env = {
        "HOME": str(work),
        "TMPDIR": str(work),
        "TMP": str(work),
        "TEMP": str(work),
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "SAL_USE_VCLPLUGIN": "svp",
    }
    for key in ("SYSTEMROOT", "WINDIR"):  # required by Windows processes
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def _run(command: list[str], env: dict[str, str], timeout: float, failed) -> str:
    """Run LibreOffice in its own process group; return its (decoded) output."""
    popen_args: dict = {}
    if os.name == "posix":
        popen_args["start_new_session"] = True
    else:
        popen_args["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    try:
        proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            env=env, cwd=env["HOME"], close_fds=True, **popen_args)
    except OSError as e:
        raise failed(f"LibreOffice konnte nicht gestartet werden ({e.strerror or e}).") from e
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise failed(f"Zeitlimit von {timeout:g} s überschritten (Prozess beendet).") from None
    except BaseException:
        _kill_group(proc)
        raise
    text = out.decode("utf-8", "replace") if out else ""
    if proc.returncode != 0:
        raise failed(f"LibreOffice wurde mit Exit-Code {proc.returncode} beendet" + _quote(text) + ".")
    return text


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill the process and everything it started (same session), then reap it."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.communicate(timeout=5)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass


def _quote(output: str) -> str:
    text = " ".join(output.split())
    if not text:
        return ""
    if len(text) > _DETAIL_TAIL:
        text = "…" + text[-_DETAIL_TAIL:]
    return f" ({text})"
