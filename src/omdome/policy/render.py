"""Render a policy as a printable document (Markdown or HTML) for every employee."""

from __future__ import annotations

import html

from omdome.i18n import translator
from omdome.policy.loader import content_hash
from omdome.policy.schema import Policy


def to_markdown(policy: Policy) -> str:
    """The policy as Markdown: title, introduction, the five rules, closing and version line."""
    _ = translator(policy.organisation.language)
    org = policy.organisation
    doc = policy.document
    out = [f"# {doc.title}", "", f"**{org.name}**", "", *_paragraphs(doc.introduction)]
    for rule in policy.rules:
        out += [f"## {rule.number}. {rule.title}", "", *_paragraphs(rule.text)]
        if rule.addendum:
            out += [f"> {p}" if p else ">" for p in _paragraphs(rule.addendum)[:-1]] + [""]
    if doc.closing:
        out += _paragraphs(doc.closing)
    meta = [_("Version {version}").format(version=org.version)]
    if org.adopted:
        meta.append(_("adopted {date}").format(date=org.adopted))
    if org.approved_by:
        meta.append(_("approved by {name}").format(name=org.approved_by))
    short_hash = f"`{content_hash(policy)[:19]}`"
    out += ["---", "", " · ".join(meta) + "  ", _("Content hash: {hash}").format(hash=short_hash), ""]
    return "\n".join(out)


def _paragraphs(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        out += [" ".join(paragraph.split()), ""]
    return out


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 40rem; margin: 2.5rem auto;
       padding: 0 1rem; line-height: 1.55; color: #1a1a1a; }
h1 { font-size: 1.7rem; line-height: 1.25; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 1.8rem; break-after: avoid; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #7a7a7a;
             background: #f4f4f4; }
hr { border: 0; border-top: 1px solid #bbb; margin-top: 2.5rem; }
code { font-size: .85em; }
@media print { body { margin: 0; max-width: none; } blockquote { background: none; } }
"""


def to_html(policy: Policy) -> str:
    """A standalone, printable HTML page; text from the policy file is never trusted as HTML."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(to_markdown(policy))
    lang = policy.organisation.language
    title = html.escape(policy.document.title)
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body}</main>\n</body>\n</html>\n"
    )
