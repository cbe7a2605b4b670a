"""Text tables for people: cells (already words and numbers as people read them) fitted to a width.

A table is fitted to a width by wrapping long cells within their column; a group's repeated leading
cells are shown once; numbers are right-aligned and an answer's number stays on one line with its
unit. Only the standard library (and liskg.base.conditions, which needs no more): `liskg query NAME` prints a table the build computed without
loading Oxigraph (liskg.base.cells turns query results into such cells).
"""

from __future__ import annotations

from liskg.base import wrap
from liskg.base.conditions import ANSWER_COLUMNS

NUMBER_COLUMNS = ("value", "conditions")  # number and unit stay on one line
GAP = 2  # spaces between columns
LONG_WORD = 30  # a word longer than this (an IRI, a long formula) may be cut to fit a column
NBSP = "\u00a0"


def counted(headers: list[str], rows: list[list[str]], *, width: int | None = None) -> str:
    """The table (see table) followed by its row count."""
    return f"{table(headers, rows, width=width)}\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


def table(headers: list[str], rows: list[list[str]], *, width: int | None = None) -> str:
    """An aligned plain-text table, numbers right-aligned; without WIDTH, one line per row.

    With WIDTH no line is longer than WIDTH and no word is broken that fits its column: long cells wrap
    within their column at spaces and a group's repeated leading cells are shown once; while the columns
    cannot fit without breaking words, the table is grouped (see _grouped)."""
    if not width or len(headers) < 2 or _natural_width(headers, rows) <= width:
        return _grid(headers, rows, None)
    if sum(_floors(headers, rows)[1]) + GAP * (len(headers) - 1) <= width:
        return _grid(headers, _blank_repeats(headers, rows), width)
    return _grouped(headers, rows, width)


def _natural_width(headers: list[str], rows: list[list[str]]) -> int:
    return sum(max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)) + GAP * (len(headers) - 1)


def _lines(cells: list[str], widths: list[int], numeric: list[bool], joined: list[bool]) -> list[str]:
    """One row's cells wrapped within their columns (at spaces; a word longer than its column is cut)."""
    parts = [
        [p.replace(NBSP, " ") for p in wrap.lines(_joined(c) if j else c, w)] or [""]
        for c, w, j in zip(cells, widths, joined)
    ]
    return [
        "  ".join(
            (p[k] if k < len(p) else "").rjust(w) if n else (p[k] if k < len(p) else "").ljust(w)
            for p, w, n in zip(parts, widths, numeric)
        ).rstrip()
        for k in range(max(len(p) for p in parts))
    ]


def _grid(headers: list[str], rows: list[list[str]], width: int | None) -> str:
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    numeric = [_numeric(h, [r[i] for r in rows]) for i, h in enumerate(headers)]
    joined = [h.lower() in NUMBER_COLUMNS for h in headers]
    widths = _fit(headers, rows, natural, width) if width else natural
    out = _lines(headers, widths, numeric, joined)
    out.append("  ".join("-" * w for w in widths))
    spaced = width is not None and any(not r[0] for r in rows) and widths != natural
    for row in rows:
        if spaced and row[0] and len(out) > 2:
            out.append("")
        out += _lines(row, widths, numeric, joined)
    return "\n".join(out)


INDENT = "    "


def _grouped(headers: list[str], rows: list[list[str]], width: int) -> str:
    """The table grouped by its first column, for a width its columns cannot share without breaking words.

    Each first cell (a study) heads its group on a line of its own; the text columns move to an indented
    `↳` line, the longest (the strategy) first, that heads the rows they describe; the answer and number
    columns (quantity, value, conditions) form an indented grid under it. Rows that differ only in the moved
    columns (one number of a strategy at two interfaces) are one line, under one `↳` line naming every
    value of the moved columns: nothing is printed twice."""
    room = width - len(INDENT)
    rest = list(range(1, len(headers)))
    text = [
        i
        for i in rest
        if headers[i].lower() not in ANSWER_COLUMNS and not all(_looks_numeric(r[i]) for r in rows if r[i])
    ]
    longest = {i: max((len(r[i]) for r in rows), default=0) for i in text}
    top = max(longest.values(), default=0)  # of columns about as long, the rightmost goes first: it reads last
    lead = max(
        text, key=lambda i: (longest[i] >= 0.8 * top, i if longest[i] >= 0.8 * top else longest[i]), default=None
    )
    detail = ([lead] if lead is not None else []) + [i for i in text if i != lead]
    keep = [i for i in rest if i not in detail]
    groups = _groups(headers, rows, detail, keep)
    grid_headers = [headers[i] for i in keep]
    grid_rows = [cells for _first, _said, lines in groups for cells in lines]
    natural = [max([len(h)] + [len(r[k]) for r in grid_rows]) for k, h in enumerate(grid_headers)]
    numeric = [_numeric(h, [r[k] for r in grid_rows]) for k, h in enumerate(grid_headers)]
    joined = [h.lower() in NUMBER_COLUMNS for h in grid_headers]
    widths = _fit(grid_headers, grid_rows, natural, room) if keep else []
    said = "; ".join(headers[i] for i in detail)
    out = wrap.lines(headers[0], width) + (_arrow(said, width) if detail else [])
    if keep:
        out += [INDENT + line for line in _lines(grid_headers, widths, numeric, joined)]
        out.append(INDENT + "  ".join("-" * w for w in widths))
    else:
        out.append("-" * min(width, max(len(line) for line in out)))
    last: str | None = None
    for first, details, lines in groups:
        if first != last:
            out += ([""] if last is not None else []) + wrap.lines(first, width)
            last = first
        if detail:
            out += _arrow(details, width)
        for cells in _blank_repeats(grid_headers, lines):
            out += [INDENT + line for line in _lines(cells, widths, numeric, joined)]
    return "\n".join(out)


def _arrow(text: str, width: int) -> list[str]:
    return wrap.lines(text, width, indent=INDENT + "↳ ", hang=INDENT + "  ") if text else []


def _groups(
    headers: list[str], rows: list[list[str]], detail: list[int], keep: list[int]
) -> list[tuple[str, str, list[list[str]]]]:
    """(first cell, the moved cells in words, the distinct non-empty rows of kept cells) for each run of rows
    with the same first cell and first moved cell; the other moved cells list every value of the run."""
    runs: list[tuple[tuple[str, str], list[list[str]]]] = []
    for row in rows:
        key = (row[0], row[detail[0]] if detail else "")
        if runs and runs[-1][0] == key:
            runs[-1][1].append(row)
        else:
            runs.append((key, [row]))
    out = []
    for (first, _), members in runs:
        said = [members[0][detail[0]]] if detail and members[0][detail[0]] else []
        for i in detail[1:]:
            values = list(dict.fromkeys(r[i] for r in members if r[i]))
            if values:
                said.append(f"{headers[i]}: {', '.join(values)}")
        lines = list(dict.fromkeys(tuple(r[i] for i in keep) for r in members))
        out.append((first, "; ".join(said), [list(cells) for cells in lines if any(cells)]))
    return out


def _floors(headers: list[str], rows: list[list[str]]) -> tuple[list[int], ...]:
    """The widths _fit shrinks columns to, in turn: text columns to their longest word (at most LONG_WORD), then
    the number columns to theirs, then text columns to their header's longest word (at least 6), then all to 4.
    Only the last two break words; table() groups the table before it needs them."""
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    number = [h.lower() in NUMBER_COLUMNS for h in headers]
    words = [min(n, max(8, min(LONG_WORD, _longest_word(headers[i], rows, i)))) for i, n in enumerate(natural)]
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


def _numeric(header: str, cells: list[str]) -> bool:
    """Whether a column is right-aligned: every cell a number, never the conditions (phrases such as '60 °C, 2 mg
    cm⁻² sulfur', even when each starts with a number)."""
    return bool(cells) and header.lower() != "conditions" and all(_looks_numeric(c) for c in cells if c)


def _looks_numeric(cell: str) -> bool:
    first = cell.split(" ", 1)[0].replace("−", "-")
    return first[:1].isdigit() or (first[:1] in "-<>≈≤≥" and len(first) > 1 and first[1:2].isdigit())


def markdown(headers: list[str], rows: list[list[str]]) -> str:
    def escape(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows]
    return "\n".join(out)
