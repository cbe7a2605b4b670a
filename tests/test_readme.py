"""The README tells the truth: its quick start targets exist, its shown output and counts are real."""

from __future__ import annotations

import re

from conftest import ROOT, run_main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_make_targets_that_exist():
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_cli_example_runs(tmp_path):
    """The commands after the quick start, in order, on a copy of the project: each succeeds and prints
    something (`new study` writes blank sheets, which change no triple, and `diff` then says so)."""
    import shlex

    from conftest import copy_built

    block = re.search(r"use the CLI directly.*?```sh\n(.*?)```", README, re.S).group(1)
    commands = [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]
    assert all(c[0] == ".venv/bin/liskg" for c in commands)
    assert [c[1] for c in commands][-3:] == ["new", "names", "diff"]  # the spreadsheet path
    root = copy_built(tmp_path)
    for command in commands:
        result = run_main("--root", str(root), *command[1:])
        assert (result.code, bool(result.out)) == (0, True), (command, result.err)
    assert result.out.startswith("asserted triples: +0 -0 (build/previous/ -> build/)\n")


def test_the_study_example_is_what_the_command_prints(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # the README shows a 100-column terminal
    shown = re.search(r"\$ \.venv/bin/liskg study 107\n(.*?)```", README, re.S).group(1).splitlines()
    printed = run_main("study", "107").out.splitlines()
    position = 0
    for line in shown:
        if line == "...":
            continue
        assert line in printed[position:], f"README line not printed (in order): {line!r}"
        position = printed.index(line, position) + 1


def test_the_counts_in_the_readme_are_the_graphs():
    printed = dict(re.findall(r"^(\w[\w ]*?)\s{2,}([\d,]+)$", run_main("stats").out, re.M))
    sentence = re.search(r"The graph holds (.*?) \(`liskg stats`\)", README, re.S).group(1)
    for number, name in re.findall(r"(\d+) ([a-z ]+?)(?:,| and |$)", sentence.replace("\n", " ")):
        key = {
            "studies": "studies",
            "cited analyses": "cited analyses",
            "strategies": "strategies",
            "materials": "materials",
            "failure modes": "failure modes",
            "claims": "claims",
            "measurements": "measurements",
        }[name.strip()]
        assert printed[key] == number, key
