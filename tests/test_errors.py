"""Every error class ends `liskg` with its documented exit code and one line per problem, no traceback."""

from __future__ import annotations

import pytest

from conftest import run_main
from liskg.base import errors
from liskg.cli.commands import stats


@pytest.mark.parametrize("error", errors.ERRORS, ids=lambda cls: cls.__name__)
def test_each_error_class_maps_to_its_documented_exit_code(error, monkeypatch):
    def fail(args, project):
        raise error("what is wrong; what to do")

    monkeypatch.setattr(stats, "run", fail)
    result = run_main("stats")
    assert result.code == error.exit_code and result.code in errors.EXIT_CODES
    kind = "internal error" if error is errors.InternalError else "error"
    assert (result.out, result.err) == ("", f"liskg: {kind}: what is wrong; what to do\n")


def test_shacl_violations_are_a_failed_check_with_one_line_each():
    error = errors.ShaclViolations(["a.ttl:3: first", "b.ttl:9: second"])
    assert isinstance(error, errors.CheckFailed) and error.exit_code == 1
    assert str(error).splitlines() == ["a.ttl:3: first", "b.ttl:9: second", "2 SHACL violation(s); nothing was written"]


@pytest.mark.parametrize(
    "raised, code, line",
    [
        (RuntimeError("boom"), 70, "liskg: internal error: RuntimeError: boom (set LISKG_DEBUG=1 for details)"),
        (KeyboardInterrupt(), 130, "liskg: interrupted; outputs are written atomically, nothing half-written was left"),
    ],
    ids=["unexpected-exception", "interrupted"],
)
def test_anything_else_is_an_internal_error_or_an_interruption(raised, code, line, monkeypatch):
    def fail(args, project):
        raise raised

    monkeypatch.delenv("LISKG_DEBUG", raising=False)
    monkeypatch.setattr(stats, "run", fail)
    result = run_main("stats")
    assert (result.code, result.err) == (code, line + "\n")
    assert code in errors.EXIT_CODES
