"""Look-ups for people who don't write SPARQL: strategies, a study, a material, a failure mode.

Each look-up finds what the user named with liskg.names, then runs the parameterized queries in
liskg/query/sparql/lookup-*.rq. User text is bound with engine.bind (a VALUES block of escaped
pyoxigraph terms), never spliced into the query text.
"""

from __future__ import annotations

import textwrap

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import LiskgError
from liskg.names import Names
from liskg.query import engine
from liskg.query.tables import Labeller, human_rows, table

ELECTROLYTE = ox.NamedNode(vocab.LISKG + "Electrolyte")
MATERIAL = ox.NamedNode(vocab.LISKG + "Material")
FAILURE_MODE = ox.NamedNode(vocab.LISKG + "FailureMode")


class Lookups:
    """The look-up commands over one store, each query bounded by `timeout` seconds (None: in-process)."""

    def __init__(self, store: ox.Store, timeout: float | None = None, *, width: int | None = None):
        """WIDTH: the width reports are fitted to by wrapping (None: long text stays on one line)."""
        self.store = store
        self.timeout = timeout
        self.width = width
        self.labels = Labeller(store)
        self.names = Names(store, timeout)

    def query(self, name: str, **values) -> engine.QueryResult:
        text = vocab.sparql(f"query/sparql/{name}.rq")
        return engine.run(self.store, engine.bind(text, **values), timeout=self.timeout, origin=name)

    # ---- the look-ups -----------------------------------------------------------------------

    def strategies(self, interface: str | None = None, electrolyte: str | None = None) -> tuple[str, engine.QueryResult]:
        """(a one-line description of the filter, the strategies with their numeric outcomes)."""
        values, said = {}, []
        if interface:
            values["interface"] = [self.names.interface(interface)]
            said.append(f"at the {self.labels.text(values['interface'][0])}")
        if electrolyte:
            values["electrolyteClass"] = self.names.find("electrolyte class", electrolyte, ELECTROLYTE, classes=True)
            said.append("with " + " or ".join(self.labels.text(c) for c in values["electrolyteClass"])
                        + " (narrower classes included)")
        result = self.query("lookup-strategies", **values)
        if interface:
            drop_columns(result, "interface")
        return "strategies " + (" ".join(said) if said else "at every interface"), result

    def study_report(self, text: str) -> str:
        return "\n\n".join(self._study(study) for study in self.names.studies(text))

    def material_report(self, text: str) -> str:
        return "\n\n".join(self._thing(m, "Used or formed by, and other links", numbers=True)
                           for m in self.names.find("material", text, MATERIAL))

    def failure_report(self, text: str) -> str:
        """Failure modes whose name matches, then the members of failure-mode classes whose name matches."""
        members = []
        for kind in self.failure_classes(text):
            members += [m for m in self.names.members(kind) if m not in members]
        try:
            named = self.names.find("failure mode", text, FAILURE_MODE)
        except LiskgError:
            if not members:
                raise
            named = []
        modes = named + [m for m in members if m not in named]
        return "\n\n".join(self._thing(m, "Linked from", numbers=False) for m in modes)

    def failure_classes(self, text: str) -> list[ox.NamedNode]:
        """Narrower failure-mode classes named like `text` (none is not an error here)."""
        try:
            found = self.names.find("failure mode class", text, FAILURE_MODE, classes=True)
        except LiskgError:
            return []
        return [c for c in found if c != FAILURE_MODE]

    # ---- report pieces --------------------------------------------------------------------

    def _study(self, study: ox.NamedNode) -> str:
        rows = self.query("lookup-study", study=[study]).rows
        _s, author, year, summary = rows[0][:4]
        sections = sorted({r[5].value for r in rows if r[5] is not None})
        strategies = sorted({r[6] for r in rows if r[6] is not None}, key=lambda t: t.value)
        cells = sorted({r[7] for r in rows if r[7] is not None}, key=lambda t: t.value)
        head = [f"Section {', '.join(sections)}" if sections else "",
                f"first author {author.value}" if author else "", f"published {year.value}" if year else ""]
        out = [self.labels.text(study), "  " + " · ".join(h for h in head if h)]
        if summary:
            out.append(self._wrap(summary.value, "  "))
        for title, things in (("Strategies", strategies), ("Cells", cells)):
            if things:
                out += ["", title] + [self._facts(t) for t in things]
        out += self._numbers(study)
        return "\n".join(out)

    def _thing(self, thing: ox.NamedNode, incoming_title: str, *, numbers: bool) -> str:
        out = [self._facts(thing, indent="")]
        links = self.query("lookup-links-in", object=[thing]).rows
        if links:
            out += ["", f"{incoming_title} (each line: subject, then how it points here)"]
            cells = [[self.labels.text(s), self.labels.text(p)] for _o, p, s in links]
            out += ["  " + line for line in aligned(cells, self.width and self.width - 2)]
        if numbers:
            out += self._numbers(thing)
        return "\n".join(out)

    def _facts(self, thing: ox.NamedNode, indent: str = "  ") -> str:
        types = [self.labels.text(r[1]) for r in self.query("lookup-types", subject=[thing]).rows]
        title = self._wrap(f"{self.labels.text(thing)}" + (f"  [{', '.join(types)}]" if types else ""), indent)
        cells = []
        for _s, prop, obj in self.query("lookup-facts", subject=[thing]).rows:
            cells.append([self.labels.text(prop), self.labels.text(obj)])
        return "\n".join([title] + [f"{indent}  {line}" for line in aligned(cells, self.width and self.width - len(indent) - 2)])

    def _numbers(self, owner: ox.NamedNode) -> list[str]:
        result = self.query("lookup-measurements", owner=[owner])
        if not result.rows:
            return []
        drop_empty_columns(result)
        headers, rows = human_rows(result, self.labels)
        return ["", "Numbers", textwrap.indent(table(headers, rows, width=self.width and self.width - 2), "  ")]

    def _wrap(self, text: str, indent: str) -> str:
        if not self.width:
            return indent + text
        return textwrap.fill(text, width=self.width, initial_indent=indent, subsequent_indent=indent)


def aligned(cells: list[list[str]], width: int | None = None) -> list[str]:
    """Two-column 'key  value' lines with the keys padded to one width; values wrap within WIDTH (None: don't)."""
    keys = max((len(k) for k, _v in cells), default=0)
    if not width or width - keys - 2 < 20:
        return [f"{k.ljust(keys)}  {v}" for k, v in cells]
    lines = []
    for key, value in cells:
        wrapped = textwrap.wrap(value, width - keys - 2, break_on_hyphens=False) or [""]
        lines += [f"{key.ljust(keys)}  {wrapped[0]}"] + [f"{'':{keys}}  {more}" for more in wrapped[1:]]
    return lines


def drop_columns(result: engine.QueryResult, *names: str) -> None:
    keep = [i for i, v in enumerate(result.variables) if v not in names]
    result.variables = [result.variables[i] for i in keep]
    result.rows = [tuple(row[i] for i in keep) for row in result.rows]


def drop_empty_columns(result: engine.QueryResult) -> None:
    drop_columns(result, *[v for i, v in enumerate(result.variables) if all(r[i] is None for r in result.rows)])
