"""Progress lines for long steps, on stderr so stdout stays clean for results."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager


class Progress:
    """Prints '[build] step ... detail (0.12 s)' lines; quiet=True silences them."""

    def __init__(self, name: str, quiet: bool = False):
        self.name = name
        self.quiet = quiet
        self.timings: dict[str, float] = {}

    @contextmanager
    def step(self, title: str):
        start = time.perf_counter()
        if not self.quiet:
            print(f"[{self.name}] {title} ...", file=sys.stderr, flush=True)
        note: dict[str, str] = {}
        yield note
        elapsed = time.perf_counter() - start
        self.timings[title] = elapsed
        if not self.quiet:
            detail = f" {note['detail']}" if note.get("detail") else ""
            print(f"[{self.name}] {title}: done{detail} ({elapsed:.2f} s)", file=sys.stderr, flush=True)
