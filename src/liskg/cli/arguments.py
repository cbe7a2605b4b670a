"""What the commands share: their common arguments, making the build current as every reader does, and
keeping --timeout.

A command is a call of liskg.api plus printing. liskg.api is imported in run(), never at the top of a
command module: `liskg --help` imports every command module, and importing liskg.api costs 5 ms."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from liskg.base.errors import CheckFailed, LiskgError, ShaclViolations, TimedOut, stopped
from liskg.base.formats import FORMATS

TYPE_CHECKING = False  # typing's constant, without importing typing (as liskg.base.project does)
if TYPE_CHECKING:
    from liskg.api import Rebuild


def add_common_arguments(parser, formats: bool = False) -> None:
    """--timeout and --asserted-only (and --format), shared by query and the look-up commands."""
    if formats:
        parser.add_argument(
            "-f",
            "--format",
            choices=FORMATS,
            default="table",
            metavar="FORMAT",
            help=f"output format: {', '.join(FORMATS)} (default: table)",
        )
        parser.add_argument(
            "--labels", action="store_true", help="csv/tsv: add a readable xLabel column beside each IRI column"
        )
    parser.add_argument(
        "--wide", action="store_true", help="one line per table row, as wide as it takes (the default when piped)"
    )
    add_timeout(parser)
    parser.add_argument("--asserted-only", action="store_true", help="query without the materialized inferences")


EVIDENCE_HELP = "also print the review's sentences behind each link, with their section and references"


def add_lookup_arguments(parser, name: str, metavar: str, help: str, *, evidence: bool = False) -> None:
    """The arguments of a look-up command (study, material, failure, method): what to look up, --evidence
    where the report has it, then the common ones."""
    parser.add_argument(name, metavar=metavar, help=help)
    if evidence:
        parser.add_argument("--evidence", action="store_true", help=EVIDENCE_HELP)
    add_common_arguments(parser)


def print_lookup(args, project, report: str, text: str) -> int:
    """Print the look-up REPORT (study, material, failure or method: a function of liskg.api) of TEXT."""
    from liskg import api

    rebuild = ensure_current(project, last_good=True)
    lookup = getattr(api, report)
    width = table_width(args.wide)
    options = {"evidence": args.evidence} if hasattr(args, "evidence") else {}
    print(
        within(
            args,
            lambda t: lookup(
                project, text, width=width, inferred=not args.asserted_only, timeout=t, rebuild=rebuild, **options
            ),
        )
    )
    return 0


def table_width(wide: bool) -> int | None:
    """The width tables fit: the terminal's ($COLUMNS wins), or None (one line per row) with --wide or when piped."""
    if wide or not (os.environ.get("COLUMNS") or sys.stdout.isatty()):
        return None
    import shutil  # 20 ms at start-up: a piped answer needs no terminal size

    return max(40, shutil.get_terminal_size().columns)


def terminal_width() -> int | None:
    """The width prose wraps at: the terminal's ($COLUMNS wins), or None when piped (one line per paragraph)."""
    return table_width(False)


def add_timeout(parser) -> None:
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=30.0,
        metavar="SECONDS",
        help="stop a query (a look-up: all its queries) that runs longer than this (default: 30)",
    )


def add_allow_service(parser) -> None:
    parser.add_argument(
        "--allow-service",
        nargs="+",
        action="extend",
        default=[],
        metavar="HOST",
        help="let SERVICE clauses send queries to these hosts (or host:port); federation is off by default",
    )


def positive_seconds(text: str) -> float:
    """argparse type: a number of seconds greater than zero."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def ensure_current(project, *, last_good: bool = False) -> Rebuild:
    """Rebuild when the sources changed (saying so on stderr); warn when the build skipped SHACL. Return the
    rebuild mode the command's liskg.api call takes.

    LAST_GOOD (the look-ups, which a person needs while fixing a broken source): when the rebuild fails on
    the sources and an earlier build succeeded (a failed build writes nothing), warn with the first error and
    answer from that build ("last-good"); with no earlier build, the error stands."""
    from liskg import api
    from liskg.base import manifest

    state = api.status(project)
    mode: Rebuild = "if-stale"
    if state.stale:
        print(f"liskg: {state.stale}; rebuilding ...", file=sys.stderr, flush=True)
        try:
            api.build(project)
        except LiskgError as exc:
            if not last_good or type(exc) not in _SOURCE_ERRORS or manifest.unreadable_reason(project):
                raise
            first = str(exc).splitlines()[0]
            print(f"liskg: warning: answering from the last good build: {first}", file=sys.stderr, flush=True)
            mode = "last-good"
        state = api.status(project)
    if state.warning:
        print(f"liskg: warning: {state.warning}", file=sys.stderr, flush=True)
    return mode


_SOURCE_ERRORS = (LiskgError, CheckFailed, ShaclViolations)  # a bad source or a failed check; not a missing tool


def within(args, work: Callable[[float | None], str], origin: str | None = None) -> str:
    """WORK(timeout)'s text, bounded by --timeout. The command line (the process is this command) runs it in
    this process and ends the process at the bound; called as main(argv) from Python, the API runs it in a
    forked child killed at the bound (TimedOut)."""
    if not args.standalone:
        return work(args.timeout)
    with exit_after(args.timeout, origin or args.command):
        return work(None)


_LONGEST_BOUND = 1e7  # seconds (116 days): a larger bound (--timeout inf) is no bound for a thread timer


@contextmanager
def exit_after(timeout: float, origin: str, prefix: str = "liskg: error: ") -> Iterator[None]:
    """Run the block in this process; if it is still running after TIMEOUT seconds, print PREFIX + the
    TimedOut message on stderr and end the process with TimedOut's exit code. Oxigraph releases the GIL
    while it evaluates, so the watchdog thread runs on time. Only for a process that exists to do this one
    piece of work (a command line), never in a library caller or a server."""
    import threading  # 1 ms at start-up: only a bounded command needs it

    def expire() -> None:
        sys.stderr.write(prefix + stopped(origin, timeout) + "\n")
        sys.stderr.flush()
        os._exit(TimedOut.exit_code)

    watchdog = threading.Timer(timeout, expire) if timeout < _LONGEST_BOUND else None
    if watchdog:
        watchdog.daemon = True
        watchdog.start()
    try:
        yield
    finally:
        if watchdog:
            watchdog.cancel()
