"""From a read Document to the MinutesRecord: runs the NLP once, then each extractor."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..document import BlockKind, Document
from ..nlp.pipeline import pipeline_info
from ..schema import Institution, MinutesRecord, PipelineInfo, SourceInfo
from .actions import ActionExtractor, extract_actions, extract_progress_reports
from .decisions import extract_decisions
from .meta import extract_meta, is_body_name, organisation_from_title
from .topics import extract_topics
from .text import clean
from .units import Unit

NLP_BATCH_SIZE = 256


def _line_texts(document: Document) -> list[tuple[int, str]]:
    """(block index, text) per line: pad-style minutes put one item per line."""
    out = []
    for b in document.blocks:
        if b.kind is BlockKind.TABLE_ROW:
            out.append((b.index, b.text))
            continue
        for line in b.text.split("\n"):
            if line.strip():
                out.append((b.index, line))
    return out


def extract_record(document: Document, nlp: Language, *, data: bytes, file_name: str, processed_at: datetime | None = None) -> MinutesRecord:
    meta = extract_meta(document)
    topics = extract_topics(document, meta)
    topic_of_block: dict[int, int] = {}
    for t in topics:
        for i in range(t.block_start, t.block_end + 1):
            topic_of_block[i] = t.index

    lines = _line_texts(document)
    docs: list[Doc] = list(nlp.pipe((text for _, text in lines), batch_size=NLP_BATCH_SIZE))
    institutions = _collect_institutions(lines, docs)
    if meta.meeting.organisation is None and meta.title_block is not None:
        meta.meeting.organisation = next(
            (i.name for i in institutions if meta.title_block in i.mentions), None
        )
    if meta.meeting.organisation is None:
        own = organisation_from_title(meta.meeting.title)
        if own is not None:
            meta.meeting.organisation = own
            # The meeting's own body counts among the institutions when its name says it is one.
            if is_body_name(own) and not any(i.name.casefold() == own.casefold() for i in institutions):
                mentions = [meta.title_block] if meta.title_block is not None else []
                institutions.insert(0, Institution(name=own, aliases=[], kind="gremium", source="title", mentions=mentions))

    skip = set(meta.header_blocks)
    topic_starts = {t.block_start for t in topics}
    units: list[Unit] = []
    for (block_index, _), doc in zip(lines, docs):
        if block_index in skip or block_index in topic_starts:
            continue
        block = document.blocks[block_index]
        topic_index = topic_of_block.get(block_index)
        if block.kind is BlockKind.TABLE_ROW:
            units.append(Unit(block=block, span=doc[:], topic_index=topic_index))
        else:
            for sent in doc.sents:
                units.extend(Unit(block=block, span=part, topic_index=topic_index) for part in _clauses(sent))

    decisions = extract_decisions(units)
    extractor = ActionExtractor(
        meta.people,
        meta.meeting.date,
        meta.meeting.next_meeting,
        {i.name for i in institutions} | {a for i in institutions for a in i.aliases},
    )
    decided = {(d.evidence.block_index, clean(d.evidence.text)) for d in decisions}
    actions = extract_actions(units, extractor, decided)
    progress = extract_progress_reports(units)

    warnings = list(document.warnings)
    if not document.blocks:
        warnings.append("Kein Text gefunden – nichts zu extrahieren.")
    else:
        if meta.meeting.date is None:
            warnings.append("Kein Sitzungsdatum gefunden; Fristen ohne Jahresangabe bleiben offen.")
        if not topics:
            warnings.append("Keine Tagesordnungspunkte erkannt.")

    return MinutesRecord(
        source=SourceInfo(
            file=file_name,
            sha256=hashlib.sha256(data).hexdigest(),
            size_bytes=len(data),
            processed_at=processed_at or datetime.now(timezone.utc).replace(microsecond=0),
        ),
        pipeline=PipelineInfo(**pipeline_info(nlp)),
        meeting=meta.meeting,
        topics=topics,
        decisions=decisions,
        action_items=actions,
        institutions=institutions,
        progress_reports=progress,
        warnings=warnings,
    )


def _clauses(sent: Span) -> list[Span]:
    """Split a sentence at semicolons: pad-style notes chain separate items with ";"."""
    cuts = [t.i for t in sent if t.text == ";"]
    if not cuts:
        return [sent]
    doc, parts, start = sent.doc, [], sent.start
    for cut in cuts:
        if cut > start:
            parts.append(doc[start:cut])
        start = cut + 1
    if start < sent.end:
        parts.append(doc[start : sent.end])
    return parts


def _collect_institutions(lines: list[tuple[int, str]], docs: list[Doc]) -> list[Institution]:
    """One entry per canonical name (merged across blocks), with aliases and the blocks it is named in."""
    from ..nlp.institutions import collect_institutions, load_data

    data = load_data()
    mentions: dict[str, list[int]] = {}
    model_only: set[str] = set()
    for (block_index, _), doc in zip(lines, docs):
        for span in doc.spans.get("institutions", []):
            canonical = span.kb_id_ or span.text
            blocks = mentions.setdefault(canonical, [])
            if block_index not in blocks:
                blocks.append(block_index)
            if span.label_ == "ORG":
                model_only.add(canonical)
    out = []
    for item in collect_institutions(docs, data=data):
        name = item["name"]
        # A bare name merged into a fuller one ("Agentur für Arbeit" → "… Leipzig") keeps its mentions.
        blocks = sorted({b for key, bl in mentions.items() if key == name or name.startswith(key + " ") for b in bl})
        if data.entry_for(name) is not None:
            source = "registry"
        elif name in model_only:
            source = "model"
        else:
            source = "pattern"
        out.append(Institution(name=name, aliases=item["aliases"], kind=item["kind"], source=source, mentions=blocks))
    return out
