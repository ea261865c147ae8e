"""How agenda-item lines give their number and title (extract/item_numbers.py)."""
import pytest

from protokollant.extract.item_numbers import split_number


@pytest.mark.parametrize("line, expected", [
    ("TOP 3: Haushalt 2027", ("3", "Haushalt 2027", True)),
    ("Zu TOP 2: Kasse", ("2", "Kasse", True)),
    ("Zu: TOP 1 Begrüßung", ("1", "Begrüßung", True)),
    ("Ö 4 Bauantrag Lindenstraße", ("Ö 4", "Bauantrag Lindenstraße", True)),
    ("2. Bericht des Vorstands", ("2", "Bericht des Vorstands", False)),
    ("Zuschuss für den Chor", (None, "Zuschuss für den Chor", False)),
])
def test_number_and_title_of_an_item_line(line, expected):
    assert split_number(line) == expected
