"""The one exception type the CLI turns into a one-line message and a non-zero exit."""


class LiskgError(Exception):
    """A user-facing error: its message is one line that says what is wrong and what to do."""

    exit_code = 2


class CheckFailed(LiskgError):
    """A check on well-formed input failed (inconsistency, OWL 2 DL profile): exit code 1."""

    exit_code = 1


class ShaclViolations(LiskgError):
    """Records violate the SHACL shapes; `violations` holds one line per violation."""

    def __init__(self, violations: list[str]):
        self.violations = violations
        super().__init__("\n".join(violations + [f"{len(violations)} SHACL violation(s); nothing was written"]))
