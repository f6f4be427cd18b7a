"""Check digits used by identity, account and card numbers."""

from __future__ import annotations

import datetime as dt


def luhn_valid(digits: str) -> bool:
    """Return True when the digit string passes the Luhn (mod 10) check."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def mod11_norwegian(digits: str) -> bool:
    """Both control digits of a Norwegian fødselsnummer (11 digits)."""
    weights1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
    weights2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    nums = [ord(c) - 48 for c in digits]

    def control(weights: tuple[int, ...]) -> int | None:
        rest = 11 - sum(w * n for w, n in zip(weights, nums, strict=False)) % 11
        if rest == 11:
            return 0
        return None if rest == 10 else rest

    k1 = control(weights1)
    if k1 is None or k1 != nums[9]:
        return False
    k2 = control(weights2)
    return k2 is not None and k2 == nums[10]


def mod11_danish(digits: str) -> bool:
    """The old modulus-11 check of a Danish CPR number (not used for all numbers since 2007)."""
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(w * (ord(c) - 48) for w, c in zip(weights, digits, strict=True)) % 11 == 0


def iban_valid(compact: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN without spaces."""
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
