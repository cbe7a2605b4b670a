"""Faceted look-ups for people who don't write SPARQL: strategies, a study, a material, a failure mode.

Each look-up runs the parameterized queries in liskg/query/sparql/facet-*.rq. User text is bound with
engine.bind (a VALUES block of escaped pyoxigraph terms), never spliced into the query text.
"""

from __future__ import annotations

import difflib
import textwrap
from importlib import resources

import pyoxigraph as ox

from liskg.query import engine
from liskg.errors import LiskgError
from liskg.query.tables import Labeller, human_rows, table

LISKG = "https://w3id.org/liskg/ontology#"
INTERFACE = ox.NamedNode(LISKG + "Interface")
ELECTROLYTE = ox.NamedNode(LISKG + "Electrolyte")
MATERIAL = ox.NamedNode(LISKG + "Material")
STUDY = ox.NamedNode(LISKG + "Study")
FAILURE_MODE = ox.NamedNode(LISKG + "FailureMode")
WIDTH = 100


class Facets:
    """Facet look-ups over one store, each query bounded by `timeout` seconds."""

    def __init__(self, store: ox.Store, timeout: float | None = 30.0):
        self.store = store
        self.timeout = timeout
        self.labels = Labeller(store)

    def query(self, name: str, **values) -> engine.QueryResult:
        text = (resources.files("liskg.query") / "sparql" / f"{name}.rq").read_text(encoding="utf-8")
        return engine.run(self.store, engine.bind(text, **values), timeout=self.timeout, origin=name)

    # ---- finding what the user named ------------------------------------------------------

    def find(self, what: str, text: str, kind: ox.NamedNode, *, classes: bool = False) -> list[ox.NamedNode]:
        """Things of `kind` named `text` (label, synonym, formula; case-insensitive): whole-name matches
        if any, else those whose name contains it; no match is an error that suggests close names."""
        needle = engine.require_text(text, what).strip().lower()
        if not needle:
            raise LiskgError(f"name a {what}")
        query = "facet-find-classes" if classes else "facet-find-individuals"
        rows = self.query(query, kind=[kind], needle=[ox.Literal(needle)]).rows
        exact = [thing for thing, _name, is_exact in rows if is_exact.value == "true"]
        found = exact or [thing for thing, _name, _exact in rows]
        if found:
            return sorted(set(found), key=lambda t: self.labels.text(t).lower())
        names = {name.value for _t, name, _e in self.query(query, kind=[kind], needle=[ox.Literal("")]).rows}
        close = close_names(needle, names)
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise LiskgError(f"no {what} is called {text!r}{hint}")

    def interface(self, text: str) -> ox.NamedNode:
        """An interface by numeral (I-IV), label or synonym; 'Li/SSE' finds 'Li/SSE interface'.

        A Roman numeral must match whole: 'V' is not part of 'IV'."""
        if text.strip().upper() and set(text.strip().upper()) <= set("IVX") and \
                text.strip().upper() not in ("I", "II", "III", "IV"):
            raise LiskgError(f"no interface has the numeral {text.strip()!r}; the review numbers them I to IV")
        found = self.find("interface", text, INTERFACE)
        if len(found) > 1:
            names = ", ".join(self.labels.text(f) for f in found)
            raise LiskgError(f"{text!r} names several interfaces ({names}); use a numeral I-IV or a full name")
        return found[0]

    def study(self, text: str) -> list[ox.NamedNode]:
        """Studies by reference number (67) or by label or author text (Sharafi)."""
        if engine.require_text(text, "study").strip().isdigit():
            rows = self.query("facet-find-study", number=[ox.Literal(int(text.strip()))]).rows
            if not rows:
                raise LiskgError(f"no study is cited as reference [{text.strip()}] in the graph")
            return [rows[0][0]]
        return self.find("study", text, STUDY)

    # ---- the facets -----------------------------------------------------------------------

    def strategies(self, interface: str | None = None, electrolyte: str | None = None) -> tuple[str, engine.QueryResult]:
        """(a one-line description of the filter, the strategies with their numeric outcomes)."""
        values, said = {}, []
        if interface:
            values["interface"] = [self.interface(interface)]
            said.append(f"at the {self.labels.text(values['interface'][0])}")
        if electrolyte:
            values["electrolyteClass"] = self.find("electrolyte class", electrolyte, ELECTROLYTE, classes=True)
            said.append("with " + " or ".join(self.labels.text(c) for c in values["electrolyteClass"])
                        + " (narrower classes included)")
        result = self.query("facet-strategies", **values)
        if interface:
            drop_columns(result, "interface")
        return "strategies " + (" ".join(said) if said else "at every interface"), result

    def study_report(self, text: str) -> str:
        return "\n\n".join(self._study(study) for study in self.study(text))

    def material_report(self, text: str) -> str:
        return "\n\n".join(self._thing(m, "Used or formed by, and other links", numbers=True)
                           for m in self.find("material", text, MATERIAL))

    def failure_report(self, text: str) -> str:
        """Failure modes whose name matches, then the members of failure-mode classes whose name matches."""
        members = []
        for kind in self.failure_classes(text):
            rows = self.query("facet-find-individuals", kind=[kind], needle=[ox.Literal("")]).rows
            members += [row[0] for row in rows if row[0] not in members]
        try:
            named = self.find("failure mode", text, FAILURE_MODE)
        except LiskgError:
            if not members:
                raise
            named = []
        modes = named + [m for m in members if m not in named]
        return "\n\n".join(self._thing(m, "Linked from", numbers=False) for m in modes)

    def failure_classes(self, text: str) -> list[ox.NamedNode]:
        """Narrower failure-mode classes named like `text` (none is not an error here)."""
        try:
            found = self.find("failure mode class", text, FAILURE_MODE, classes=True)
        except LiskgError:
            return []
        return [c for c in found if c != FAILURE_MODE]

    # ---- report pieces --------------------------------------------------------------------

    def _study(self, study: ox.NamedNode) -> str:
        rows = self.query("facet-study", study=[study]).rows
        _s, author, year, summary = rows[0][:4]
        sections = sorted({r[5].value for r in rows if r[5] is not None})
        strategies = sorted({r[6] for r in rows if r[6] is not None}, key=lambda t: t.value)
        cells = sorted({r[7] for r in rows if r[7] is not None}, key=lambda t: t.value)
        head = [f"Section {', '.join(sections)}" if sections else "",
                f"first author {author.value}" if author else "", f"published {year.value}" if year else ""]
        out = [self.labels.text(study), "  " + " · ".join(h for h in head if h)]
        if summary:
            out.append(wrap(summary.value))
        for title, things in (("Strategies", strategies), ("Cells", cells)):
            if things:
                out += ["", title] + [self._facts(t) for t in things]
        out += self._numbers(study)
        return "\n".join(out)

    def _thing(self, thing: ox.NamedNode, incoming_title: str, *, numbers: bool) -> str:
        out = [self._facts(thing, indent="")]
        links = self.query("facet-links-in", object=[thing]).rows
        if links:
            out += ["", f"{incoming_title} (each line: subject, then how it points here)"]
            cells = [[self.labels.text(s), self.labels.text(p)] for _o, p, s in links]
            out += ["  " + line for line in aligned(cells)]
        if numbers:
            out += self._numbers(thing)
        return "\n".join(out)

    def _facts(self, thing: ox.NamedNode, indent: str = "  ") -> str:
        types = [self.labels.text(r[1]) for r in self.query("facet-types", subject=[thing]).rows]
        title = f"{indent}{self.labels.text(thing)}" + (f"  [{', '.join(types)}]" if types else "")
        cells = []
        for _s, prop, obj in self.query("facet-facts", subject=[thing]).rows:
            value = self.labels.text(obj)
            if isinstance(obj, ox.Literal) and len(value) > WIDTH - 30:  # notes, not names, are shortened
                value = textwrap.shorten(value, WIDTH - 30, placeholder=" …")
            cells.append([self.labels.text(prop), value])
        return "\n".join([title] + [f"{indent}  {line}" for line in aligned(cells)])

    def _numbers(self, owner: ox.NamedNode) -> list[str]:
        result = self.query("facet-measurements", owner=[owner])
        if not result.rows:
            return []
        drop_empty_columns(result)
        headers, rows = human_rows(result, self.labels)
        return ["", "Numbers", textwrap.indent(table(headers, rows), "  ")]


def close_names(needle: str, names: set[str], limit: int = 5) -> list[str]:
    """Names that look like a misspelling of `needle`, as a whole or word by word, best first."""
    def similarity(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    words = needle.split()
    scored = []
    for name in names:
        lower = name.lower()
        by_words = sum(max(similarity(w, n) for n in lower.split()) for w in words) / len(words)
        score = max(similarity(needle, lower), by_words)
        if score >= 0.75:
            scored.append((-score, name))
    return [name for _score, name in sorted(scored)[:limit]]


def aligned(cells: list[list[str]]) -> list[str]:
    """Two-column 'key  value' lines with the keys padded to one width."""
    width = max((len(k) for k, _v in cells), default=0)
    return [f"{k.ljust(width)}  {v}" for k, v in cells]


def wrap(text: str) -> str:
    return textwrap.fill(text, width=WIDTH, initial_indent="  ", subsequent_indent="  ")


def drop_columns(result: engine.QueryResult, *names: str) -> None:
    keep = [i for i, v in enumerate(result.variables) if v not in names]
    result.variables = [result.variables[i] for i in keep]
    result.rows = [tuple(row[i] for i in keep) for row in result.rows]


def drop_empty_columns(result: engine.QueryResult) -> None:
    drop_columns(result, *[v for i, v in enumerate(result.variables) if all(r[i] is None for r in result.rows)])
