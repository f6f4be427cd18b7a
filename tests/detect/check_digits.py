"""Check digits computed independently of the code under test, for building valid numbers."""

from __future__ import annotations


def luhn_check_digit(payload: str) -> str:
    """The Luhn digit to append to ``payload`` (double every second digit from the right)."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value // 10 + value % 10
    return str((10 - total % 10) % 10)


def with_luhn(payload: str) -> str:
    return payload + luhn_check_digit(payload)
