"""A coverage chart as server-rendered SVG: articles per outlet per day, readable without JavaScript."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from html import escape

WIDTH, ROW_HEIGHT, LABEL_WIDTH, PAD = 760, 26, 210, 8
MAX_DAYS = 30
# Rows drawn: the outlets with the most articles, then one row for all the others (a wire
# story of a hundred outlets drew a chart 2,500 pixels tall).
MAX_ROWS = 20


def coverage_svg(points: list[tuple[str, str | None]]) -> str:
    """SVG of (outlet, ISO publication date) points: one row per outlet, one column per day.

    Undated articles are counted in a last "undated" column so that no article
    disappears from the picture.
    """
    if not points:
        return ""
    per_outlet = Counter(o for o, _ in points)
    outlets = sorted(per_outlet)
    if len(outlets) > MAX_ROWS:
        top = set(sorted(outlets, key=lambda o: (-per_outlet[o], o))[: MAX_ROWS - 1])
        others = f"{len(outlets) - len(top)} other outlets"
        points = [(o if o in top else others, d) for o, d in points]
        outlets = sorted(top) + [others]
    days = sorted({d for _, d in points if d})
    columns: list[str] = []
    if days:
        first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
        span = min((last - first).days, MAX_DAYS - 1)
        columns = [(first + timedelta(days=i)).isoformat() for i in range(span + 1)]
    if any(d is None or d not in columns for _, d in points):
        columns.append("undated")
    counts = Counter((o, d if d in columns else "undated") for o, d in points)
    cell = max(18, min(60, (WIDTH - LABEL_WIDTH - PAD) // max(len(columns), 1)))
    height = ROW_HEIGHT * (len(outlets) + 1) + PAD
    width = LABEL_WIDTH + cell * len(columns) + PAD
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Articles per outlet per day" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" class="coverage">'
    ]
    for i, column in enumerate(columns):
        x = LABEL_WIDTH + i * cell + cell / 2
        label = column[5:] if column != "undated" else "undated"
        parts.append(f'<text x="{x:.0f}" y="14" font-size="10" text-anchor="middle" fill="#5d6778">{escape(label)}</text>')
    for row, outlet in enumerate(outlets):
        y = ROW_HEIGHT * (row + 1)
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" font-size="12" text-anchor="end">{escape(outlet[:32])}</text>')
        for i, column in enumerate(columns):
            n = counts.get((outlet, column), 0)
            if not n:
                continue
            x = LABEL_WIDTH + i * cell + cell / 2
            r = min(4 + 3 * n, ROW_HEIGHT / 2 - 1)
            parts.append(
                f'<circle cx="{x:.0f}" cy="{y + 11}" r="{r:.0f}" fill="#2356a8" fill-opacity="0.8">'
                f"<title>{escape(outlet)}: {n} article{'s' if n > 1 else ''} ({escape(column)})</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)
