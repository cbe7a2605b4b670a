"""The one exception type the CLI turns into a one-line message and a non-zero exit."""


class LiskgError(Exception):
    """A user-facing error: its message is one line that says what is wrong and what to do."""

    exit_code = 2
