"""Word reader: untrusted .docx/.docm/.dotx (path or bytes) -> protokollant.document.Document.

    read_document(source, *, name=None, limits=None) -> Document

Failures raise protokollant.errors.UnreadableDocumentError with a reason code.
"""
from .package import DEFAULT_LIMITS, Limits, check_magic
from .reader import read_document

__all__ = ["read_document", "Limits", "DEFAULT_LIMITS", "check_magic"]
