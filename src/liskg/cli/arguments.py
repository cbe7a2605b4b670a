"""What the commands share: their common arguments, and opening the build the way every reader does."""

from __future__ import annotations

import argparse
import sys

import pyoxigraph as ox


def add_common_arguments(parser, formats: bool = False) -> None:
    """--timeout and --asserted-only (and --format), shared by query and the look-up commands."""
    if formats:
        from liskg.query.tables import FORMATS

        parser.add_argument("-f", "--format", choices=FORMATS, default="table",
                            help="output format (default: table)")
    add_timeout(parser)
    parser.add_argument("--asserted-only", action="store_true", help="query without the materialized inferences")


def add_lookup_arguments(parser, name: str, metavar: str, help: str) -> None:
    """The arguments of a look-up command (study, material, failure): what to look up, then the common ones."""
    parser.add_argument(name, metavar=metavar, help=help)
    add_common_arguments(parser)


def print_lookup(args, project, report: str, text: str) -> int:
    """Print the look-up REPORT (a liskg.query.lookups.Lookups method) of TEXT, all its queries bounded by --timeout."""
    from liskg.query import engine
    from liskg.query.lookups import Lookups

    store = open_build(project, inferred=not args.asserted_only)
    print(engine.bounded(lambda: getattr(Lookups(store), report)(text).encode(), args.timeout, args.command).decode())
    return 0


def add_timeout(parser) -> None:
    parser.add_argument("--timeout", type=positive_seconds, default=30.0, metavar="SECONDS",
                        help="stop a query (a look-up: all its queries) that runs longer than this (default: 30)")


def positive_seconds(text: str) -> float:
    """argparse type: a number of seconds greater than zero."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def ensure_current(project) -> None:
    """Rebuild when the sources changed (saying so on stderr); warn when the build skipped SHACL."""
    from liskg.build import manifest

    reason = manifest.stale_reason(project)
    if reason:
        from liskg import api

        print(f"liskg: {reason}; rebuilding ...", file=sys.stderr, flush=True)
        api.build(project)
    warning = manifest.unvalidated_warning(project)
    if warning:
        print(f"liskg: warning: {warning}", file=sys.stderr, flush=True)


def open_build(project, *, inferred: bool = True) -> ox.Store:
    """The built graph for a reader command: current (see ensure_current), loaded in Oxigraph."""
    from liskg.query import store

    ensure_current(project)
    return store.load(project, inferred=inferred)
