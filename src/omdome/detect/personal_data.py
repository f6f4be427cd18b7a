"""Find personal data in a text: the recognizers in priority order, overlaps resolved."""

from __future__ import annotations

from functools import cache

from omdome.detect.base import Span, drop_overlaps
from omdome.detect.pii.address import HomeAddressRecognizer, SeAddressRecognizer
from omdome.detect.pii.base import Recognizer
from omdome.detect.pii.cpr import DkCprRecognizer
from omdome.detect.pii.email import EmailRecognizer
from omdome.detect.pii.fodselsnummer import NoFodselsnummerRecognizer
from omdome.detect.pii.giro import BankgiroRecognizer, PlusgiroRecognizer
from omdome.detect.pii.iban import IbanRecognizer
from omdome.detect.pii.payment_card import PaymentCardRecognizer
from omdome.detect.pii.personnummer import SePersonnummerRecognizer
from omdome.detect.pii.phone import PhoneRecognizer

# Identity numbers come first: where a digit run could be read two ways, the reading
# that blocks publication wins.
RECOGNIZERS: tuple[type[Recognizer], ...] = (
    SePersonnummerRecognizer,
    NoFodselsnummerRecognizer,
    DkCprRecognizer,
    PaymentCardRecognizer,
    IbanRecognizer,
    EmailRecognizer,
    BankgiroRecognizer,
    PlusgiroRecognizer,
    SeAddressRecognizer,
    HomeAddressRecognizer,
    PhoneRecognizer,
)

IDENTITY_KINDS = frozenset({"personnummer", "samordningsnummer", "fodselsnummer", "cpr"})
PERSONAL_DATA_KINDS = frozenset(
    {"personnummer", "samordningsnummer", "fodselsnummer", "cpr", "phone", "email", "iban",
     "bankgiro", "plusgiro", "payment_card", "address"}
)


@cache
def _instances() -> tuple[Recognizer, ...]:
    return tuple(cls() for cls in RECOGNIZERS)


def find_personal_data(text: str, *, language: str | None = None) -> list[Span]:
    """Every personal-data span in ``text``, in text order, without overlaps.

    ``language`` ("sv", "en", "nb", "da") guides how national phone numbers and
    Danish CPR numbers are read; None tries the Swedish reading first.
    """
    found: list[Span] = []
    for recognizer in _instances():
        if recognizer.needs is None or recognizer.needs.search(text):
            found.extend(recognizer.find(text, language))
    return drop_overlaps(found)
