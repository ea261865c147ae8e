"""Sentences with their provenance: the unit the decision and task extractors look at."""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.strings import hash_string
from spacy.tokens import Span

from ..document import Block, BlockKind
from ..schema import Evidence
from ..structure import SectionRole
from ..nlp.spans import DOC_TEXT_KEY, doc_text, labels_within as _labels_within, spans_within as _spans_within  # noqa: F401  (re-exported)
from .text import clean
from .vocabulary import action_cues
from .votes import parse_vote


_NOT_PARSED = object()


@dataclass(slots=True)
class Unit:
    block: Block
    span: Span
    """The sentence (a span of the line's Doc)."""
    topic_index: int | None
    section: SectionRole | None = None
    """The labelled section the sentence stands in ("Vereinbarungen:" → decision), if any."""
    roles: tuple[float, ...] | None = None
    """Probabilities of the learned sentence roles (nlp.roles.LEARNED_ROLES), when a model scored it."""
    decision_candidate: bool = field(init=False, default=False)
    """Whether the model's opinion may move the decision score (a unit the rules asked it
    about); a unit scored only as a task the model might add keeps its rule score."""
    text: str = field(init=False)
    """The sentence text, computed once: the extractors read it many times."""
    _cue_labels: set[str] | None = field(init=False, default=None)
    _clean: str | None = field(init=False, default=None)
    scores: dict = field(init=False, default_factory=dict)
    """Rule scores computed for this unit, by their arguments (decisions.decision_score)."""
    _vote: object = field(init=False, default=_NOT_PARSED)
    _done: bool | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # Sliced from the Doc's text: Span.text would build a Token object per token.
        span = self.span
        self.text = doc_text(span.doc)[span.start_char : span.end_char].strip() if len(span) else ""

    @property
    def clean_text(self) -> str:
        """``clean(text)``: whitespace collapsed, NFC; every extractor wants it."""
        if self._clean is None:
            self._clean = clean(self.text)
        return self._clean

    def vote(self):
        """``parse_vote(clean_text)``, parsed once (the role hints and the decisions both ask)."""
        if self._vote is _NOT_PARSED:
            self._vote = parse_vote(self.clean_text)
        return self._vote

    def reports_done(self) -> bool:
        """Whether ``clean_text`` says something is done (the ``done`` cues), tested once: the
        task rules and the progress reports both ask."""
        if self._done is None:
            self._done = action_cues().done.search(self.clean_text) is not None
        return self._done

    def cues(self) -> list[Span]:
        return _spans_within(self.span, "cues")

    def cue_labels(self) -> set[str]:
        if self._cue_labels is None:
            self._cue_labels = _labels_within(self.span, "cues")
        return self._cue_labels

    def institutions(self) -> list[Span]:
        return _spans_within(self.span, "institutions")

    def evidence(self, text: str | None = None, column: int | None = None) -> Evidence:
        b = self.block
        return Evidence(
            block_index=b.index,
            block_kind=b.kind.value,
            text=text if text is not None else self.text,
            list_number=b.list_number,
            table_index=b.table_index,
            table_row=b.row_index,
            # A paragraph unfolded from a table cell (structure.unfold) keeps the cell's column.
            table_column=column if column is not None or b.kind is BlockKind.TABLE_ROW else (b.cell_columns or [None])[0],
        )


def sentences(line: Span) -> list[Span]:
    """The sentences of one line (or of one table cell), without whitespace tokens at their edges."""
    doc, out = line.doc, []
    sent_starts, spaces, orths = _token_arrays(doc)
    for start, end in _sentence_bounds(line, sent_starts):
        start, end = max(start, line.start), min(end, line.end)
        while start < end and spaces[start]:
            start += 1
        while end > start and spaces[end - 1]:
            end -= 1
        if end > start:
            # "… anwesend sind. (s. Anlage 2) Die Tagesordnung …": the sentencizer leaves the
            # bracket opening the next sentence at the end of the one before.
            # Only a reference ("(s. Anlage 2)", "(siehe oben)"): other brackets after a full stop
            # note the owner of the sentence before ("Flyer drucken. (Lea)").
            if (out and out[-1].end - out[-1].start >= 2 and doc[out[-1].end - 1].text in ("(", "[")
                    and doc[out[-1].end - 2].text in (".", "!", "?") and doc[start].lower_ in _REFERENCE_WORDS):
                start = out[-1].end - 1
                out[-1] = Span(doc, out[-1].start, start)
            # "der Fraktionen DIE LINKE., SPD und CDU …": a sentence does not end with a comma,
            # the full stop belonged to a name or abbreviation.
            if out and (orths[out[-1].end - 1] == _COMMA or _open_bracket(out[-1]) or _abbreviation_before(out[-1], doc[start])
                        or (_arrow_at(doc, start, end) and _short_or_question(out[-1]))):
                closed = _bracket_note_end(out[-1], start, end)
                if closed is None:
                    out[-1] = Span(doc, out[-1].start, end)
                else:  # "… ändert. [(Weiteres) nicht öffentlich] Sabrina meldet sich …"
                    out[-1] = Span(doc, out[-1].start, closed)
                    out.append(Span(doc, closed, end))
            else:
                out.append(Span(doc, start, end))
    return [part for sent in out for part in _split_after_number(sent)]


_COMMA = hash_string(",")
_ARRAYS_KEY = "protokollant.sentence_arrays"


def _token_arrays(doc) -> tuple[list[int] | None, list[int], list[int]]:
    """SENT_START, IS_SPACE and ORTH of every token, read once per Doc (a Doc holds a whole
    document: a Token object per look costs more); SENT_START None where ``Span.sents`` has to
    answer itself (sentence hooks, or no sentence starts: its error)."""
    cached = doc.user_data.get(_ARRAYS_KEY)
    if cached is None or len(cached[1]) != len(doc):
        sent_starts, spaces, orths = doc.to_array([SENT_START, IS_SPACE, ORTH]).T.tolist() if len(doc) else ([], [], [])
        if "sents" in doc.user_hooks or "sents" in doc.user_span_hooks or not doc.has_annotation("SENT_START"):
            sent_starts = None
        cached = doc.user_data[_ARRAYS_KEY] = (sent_starts, spaces, orths)
    return cached


def doc_orths(doc) -> list[int]:
    """The ORTH id of every token of the Doc, read once per Doc (shared with ``sentences``)."""
    return _token_arrays(doc)[2]


def _sentence_bounds(span: Span, sent_starts: list[int] | None):
    """(start, end) of each sentence ``span.sents`` yields: spaCy's walk over the sentence
    starts (1 set, -1 or 0 not), without a Span object per sentence."""
    n = len(sent_starts) if sent_starts is not None else 0
    if sent_starts is None or span.start >= n:  # an empty span at the end: spaCy's own answer
        yield from ((sent.start, sent.end) for sent in span.sents)
        return
    start = span.start
    while start > 0 and sent_starts[start] != 1:
        start -= 1
    for i in range(start + 1, n):
        if sent_starts[i] == 1:
            yield start, i
            start = i
            if start >= span.end:
                break
        elif i == n - 1:
            yield start, n
    else:
        if start == n - 1:
            yield start, n


# Words that open a sentence and never follow an ordinal ("32. Sitzung", "3. Mai" do); after a date
# they open a sentence only with a verb of their own (_split_after_number).
_SENTENCE_OPENERS = frozenset(
    "Der Die Das Dem Den Des Ein Eine Einer Es Er Sie Wir Ich Man Dies Diese Dieser Dieses Damit Dann Danach "
    "Daher Deshalb Auch Außerdem Zudem Mit Nach Im In Am Bei Für Zum Zur Über Alle Herr Frau Hr. Fr.".split())


_NUMBER_STOP = re.compile(r"\d\.\s+[A-ZÄÖÜ]")
_NUMBER_TOKEN = re.compile(r"^\d+(?:\.\d+){0,2}\.$")


def _verb_follows(doc, i: int, end: int) -> bool:
    """A lower-case word (the verb of a new sentence) among the two words after an opener."""
    return any(doc[k].text[:1].islower() and doc[k].text[:1].isalpha() for k in range(i, min(i + 2, end)))


def _split_after_number(sent: Span) -> list[Span]:
    """"… richtig sei 23 statt 32. Mit dieser Korrektur wurde …": the tokenizer reads "32." as an
    ordinal and the sentencizer sees no full stop; before a word that opens sentences it is one."""
    doc, parts, start = sent.doc, [], sent.start
    if not _NUMBER_STOP.search(doc_text(doc), sent.start_char, sent.end_char):
        return [sent]  # most sentences: no number with a full stop before a capital
    for tok in sent[:-1]:
        nxt = doc[tok.i + 1]
        # "32.", and a date: "… erstelle Frau Roßmann bis 15.09. Herr Weigand kümmere sich …" (not "Den
        # Aushang erstellt bis 15.09. Frau Roßmann.": a subject after the verb, no sentence of its own)
        if (tok.text.endswith(".") and nxt.text in _SENTENCE_OPENERS and tok.i + 1 > start and (
                tok.text[:-1].isdigit() or (_NUMBER_TOKEN.match(tok.text) and _verb_follows(doc, tok.i + 2, sent.end)))):
            parts.append(doc[start : tok.i + 1])
            start = tok.i + 1
    if not parts:
        return [sent]
    parts.append(doc[start : sent.end])
    return parts


# Abbreviated prepositions and adverbs: their full stop never ends a sentence.
# "@Fr. Costa prüft …": a mention's honorific ("@" keeps the tokenizer from knowing "Fr.") leads into a name.
_NEVER_FINAL = re.compile(r"(?:(?:^|[\s(/-])(?:wg|bzgl|bzw|ggf|evtl|inkl|zzgl|ggü|gem|lt|ca|z\.\s?B|u\.\s?a|v\.\s?a|d\.\s?h|o\.\s?ä|u\.\s?U|i\.\s?d\.\s?R|bgm|pfr|pfrin|vors|stv)|@(?:fr|hr|dr|prof))\.$", re.I)
_SHORT_ABBREVIATION = re.compile(r"(?:^|[\s(/-])[A-Za-zÄÖÜäöü]{1,4}\.$")


def _abbreviation_before(previous: Span, first) -> bool:
    """"Haus-Nr. 12", "ca. 140 Personen", "Z. 274": a short abbreviation's full stop before a
    number or a lower-case word ends no sentence."""
    text = doc_text(previous.doc)[previous.start_char : previous.end_char]
    # Both patterns end in "\.$" and match at most ten characters: only the tail is searched
    # (a "^" alternative can match only a text that short, searched from its start then).
    tail = max(0, len(text) - _ABBREVIATION_TAIL)
    if _NEVER_FINAL.search(text, tail):
        return True  # "wg. Aufschub", "bzgl. Raumplanung": these abbreviations lead into a noun
    return bool(_SHORT_ABBREVIATION.search(text, tail)) and (first.text[:1].isdigit() or first.text[:1].islower())


_ABBREVIATION_TAIL = 16


_REFERENCE_WORDS = frozenset({"s.", "siehe", "vgl.", "vgl", "anlage", "anhang", "anm.", "s.o.", "s.u.", "s"})
_ARROWS = frozenset({"->", "-->", "→", "=>", "==>", "⇒", "—>"})


def _arrow_at(doc, start: int, end: int) -> bool:
    """"neuer Beamer? -> Anna fragt nach": whether the sentence opens with an arrow (the
    sentencizer may leave its "-" with the sentence before)."""
    first = doc[start].text
    return (first in _ARROWS or (first in ("-", "--", "=") and start + 1 < end and doc[start + 1].text.startswith(">"))
            or (first.startswith(">") and start > 0 and doc[start - 1].text in ("-", "--", "=", "==")))


def _short_or_question(previous: Span) -> bool:
    """A question or a short note before the arrow; after a full sentence of prose an arrow
    opens the next note ("… beschlossen. → Wittmann/Fink, Messprogramm abstimmen")."""
    words = [t for t in previous if not t.is_punct]
    return len(words) <= 6 or any(t.text in ("?", "!") for t in previous[-3:])


def _bracket_note_end(previous: Span, start: int, end: int) -> int | None:
    """Where a bracket opened after a full stop closes, when a new sentence follows it: the
    bracket notes the sentence before ("Flyer drucken. (Lea) Tom bucht den Raum."), the
    capitalised words after it are a sentence of their own. None when no such bracket."""
    doc = previous.doc
    opened = previous.end
    while opened > previous.start and doc[opened - 1].text in ("(", "["):
        opened -= 1
    if opened == previous.end or opened == previous.start or doc[opened - 1].text not in (".", "!", "?"):
        return None
    depth = previous.end - opened
    for i in range(start, end):
        text = doc[i].text
        if text in ("(", "["):
            depth += 1
        elif text in (")", "]"):
            depth -= 1
            if depth == 0:
                rest = [t for t in doc[i + 1 : end] if not t.is_punct and not t.is_space]
                if len(rest) >= 3 and rest[0].text[:1].isupper():
                    return i + 1
                return None
    return None


def _open_bracket(span: Span) -> bool:
    """"… (einst. beschlossen)": an abbreviation's full stop inside a bracket ends no sentence."""
    text = doc_text(span.doc)[span.start_char : span.end_char]
    return text.count("(") > text.count(")")
