"""The errors LiSKG raises, each with the exit code the `liskg` command ends with.

One mapping, documented in `liskg --help` and docs/api.md (EXIT_CODES):

  0    success
  1    CheckFailed: well-formed sources failed a check (quality checks, SHACL, HermiT, OWL 2 DL)
  2    LiskgError: bad input or usage (unreadable or malformed files, unknown names, bad options)
  3    Unavailable: something LiSKG needs is missing or broken (Java, javac, the oxigraph server, a busy port)
  4    TimedOut: a time bound passed (a query's --timeout, the OWL API check)
  70   InternalError: a defect in LiSKG or its installation (also any unexpected exception)
  130  interrupted (Ctrl-C)

Every message is one line per problem that says what is wrong and what to do.
"""


class LiskgError(Exception):
    """Bad input or usage: the message says what is wrong and what to do."""

    exit_code = 2


class CheckFailed(LiskgError):
    """Well-formed sources failed a check: quality checks, SHACL shapes, HermiT, the OWL 2 DL profile."""

    exit_code = 1


class ShaclViolations(CheckFailed):
    """Records violate the SHACL shapes; `violations` holds one line per violation."""

    def __init__(self, violations: list[str]):
        self.violations = violations
        super().__init__("\n".join(violations + [f"{len(violations)} SHACL violation(s); nothing was written"]))


class Unavailable(LiskgError):
    """Something LiSKG needs is missing or broken: Java, javac, the oxigraph server, a free port."""

    exit_code = 3


class TimedOut(LiskgError):
    """A time bound passed and the work was stopped."""

    exit_code = 4


def stopped(origin: str, timeout: float) -> str:
    """The message of a query (or a look-up) stopped at its time bound."""
    return f"{origin}: stopped after {timeout:g} s (the time bound); narrow the query or raise --timeout"


class InternalError(LiskgError):
    """A defect in LiSKG or its installation, not in the user's input."""

    exit_code = 70


INTERRUPTED = 130
ERRORS = (CheckFailed, LiskgError, Unavailable, TimedOut, InternalError)
EXIT_CODES = {
    0: "success",
    CheckFailed.exit_code: "a check failed (quality checks, SHACL, HermiT, OWL 2 DL)",
    LiskgError.exit_code: "bad input or usage",
    Unavailable.exit_code: "a tool LiSKG needs is missing or broken (Java, oxigraph, a busy port)",
    TimedOut.exit_code: "a time bound passed",
    InternalError.exit_code: "internal error (a defect in LiSKG; please report it)",
    INTERRUPTED: "interrupted",
}
