"""Every command as a person sees it in a terminal: run in a pseudo-terminal of 80 and 120 columns, no word
is broken inside a word that fits its column (issue 24).

A line longer than the terminal is wrapped by the terminal wherever it ends, so it must not be printed; a
line the program wrapped must end at a space. Each command also runs in a terminal 1000 columns wide, where
nothing wraps: every word the narrow terminals show is one of its words (or a piece of a word longer than
LONG_WORD, which may be cut to fit a column)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import ROOT
from liskg.base import named
from liskg.base.project import Project
from liskg.cli.main import COMMANDS

WIDTHS = (80, 120)
WIDE = 1000
LONG_WORD = 30  # liskg.querying.grid.LONG_WORD: a longer word may be cut to fit its column
ADDED = {"↳", ""}  # the grouped layout's arrow; dashes and blanks are no words

LOOKUPS = [
    ["strategies", "--interface", "Li/SSE", "--electrolyte", "oxide"],
    ["strategies", "--electrolyte", "sulfide"],
    ["strategies", "--method", "pressing", "--quantity", "specific capacity"],
    ["study", "107"],
    ["study", "77"],
    ["material", "LLZO"],
    ["material", "Li6PS5Cl"],
    ["failure", "dendrite"],
    ["method", "pressing"],
    ["method", "CVD"],
    ["compare", "--interface", "Li/SSE", "--electrolyte", "garnet", "--quantity", "resistance"],
    ["compare", "--quantity", "ionic conductivity", "--electrolyte", "sulfide", "--unit", "mS cm-1"],
    ["compare", "--method", "vapor deposition", "--quantity", "thickness", "--rows", "strategy"],
    ["compare", "--quantity", "specific capacity"],
    ["why", "Sharafi [107]", "at interface", "Li/SSE"],
    ["why", "mechanical pressing", "risks"],
    ["study", "77", "--evidence"],
    ["method", "cold pressing", "--evidence"],
    ["compare", "--quantity", "thickness", "--method", "vapor deposition", "--evidence"],
    ["stats"],
    ["stats", "--graph"],
    ["validate"],
    ["names", "materials"],
    ["names", "quantities"],
    ["query", "--list"],
    ["--help"],
    ["qeury"],
]


def command_lines() -> list[list[str]]:
    queries = [["query", name] for name in named.named_queries(Project(ROOT))]
    return [[name, "--help"] for name in COMMANDS] + LOOKUPS + queries


def in_terminal(args: list[str], columns: int) -> str:
    """What `liskg ARGS` prints (stdout and stderr) to a terminal COLUMNS wide, lines as the program wrote them."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "LISKG_DEBUG")}
    process = subprocess.Popen(
        [sys.executable, "-m", "liskg.cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env=env,
    )
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed: everything was read
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=120)
    os.close(leader)
    return out.decode("utf-8").replace("\r\n", "\n")


def words(text: str) -> set[str]:
    return {w.strip(";,:") for w in text.split()} - ADDED


def broken(args: list[str], columns: int, shown: str, wide: set[str]) -> list[str]:
    """The words of SHOWN (printed COLUMNS wide) that the program or the terminal broke, with where."""
    found = []
    for number, line in enumerate(shown.splitlines(), 1):
        if len(line) > columns and line[columns - 1] != " " and line[columns] != " ":
            word = re.search(r"\S*$", line[:columns]).group(0) + re.match(r"\S*", line[columns:]).group(0)
            if len(word) <= columns:
                found.append(f"line {number} is {len(line)} long: the terminal breaks {word!r}")
    for word in words(shown) - wide:
        if set(word) <= set("-─") or any(word in long for long in wide if len(long) > LONG_WORD):
            continue
        found.append(f"{word!r} is no word of the output {WIDE} columns wide")
    return found


@pytest.fixture(scope="module")
def outputs(project) -> dict[tuple[str, int], str]:
    jobs = [(tuple(args), columns) for args in command_lines() for columns in (*WIDTHS, WIDE)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = pool.map(lambda job: in_terminal(list(job[0]), job[1]), jobs)
    return dict(zip(jobs, texts))


@pytest.mark.parametrize("columns", WIDTHS)
def test_no_command_breaks_a_word_that_fits_its_column(outputs, columns):
    problems = []
    for args in command_lines():
        shown = outputs[tuple(args), columns]
        assert shown.strip(), args
        for problem in broken(args, columns, shown, words(outputs[tuple(args), WIDE])):
            problems.append(f"liskg {' '.join(args)} at {columns} columns: {problem}")
    assert problems == [], "\n".join(problems)


def test_the_grouped_layout_puts_each_number_under_its_own_strategy_and_prints_nothing_twice(outputs):
    shown = outputs[("strategies", "--electrolyte", "sulfide"), 80]
    yao = shown[shown.index("Yao et al. [77]") :].split("\n\n")[0]
    assert yao.count("830 mAh g⁻¹") == 2, yao  # once under each of the two strategies that report it
    strategies = [line for line in yao.splitlines() if line.startswith("    ↳ ")]
    assert len(strategies) == 2 and "bilayer Li10GeP2S12" in strategies[0]
    first, second = yao.split(strategies[1])
    assert "830 mAh g⁻¹" in first and "1526 mAh g⁻¹" in second and "1526" not in first
    headline = outputs[("query", "oxide-anode-strategies"), 80]
    for study in ("Hakari", "Sun et al. [38]"):
        if study in headline:
            block = headline[headline.index(study) :].split("\n\n")[0]
            assert block.splitlines()[1].startswith("    ↳ "), block  # the strategy first, its numbers under it


def test_a_mistyped_command_or_option_suggests_the_close_match(outputs):
    assert "did you mean query?" in outputs[("qeury",), 80]
    assert "did you mean --interface?" in in_terminal(["strategies", "--interfce", "I"], 80)
