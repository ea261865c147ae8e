"""Reminder e-mails: one German message (plain text + HTML) per responsible person or institution.

    result = notify(register, contacts, out_dir, today=date(2026, 5, 20), days=14)

Which tasks: every open (or confirmed) task of the register that is overdue,
due within ``days`` days, or has no deadline at all – except those a later
meeting reported done (the office only has to confirm them). A task is reminded once
per deadline and recipient: the register's ``reminders`` table remembers it,
so a nightly run never repeats a reminder (``repeat=True`` ignores that); a
task whose deadline is changed is reminded again for the new one.

Who gets it: a responsible person with an address in the contacts file
(``contacts.py``), else the person's institution when the register knows it,
else the person. A recipient without an address still gets a message – a
draft with an empty ``To:`` that the office forwards; the summary names them.
Addresses are never guessed.

Sending (``send=True``): through the office's relay ``PROTOKOLLANT_SMTP_URL``
(``smtp://user:password@host:587``), always with STARTTLS – a server without it
gets nothing. ``PROTOKOLLANT_SMTP_CAFILE`` names an own CA certificate.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import unquote, urlsplit

import sqlalchemy as sa

from ..errors import ProtokollantError
from ..register import ItemView, Register, RegisterError
from ..fileio import safe_stem, write_atomic
from ..german import format_date_numeric
from .contacts import Contacts
from .store import reminders

ENV_SMTP_URL = "PROTOKOLLANT_SMTP_URL"
ENV_SMTP_CAFILE = "PROTOKOLLANT_SMTP_CAFILE"
ENV_SENDER = "PROTOKOLLANT_MAIL_FROM"
DEFAULT_SENDER = "Protokollant <protokollant@localhost>"
CATEGORIES = (("overdue", "Überfällig"), ("soon", "Bald fällig"), ("open", "Offen ohne Frist"))


class NotifyError(ProtokollantError):
    """Reminders could not be sent (SMTP configuration or server)."""


@dataclass
class Task:
    item: ItemView
    category: str

    @property
    def due_key(self) -> str:
        return self.item.due_date.isoformat() if self.item.due_date else ""


@dataclass
class Mail:
    recipient: str
    address: str | None
    tasks: list[Task] = field(default_factory=list)
    path: Path | None = None
    sent: bool = False
    error: str | None = None

    def count(self, category: str) -> int:
        return sum(1 for t in self.tasks if t.category == category)


@dataclass
class NotifyResult:
    mails: list[Mail] = field(default_factory=list)
    unassigned: int = 0

    @property
    def drafts(self) -> list[Mail]:
        return [m for m in self.mails if not m.address]

    @property
    def failed(self) -> list[Mail]:
        return [m for m in self.mails if m.error]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _category(item: ItemView, today: dt.date, days: int) -> str | None:
    if item.due_date is None:
        return "open"
    if item.due_date < today:
        return "overdue"
    if item.due_date <= today + dt.timedelta(days=days):
        return "soon"
    return None  # far off: reminded when it comes near


def recipients_of(item: ItemView, contacts: Contacts) -> list[tuple[str, str | None]]:
    """(recipient, address or None) for one task; the contacts file's own spelling wins."""
    out: list[tuple[str, str | None]] = []
    names = list(item.responsible)
    for name in names:
        found = contacts.lookup(name)
        if found is None:
            institution = name if name in item.institutions else (
                item.institutions[0] if len(item.institutions) == 1 and len(names) == 1 else None)
            if institution:
                found = contacts.lookup(institution) or (institution, None)
        out.append(found or (name, None))
    if not names:
        out = [contacts.lookup(i) or (i, None) for i in item.institutions]
    unique: list[tuple[str, str | None]] = []
    for entry in out:
        if entry[0] and entry not in unique:
            unique.append(entry)
    return unique


def _already(register: Register) -> set[tuple[str, str, str]]:
    with register.engine.connect() as conn:
        return {(r.item_id, r.due_key, r.recipient) for r in conn.execute(sa.select(reminders.c.item_id, reminders.c.due_key, reminders.c.recipient))}


def plan(register: Register, contacts: Contacts, *, today: dt.date, days: int = 14, repeat: bool = False) -> NotifyResult:
    """Group the tasks to remind by recipient (nothing written)."""
    result = NotifyResult()
    done = set() if repeat else _already(register)
    mails: dict[str, Mail] = {}
    for item in register.list_items(status=("open", "confirmed"), today=today):
        category = _category(item, today, days)
        if category is None or item.suggested_status == "done":
            continue  # far off, or a later meeting reported it done (the office only has to confirm)
        owners = recipients_of(item, contacts)
        if not owners:
            result.unassigned += 1
            continue
        for name, address in owners:
            task = Task(item, category)
            if (item.id, task.due_key, name) in done:
                continue
            mail = mails.setdefault(name.casefold(), Mail(name, address))
            mail.tasks.append(task)
    order = {key: n for n, (key, _) in enumerate(CATEGORIES)}
    for mail in mails.values():
        mail.tasks.sort(key=lambda t: (order[t.category], t.item.due_date or dt.date.max, t.item.meeting_date or dt.date.max))
    result.mails = sorted(mails.values(), key=lambda m: m.recipient.casefold())
    return result


def _source(item: ItemView) -> str:
    meeting = " ".join(x for x in (item.meeting_title or item.meeting_file,) if x)
    when = format_date_numeric(item.meeting_date)
    parts = [f"Sitzung vom {when}" if when else "Sitzung", f"„{meeting}“"]
    if item.topic_label:
        parts.append(item.topic_label)
    if item.evidence_block is not None:
        parts.append(f"Absatz {item.evidence_block + 1}")
    return ", ".join(parts)


def _due_line(task: Task, today: dt.date) -> str:
    item = task.item
    if item.due_date is None:
        return "Frist: keine"
    text = f"Frist: {format_date_numeric(item.due_date)}"
    if task.category == "overdue":
        days = (today - item.due_date).days
        text += f" – seit {_plural(days, 'Tag', 'Tagen')} überfällig"
    elif task.category == "soon":
        days = (item.due_date - today).days
        text += " – heute fällig" if days == 0 else f" – in {_plural(days, 'Tag', 'Tagen')}"
    return text


def subject(mail: Mail) -> str:
    n, overdue = len(mail.tasks), mail.count("overdue")
    text = f"Erinnerung: {_plural(n, 'offene Aufgabe', 'offene Aufgaben')}"
    if overdue:
        text += f", davon {overdue} überfällig" if n > 1 else " (überfällig)"
    return text


def build_message(mail: Mail, *, today: dt.date, days: int, sender: str) -> EmailMessage:
    """The German reminder as a MIME message (text/plain + text/html)."""
    limit = format_date_numeric(today + dt.timedelta(days=days))
    labels = dict(CATEGORIES)
    labels["soon"] = f"Bald fällig (bis {limit})"
    lines = [
        "Guten Tag,", "",
        f"aus den Sitzungsprotokollen sind folgende Aufgaben für {mail.recipient} offen (Stand {format_date_numeric(today)}):", "",
    ]
    parts_html = [f"<p>Guten Tag,</p><p>aus den Sitzungsprotokollen sind folgende Aufgaben für <strong>{html.escape(mail.recipient)}</strong> "
                  f"offen (Stand {format_date_numeric(today)}):</p>"]
    number = 0
    for key, _ in CATEGORIES:
        tasks = [t for t in mail.tasks if t.category == key]
        if not tasks:
            continue
        lines += [f"{labels[key]} ({len(tasks)})", "-" * len(f"{labels[key]} ({len(tasks)})")]
        parts_html.append(f"<h2>{html.escape(labels[key])} ({len(tasks)})</h2><ol start=\"{number + 1}\">")
        for t in tasks:
            number += 1
            item = t.item
            who = ", ".join(item.responsible) or "nicht angegeben"
            lines += [f"{number}. {item.task}", f"   Verantwortlich: {who}", f"   {_due_line(t, today)}",
                      f"   Quelle: {_source(item)}"]
            if item.evidence_text and item.evidence_text.strip() != item.task.strip():
                lines.append(f"   Im Protokoll: „{item.evidence_text}“")
            lines.append("")
            style = ' style="color:#a12a22"' if t.category == "overdue" else ""
            parts_html.append(
                f"<li><strong>{html.escape(item.task)}</strong><br>Verantwortlich: {html.escape(who)}<br>"
                f"<span{style}>{html.escape(_due_line(t, today))}</span><br>"
                f"<small>Quelle: {html.escape(_source(item))}</small></li>")
        parts_html.append("</ol>")
    closing = ("Bitte melden Sie den Stand oder eine Erledigung an die Geschäftsstelle. "
               "Diese Nachricht wurde automatisch aus den Sitzungsprotokollen erstellt; maßgeblich sind die Originalprotokolle.")
    lines += [closing, "", "Mit freundlichen Grüßen", "Ihre Geschäftsstelle"]
    parts_html.append(f"<p>{html.escape(closing)}</p><p>Mit freundlichen Grüßen<br>Ihre Geschäftsstelle</p>")
    msg = EmailMessage()
    msg["Subject"] = subject(mail)
    msg["From"] = sender
    msg["To"] = mail.address or ""
    msg["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
    msg["Message-ID"] = make_msgid(domain="protokollant.invalid")
    msg["X-Protokollant-Empfaenger"] = mail.recipient
    msg.set_content("\n".join(lines) + "\n")
    msg.add_alternative(
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>"
        + html.escape(subject(mail)) + "</title></head><body>" + "".join(parts_html) + "</body></html>\n",
        subtype="html",
    )
    return msg


def smtp_sender(url: str | None = None, *, cafile: str | None = None) -> Callable[[EmailMessage], None]:
    """A function that delivers one message through the relay (STARTTLS required)."""
    url = url or os.environ.get(ENV_SMTP_URL)
    if not url:
        raise NotifyError(f"Kein SMTP-Server angegeben: {ENV_SMTP_URL}=smtp://benutzer:kennwort@server:587 setzen.")
    parts = urlsplit(url)
    if parts.scheme != "smtp" or not parts.hostname:
        raise NotifyError(f"{ENV_SMTP_URL} muss die Form smtp://benutzer:kennwort@server:587 haben.")
    cafile = cafile or os.environ.get(ENV_SMTP_CAFILE) or None
    context = ssl.create_default_context(cafile=cafile)

    def send(message: EmailMessage) -> None:
        try:
            with smtplib.SMTP(parts.hostname, parts.port or 587, timeout=30) as smtp:
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise NotifyError(f"Der SMTP-Server {parts.hostname} bietet kein STARTTLS an; unverschlüsselt wird nicht gesendet.")
                smtp.starttls(context=context)
                smtp.ehlo()
                if parts.username:
                    smtp.login(unquote(parts.username), unquote(parts.password or ""))
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as e:
            raise NotifyError(f"Versand über {parts.hostname}:{parts.port or 587} fehlgeschlagen: {e}") from e

    return send


def _record(register: Register, mail: Mail, tasks: list[Task]) -> None:
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    try:
        with register.engine.begin() as conn:
            have = {(r.item_id, r.due_key) for r in conn.execute(
                sa.select(reminders.c.item_id, reminders.c.due_key).where(reminders.c.recipient == mail.recipient))}
            rows = [dict(item_id=t.item.id, due_key=t.due_key, recipient=mail.recipient, address=mail.address,
                         sent_at=now, file=str(mail.path) if mail.path else None)
                    for t in tasks if (t.item.id, t.due_key) not in have]
            if rows:
                conn.execute(reminders.insert(), rows)
    except sa.exc.SQLAlchemyError as e:
        raise RegisterError(f"Erinnerungen nicht im Register vermerkt: {e}") from e


def notify(
    register: Register, contacts: Contacts, out: str | os.PathLike, *, today: dt.date, days: int = 14,
    send: bool = False, sender: str | None = None, repeat: bool = False,
    deliver: Callable[[EmailMessage], None] | None = None,
) -> NotifyResult:
    """Write one .eml per recipient into ``out``; with ``send`` deliver those with an address.

    Each reminder is recorded in the register once written (drafts) or sent, so the
    next run does not repeat it; a message whose delivery failed is not recorded."""
    sender = sender or os.environ.get(ENV_SENDER) or DEFAULT_SENDER
    result = plan(register, contacts, today=today, days=days, repeat=repeat)
    if send and deliver is None and any(m.address for m in result.mails):
        deliver = smtp_sender()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for number, mail in enumerate(result.mails, start=1):
        message = build_message(mail, today=today, days=days, sender=sender)
        mail.path = out / f"{number:02d}-{safe_stem(mail.recipient)}.eml"
        write_atomic(mail.path, message.as_bytes())
        if send and mail.address:
            try:
                deliver(message)
                mail.sent = True
            except NotifyError as e:
                mail.error = str(e)
                continue
        _record(register, mail, mail.tasks)
    return result


def summary_lines(result: NotifyResult, *, send: bool) -> list[str]:
    lines = []
    for mail in result.mails:
        tasks = _plural(len(mail.tasks), "Aufgabe", "Aufgaben")
        if mail.error:
            lines.append(f"FEHLER  {mail.recipient} <{mail.address}>: {mail.error}")
        elif not mail.address:
            lines.append(f"ENTWURF {mail.recipient} ({tasks}) – keine Adresse in der Kontaktdatei, bitte weiterleiten: {mail.path}")
        else:
            verb = "GESENDET" if mail.sent else "ERSTELLT"
            lines.append(f"{verb} {mail.recipient} <{mail.address}> ({tasks}): {mail.path}")
    n = len(result.mails)
    drafts = len(result.drafts)
    summary = f"{_plural(n, 'Erinnerung', 'Erinnerungen')}"
    if drafts:
        summary += f", davon {drafts} ohne Adresse ({', '.join(m.recipient for m in result.drafts)})"
    if result.unassigned:
        summary += f"; {_plural(result.unassigned, 'Aufgabe', 'Aufgaben')} ohne Verantwortliche nicht erinnert"
    if not n:
        summary = "Keine neuen Erinnerungen (alle fälligen Aufgaben wurden schon erinnert)."
    lines.append(summary + ("" if n == 0 or send else " – nicht gesendet (ohne --send)."))
    return lines


__all__ = ["ENV_SMTP_CAFILE", "ENV_SMTP_URL", "Mail", "NotifyError", "NotifyResult", "build_message", "notify", "plan",
           "recipients_of", "smtp_sender", "summary_lines"]
