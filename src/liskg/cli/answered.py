"""`liskg query NAME`, the command people run most, printed from the answer the build kept before argparse
and pathlib are imported: at the review's size the interpreter's start and the standard modules are
most of a command's time, and argparse and pathlib with what they import (shutil, gettext,
urllib.parse) are a third of what remains. So this path imports neither, and works on the project's
folder as a string.

Only the plain form is served here: [--root DIR] query NAME [--wide] [-f|--format table|md], for a named
query whose text the current, validated build answered. Anything else, and anything this cannot settle
alone (no build or a stale one, a build that skipped SHACL, an edited query, a FILE.rq, an abbreviated
option), returns None and the full command line handles it, with its checks and messages; tests compare
the two outputs for every named query.
"""

from __future__ import annotations

import os

from liskg.base.errors import LiskgError
from liskg.base.project import ANSWERS, BUILD, QUERIES, find_root

FORMATS = ("table", "md")  # the formats printed from the cells the build kept


def answer(argv: list[str]) -> int | None:
    """Print the answer and return 0, or return None (nothing printed) to leave ARGV to the full command."""
    request = _plain_query(argv)
    if request is None:
        return None
    named_root, name, fmt, wide = request
    # 17 ms at start-up (json, textwrap): every command line but the plain named query goes on without them
    from liskg.base import manifest
    from liskg.cli.arguments import table_width
    from liskg.querying import answers

    try:
        root = find_root(named_root)
    except LiskgError:
        return None
    if manifest.stale_reason(root) or manifest.unvalidated_warning(root):
        return None
    try:
        with open(os.path.join(root, QUERIES, f"{name}.rq"), encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError):
        return None
    found = answers.read(os.path.join(root, BUILD, ANSWERS), name, text)
    shown = found.text(fmt, table_width(wide)) if found else None
    if shown is None:
        return None
    print(shown)
    return 0


def _plain_query(argv: list[str]) -> tuple[str | None, str, str, bool] | None:
    """(--root, NAME, format, --wide) of `[--root DIR] query NAME [--wide] [-f FORMAT]`, or None."""
    words, root = list(argv), None
    if words[:1] == ["--root"] and len(words) > 1:
        root, words = words[1], words[2:]
    elif words[:1] and words[0].startswith("--root="):
        root, words = words[0].removeprefix("--root="), words[1:]
    if len(words) < 2 or words[0] != "query":
        return None
    name, rest, fmt, wide = words[1], words[2:], "table", False
    if name.startswith("-") or name.endswith(".rq") or "/" in name or os.path.isfile(name):
        return None  # an option, or a file (the full command reads files)
    while rest:
        word = rest.pop(0)
        if word == "--wide":
            wide = True
        elif word in ("-f", "--format") and rest:
            fmt = rest.pop(0)
        elif word.startswith("--format="):
            fmt = word.removeprefix("--format=")
        else:
            return None
    return (root, name, fmt, wide) if fmt in FORMATS else None
