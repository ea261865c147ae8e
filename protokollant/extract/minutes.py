"""From a read Document to the MinutesRecord: runs the NLP once, then each extractor."""
from __future__ import annotations

import re

import hashlib
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import groupby

import numpy
from spacy.attrs import NORM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..document import BlockKind, Document
from ..nlp.pipeline import pipeline_info
from ..nlp.roles import DEFERRED_KEY as ROLES_DEFERRED
from ..structure import SectionRole, Structure, TableKind, analyse_structure, unfold_tables
from ..schema import Decision, Institution, MinutesRecord, PipelineInfo, ResponsibleKind, SourceInfo
from .action_list import OWNED_VETO_BELOW_CONFIDENCE, dedupe_actions, extract_actions, extract_progress_reports
from .actions import ActionExtractor
from .coordinated import split_all
from .decisions import THRESHOLD, decision_score, extract_decisions
from .meta import MetaResult, extract_meta, is_body_name, organisation_from_title
from .own_body import add_own_body, drop_own_council
from .owners import PERSON_OFFICE_WORDS
from .people import PeopleIndex
from .tables import TableReader
from .topic_lines import outcome_tail
from .topics import extract_topics
from .text import clean, rejoin_wrapped
from .first_person import author
from .line_evidence import widen_to_lines
from .model_tasks import MODEL_TASK_CONFIDENCE, task_owners
from .roles import role_component, sentence_roles
from .units import DOC_TEXT_KEY, Unit, doc_text, sentences

TITLE_SLACK_WORDS = 4
"""A topic's line with at most this many words beyond its title ("TOP 3:", a number, a date) only names it."""
NLP_BATCH_SIZE = 16
"""Chunk Docs per ``nlp.pipe`` batch (a chunk is up to MAX_CHUNK_CHARS of one document)."""
MAX_CHUNK_CHARS = 100_000
"""Lines are analysed together in Docs of at most this many characters: far below
spaCy's ``max_length`` and cheap in memory, while one Doc per line would pay
spaCy's per-Doc overhead dozens of times per document."""


def _line_texts(document: Document) -> list[tuple[int, str]]:
    """(block index, text) per line: pad-style minutes put one item per line.

    A table row stays one line (its cells are one unit)."""
    out = []
    for b in document.blocks:
        if b.kind is BlockKind.TABLE_ROW:
            out.append((b.index, b.text.strip()))
            continue
        lines = [line.strip() for line in b.text.split("\n") if line.strip()]
        for line in rejoin_wrapped(lines):
            out.append((b.index, line))
    return out




def analyse_lines(lines: list[tuple[int, str]], nlp: Language) -> list[Span]:
    """Run the NLP over all lines of a document; one Span per line, in order.

    The lines of a document are analysed together, as one Doc per chunk of up
    to MAX_CHUNK_CHARS: one Doc per line would pay spaCy's per-Doc overhead
    dozens of times per document. Each line is still tokenised on its own and
    the chunk Doc assembled from the tokens: spaCy's tokenizer stops caching a
    call's chunks once it met a special case ("z.B.", "Nr."), so one call per
    long text leaves almost everything uncached (measured 5 µs against under
    1 µs per token). Every line starts a sentence (the sentencizer and the
    parser keep preset starts), so no sentence crosses a line.
    """
    chunks: list[tuple[Doc, list[tuple[int, int]]]] = []  # (tokenised doc, (first, end) token per line)
    tokenizer, strings = nlp.tokenizer, nlp.vocab.strings
    newline = strings.add("\n")
    orths: list[int] = []
    spaces: list[int] = []
    norms: list[int] = []
    bounds: list[tuple[int, int]] = []
    texts: list[str] = []  # each line's text as its tokens spell it
    size = 0

    def flush() -> None:
        nonlocal orths, spaces, norms, bounds, texts, size
        if not bounds:
            return
        sent_starts = numpy.zeros(len(orths), dtype="uint64")  # 0: the sentencizer decides
        for first, end in bounds:
            if end > first:
                sent_starts[first] = 1
        # Built from the ORTH ids (Doc looks each lexeme up by id instead of hashing its text
        # again); the 0/1 spaces are read as bint.
        doc = Doc(nlp.vocab, words=orths, spaces=spaces)
        doc.user_data[ROLES_DEFERRED] = True  # extraction scores its own units (extract/roles.py)
        # The text, known here for a fraction of what Doc.text costs (a Token object per token):
        # the tokenizer keeps every character, so the lines joined by the newline tokens spell it.
        doc.user_data[DOC_TEXT_KEY] = "\n".join(texts)
        if orths:
            # The sentence starts as Doc(sent_starts=…) sets them (1 or 0 for every token), without
            # its loop over the tokens in Python; tokenizer exceptions set norms ("z.B." -> "zum Beispiel"): kept.
            doc.from_array([SENT_START, NORM], numpy.column_stack((sent_starts, numpy.asarray(norms, dtype="uint64"))))
        chunks.append((doc, bounds))
        orths, spaces, norms, bounds, texts, size = [], [], [], [], [], 0

    for _, text in lines:
        text = text[:MAX_CHUNK_CHARS]  # a "line" this long is not minutes text; keep the Doc bounded
        if bounds and size + len(text) > MAX_CHUNK_CHARS:
            flush()
        if bounds:
            # A newline token between lines: components that extend names to the
            # right stop there, and the sentencizer's state does not carry over.
            orths.append(newline)
            spaces.append(0)
            norms.append(newline)
        first = len(orths)
        if text:
            arr = tokenizer(text).to_array([ORTH, SPACY, NORM])
            orths.extend(arr[:, 0].tolist())
            line_spaces = arr[:, 1].tolist()
            if line_spaces[-1]:  # a space after the last token (a cut line) is not in the Doc
                line_spaces[-1] = 0
                texts.append(text[:-1])
            else:
                texts.append(text)
            spaces.extend(line_spaces)
            norms.extend(arr[:, 2].tolist())
        else:
            texts.append(text)
        bounds.append((first, len(orths)))
        size += len(text) + 1
    flush()

    spans: list[Span] = []
    processed = nlp.pipe((doc for doc, _ in chunks), batch_size=NLP_BATCH_SIZE)
    for doc, (_, line_bounds) in zip(processed, chunks):
        spans.extend(Span(doc, f, e) for f, e in line_bounds)  # doc[f:e] without its slice normalising
    return spans


@dataclass(slots=True)
class Analysis:
    """What the extractors read: the document's meta, structure, topics and sentence units.

    Kept apart from the decisions about them so that the training script sees the very
    units extraction scores (scripts/train_roles.py)."""

    document: Document
    """The document as read, with tables of running text unfolded (structure.unfold_tables)."""
    meta: MetaResult
    structure: Structure
    topics: list
    institutions: list[Institution]
    units: list[Unit]
    """Prose sentences (split at ";") and table rows the structure stage did not understand."""
    row_units: dict[int, Unit]
    """Rows of the tables the structure stage understood, by block index."""
    extractor: ActionExtractor


def analyse_document(document: Document, nlp: Language) -> Analysis:
    # Tables that hold running minutes ("TOP | Inhalt", "Ergebnis | …") are read as the paragraphs they stand for.
    document = unfold_tables(document)
    meta = extract_meta(document)
    lines = _line_texts(document)
    structure = analyse_structure(document, lines, skip=set(meta.header_blocks), stops=set())
    topics = extract_topics(document, meta, structure)
    topic_of_block: dict[int, int] = {}
    for t in topics:
        for i in range(t.block_start, t.block_end + 1):
            topic_of_block[i] = t.index

    line_spans = analyse_lines(lines, nlp)
    institutions = [i for i in _collect_institutions(lines, line_spans) if not _person_with_role(i.name, meta.people)]
    if meta.meeting.organisation is None and meta.title_block is not None:
        own_body = next((i for i in institutions if meta.title_block in i.mentions), None)
        if own_body is not None and meta.meeting.title:
            _name_in_full(own_body, meta.meeting.title)
        meta.meeting.organisation = own_body.name if own_body is not None else None
    if meta.meeting.organisation is None:
        own = organisation_from_title(meta.meeting.title)
        if own is not None:
            meta.meeting.organisation = own
            # The meeting's own body counts among the institutions when its name says it is one.
            if is_body_name(own) and not any(i.name.casefold() == own.casefold() for i in institutions):
                mentions = [meta.title_block] if meta.title_block is not None else []
                institutions.insert(0, Institution(name=own, aliases=[], kind="gremium", source="title", mentions=mentions))
    own_body = add_own_body(institutions, meta.meeting.title, meta.title_block)
    institutions = drop_own_council(institutions, meta.meeting.title)
    if own_body is not None and (meta.meeting.organisation is None or meta.meeting.organisation in own_body):
        meta.meeting.organisation = own_body

    skip = set(meta.header_blocks)
    # A line that only names the item is no unit; "2) Kasse: Der Kassenbericht wird …" is
    # the item's title and its text in one paragraph.
    # "1) Protokoll vom 14.01. – ohne Änderungen genehmigt.": a line that notes its item's outcome is a unit;
    # so is one whose title is a sentence ("Top 03: Die Niederschrift … wird ohne Einwand angenommen."):
    # minutes without item titles write the item's whole text on its line.
    topic_starts = {t.block_start for t in topics if _names_only(document.blocks[t.block_start].text, t.title)}
    units: list[Unit] = []
    row_units: dict[int, Unit] = {}  # rows of tables the structure stage understood
    for position, ((block_index, _), line) in enumerate(zip(lines, line_spans)):
        block = document.blocks[block_index]
        if block_index in skip or position in structure.label_only_lines or (
            block_index in topic_starts and block.kind is not BlockKind.TABLE_ROW  # a results-table row is an item and its result
        ):
            continue
        topic_index = topic_of_block.get(block_index)
        if block.kind is BlockKind.TABLE_ROW:
            unit = Unit(block=block, span=line, topic_index=topic_index)
            if _understood(structure, block_index):
                row_units[block_index] = unit
            else:
                units.append(unit)
        else:
            section = structure.section_of(position)
            for sent in sentences(line):
                units.extend(Unit(block=block, span=part, topic_index=topic_index, section=section) for part in _clauses(sent))

    extractor = ActionExtractor(
        meta.people,
        meta.meeting.date,
        meta.meeting.next_meeting,
        {i.name for i in institutions} | {a for i in institutions for a in i.aliases},
    )
    extractor.author = author(document, meta.meeting.minute_taker, lambda name: len(found := extractor.owners(name, lenient=True)) == 1
                              and found[0].kind is ResponsibleKind.PERSON)
    return Analysis(document, meta, structure, topics, institutions, units, row_units, extractor)


def _drop_containing(decisions: list[Decision]) -> list[Decision]:
    """"4.2 | Beschluss: Förderung der 8 Projekte … | beschlossen" beside "Beschluss: Förderung der 8
    Projekte …": a decision taken from a whole line that holds one taken from the same line is that
    decision again; the shorter one stays (with the longer one's vote when it has none)."""
    words = [" " + " ".join(re.findall(r"\w+", d.text.casefold())) + " " for d in decisions]  # whole words only
    dropped: set[int] = set()
    for i, longer in enumerate(decisions):
        for j, shorter in enumerate(decisions):
            if (i != j and j not in dropped and longer.evidence.block_index == shorter.evidence.block_index
                    and words[j].strip() and len(words[j]) < len(words[i]) and words[j] in words[i]):
                dropped.add(i)
                if shorter.vote is None:
                    shorter.vote = longer.vote
                break
    return [d for i, d in enumerate(decisions) if i not in dropped]


SENTENCE_TITLE_WORDS = 5
"""A topic's line ending in a full stop with a title of at least this many words is a sentence."""


def _names_only(line: str, title: str) -> bool:
    """Whether a topic's line only names its item: no more words than the title and a number or date,
    no outcome noted after it, and no title that is itself a sentence."""
    title_words = len(title.split())
    return (len(line.split()) <= title_words + TITLE_SLACK_WORDS and outcome_tail(line) is None
            and not (line.rstrip().endswith((".", "!")) and title_words >= SENTENCE_TITLE_WORDS))


def extract_record(document: Document, nlp: Language, *, data: bytes, file_name: str, processed_at: datetime | None = None) -> MinutesRecord:
    analysis = analyse_document(document, nlp)
    document = analysis.document
    meta, structure, topics, institutions = analysis.meta, analysis.structure, analysis.topics, analysis.institutions
    units, row_units, extractor = analysis.units, analysis.row_units, analysis.extractor
    component = role_component(nlp)
    adding = component is not None and bool(component.task_add)
    roles = sentence_roles(nlp, units, lambda unit: rule_hints(unit, extractor, adding))
    tables = TableReader(structure, extractor, row_units)
    tables.read()
    labelled_only: set[tuple[int, str]] = set()
    own_names = " ".join(filter(None, (meta.meeting.title, meta.meeting.organisation))) or None
    decisions = _drop_containing(_in_order(split_all(extract_decisions(units, labelled_only, roles, own_names), units) + tables.decisions))
    # keyed by the decision's own text: its evidence may go on to the vote line below it
    decided = {(d.evidence.block_index, clean(d.text)) for d in decisions} - labelled_only
    actions = dedupe_actions(_in_order(extract_actions(units, extractor, decided, roles) + tables.actions))
    # "Vereinbarungen: – Frau Kühn schickt das Protokoll bis Freitag": a task (assigned, or with
    # its deadline) in a list of agreements is that task, not a further decision.
    # (The rules' tasks: what the model alone takes for a task does not unmake a listed agreement.)
    tasks = {(a.evidence.block_index, clean(a.evidence.text)) for a in actions
             if (a.responsible or a.due) and a.confidence != MODEL_TASK_CONFIDENCE}
    decisions = [d for d in decisions if d.vote is not None or (d.evidence.block_index, clean(d.text)) not in labelled_only & tasks]
    progress = extract_progress_reports(units + list(row_units.values()))
    # Tasks keep their sentence: measured on half models, the whole line paired tasks with other
    # owners' lines (responsible fell on held-out real minutes, .9183 -> .9115).
    widen_to_lines(decisions, document.blocks)

    warnings = list(document.warnings) + tables.warnings
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


def rule_hints(unit: Unit, extractor: ActionExtractor, adding: bool = False) -> tuple[tuple[str, ...], bool]:
    """What the rules make of a unit on its own, as features of the sentence-role model (the
    decision score in four steps, the kind of task the action rules find), and whether the
    model can change the outcome for it: a decision score short of the threshold by less
    than the model's push plus a header's bonus, or a task not found by an exact form; with
    ``adding`` (the model may add tasks) also a sentence in which the rules found none."""
    # The arguments the decision extractor uses for it, so that its score is computed once.
    score = decision_score(unit, after_beschluss_header=unit.section is SectionRole.DECISION,
                           has_vote=unit.vote() is not None)
    step = "neg" if score < 0 else "weak" if score < THRESHOLD else "pass" if score < 1 else "strong"
    out = [f"dec_rule={step}"]
    candidate = CANDIDATE_MIN_SCORE <= score < THRESHOLD
    item = None
    if unit.block.kind is not BlockKind.TABLE_ROW:
        item = extractor.from_sentence(unit)
        out.append(f"task_rule={item.confidence if item else 'none'}")
        if item is not None:
            out.append("task_owner" if item.responsible else "task_unassigned")
            candidate = candidate or item.confidence < OWNED_VETO_BELOW_CONFIDENCE
    # Scored for the rules' sake: the model's opinion may move its decision score.
    unit.decision_candidate = candidate
    if adding and not candidate and item is None and unit.block.kind not in (BlockKind.TABLE_ROW, BlockKind.HEADING):
        candidate = bool(task_owners(unit, extractor)[0])  # the model adds only tasks with an owner
    return tuple(out), candidate


CANDIDATE_MIN_SCORE = 0.05
"""Below this rule score (no cue at all) no push of the sentence-role model reaches the threshold."""


def _understood(structure: Structure, block_index: int) -> bool:
    row = structure.rows.get(block_index)
    return row is not None and structure.tables[row.block.table_index].kind is not TableKind.OTHER


def _in_order(items: list) -> list:
    """Items of the prose and of the tables, in document order (stable within a block)."""
    return sorted(items, key=lambda item: item.evidence.block_index)


def _clauses(sent: Span) -> list[Span]:
    """Split a sentence at semicolons: pad-style notes chain separate items with ";"."""
    if ";" not in doc_text(sent.doc)[sent.start_char : sent.end_char]:
        return [sent]  # most sentences: no need to look at each token
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


# What follows the body's name in the title line up to a comma, a dash, a date or "vom/am …".
_TITLE_REST = re.compile(
    r"^\w*((?:\s+(?!(?:vom|am|im|in|zur|zum|und|mit|über|für)\b)[^\s,;:()–—]+){1,6}?)\s*(?:[,;:(–—]|\s-\s|\s(?:vom|am|im)\s|\d|$)")


def _name_in_full(body: Institution, title: str) -> None:
    """"Protokoll der Sitzung des Arbeitskreises Anerkennung ausländischer Berufsabschlüsse Lindenfurt":
    the meeting's own body by the full name its title line gives (the recognizer stops earlier)."""
    last = body.name.split()[-1]
    at = title.find(last)
    if at < 0:
        return
    m = _TITLE_REST.match(title[at + len(last):])
    rest = m.group(1).strip() if m else ""
    if not rest or not rest[:1].isalpha() or rest.split()[-1].lower() in ("der", "des", "die", "das", "und"):
        return
    body.aliases = [body.name] + [a for a in body.aliases if a != body.name]
    body.name = f"{body.name} {rest}"


def _person_with_role(name: str, people: PeopleIndex) -> bool:
    """"OR Beck", "KR Ulrich", "Stadtrat Zeller": a short role abbreviation or a council member's
    title before the surname of someone present is that person, not an institution."""
    words = name.split()
    return (len(words) == 2 and (len(words[0]) <= 3 and words[0][:1].isupper() or words[0].casefold() in PERSON_OFFICE_WORDS)
            and people.by_last.get(words[1].lower()) is not None)


def _collect_institutions(lines: list[tuple[int, str]], line_spans: list[Span]) -> list[Institution]:
    """One entry per canonical name (merged across blocks), with aliases and the blocks it is named in."""
    from ..nlp.institutions import collect_institutions, load_data

    data = load_data()
    mentions: dict[str, list[int]] = {}
    model_only: set[str] = set()
    docs: list[Doc] = []
    # Lines follow each other through the chunk Docs: a mention belongs to the last line starting at or before it.
    for doc, doc_lines in groupby(zip(lines, line_spans), key=lambda pair: pair[1].doc):
        doc_lines = list(doc_lines)
        docs.append(doc)
        first_tokens = [line.start for _, line in doc_lines]
        for span in doc.spans.get("institutions", []):
            block_index = doc_lines[max(0, bisect_right(first_tokens, span.start) - 1)][0][0]
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
        # … and so does a bare word merged into the one name that holds it ("Feuerwehr" → "Freiwillige Feuerwehr X").
        blocks = sorted({b for key, bl in mentions.items() if key == name or name.startswith(key + " ") or key in item["aliases"] for b in bl})
        if data.entry_for(name) is not None:
            source = "registry"
        elif name in model_only:
            source = "model"
        else:
            source = "pattern"
        out.append(Institution(name=name, aliases=item["aliases"], kind=item["kind"], source=source, mentions=blocks))
    return out
