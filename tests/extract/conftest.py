"""The ``record`` fixture of the phrasing tests: minutes written in the test markup
(tests/markup.py), rendered to Word and extracted with the offline pipeline."""
import pytest

from protokollant.extract.minutes import extract_record
from protokollant.ingest.reader import read_document
from protokollant.nlp.pipeline import load_pipeline
from tests.markup import render


@pytest.fixture(scope="session")
def record():
    nlp = load_pipeline("blank")

    def run(markup: str):
        data = render(markup)
        return extract_record(read_document(data), nlp, data=data, file_name="t.docx")

    return run
