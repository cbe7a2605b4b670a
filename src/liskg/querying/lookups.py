"""Look-ups for people who don't write SPARQL: strategies, a study, a material, a failure mode.

Each look-up finds what the user named with liskg.base.names, then runs the parameterized queries in
liskg/querying/sparql/lookup-*.rq. User text is bound with engine.bind (a VALUES block of escaped
pyoxigraph terms), never spliced into the query text.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pyoxigraph as ox

from liskg.base import engine, runner, vocab, wrap
from liskg.base.cells import human_rows
from liskg.base.errors import LiskgError
from liskg.base.formats import HUMAN_FORMATS
from liskg.base.labels import Labeller
from liskg.base.names import Names
from liskg.base.numbers import format_value, parse_amount, unit_base
from liskg.querying import tables
from liskg.querying.evidence import EvidenceReader
from liskg.querying.grid import table

ELECTROLYTE = ox.NamedNode(vocab.LISKG + "Electrolyte")
MATERIAL = ox.NamedNode(vocab.LISKG + "Material")
FAILURE_MODE = ox.NamedNode(vocab.LISKG + "FailureMode")
METHOD = ox.NamedNode(vocab.LISKG + "ProcessingMethod")
QUANTITY = ox.NamedNode(vocab.LISKG + "QuantityKind")
UNIT = ox.NamedNode(vocab.LISKG + "UnitOfMeasure")
DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


class Lookups:
    """The look-up commands over one store, evaluated in this process (a caller bounds the whole look-up)."""

    def __init__(self, store: ox.Store, *, width: int | None = None):
        """WIDTH: the width reports are fitted to by wrapping (None: long text stays on one line)."""
        self.store = store
        self.width = width
        self.labels = Labeller(store)
        self.names = Names(store)

    def query(self, name: str, **values) -> engine.QueryResult:
        text = vocab.sparql(f"querying/sparql/{name}.rq")
        # the package's query with terms bound into its VALUES slots: its shape is the package's, and any
        # number of bound terms only lengthens a flat list, so the length bound does not apply
        return runner.run(self.store, engine.bind(text, **values), origin=name, limits=False)

    # ---- the look-ups -----------------------------------------------------------------------

    def strategies(
        self,
        interface: str | None = None,
        electrolyte: str | None = None,
        *,
        method: str | None = None,
        quantity: str | None = None,
        minimum: str | None = None,
        maximum: str | None = None,
    ) -> tuple[str, engine.QueryResult]:
        """(a one-line description of what was understood, the strategies with their numeric outcomes).

        MINIMUM and MAXIMUM are amounts with a unit ('1000 mAh/g'); outcomes in a unit of the same kind are
        compared through the units' conversion multipliers."""
        values: dict[str, list] = {}
        said: list[str] = []
        if interface:
            values["interface"] = [self.names.interface(interface)]
            said.append(f"at the {self.labels.text(values['interface'][0])}")
        if electrolyte:
            understood = self.names.electrolytes(electrolyte, ELECTROLYTE)
            if understood.classes:
                values["electrolyteClass"] = list(understood.classes)
            else:
                values["electrolyteMaterial"] = list(understood.materials)
            said.append(f"with {understood.said}")
        if method:
            values["methodClass"] = [self.names.one_class("method", method, METHOD)]
            said.append(f"by {self.labels.text(values['methodClass'][0])} (narrower methods included)")
        if quantity:
            values["quantityKind"] = [self.names.one("quantity", quantity, QUANTITY)]
            said.append(f"measuring {self.labels.text(values['quantityKind'][0])}")
        units = None
        for bound, text, word in (("lowest", minimum, "≥"), ("highest", maximum, "≤")):
            if text is None:
                continue
            number, unit = self.amount(text, "--min" if bound == "lowest" else "--max")
            values[f"{bound}Value"], values[f"{bound}Unit"] = [ox.Literal(str(number), datatype=DECIMAL)], [unit]
            comparable = self.comparable_units(unit)
            units = comparable if units is None else [u for u in units if u in comparable]
            said.append(
                f"{'and' if bound == 'highest' and minimum is not None else 'with outcomes'} {word} "
                f"{format_value(str(number), self.labels.unit(unit))}"
            )
        if units is not None:
            if not units:
                raise LiskgError("--min and --max name units of different kinds; give both in one kind of unit")
            values["comparableUnit"] = units
        result = self.query("lookup-strategies", **values)
        if interface:
            drop_columns(result, "interface")
        return "strategies " + (" ".join(said) if said else "at every interface"), result

    def strategies_report(
        self, fmt: str = "table", *, labels: bool = False, evidence: bool = False, **selection
    ) -> str:
        """The strategies SELECTION (the options of strategies()) picks, in a format of liskg.base.formats,
        under a line saying what was understood (for table and md, the formats for people); with EVIDENCE, the
        sentences behind each strategy's links after the table."""
        description, result = self.strategies(**selection)
        shown = tables.render(result, fmt, self.labels, width=self.width, labels=labels)
        if fmt not in HUMAN_FORMATS:
            return shown
        said = wrap.fill(description + ":", self.width if fmt == "table" else None)
        out = said + ("\n" if fmt == "md" else "") + "\n" + shown
        if evidence:
            column = result.variables.index("strategy")
            strategies = list(dict.fromkeys(row[column].value for row in result.rows if row[column] is not None))
            out += "\n\n" + self._evidence(EvidenceReader(self.store).links(strategies))
        return out

    def _evidence(self, said: list) -> str:
        """The section --evidence adds: each link with the sentences that state it, or the editors' reason."""
        reader = EvidenceReader(self.store)
        return "Evidence (the sentences behind each link)\n" + (
            reader.render(said, self.width) if said else "  none recorded"
        )

    def amount(self, text: str, option: str) -> tuple[Decimal, ox.NamedNode]:
        """'1000 mAh/g' -> (1000, unit:MilliA-HR-PER-GM): the unit found by its symbol among the graph's units."""
        parsed = parse_amount(engine.require_text(text, option))
        if parsed is None or not parsed[1]:
            raise LiskgError(f"{option} {text!r}: give a number and a unit, such as {option} '1000 mAh/g'")
        number, symbol = parsed
        try:
            return number, self.names.unit(symbol)
        except LiskgError as exc:
            raise LiskgError(f"{option} {text!r}: {exc}") from None

    def comparable_units(self, unit: ox.NamedNode) -> list[ox.NamedNode]:
        """The units of the same kind as UNIT (same symbol but for an SI prefix) that have a conversion multiplier."""
        base = unit_base(self.labels.unit(unit))
        rows = self.query("lookup-unit-factors").rows
        return [u for u, _factor in rows if unit_base(self.labels.unit(u)) == base]

    def study_report(self, text: str, *, evidence: bool = False) -> str:
        """The studies TEXT names; with EVIDENCE, the sentences behind the links of each study, its strategies,
        cells and numbers."""
        found = self.names.studies(text)
        reports = [self._study(study) for study in found]
        if evidence:
            reader = EvidenceReader(self.store)
            reports = [
                report + "\n\n" + self._evidence(reader.why(study.value))
                for report, study in zip(reports, found, strict=True)
            ]
        return "\n\n".join(reports)

    def material_report(self, text: str) -> str:
        return "\n\n".join(
            self._thing(m, "Used or formed by, and other links", numbers=True)
            for m in self.names.find("material", text, MATERIAL)
        )

    def method_report(self, text: str, *, evidence: bool = False) -> str:
        """A processing method: what it is, its narrower methods, the failure modes it mitigates, risks or leaves
        unsolved (of the method in general, of a narrower one or through a study), what the review says of the
        broader methods it inherits, and the strategies and numbers behind it; with EVIDENCE, the sentences of
        each effect statement, its own and inherited."""
        method = self.names.one_class("method", text, METHOD)
        out = [self._facts(method, indent="", kind="processing method")]
        narrower = [r[0] for r in self.query("lookup-submethods", methodClass=[method]).rows]
        if narrower:
            out += ["", "Sub-methods", self._wrap(", ".join(sorted(self.labels.text(n) for n in narrower)), "  ")]
        effects: dict[tuple[str, str], list[str]] = {}
        for effect, mode, study, of in self.query("lookup-method", methodClass=[method]).rows:
            said = effects.setdefault((effect.value, self.labels.text(mode)), [])
            if study is not None:
                said.append(self.labels.text(study))
            else:
                said.append("the review, of " + ("the method" if of == method else self.labels.text(of)))
        for effect, title in (("mitigates", "Mitigates"), ("risks", "Risks"), ("leaves unsolved", "Leaves unsolved")):
            cells = [[mode, "; ".join(dict.fromkeys(by))] for (e, mode), by in effects.items() if e == effect]
            if cells:
                out += ["", f"{title} (failure mode, then who says so)"]
                out += ["  " + line for line in aligned(cells, self.width and self.width - 2)]
        reader = EvidenceReader(self.store)
        inherited = reader.effects(method.value, inherited=True)
        if inherited:
            verbs = {"methodMitigates": "mitigates", "methodRisks": "risks", "methodLeavesUnsolved": "leaves unsolved"}
            order = list(verbs)  # mitigates, risks, leaves unsolved
            found = sorted(
                (
                    (s.via or "", order.index(s.predicate.rsplit("#", 1)[-1]), self.labels.text(ox.NamedNode(s.object)))
                    for s in inherited
                    if s.predicate and s.object
                ),
            )
            for via in dict.fromkeys(f[0] for f in found):
                cells = [[verbs[order[effect]], mode] for v, effect, mode in found if v == via]
                out += ["", self._wrap(f"{via[0].upper()}{via[1:]} (what the review says of it holds here)", "")]
                out += ["  " + line for line in aligned(cells, self.width and self.width - 2)]
        _said, result = self.strategies(method=text)
        headers, rows = human_rows(result, self.labels)
        out += [
            "",
            f"Strategies and their numbers ({len(rows)} rows)",
            textwrap.indent(table(headers, rows, width=self.width and self.width - 2), "  "),
        ]
        if evidence:
            narrower_too = [method.value] + [n.value for n in narrower]
            own = [said for m in narrower_too for said in reader.effects(m)]
            out += ["", self._evidence(own + inherited)]
        return "\n".join(out)

    def failure_report(self, text: str) -> str:
        """Failure modes whose name matches, then the members of failure-mode classes whose name matches."""
        members = []
        for kind in self.failure_classes(text):
            members += [m for m in self.names.members(kind) if m not in members]
        try:
            named = self.names.find("failure mode", text, FAILURE_MODE)
        except LiskgError as error:
            if not members:
                methods, _exact = self.names.matches(text, METHOD, classes=True)
                if methods:
                    raise LiskgError(
                        f"no failure mode is called {text!r}, but it names a processing method: "
                        f"`liskg method {text}` shows what methods mitigate and risk"
                    ) from None
                raise error from None
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
        head = [
            f"Section {', '.join(sections)}" if sections else "",
            f"first author {author.value}" if author else "",
            f"published {year.value}" if year else "",
        ]
        out = [self.labels.text(study), "  " + " · ".join(h for h in head if h)]
        if self.outside(study):  # a record of the review says so by its reference number and section
            out.append(self._wrap("from " + self.source(study), "  "))
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

    def outside(self, thing: ox.NamedNode) -> bool:
        """Whether THING was entered from a template sheet or comes from a paper outside the review."""
        return any(r[2:4] != (None, None) for r in self.query("lookup-provenance", subject=[thing]).rows)

    def source(self, thing: ox.NamedNode) -> str:
        """Where THING comes from, for people: 'the review, reference [107]' or 'doi:10.5555/x (outside the
        review)', and the template row it was entered on: ', entered at graph_data/templates/x/studies.tsv:2'.
        'the review' only for what a section of the review states: a row that names no source and no section
        (a material of a set that mixes sources) says only where it was entered."""
        rows = self.query("lookup-provenance", subject=[thing]).rows
        references = sorted({r[1].value for r in rows if r[1] is not None})
        sources = sorted({r[2].value.replace("https://doi.org/", "doi:") for r in rows if r[2] is not None})
        places = sorted({r[3].value for r in rows if r[3] is not None})
        said = [f"{s} (outside the review)" for s in sources] or [f"the review, reference [{n}]" for n in references]
        if not said and any(r[4] is not None and r[4].value == "true" for r in rows):
            said = ["the review"]
        return ", ".join(said + [f"entered at {p}" for p in places])

    def _facts(self, thing: ox.NamedNode, indent: str = "  ", kind: str | None = None) -> str:
        """Title and statements of THING; the title names its most specific types, or KIND when given (a
        class that is also an individual, such as a method class claims point at, has both sets of types)."""
        types = [kind] if kind else [self.labels.text(r[1]) for r in self.query("lookup-types", subject=[thing]).rows]
        title = self._wrap(f"{self.labels.text(thing)}" + (f"  [{', '.join(types)}]" if types else ""), indent)
        cells = []
        for _s, prop, obj in self.query("lookup-facts", subject=[thing]).rows:
            cells.append([self.labels.text(prop), self.labels.text(obj)])
        if self.outside(thing):
            cells.append(["from", self.source(thing)])
        return "\n".join(
            [title] + [f"{indent}  {line}" for line in aligned(cells, self.width and self.width - len(indent) - 2)]
        )

    def _numbers(self, owner: ox.NamedNode) -> list[str]:
        result = self.query("lookup-measurements", owner=[owner])
        if not result.rows:
            return []
        drop_empty_columns(result)
        headers, rows = human_rows(result, self.labels)
        return ["", "Numbers", textwrap.indent(table(headers, rows, width=self.width and self.width - 2), "  ")]

    def _wrap(self, text: str, indent: str) -> str:
        return wrap.fill(text, self.width, indent=indent)


def aligned(cells: list[list[str]], width: int | None = None) -> list[str]:
    """Two-column 'key  value' lines with the keys padded to one width; values wrap at spaces within WIDTH
    (None: don't). When the keys leave the values less than 24 columns, a key that does not leave them that
    much takes a line of its own and its value follows on the next, indented."""
    if not width:
        keys = max((len(k) for k, _v in cells), default=0)
        return [f"{k.ljust(keys)}  {v}" for k, v in cells]
    keys = max((len(k) for k, _v in cells if width - len(k) - 2 >= 24), default=0)
    lines = []
    for key, value in cells:
        if len(key) > keys:
            lines += wrap.lines(key, width) + wrap.lines(value, width, indent="    ")
            continue
        wrapped = wrap.lines(value, width - keys - 2) or [""]
        lines += [f"{key.ljust(keys)}  {wrapped[0]}"] + [f"{'':{keys}}  {more}" for more in wrapped[1:]]
    return lines


def drop_columns(result: engine.QueryResult, *names: str) -> None:
    keep = [i for i, v in enumerate(result.variables) if v not in names]
    result.variables = [result.variables[i] for i in keep]
    result.rows = [tuple(row[i] for i in keep) for row in result.rows]


def drop_empty_columns(result: engine.QueryResult) -> None:
    drop_columns(result, *[v for i, v in enumerate(result.variables) if all(r[i] is None for r in result.rows)])
