"""`protokollant notify`: .eml per recipient, contacts file, drafts, idempotence, and delivery through a real
SMTP server on 127.0.0.1 (aiosmtpd) with STARTTLS."""
import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from tests.followup_docs import three_meetings
from protokollant.cli import main

TODAY = "2026-05-20"


def run_cli(*args, code=0, env=None):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env=env)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def outbox(tmp_path):
    out = tmp_path / "out"
    for doc in three_meetings(tmp_path / "docs"):
        run_cli("process", doc, "--outbox", out, "--model", "blank", "--anlegen")
    (out / "kontakte.csv").write_text(
        "Name;E-Mail;Weitere Namen\n"
        "Industrie- und Handelskammer;ausbildung@ihk.example;IHK\n"
        "Jana Berger;j.berger@stadt.example;Frau Berger\n", encoding="utf-8")
    return out


def read(path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def test_one_german_message_per_recipient_with_sources(outbox, tmp_path):
    mails = tmp_path / "mails"
    out = run_cli("notify", "--outbox", outbox, "--today", TODAY, "--days", "14", "--out", mails)
    files = sorted(mails.glob("*.eml"))
    messages = {read(p)["X-Protokollant-Empfaenger"]: read(p) for p in files}
    # Petrenko's list was reported done in the second meeting: no reminder for it
    assert set(messages) == {"Industrie- und Handelskammer", "Jana Berger"}
    ihk = messages["Industrie- und Handelskammer"]
    assert ihk["To"] == "ausbildung@ihk.example"
    assert ihk["Subject"] == "Erinnerung: 1 offene Aufgabe (überfällig)"
    text = ihk.get_body(("plain",)).get_content()
    assert "Frau Yilmaz erstellt eine Übersicht der Anschlussangebote" in text
    assert "Frist: 31.03.2026 – seit 50 Tagen überfällig" in text
    assert "Quelle: Sitzung vom 15.01.2026" in text and "TOP 1" in text
    html = ihk.get_body(("html",)).get_content()
    assert "<li><strong>Frau Yilmaz erstellt" in html
    assert "2 Erinnerungen – nicht gesendet (ohne --send)." in out
    # the next night: nothing new
    again = run_cli("notify", "--outbox", outbox, "--today", "2026-05-21", "--out", tmp_path / "mails2")
    assert "Keine neuen Erinnerungen" in again and not list((tmp_path / "mails2").glob("*.eml"))


def test_owner_without_address_gets_a_draft(outbox, tmp_path):
    (outbox / "kontakte.csv").write_text("Name;E-Mail\n", encoding="utf-8")
    out = run_cli("notify", "--outbox", outbox, "--today", TODAY, "--out", tmp_path / "mails")
    drafts = [read(p) for p in sorted((tmp_path / "mails").glob("*.eml"))]
    assert {m["X-Protokollant-Empfaenger"] for m in drafts} == {"Industrie- und Handelskammer", "Stadtverwaltung"}
    assert all(m["To"] == "" for m in drafts)
    assert "davon 2 ohne Adresse (Industrie- und Handelskammer, Stadtverwaltung)" in out
    assert "ENTWURF Stadtverwaltung (1 Aufgabe)" in out


def test_bad_contacts_file_is_named(outbox, tmp_path):
    (outbox / "kontakte.csv").write_text("Name;E-Mail\nIHK;keine-adresse\n", encoding="utf-8")
    out = run_cli("notify", "--outbox", outbox, "--today", TODAY, "--out", tmp_path / "m", code=1)
    assert "kontakte.csv, Zeile 2" in out and "keine E-Mail-Adresse" in out


# --------------------------------------------------------------------------- real SMTP server


def _certificate(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "smtp.crt", tmp_path / "smtp.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_file, key_file


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((session.ssl is not None, envelope.rcpt_tos, envelope.content))
        return "250 OK"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(tmp_path):
    cert, key = _certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True)
    controller.start()
    try:
        yield handler, port, cert
    finally:
        controller.stop()


def test_send_through_local_smtp_server_with_starttls(outbox, tmp_path, smtp_server):
    handler, port, cert = smtp_server
    env = {"PROTOKOLLANT_SMTP_URL": f"smtp://127.0.0.1:{port}", "PROTOKOLLANT_SMTP_CAFILE": str(cert),
           "PROTOKOLLANT_MAIL_FROM": "Geschäftsstelle <gs@stadt.example>"}
    (outbox / "kontakte.csv").write_text("Name;E-Mail\nIndustrie- und Handelskammer;ausbildung@ihk.example\n", encoding="utf-8")
    out = run_cli("notify", "--outbox", outbox, "--today", TODAY, "--out", tmp_path / "mails", "--send", env=env)
    assert "GESENDET Industrie- und Handelskammer <ausbildung@ihk.example> (1 Aufgabe)" in out
    assert "ENTWURF Stadtverwaltung" in out  # no address: written, not sent
    assert len(handler.messages) == 1
    encrypted, recipients, content = handler.messages[0]
    assert encrypted and recipients == ["ausbildung@ihk.example"]
    received = email.message_from_bytes(content, policy=email.policy.default)
    assert "Anschlussangebote" in received.get_body(("plain",)).get_content()
    assert received["From"] == "Geschäftsstelle <gs@stadt.example>"
    # idempotent across nights: nothing is sent twice
    again = run_cli("notify", "--outbox", outbox, "--today", "2026-05-21", "--out", tmp_path / "mails2", "--send", env=env)
    assert "Keine neuen Erinnerungen" in again and len(handler.messages) == 1


def test_server_without_starttls_gets_nothing(outbox, tmp_path):
    handler = Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        (outbox / "kontakte.csv").write_text("Name;E-Mail\nIndustrie- und Handelskammer;ausbildung@ihk.example\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["notify", "--outbox", str(outbox), "--today", TODAY, "--out", str(tmp_path / "m"), "--send"],
                                    env={"PROTOKOLLANT_SMTP_URL": f"smtp://127.0.0.1:{port}"})
    finally:
        controller.stop()
    assert result.exit_code == 1
    assert "kein STARTTLS" in result.output and handler.messages == []
    # not delivered, so not recorded: a later run tries again
    retry = run_cli("notify", "--outbox", outbox, "--today", TODAY, "--out", tmp_path / "m2")
    assert "ERSTELLT Industrie- und Handelskammer" in retry


def test_reminders_survive_register_repair(outbox, tmp_path):
    run_cli("notify", "--outbox", outbox, "--today", TODAY, "--out", tmp_path / "m1")
    from protokollant.register_care import backup_register

    assert backup_register(outbox) is not None
    run_cli("register", "repair", "--outbox", outbox)
    again = run_cli("notify", "--outbox", outbox, "--today", TODAY, "--out", tmp_path / "m2")
    assert "Keine neuen Erinnerungen" in again
