"""Word files from the corpus markup (scripts/build_corpus.py), for tests that write minutes as text."""
import importlib.util
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def build_corpus_module():
    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "scripts" / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(markup: str) -> bytes:
    """The .docx bytes of a markup text."""
    return build_corpus_module().render(markup)
