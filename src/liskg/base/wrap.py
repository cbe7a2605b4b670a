"""Text wrapped at spaces for a terminal: a word is never broken unless it is longer than the line.

textwrap's defaults break at hyphens ("sub-|methods") and cut any word that does not fit what is left of a
line; here a line breaks only at spaces, and only a word longer than the whole line is cut. Only the
standard library: `liskg --help` and `liskg query NAME` use it before anything else is loaded.
"""

from __future__ import annotations

import re


def lines(text: str, width: int | None, *, indent: str = "", hang: str | None = None) -> list[str]:
    """TEXT as lines of at most WIDTH characters (None: one line), the first starting with INDENT and the
    others with HANG (default: INDENT)."""
    hang = indent if hang is None else hang
    if not width or len(indent) + len(text) <= width:
        return [indent + text] if text else []
    import textwrap  # at start-up only for text that does not fit: a piped answer never wraps

    return textwrap.wrap(
        text,
        width=max(width, len(hang) + 8, len(indent) + 8),
        initial_indent=indent,
        subsequent_indent=hang,
        break_on_hyphens=False,
        break_long_words=True,
    )


def fill(text: str, width: int | None, *, indent: str = "", hang: str | None = None) -> str:
    return "\n".join(lines(text, width, indent=indent, hang=hang))


_GAP = re.compile(r"^( *)(\S.*?\S)( {2,})(\S.*)$")


def block(text: str, width: int | None) -> str:
    """Help text (a description, the examples) fitted to WIDTH: a paragraph of lines that start at the
    margin is one paragraph, refilled; an indented line is kept as a line, and when too long wraps under
    itself: under its second column when it has one ("  liskg stats     what the graph holds"), else
    four spaces in (a long example command)."""
    if not width:
        return text
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        rows = paragraph.split("\n")
        if all(not row.startswith(" ") for row in rows) and not rows[0].rstrip().endswith(":"):
            out.append(fill(" ".join(r.strip() for r in rows), width))
            continue
        shown = []
        for row in rows:
            if len(row) <= width:
                shown.append(row)
                continue
            match = _GAP.match(row)
            if match and len(match.group(1) + match.group(2) + match.group(3)) < width // 2:
                column = len(match.group(1) + match.group(2) + match.group(3))
                shown += lines(match.group(4), width, indent=row[:column], hang=" " * column)
            else:
                lead = len(row) - len(row.lstrip(" "))
                shown += lines(row.strip(), width, indent=" " * lead, hang=" " * (lead + 4))
        out.append("\n".join(shown))
    return "\n\n".join(out)
