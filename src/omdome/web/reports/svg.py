"""Charts drawn on the server as SVG: no script, no library, readable without colour (every chart
comes with its table, and the legend names each colour)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from omdome.web.reports.figures import Table

# Okabe and Ito's palette, told apart with the common colour-vision deficiencies.
COLOURS = ("#009E73", "#0072B2", "#D55E00", "#E69F00", "#CC79A7", "#56B4E9", "#999999", "#F0E442")
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 260, 44, 40, 12


def _number(value: float) -> str:
    return f"{value:g}"


def _frame(table: Table, body: list[str], height: int) -> SafeString:
    ident = escape(table.name)
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="chart-{ident}-title chart-{ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-{ident}-title">{escape(table.title)}</title>'
        f'<desc id="chart-{ident}-desc">{escape(table.summary)}</desc>{"".join(body)}</svg>')


def stacked(table: Table) -> SafeString:
    """One column per row of the table (the first cell its label), stacked by the other columns."""
    series = table.columns[1:]
    totals = [sum(v or 0 for v in row[1:]) for row in table.rows]  # type: ignore[misc]
    top = max(totals, default=0) or 1
    inner_w, inner_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = inner_w / max(len(table.rows), 1)
    body = [f'<line x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - 8}" y2="{TOP + inner_h}" class="axis"/>',
            f'<text x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end" class="tick">{_number(top)}</text>',
            f'<text x="{LEFT - 6}" y="{TOP + inner_h}" text-anchor="end" class="tick">0</text>']
    every = max(1, len(table.rows) // 8)
    for i, row in enumerate(table.rows):
        x, y = LEFT + i * step + step * 0.15, TOP + inner_h
        for j, value in enumerate(row[1:]):
            if not value:
                continue
            h = inner_h * value / top  # type: ignore[operator]
            y -= h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" '
                        f'fill="{COLOURS[j % len(COLOURS)]}"><title>{escape(row[0])}: {escape(series[j])} '
                        f'{escape(value)}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + step * 0.35:.1f}" y="{TOP + inner_h + 16}" text-anchor="middle" '
                        f'class="tick">{escape(str(row[0])[5:])}</text>')
    legend_y = HEIGHT - 8
    x = LEFT
    for j, name in enumerate(series):
        body.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{COLOURS[j % len(COLOURS)]}"/>'
                    f'<text x="{x + 14}" y="{legend_y}" class="legend">{escape(name)}</text>')
        x += 16 + 7 * len(str(name)) + 14
    return _frame(table, body, HEIGHT)


def bars(table: Table) -> SafeString:
    """One horizontal bar per row: the first cell its label, the second its length."""
    rows = [row for row in table.rows if isinstance(row[1], int | float)]
    top = max((row[1] for row in rows), default=0) or 1  # type: ignore[type-var]
    label_w, bar_h, gap = 230, 18, 8
    height = TOP + len(rows) * (bar_h + gap) + 8
    body = []
    for i, row in enumerate(rows):
        y = TOP + i * (bar_h + gap)
        w = (WIDTH - label_w - 60) * row[1] / top  # type: ignore[operator]
        label = str(row[0])
        label = label if len(label) <= 34 else label[:33] + "…"
        body.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end" class="legend">{escape(label)}</text>'
                    f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[1]}"/>'
                    f'<text x="{label_w + w + 6:.1f}" y="{y + 13}" class="legend">{escape(_number(row[1]))}</text>')
    return _frame(table, body, max(height, 40))


def chart(table: Table) -> SafeString:
    """The table's chart; nothing when there is nothing to draw (the table says so)."""
    if not any(isinstance(v, int | float) and v for row in table.rows for v in row[1:]):
        return mark_safe("")
    if table.chart == "stacked":
        return stacked(table)
    if table.chart == "bars":
        return bars(table)
    return mark_safe("")
