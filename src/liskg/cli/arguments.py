"""What the commands share: their common arguments, and opening the build the way every reader does."""

from __future__ import annotations

import os
import sys

from liskg.base import manifest
from liskg.querying.formats import FORMATS


def add_common_arguments(parser, formats: bool = False) -> None:
    """--timeout and --asserted-only (and --format), shared by query and the look-up commands."""
    if formats:
        parser.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: table)")
        parser.add_argument(
            "--labels", action="store_true", help="csv/tsv: add a readable xLabel column beside each IRI column"
        )
    parser.add_argument(
        "--wide", action="store_true", help="one line per table row, as wide as it takes (the default when piped)"
    )
    add_timeout(parser)
    parser.add_argument("--asserted-only", action="store_true", help="query without the materialized inferences")


def add_lookup_arguments(parser, name: str, metavar: str, help: str) -> None:
    """The arguments of a look-up command (study, material, failure): what to look up, then the common ones."""
    parser.add_argument(name, metavar=metavar, help=help)
    add_common_arguments(parser)


def print_lookup(args, project, report: str, text: str) -> int:
    """Print the look-up REPORT (a liskg.querying.lookups.Lookups method) of TEXT, all its queries bounded by --timeout."""
    # 110 ms at start-up (pyoxigraph, the look-ups): the query command, on the plain path too, needs none of it
    from liskg.base import engine
    from liskg.querying.lookups import Lookups

    store = open_build(project, inferred=not args.asserted_only)
    width = table_width(args.wide)
    print(
        engine.bounded(
            lambda: getattr(Lookups(store, width=width), report)(text).encode(), args.timeout, args.command
        ).decode()
    )
    return 0


def table_width(wide: bool) -> int | None:
    """The width tables fit: the terminal's ($COLUMNS wins), or None (one line per row) with --wide or when piped."""
    if wide or not (os.environ.get("COLUMNS") or sys.stdout.isatty()):
        return None
    import shutil  # 20 ms at start-up: a piped answer needs no terminal size

    return max(40, shutil.get_terminal_size().columns)


def add_timeout(parser) -> None:
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=30.0,
        metavar="SECONDS",
        help="stop a query (a look-up: all its queries) that runs longer than this (default: 30)",
    )


def positive_seconds(text: str) -> float:
    """argparse type: a number of seconds greater than zero."""
    import argparse  # 12 ms at start-up: the plainest `liskg query NAME` uses table_width() without it

    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def ensure_current(project) -> bool:
    """Rebuild when the sources changed (saying so on stderr); warn when the build skipped SHACL.
    Whether it rebuilt."""
    reason = manifest.stale_reason(project)
    if reason:
        from liskg import api  # 90 ms at start-up (pyoxigraph, the build): only a stale build needs it

        print(f"liskg: {reason}; rebuilding ...", file=sys.stderr, flush=True)
        api.build(project)
    warning = manifest.unvalidated_warning(project)
    if warning:
        print(f"liskg: warning: {warning}", file=sys.stderr, flush=True)
    return bool(reason)


def open_build(project, *, inferred: bool = True):
    """The built graph for a reader command: current (see ensure_current), as an Oxigraph store."""
    from liskg.querying import store  # 24 ms at start-up (pyoxigraph): the query command reads answers without it

    ensure_current(project)
    return store.load(project, inferred=inferred)
