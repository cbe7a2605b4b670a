"""The `liskg` command: a thin layer over the library. Each subcommand lives in liskg/cli/commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys

from liskg import LOOKUPS
from liskg.base import wrap
from liskg.base.errors import EXIT_CODES, INTERRUPTED, InternalError, LiskgError
from liskg.base.project import find_project
from liskg.base.version import __version__

# Subcommands in the order `liskg --help` lists them; each module has HELP, DESCRIPTION,
# add_arguments(parser) and run(args, project) -> exit code, and imports liskg.api only in run().
COMMANDS = [
    "build",
    "validate",
    "new",
    "diff",
    "reason",
    "stats",
    "docs",
    "query",
    *LOOKUPS,
    "why",
    "plot",
    "serve",
    "viz",
    "export",
    "release",
]

EPILOG = """\
typical session:
  liskg build                 check the sources and build the graph (build/)
  liskg stats                 what the graph holds
  liskg query --list          the named research questions; then: liskg query oxide-anode-strategies
  liskg strategies --interface Li/SSE --electrolyte oxide
                              strategies by interface and electrolyte family, no SPARQL needed
  liskg study 67              everything known about one cited work
  liskg material LLZO         a material by name, formula or synonym
  liskg method pressing       what a processing method mitigates and risks, and its numbers
  liskg why "Sharafi [107]" "at interface" Li/SSE
                              the review's sentences behind a link, quoted with their section
  liskg viz                   the interactive graph page (build/liskg-graph.html)
  liskg validate              SHACL report of incomplete records
  liskg new study doe-2025    blank sheets to enter a paper in (graph_data/templates/doe-2025/)
  liskg names quantities      the names a sheet's cell accepts (units, materials, methods, ...)
  liskg diff                  what the last edit changed: triples by module, named queries' answer rows
  liskg release               every format, the EMMO alignment, VoID, checksums (build/release/)

Every command rebuilds first when ontology/ or graph_data/ changed since the last build, and
warns when the build it reads skipped SHACL validation (`liskg reason`, `build --no-validate`).
A look-up whose rebuild fails answers from the last good build, with a warning naming the error.

exit codes:
""" + "".join(f"  {code:<4}{meaning}\n" for code, meaning in EXIT_CODES.items())


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help fitted to the terminal at spaces (liskg.base.wrap): never "sub-|methods", never a word cut that
    fits its line; descriptions and examples keep their lines and wrap under themselves."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        # as wide as shutil.get_terminal_size() says, without importing shutil (and bz2, lzma, zlib with it):
        # argparse makes a formatter for every option it adds, so every command paid 2 ms
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)

    def _fill_text(self, text, width, indent):
        return wrap.block(text, max(width + len(indent), 40))

    def _split_lines(self, text, width):
        return wrap.lines(" ".join(text.split()), width) or [""]


def terminal_columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS when a positive number, else the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class Parser(argparse.ArgumentParser):
    """argparse, and a mistyped command or option answered with the close match (difflib; argparse's own
    suggest_on_error exists only from Python 3.14)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {suggestion(self, message)}\n")


def suggestion(parser: argparse.ArgumentParser, message: str) -> str:
    """MESSAGE with "; did you mean X?" for an unknown command, choice or option that is close to a known one."""
    import difflib  # 3 M instructions at start-up (heapq with it): only a mistyped command line needs it

    choice = re.match(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        known = re.findall(r"'?([^',\s][^',]*)'?(?:, |$)", choice.group(3))
        close = difflib.get_close_matches(choice.group(2), known, n=2, cutoff=0.6)
        said = f"; did you mean {' or '.join(close)}?" if close else f" (choose from {choice.group(3)})"
        return f"argument {choice.group(1)}: invalid choice: '{choice.group(2)}'{said}"
    unknown = re.match(r"unrecognized arguments: (.*)", message)
    if unknown:
        parsers = [parser] + [
            sub
            for action in parser._actions
            if isinstance(action, argparse._SubParsersAction)
            for sub in action.choices.values()
        ]
        options = sorted({o for each in parsers for action in each._actions for o in action.option_strings})
        hints = []
        for word in unknown.group(1).split():
            close = (
                difflib.get_close_matches(word.split("=")[0], options, n=1, cutoff=0.6) if word.startswith("-") else []
            )
            if close:
                hints.append(f"{word}: did you mean {close[0]}?")
        return message + ("; " + "; ".join(hints) if hints else "")
    return message


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `liskg` parser; with COMMAND (a name from COMMANDS), only that subcommand's module is imported,
    with "" none (for --version); with None every one (for --help and to name the choices on a typo)."""
    parser = Parser(
        prog="liskg",
        description="LiSKG: a knowledge graph of how researchers engineer the interfaces of solid-state "
        "lithium-sulfur batteries, built from the 2024 Nano-Micro Letters review.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"liskg {__version__}")
    parser.add_argument(
        "--root",
        metavar="DIR",
        help="project folder holding ontology/ and graph_data/ "
        "(default: $LISKG_HOME, else this checkout, else the current folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if command is None else [c for c in COMMANDS if c == command]:
        module = importlib.import_module(f"liskg.cli.commands.{name.replace('-', '_')}")
        sub = subparsers.add_parser(
            name, help=module.HELP, description=module.DESCRIPTION, formatter_class=HelpFormatter
        )
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def command_of(argv: list[str]) -> str | None:
    """What make_parser needs for this command line: the subcommand it names, "" for --version,
    None for anything else (--help, no command, an unknown one)."""
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--root":
            next(arguments, None)
        elif argument == "--version":
            return ""
        elif not argument.startswith("-"):
            return argument if argument in COMMANDS else None
        elif not argument.startswith("--root="):
            return None
    return None


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    try:
        parser = make_parser(command_of(words))
    except ImportError as exc:  # a broken or missing command module: say which, not a traceback
        print(f"liskg: internal error: cannot load a command ({exc}); reinstall with 'make install'", file=sys.stderr)
        return InternalError.exit_code
    args = parser.parse_args(argv)
    args.standalone = argv is None  # the process is this command (console script, python -m liskg.cli)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args, find_project(args.root))
    except LiskgError as exc:
        kind = "internal error" if isinstance(exc, InternalError) else "error"
        for line in str(exc).splitlines():
            print(f"liskg: {kind}: {line}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("liskg: interrupted; outputs are written atomically, nothing half-written was left", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line, never a traceback unless asked for
        if os.environ.get("LISKG_DEBUG"):
            raise
        print(f"liskg: internal error: {type(exc).__name__}: {exc} (set LISKG_DEBUG=1 for details)", file=sys.stderr)
        return InternalError.exit_code


if __name__ == "__main__":
    sys.exit(main())
