"""A decision found in part of a short line has the whole line as its evidence (extract/line_evidence.py)."""
from protokollant.document import Block, BlockKind
from protokollant.extract.line_evidence import widen_to_lines
from protokollant.schema import Decision, Evidence


def test_a_pad_line_is_the_passage_of_the_decision_in_its_last_clause(record):
    r = record("""= Plenum Offene Werkstatt
Datum: 12.03.2026
# Werkstatt
- Bauaktion im Werkraum am 12.11. → Material bestellen (HG), Holz ca. 150 € ok von allen, Geld aus Gruppenkasse
- Putzplan Treppenhaus klappt nicht. Vorschlag Nele: Rotation nach Etage statt Wohnung. Angenommen, ab KW 11
""")
    lines = ["Bauaktion im Werkraum am 12.11. → Material bestellen (HG), Holz ca. 150 € ok von allen, Geld aus Gruppenkasse",
             "Putzplan Treppenhaus klappt nicht. Vorschlag Nele: Rotation nach Etage statt Wohnung. Angenommen, ab KW 11"]
    assert [d.evidence.text for d in r.decisions] == lines
    # the decision's own text stays what the extractor took
    assert r.decisions[1].text == "Angenommen, ab KW 11"


def _decision(block: int, text: str, kind: BlockKind = BlockKind.LIST_ITEM) -> Decision:
    return Decision(text=text, kind="agreement", confidence=0.8, evidence=Evidence(block_index=block, block_kind=kind.value, text=text))


def test_a_line_with_two_decisions_and_a_long_paragraph_keep_their_sentences():
    two = "Termin: Sa 21.03., 10 Uhr, Jugendhaus. Budget max. 400 € einstimmig dafür."
    prose = ("Der Vorsitzende berichtet ausführlich über die Lage des Vereins, die Mitgliederentwicklung, die Finanzen "
             "und die Vorhaben des kommenden Jahres, insbesondere über die geplante Sanierung des Vereinsheims und die "
             "Gespräche mit der Gemeinde über einen Zuschuss, die noch andauern und im Herbst abgeschlossen werden "
             "sollen, sowie über die Zusammenarbeit mit den Nachbarvereinen und dem Kreissportbund im kommenden Sommer. Die Versammlung beschließt einstimmig, die Sanierung im Frühjahr zu beginnen.")
    blocks = [Block(index=0, kind=BlockKind.LIST_ITEM, text=two),
              Block(index=1, kind=BlockKind.PARAGRAPH, text=prose),
              Block(index=2, kind=BlockKind.LIST_ITEM, text="Fotos vom Netzwerktreffen\nnicht auf die Website, einstimmig")]
    items = [_decision(0, "Termin: Sa 21.03., 10 Uhr, Jugendhaus."), _decision(0, "Budget max. 400 € einstimmig dafür."),
             _decision(1, "Die Versammlung beschließt einstimmig, die Sanierung im Frühjahr zu beginnen.", BlockKind.PARAGRAPH),
             _decision(2, "einstimmig")]
    widen_to_lines(items, blocks)
    assert [d.evidence.text for d in items] == [
        "Termin: Sa 21.03., 10 Uhr, Jugendhaus.", "Budget max. 400 € einstimmig dafür.",
        "Die Versammlung beschließt einstimmig, die Sanierung im Frühjahr zu beginnen.",
        # a block of several lines ("<br>"): the line that holds it
        "nicht auf die Website, einstimmig"]
