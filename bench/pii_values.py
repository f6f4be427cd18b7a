"""Synthetic personal-data values with valid check digits, in the forms people write them.

Every ``make_*`` function takes a ``random.Random`` and returns one written value. The
numbers are made up, but each passes the checks a real one would: dates exist, Luhn,
mod-11 and mod-97 check digits are right and phone numbers are valid per
``phonenumbers``. Look-alike values (which must not be flagged) live in ``pii_lookalikes``.
"""

from __future__ import annotations

import datetime as dt
import random

import phonenumbers

from bench.pii_phrases import DOMAINS, FIRST, LAST, STREETS, TOWNS

# ---------------------------------------------------------------- check digits


def luhn_digit(payload: str) -> str:
    """The Luhn check digit that makes ``payload + digit`` valid."""
    total = 0
    for pos, char in enumerate(reversed(payload)):
        value = int(char) * (2 if pos % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def luhn_ok(digits: str) -> bool:
    return luhn_digit(digits[:-1]) == digits[-1]


def iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    return f"{98 - number % 97:02d}"


def random_date(rng: random.Random, first_year: int, last_year: int) -> dt.date:
    start, end = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def digits(rng: random.Random, n: int, first: str = "0123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


# ---------------------------------------------------------------- identity numbers


def make_personnummer(rng: random.Random, coordination: bool = False) -> str:
    """Swedish personnummer (or samordningsnummer: day + 60) in one of its written forms."""
    centenarian = not coordination and rng.random() < 0.08
    born = random_date(rng, 1912, 1925) if centenarian else random_date(rng, 1935, 2008)
    day = born.day + (60 if coordination else 0)
    body = f"{born:%y%m}{day:02d}{digits(rng, 3)}"
    number = body + luhn_digit(body)
    short, serial = number[:6], number[6:]
    if centenarian:
        return f"{short}+{serial}"
    long_ = f"{born.year // 100}{short}"
    forms = [f"{long_}-{serial}", f"{long_}{serial}", f"{short}-{serial}", f"{short}{serial}",
             f"{short} {serial}", f"{long_}-{serial}", f"{short}-{serial}",
             f"{short}\u2013{serial}"]  # an editor's auto-correct turns "-" into an en dash
    return rng.choice(forms)


def make_fodselsnummer(rng: random.Random) -> str:
    """Norwegian fødselsnummer: DDMMYY, individual number and two mod-11 control digits."""
    w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        born = random_date(rng, 1940, 2008)
        individual = rng.randrange(500, 1000) if born.year >= 2000 else rng.randrange(0, 500)
        base = [int(c) for c in f"{born:%d%m%y}{individual:03d}"]
        k1 = (11 - sum(a * b for a, b in zip(w1, base, strict=True)) % 11) % 11
        if k1 == 10:
            continue
        k2 = (11 - sum(a * b for a, b in zip(w2, [*base, k1], strict=True)) % 11) % 11
        if k2 == 10:
            continue
        number = "".join(map(str, base)) + f"{k1}{k2}"
        return rng.choice([number, number, number[:6] + " " + number[6:]])


def _is_swedish_pnr(ten: str) -> bool:
    """True when ten digits also read as a Swedish personnummer or samordningsnummer."""
    yy, mm, dd = int(ten[:2]), int(ten[2:4]), int(ten[4:6])
    days = (dd, dd - 60)
    dates_ok = any(_date_ok(c + yy, mm, d) for c in (1900, 2000) for d in days if d > 0)
    return dates_ok and luhn_ok(ten)


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def make_cpr(rng: random.Random) -> str:
    """Danish CPR DDMMYY-SSSS with a real date and a century digit that fits the year."""
    while True:
        born = random_date(rng, 1940, 2008)
        seventh = rng.choice("0123") if born.year < 2000 else rng.choice("49")
        number = f"{born:%d%m%y}{seventh}{digits(rng, 3)}"
        if not _is_swedish_pnr(number):  # keep the corpus unambiguous
            return f"{number[:6]}-{number[6:]}"


# ---------------------------------------------------------------- phones

SE_MOBILE = ("70", "72", "73", "76", "79")
SE_AREAS = (("8", 7), ("8", 8), ("31", 7), ("40", 6), ("18", 6), ("13", 6), ("90", 6),
            ("19", 6), ("21", 6), ("60", 6), ("63", 6), ("46", 6))


def _valid(number: str, region: str | None = None) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, region))
    except phonenumbers.NumberParseException:
        return False


def _swedish_phone(rng: random.Random) -> tuple[str, str]:
    """(area code without 0, subscriber number) of a valid Swedish number."""
    while True:
        if rng.random() < 0.6:
            area, sub = rng.choice(SE_MOBILE), digits(rng, 7, "123456789")
        else:
            area, length = rng.choice(SE_AREAS)
            sub = digits(rng, length, "2345678")
        if _valid("+46" + area + sub):
            return area, sub


def _group_swedish(sub: str) -> str:
    """Swedish grouping: 123 45 67, 12 34 56, 123 456 78."""
    if len(sub) == 8:
        return f"{sub[:3]} {sub[3:6]} {sub[6:]}"
    if len(sub) == 7:
        return f"{sub[:3]} {sub[3:5]} {sub[5:]}"
    return f"{sub[:2]} {sub[2:4]} {sub[4:]}"


def make_phone_se(rng: random.Random) -> str:
    area, sub = _swedish_phone(rng)
    grouped = _group_swedish(sub)
    forms = [f"0{area}-{grouped}", f"0{area}{sub}", f"0{area} {grouped}", f"0{area}-{sub}",
             f"+46 {area} {grouped}", f"+46{area}{sub}", f"+46 (0){area}-{grouped}",
             f"+46-{area}-{sub}", f"0{area} - {grouped}", f"0046 {area} {grouped}",
             f"0{area}\u2013{grouped}", f"0{area}/{sub}"]
    if len(sub) == 8:
        forms.append(f"0{area}-{sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}")  # 08-12 34 56 78
    if area not in SE_MOBILE:
        forms.append(f"(0{area}) {grouped}")  # brackets are seen around area codes only
    return rng.choice(forms)


def _intl(rng: random.Random, prefix: str, make, groups: tuple[int, ...]) -> str:
    while True:
        national = make()
        if _valid(f"+{prefix}{national}"):
            break
    parts, pos = [], 0
    for size in groups:
        parts.append(national[pos:pos + size])
        pos += size
    sep = rng.choice([" ", " ", "-"]) if prefix == "1" else " "
    written = sep.join(parts)
    return rng.choice([f"+{prefix} {written}", f"+{prefix} {written}", f"+{prefix}{national}"])


def make_phone_foreign(rng: random.Random, country: str | None = None) -> str:
    country = country or rng.choice(["GB", "GB", "US", "US", "NO", "DK"])
    if country == "GB":
        if rng.random() < 0.5:
            return _intl(rng, "44", lambda: "7" + digits(rng, 9, "45789"), (4, 6))
        return _intl(rng, "44", lambda: "20" + digits(rng, 8, "378"), (2, 4, 4))
    if country == "US":
        make = lambda: digits(rng, 3, "2345789") + digits(rng, 3, "23456789") + digits(rng, 4)  # noqa: E731
        return _intl(rng, "1", make, (3, 3, 4))
    if country == "NO":
        if rng.random() < 0.7:
            return _intl(rng, "47", lambda: rng.choice("49") + digits(rng, 7), (3, 2, 3))
        landline = lambda: rng.choice(["22", "23", "55", "73"]) + digits(rng, 6)  # noqa: E731
        return _intl(rng, "47", landline, (2, 2, 2, 2))
    return _intl(rng, "45", lambda: digits(rng, 8, "2345"), (2, 2, 2, 2))


def make_phone(rng: random.Random, language: str) -> str:
    if language == "nb":
        return make_phone_foreign(rng, "NO")
    if language == "da":
        return make_phone_foreign(rng, "DK")
    share_se = 0.85 if language == "sv" else 0.35
    return make_phone_se(rng) if rng.random() < share_se else make_phone_foreign(rng)


# ---------------------------------------------------------------- e-mail


def make_email(rng: random.Random, language: str = "sv") -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice([f"{first}.{last}", f"{first}{last[:1]}", f"{first}_{last}",
                        f"{first[0]}.{last}", f"{first}.{last}{rng.randrange(1, 99)}",
                        f"{first}+{rng.choice(['kund', 'news', 'jobb'])}", f"{last}{first[0]}"])
    return f"{local}@{rng.choice(DOMAINS)}"


# ---------------------------------------------------------------- accounts and cards

IBAN_LAYOUTS = {  # country: BBAN builder
    "SE": lambda r: digits(r, 3, "5689") + digits(r, 17),
    "DE": lambda r: digits(r, 8, "1234567") + digits(r, 10),
    "GB": lambda r: r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(r, 14),
    "NO": lambda r: digits(r, 11, "123456789"),
    "DK": lambda r: digits(r, 14, "123456789"),
    "FI": lambda r: digits(r, 14, "123456789"),
}


def make_iban(rng: random.Random, language: str = "sv") -> str:
    default = {"nb": "NO", "da": "DK"}.get(language)
    country = default if default and rng.random() < 0.7 else rng.choice(
        ["SE", "SE", "SE", "DE", "GB", "NO", "DK", "FI"])
    bban = IBAN_LAYOUTS[country](rng)
    compact = country + iban_check(country, bban) + bban
    if rng.random() < 0.3:
        return compact
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def make_bankgiro(rng: random.Random) -> str:
    body = digits(rng, rng.choice([6, 7]), "123456789")
    number = body + luhn_digit(body)
    return f"{number[:-4]}-{number[-4:]}"


def make_plusgiro(rng: random.Random) -> str:
    body = digits(rng, rng.choice([5, 6, 6, 7]), "123456789")
    number = body + luhn_digit(body)
    head, check = number[:-1], number[-1]
    if rng.random() < 0.5:
        return f"{head}-{check}"
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return " ".join([head, *groups]) + f"-{check}"


CARD_PREFIXES = {"visa": ("4",), "mastercard": ("51", "52", "53", "54", "55", "2221", "2720"),
                 "amex": ("34", "37")}


def make_payment_card(rng: random.Random) -> str:
    brand = rng.choice(["visa", "visa", "mastercard", "mastercard", "amex"])
    prefix = rng.choice(CARD_PREFIXES[brand])
    length = 15 if brand == "amex" else 16
    body = prefix + digits(rng, length - len(prefix) - 1)
    number = body + luhn_digit(body)
    if rng.random() < 0.3:
        return number
    if brand == "amex":
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    sep = rng.choice([" ", " ", "-"])
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------- addresses


def make_address(rng: random.Random) -> str:
    street, (town, lead) = rng.choice(STREETS), rng.choice(TOWNS)
    letter = rng.choice(["A", "B", " B", "C"]) if rng.random() < 0.2 else ""
    flat = rng.choices(["", f" lgh {rng.randrange(1001, 1705)}", f", {rng.randrange(1, 6)} tr"],
                       weights=[6, 2.5, 1.5])[0]
    code = lead + digits(rng, 5 - len(lead), "123456789")
    postcode = code if rng.random() < 0.3 else f"{code[:3]} {code[3:]}"
    comma = "," if rng.random() < 0.85 else ""
    return f"{street} {rng.randrange(1, 140)}{letter}{flat}{comma} {postcode} {town}"


def make_value(kind: str, rng: random.Random, language: str) -> str:
    """One written value of ``kind``."""
    makers = {
        "personnummer": lambda: make_personnummer(rng),
        "samordningsnummer": lambda: make_personnummer(rng, coordination=True),
        "fodselsnummer": lambda: make_fodselsnummer(rng),
        "cpr": lambda: make_cpr(rng),
        "phone": lambda: make_phone(rng, language),
        "email": lambda: make_email(rng, language),
        "iban": lambda: make_iban(rng, language),
        "bankgiro": lambda: make_bankgiro(rng),
        "plusgiro": lambda: make_plusgiro(rng),
        "payment_card": lambda: make_payment_card(rng),
        "address": lambda: make_address(rng),
    }
    return makers[kind]()
