"""Make a policy file from the built-in template: ``omdome policy init``."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from omdome.policy.inflection import DEFAULT_WORDS, Noun, noun_for, substitute
from omdome.policy.toml_writer import array, basic, string

TEMPLATE_LANGUAGES = ("sv", "en")
_PUBLIC_BLOCK = re.compile(r"^#\{public\}\n(.*?)^#\{/public\}\n", re.DOTALL | re.MULTILINE)


def _resource(name: str) -> str:
    return files("omdome.policy").joinpath("templates", name).read_text(encoding="utf-8")


def _document(language: str, sector: str) -> dict[str, Any]:
    source = _resource(f"{language}.toml")
    keep = r"\1" if sector == "public" else ""
    return tomllib.loads(_PUBLIC_BLOCK.sub(keep, source))


@cache
def default_checks() -> tuple[dict[str, Any], ...]:
    return tuple(tomllib.loads(_resource("checks.toml"))["check"])


def init_policy(
    *,
    org: str,
    sector: str,
    language: str = "sv",
    customer_word: str | None = None,
    company_word: str | None = None,
    version: str = "1.0",
    today: dt.date | None = None,
) -> str:
    """The TOML text of a new policy for ``org``; raises InflectionError for unknown words."""
    if sector not in ("private", "public"):
        raise ValueError(f"sector must be 'private' or 'public', not {sector!r}")
    if language not in TEMPLATE_LANGUAGES:
        raise ValueError(f"the template exists in {', '.join(TEMPLATE_LANGUAGES)}, not {language!r}")
    customer = noun_for(customer_word or DEFAULT_WORDS[language][0], language)
    company = noun_for(company_word or DEFAULT_WORDS[language][1], language)
    doc = _document(language, sector)

    def fill(text: str) -> str:
        return substitute(text, customer, company).replace("{org}", org).strip()

    notes = doc["file"]
    out = [
        *_comments(notes["header"]),
        "schema = 1",
        *_comments(notes["products"]),
        "products = []",
        "",
        "[organisation]",
        f"name = {basic(org)}",
        f"sector = {basic(sector)}",
        f"language = {basic(language)}",
        f"version = {basic(version)}",
        f"adopted = {basic((today or dt.date.today()).isoformat())}",
        'approved_by = ""',
        "",
        *_word_table("customer", customer),
        *_word_table("company", company),
        "[document]",
        f"title = {string(fill(doc['title']))}",
        f"introduction = {string(fill(doc['introduction']))}",
        f"closing = {string(fill(doc.get('closing', '')))}",
        "",
    ]
    for rule in doc["rules"]:
        out += _rule(rule, fill, sector)
    out += _tail(notes)
    return "\n".join(out) + "\n"


def _comments(lines: str | list[str]) -> list[str]:
    return [f"# {line}" for line in ([lines] if isinstance(lines, str) else lines)]


def _word_table(name: str, noun: Noun) -> list[str]:
    return [
        f"[words.{name}]",
        f"singular = {basic(noun.singular)}",
        f"definite = {basic(noun.definite)}",
        f"plural = {basic(noun.plural)}",
        f"definite_plural = {basic(noun.definite_plural)}",
        f"gender = {basic(noun.gender)}",
        "",
    ]


def _rule(rule: dict[str, Any], fill: Any, sector: str) -> list[str]:
    lines = [
        "[[rules]]",
        f"number = {rule['number']}",
        f"title = {basic(fill(rule['title']))}",
        f"text = {string(fill(rule['text']))}",
    ]
    if rule.get("addendum"):
        lines.append(f"addendum = {string(fill(rule['addendum']))}")
    lines.append("")
    for check in default_checks():
        if check["rule"] != rule["number"] or (check.get("public") and sector != "public"):
            continue
        lines += [
            "[[rules.checks]]",
            f"code = {basic(check['code'])}",
            f"severity = {basic(check['severity'])}",
            f"message.sv = {basic(check['message']['sv'])}",
            f"message.en = {basic(check['message']['en'])}",
            f"suggestion.sv = {basic(check['suggestion']['sv'])}",
            f"suggestion.en = {basic(check['suggestion']['en'])}",
            "",
        ]
    return lines


def _tail(notes: dict[str, Any]) -> list[str]:
    """The organisation's own data, empty, with commented examples of topics and positions."""
    topic, position = notes["example_topic"], notes["example_position"]
    return [
        "[confidential]",
        *_comments(notes["confidential"]),
        "terms = []",
        "",
        "[contact]",
        *_comments(notes["contact"]),
        "phones = []",
        "emails = []",
        "bankgiro = []",
        "plusgiro = []",
        "addresses = []",
        "",
        *_comments(notes["topics"]),
        "# [[topics]]",
        f"# name = {basic(topic['name'])}",
        f"# keywords = {array(topic['keywords'])}",
        "",
        *_comments(notes["positions"]),
        "# [[positions]]",
        f"# topic = {basic(position['topic'])}",
        f"# position = {basic(position['position'])}",
        f"# keywords = {array(position['keywords'])}",
        f"# contrary = {array(position['contrary'])}",
        "",
        "[settings]",
        "lix_limit = 50",
        "lix_min_words = 50",
        "long_sentence_words = 35",
    ]
