"""Strings that look like personal data but are not: dates, case numbers, amounts, ...

``make_lookalike(label, rng, language)`` returns one written value; ``LOOKALIKE_PHRASES``
holds sentences (``{}`` marks the value) that carry it naturally. Numbers that resemble
identity or giro numbers are built to FAIL the checks a real one passes.
"""

from __future__ import annotations

import random

from bench.pii_values import digits, luhn_digit, luhn_ok, random_date

MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
             "september", "oktober", "november", "december"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
DASH = "\u2013"


def _bad_luhn(payload: str) -> str:
    """``payload`` plus a check digit that is deliberately wrong."""
    good = int(luhn_digit(payload))
    return payload + str((good + 1 + (len(payload) % 8)) % 10)


def make_date(rng: random.Random, language: str) -> str:
    d = random_date(rng, 2024, 2027)
    months = MONTHS_SV if language != "en" else MONTHS_EN
    forms = [f"{d:%Y-%m-%d}", f"{d:%d/%m/%Y}", f"{d:%d.%m.%Y}", f"{d:%Y%m%d}",
             f"{d.day} {months[d.month - 1]} {d.year}"]
    if language == "en":
        forms += [f"{d:%m/%d/%Y}", f"{months[d.month - 1]} {d.day}, {d.year}"]
    return rng.choice(forms)


def make_date_range(rng: random.Random, language: str) -> str:
    a = random_date(rng, 2025, 2027)
    b = a.fromordinal(a.toordinal() + rng.randrange(1, 20))
    month = (MONTHS_SV if language != "en" else MONTHS_EN)[a.month - 1]
    return rng.choice([f"{a:%Y-%m-%d}{DASH}{b:%Y-%m-%d}", f"{a:%Y-%m-%d} - {b:%Y-%m-%d}",
                       f"{a.day}{DASH}{a.day + rng.randrange(1, 3)} {month}" if a.day < 27
                       else f"{a:%d/%m}{DASH}{b:%d/%m}",
                       f"{a.day}/{a.month}{DASH}{b.day}/{b.month}", f"{a.year - 6}{DASH}{a.year}"])


def make_order_number(rng: random.Random, language: str) -> str:
    """Ten or twelve digits shaped like a personnummer (a real date) with a wrong check digit."""
    born = random_date(rng, 1950, 1999)  # no leading 0: never a national phone number
    if rng.random() < 0.5:
        return _bad_luhn(f"{born:%y%m%d}" + digits(rng, 3))
    if rng.random() < 0.5:
        tail = _bad_luhn(f"{born:%y%m%d}" + digits(rng, 3))
        return f"{born:%Y}"[:2] + tail
    return digits(rng, rng.choice([7, 8, 9]), "123456789")


def make_ticket_number(rng: random.Random, language: str) -> str:
    """``4471-2290`` (fails the bankgiro Luhn check), ``#48213``, ``20261125-0042``, ...

    The dated form is shaped like a 12-digit personnummer but fails its Luhn check.
    """
    roll = rng.random()
    if roll < 0.6:
        number = _bad_luhn(digits(rng, rng.choice([6, 7]), "123456789"))
        return f"{number[:-4]}-{number[-4:]}"
    if roll < 0.7:
        return "#" + digits(rng, 5, "123456789")
    if roll < 0.85:  # date-stamped case number, shaped like a 12-digit personnummer
        ten = _bad_luhn(f"{random_date(rng, 2024, 2027):%y%m%d}" + digits(rng, 3))
        return f"20{ten[:6]}-{ten[6:]}"
    return "INC" + digits(rng, 7)


def make_register_number(rng: random.Random, language: str) -> str:
    year = rng.randrange(2019, 2027)
    n, sub = rng.randrange(1, 9999), rng.randrange(1, 9)
    return rng.choice([f"KS {year}/{n}", f"Dnr {year}-{n:05d}", f"BN {year}/{n % 999}-{sub}",
                       f"dnr KS {year}/{n:04d}", f"SBN {year}-{n:06d}",
                       f"Dnr {year}/{n % 999}:{sub}"])


def make_sfs(rng: random.Random, language: str) -> str:
    ref = f"{rng.randrange(1962, 2026)}:{rng.randrange(1, 1500)}"
    return rng.choice([f"SFS {ref}", ref, f"SFS {ref}"])


def make_isbn(rng: random.Random, language: str) -> str:
    publisher = digits(rng, rng.choice([1, 2, 3]), "123456789")
    title = digits(rng, 7 - len(publisher))  # 978 + 91 + publisher + title = 12 digits
    body = "97891" + publisher + title
    check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
    if rng.random() < 0.25:
        return body + str(check)
    return f"978-91-{publisher}-{title}-{check}"


def make_money(rng: random.Random, language: str) -> str:
    n = rng.choice([rng.randrange(100, 999), rng.randrange(1000, 99999),
                    rng.randrange(10**5, 10**7)])
    spaced = f"{n:,}".replace(",", "\u00a0" if rng.random() < 0.2 else " ")
    if language == "en":
        return rng.choice([f"${n:,}.{rng.randrange(100):02d}", f"\u00a3{n:,}", f"\u20ac{n:,}",
                           f"SEK {n:,}", f"{n:,} kronor"])
    if language in ("nb", "da"):
        return rng.choice([f"{spaced} kr", f"{spaced},{rng.randrange(100):02d} kroner"])
    return rng.choice([f"{spaced} kr", f"{spaced},{rng.randrange(100):02d} kronor", f"SEK {spaced}",
                       f"{spaced}:-", f"{spaced} kronor", f"{spaced} euro"])


def make_version(rng: random.Random, language: str) -> str:
    a, b, c = rng.randrange(1, 30), rng.randrange(0, 20), rng.randrange(0, 15)
    return rng.choice([f"v{a}.{b}.{c}", f"version {a}.{b}.{c}",
                       f"iOS {a % 10 + 15}.{b % 6}.{c % 4}", f"Android {a % 6 + 10}",
                       f"build {a + 20}.{b}.{rng.randrange(1000, 9999)}"])


def make_orgnr(rng: random.Random, language: str) -> str:
    """Organisationsnummer: Luhn-valid, but month digits >= 20 so never a date of birth."""
    body = rng.choice("25789") + digits(rng, 1) + rng.choice("2345678") + digits(rng, 6)
    number = body + luhn_digit(body)
    return rng.choice([f"{number[:6]}-{number[6:]}", f"{number[:6]}-{number[6:]}", number,
                       f"16{number[:6]}-{number[6:]}"])


def make_invalid_personnummer(rng: random.Random, language: str) -> str:
    """A real date of birth (year 32-99, so never a valid CPR date) with a wrong Luhn digit."""
    born = random_date(rng, 1932, 1999)
    number = _bad_luhn(f"{born:%y%m%d}" + digits(rng, 3))
    assert not luhn_ok(number)
    short, serial = number[:6], number[6:]
    return rng.choice([f"{short}-{serial}", f"19{short}-{serial}", f"{short}{serial}"])


def make_time(rng: random.Random, language: str) -> str:
    h, m = rng.randrange(7, 12), rng.choice([0, 15, 30, 45])
    h2 = h + rng.randrange(2, 9)
    return rng.choice([f"kl. {h:02d}.{m:02d}{DASH}{h2}.30", f"kl {h}{DASH}{h2}",
                       f"{h:02d}:{m:02d}", f"{h:02d}.00-{h2}.00", f"{h2}.{m:02d}"])


def make_postcode(rng: random.Random, language: str) -> str:
    code = digits(rng, 5, "123456789")
    return rng.choice([f"{code[:3]} {code[3:]}", code])


def make_percent(rng: random.Random, language: str) -> str:
    whole, tenth = rng.randrange(1, 99), rng.randrange(10)
    if language == "en":
        return rng.choice([f"{whole}%", f"{whole}.{tenth}%", f"{whole}.{tenth} %"])
    return rng.choice([f"{whole} %", f"{whole},{tenth} %", f"{whole}%", f"{whole} procent"])


def make_count(rng: random.Random, language: str) -> str:
    n = rng.choice([rng.randrange(120, 999), rng.randrange(1000, 50000)])
    if language == "en":
        return f"{n:,} " + rng.choice(["followers", "participants", "visitors", "signatures"])
    nouns = ["deltagare", "besökare", "följare", "anmälda", "underskrifter", "hushåll"]
    return f"{n:,}".replace(",", " ") + " " + rng.choice(nouns)


MAKERS = {
    "date": make_date, "date_range": make_date_range, "order_number": make_order_number,
    "ticket_number": make_ticket_number, "register_number": make_register_number, "sfs": make_sfs,
    "isbn": make_isbn, "money": make_money, "version": make_version, "orgnr": make_orgnr,
    "invalid_personnummer": make_invalid_personnummer, "time": make_time,
    "postcode": make_postcode, "percent": make_percent, "count": make_count,
}


def make_lookalike(label: str, rng: random.Random, language: str) -> str:
    return MAKERS[label](rng, language)
