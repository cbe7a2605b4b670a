"""Text tables for people: cells (already words and numbers as people read them) fitted to a width.

A table is fitted to a width by wrapping long cells within their column; a group's repeated leading
cells are shown once; numbers are right-aligned and an answer's number stays on one line with its
unit. Only the standard library (and liskg.base.conditions, which needs no more): `liskg query NAME` prints a table the build computed without
loading Oxigraph (liskg.base.cells turns query results into such cells).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from liskg.base.conditions import ANSWER_COLUMNS

NUMBER_COLUMNS = ("value", "conditions")  # number and unit stay on one line
GAP = 2  # spaces between columns
NBSP = "\u00a0"


def counted(headers: list[str], rows: list[list[str]], *, width: int | None = None) -> str:
    """The table (see table) followed by its row count."""
    return f"{table(headers, rows, width=width)}\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


def table(headers: list[str], rows: list[list[str]], *, width: int | None = None) -> str:
    """An aligned plain-text table, numbers right-aligned; without WIDTH, one line per row.

    With WIDTH no line is longer than WIDTH: long cells wrap within their column, a group's repeated
    leading cells are shown once, and while the columns cannot fit without breaking words the longest
    text columns move out of the grid to an indented line under each row."""
    if not width or len(headers) < 2 or _natural_width(headers, rows) <= width:
        return _grid(headers, rows, None)
    rows = _blank_repeats(headers, rows)
    detail: list[int] = []
    text = [i for i, h in enumerate(headers[1:], 1) if h.lower() not in ANSWER_COLUMNS]
    longest = {i: max((len(r[i]) for r in rows), default=0) for i in text}
    top = max(longest.values(), default=0)  # of columns about as long, the rightmost goes first: it reads last
    text.sort(key=lambda i: (-(longest[i] >= 0.8 * top), -i if longest[i] >= 0.8 * top else -longest[i]))
    while text and len(headers) - len(detail) > 3:
        keep = [i for i in range(len(headers)) if i not in detail]
        floors = _floors([headers[i] for i in keep], [[r[i] for i in keep] for r in rows])[1]
        if sum(floors) + GAP * (len(keep) - 1) <= width:
            break
        detail.append(text.pop(0))
    return _grid(headers, rows, width, detail)


def wrapped(cell: str, width: int) -> list[str]:
    """textwrap.wrap(CELL, WIDTH, break_on_hyphens=False), without textwrap for a cell that already fits: most
    cells of a table do, and at 2,000 rows textwrap took a third of the time the table took."""
    if len(cell) <= width and cell.isprintable() and cell[:1] != " " and cell[-1:] != " ":
        return [cell] if cell else []
    return textwrap.wrap(cell, width, break_on_hyphens=False)


def _natural_width(headers: list[str], rows: list[list[str]]) -> int:
    return sum(max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)) + GAP * (len(headers) - 1)


def _grid(headers: list[str], rows: list[list[str]], width: int | None, detail: Sequence[int] = ()) -> str:
    keep = [i for i in range(len(headers)) if i not in detail]
    grid_headers, grid_rows = [headers[i] for i in keep], [[r[i] for i in keep] for r in rows]
    natural = [max([len(h)] + [len(r[i]) for r in grid_rows]) for i, h in enumerate(grid_headers)]
    numeric = [bool(rows) and all(_looks_numeric(r[i]) for r in grid_rows if r[i]) for i in range(len(keep))]
    joined = [h.lower() in NUMBER_COLUMNS for h in grid_headers]
    widths = _fit(grid_headers, grid_rows, natural, width) if width else natural

    def lines(cells: list[str]) -> list[str]:
        parts = [
            [p.replace(NBSP, " ") for p in wrapped(_joined(c) if j else c, w)] or [""]
            for c, w, j in zip(cells, widths, joined)
        ]
        return [
            "  ".join(
                (p[k] if k < len(p) else "").rjust(w) if n else (p[k] if k < len(p) else "").ljust(w)
                for p, w, n in zip(parts, widths, numeric)
            ).rstrip()
            for k in range(max(len(p) for p in parts))
        ]

    def under(cells: list[str]) -> list[str]:
        said = [c if k == 0 else f"{headers[i]}: {c}" for k, (i, c) in enumerate(zip(detail, cells)) if c]
        assert width is not None  # cells move under their row only to fit a width
        return textwrap.wrap(
            "; ".join(said), width, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False
        )

    out = lines(grid_headers) + (under(["↳ " + "; ".join(headers[i] for i in detail)]) if detail else [])
    out.append("  ".join("-" * w for w in widths))
    spaced = width is not None and any(not r[0] for r in rows) and (bool(detail) or widths != natural)
    for row, grid_row in zip(rows, grid_rows):
        if spaced and row[0] and len(out) > 2 + bool(detail):
            out.append("")
        out += lines(grid_row)
        if detail:
            out += under([row[i] for i in detail])
    return "\n".join(out)


def _floors(headers: list[str], rows: list[list[str]]) -> tuple[list[int], ...]:
    """The widths _fit shrinks columns to, in turn: text columns to their longest word (at most 18), then the
    number columns to theirs, then text columns to their header's longest word (at least 6), then all to 4."""
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    number = [h.lower() in NUMBER_COLUMNS for h in headers]
    words = [min(n, max(8, min(18, _longest_word(headers[i], rows, i)))) for i, n in enumerate(natural)]
    heads = [min(n, max([6] + [len(w) for w in h.split()])) for n, h in zip(natural, headers)]
    return (
        [n if a else w for n, w, a in zip(natural, words, number)],
        words,
        [w if a else h for w, h, a in zip(words, heads, number)],
        [min(n, 4) for n in natural],
    )


def _fit(headers: list[str], rows: list[list[str]], natural: list[int], width: int) -> list[int]:
    """Column widths summing (with the gaps) to at most WIDTH, taking one character at a time from the column
    where that adds the fewest wrapped lines, down to each of the _floors in turn."""
    room = width - GAP * (len(headers) - 1)
    number = [h.lower() in NUMBER_COLUMNS for h in headers]
    words = [
        [[len(w) for w in (_joined(r[i]) if number[i] else r[i]).split(" ") if w] for r in rows]
        for i in range(len(headers))
    ]
    counts: dict[tuple[int, int], list[int]] = {}

    def lines(i: int, w: int) -> list[int]:
        if (i, w) not in counts:
            counts[i, w] = [_line_count(cell, w) for cell in words[i]]
        return counts[i, w]

    def height(widths: list[int]) -> int:
        return sum(map(max, zip(*(lines(i, w) for i, w in enumerate(widths))))) if rows else 0

    widths = list(natural)
    for floor in _floors(headers, rows):
        while sum(widths) > room:
            shrinkable = [i for i in range(len(widths)) if widths[i] > floor[i]]
            if not shrinkable:
                break

            def cost(i: int) -> tuple[int, int]:
                return height(widths[:i] + [widths[i] - 1] + widths[i + 1 :]), -widths[i]

            widths[min(shrinkable, key=cost)] -= 1
    return widths


def _line_count(words: list[int], width: int) -> int:
    """How many lines textwrap.wrap makes of words of these lengths at WIDTH: a word longer than WIDTH
    first fills what is left of the current line, then whole lines."""
    lines, used = 1, 0
    for length in words:
        if used and used + 1 + length <= width:
            used += 1 + length
            continue
        if used and length > width:
            length -= max(0, width - used - 1)
        if used:
            lines, used = lines + 1, 0
        while length > width:
            length -= width
            lines += 1
        used = length
    return lines


def _longest_word(header: str, rows: list[list[str]], i: int) -> int:
    joined = header.lower() in NUMBER_COLUMNS
    return max(
        [len(w) for w in header.split(" ")]  # not split(): that would break at the no-break spaces too
        + [len(w) for r in rows for w in (_joined(r[i]) if joined else r[i]).split(" ")]
    )


def _joined(cell: str) -> str:
    """An answer cell whose number and unit stay on one line: it breaks only after '→' and between conditions."""
    return cell.replace(" ", NBSP).replace(f"{NBSP}→{NBSP}", f"{NBSP}→ ").replace(f",{NBSP}", ", ")


def _blank_repeats(headers: list[str], rows: list[list[str]]) -> list[list[str]]:
    """Rows with the leading non-answer cells that repeat the row above left blank (a group shows them once)."""
    out, previous = [], None
    keep = [h.lower() in ANSWER_COLUMNS for h in headers]
    for row in rows:
        shown = list(row)
        if previous is not None:
            for i, cell in enumerate(row):
                if keep[i]:
                    continue
                if cell != previous[i]:
                    break
                shown[i] = ""
        out.append(shown)
        previous = row
    return out


def _looks_numeric(cell: str) -> bool:
    first = cell.split(" ", 1)[0].replace("−", "-")
    return first[:1].isdigit() or (first[:1] in "-<>≈≤≥" and len(first) > 1 and first[1:2].isdigit())


def markdown(headers: list[str], rows: list[list[str]]) -> str:
    def escape(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows]
    return "\n".join(out)
