"""WordprocessingML names (tags and attributes in Clark notation) and the two
container rules every reader of a story shares: content controls and
mc:AlternateContent."""
from __future__ import annotations

from lxml import etree

from .package import R_NS, W_NS
from .styles import on_off


W = f"{{{W_NS}}}"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

W_BODY = W + "body"
W_P = W + "p"
W_PPR = W + "pPr"
W_R = W + "r"
W_RPR = W + "rPr"
W_T = W + "t"
W_TAB = W + "tab"
W_PTAB = W + "ptab"
W_BR = W + "br"
W_CR = W + "cr"
W_NOBREAKHYPHEN = W + "noBreakHyphen"
W_SOFTHYPHEN = W + "softHyphen"
W_SYM = W + "sym"
W_FLDCHAR = W + "fldChar"
W_FLDCHARTYPE = W + "fldCharType"
W_INSTRTEXT = W + "instrText"
W_DRAWING = W + "drawing"
W_PICT = W + "pict"
W_OBJECT = W + "object"
W_RUBY = W + "ruby"
W_RUBYBASE = W + "rubyBase"
W_TXBXCONTENT = W + "txbxContent"
W_TBL = W + "tbl"
W_TR = W + "tr"
W_TC = W + "tc"
W_TRPR = W + "trPr"
W_TCPR = W + "tcPr"
W_SDT = W + "sdt"
W_SDTPR = W + "sdtPr"
W_SDTCONTENT = W + "sdtContent"
W_SHOWINGPLCHDR = W + "showingPlcHdr"
W_CUSTOMXML = W + "customXml"
W_INS = W + "ins"
W_DEL = W + "del"
W_MOVETO = W + "moveTo"
W_MOVEFROM = W + "moveFrom"
W_SECTPR = W + "sectPr"
W_ALTCHUNK = W + "altChunk"
W_PSTYLE = W + "pStyle"
W_NUMPR = W + "numPr"
W_NUMID = W + "numId"
W_ILVL = W + "ilvl"
W_OUTLINELVL = W + "outlineLvl"
W_B = W + "b"
W_RSTYLE = W + "rStyle"
W_VAL = W + "val"
W_CHAR = W + "char"
W_TBLHEADER = W + "tblHeader"
W_GRIDBEFORE = W + "gridBefore"
W_GRIDSPAN = W + "gridSpan"
W_VMERGE = W + "vMerge"
W_HMERGE = W + "hMerge"
W_HEADERREF = W + "headerReference"
W_FOOTERREF = W + "footerReference"
R_ID = f"{{{R_NS}}}id"
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"

# Paragraph-level children that never carry visible text of their own.
INLINE_SKIP = frozenset({
    W_PPR, W_RPR, W_SDTPR, W + "sdtEndPr", W + "customXmlPr", W + "smartTagPr",
    W + "proofErr", W + "bookmarkStart", W + "bookmarkEnd", W + "commentRangeStart",
    W + "commentRangeEnd", W + "permStart", W + "permEnd", W + "fldData",
    W + "subDoc", f"{{{M_NS}}}rPr", f"{{{M_NS}}}ctrlPr", f"{{{M_NS}}}oMathParaPr",
})
TRACKED_REMOVED = frozenset({W_DEL, W_MOVEFROM})
TRACKED_ADDED = frozenset({W_INS, W_MOVETO})
BLOCK_TRANSPARENT = frozenset({W_CUSTOMXML, W_INS, W_MOVETO})
EMBEDDED_OBJECTS = frozenset({W_DRAWING, W_PICT, W_OBJECT})


def sdt_content(sdt: etree._Element) -> etree._Element | None:
    """The content of a content control, or None when it only shows its placeholder."""
    props = sdt.find(W_SDTPR)
    if props is not None and on_off(props.find(W_SHOWINGPLCHDR)):
        return None
    return sdt.find(W_SDTCONTENT)


def branches(alternate: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
    choice = fallback = None
    for child in alternate:
        if child.tag == MC_CHOICE:
            if choice is None:
                choice = child
        elif child.tag == MC_FALLBACK:
            fallback = child
    return choice, fallback
