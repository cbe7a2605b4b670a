"""Template sheets as a source: each row becomes the triples a hand-written record of the same fact would be.

The build reads graph_data/templates/ beside the Turtle files (liskg.sources.loading calls compile_sheets once
the Turtle is in the store). Every cell that names something is found by the one name resolver
(liskg.base.names) among what the graph already holds and what earlier sheets added: materials first, then
studies, cells, strategies and measurements (sheets.ORDER). IRIs are minted by the naming rules of
docs/modelling.md from the study and a row's key; an unknown or ambiguous name, a duplicate and a malformed
value are each one error at `file:row:column`, and nothing is written.

Where a fact comes from:
- a study of the review (a reference number): liskg:citedIn lkd:review and the section(s), as in the Turtle
  files; its links and numbers cite the review's sentences (liskg:evidence), like hand-written ones, so the
  same fact entered either way gives the same triples;
- a paper outside the review (a DOI): dcterms:source <https://doi.org/DOI> on the study, each record and each
  link's axiom, and liskg:templateRow "file:row", the row it was entered on: there is no review sentence
  to cite, so the source and the row are its evidence (docs/extending.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.errors import LiskgError
from liskg.base.names import Names, doi_of, normalize
from liskg.base.numbers import unit_base, unit_symbol
from liskg.base.project import Project
from liskg.sources.sheets import ONE, ORDER, Row, Sheet, read_sheet, sheet_files

L, D = vocab.LISKG, vocab.LKD
RDF_TYPE = ox.NamedNode(vocab.RDF_TYPE)
LABEL = ox.NamedNode(vocab.RDFS_LABEL)
NAMED_INDIVIDUAL = ox.NamedNode(vocab.OWL + "NamedIndividual")
AXIOM = ox.NamedNode(vocab.OWL + "Axiom")
SOURCE = ox.NamedNode(vocab.DCTERMS + "source")
REVIEW = ox.NamedNode(D + "review")
XSD_DECIMAL = ox.NamedNode(vocab.XSD + "decimal")
XSD_INTEGER = ox.NamedNode(vocab.XSD + "integer")
XSD_BOOLEAN = ox.NamedNode(vocab.XSD + "boolean")


Found = TypeVar("Found")


def P(local: str) -> ox.NamedNode:
    return ox.NamedNode(L + local)


TEMPLATE_ROW = P("templateRow")
EVIDENCE = P("evidence")
SOURCE_NOTE = P("sourceNote")
INFERRED = P("EditorsInference")
QUALIFIERS = {
    "approximately": "numericValue",
    "greater than": "lowerBound",
    "at least": "lowerBound",
    "less than": "upperBound",
    "up to": "upperBound",
    "at most": "upperBound",
    "on the order of": "orderOfMagnitude",
}
# measurement condition columns: (property, datatype, the unit a value is in)
CONDITIONS = {
    "C-rate": ("atCRate", XSD_DECIMAL, "C"),
    "current density": ("atCurrentDensity", XSD_DECIMAL, "mA cm-2"),
    "pressure": ("atPressureMegapascal", XSD_DECIMAL, "MPa"),
    "sulfur loading": ("atSulfurLoading", XSD_DECIMAL, "mg cm-2"),
    "cycles": ("afterCycles", XSD_INTEGER, "cycles"),
}
ROOM = {"room temperature", "rt", "ambient temperature"}
_RANGE = re.compile(r"^(.+?)\s*(?:to|–|—|\.\.|(?<=\d)\s*-\s*(?=\d))\s*(.+)$")
_TIMES_TEN = re.compile(r"^([-+]?[\d.]+)\s*[×xX*]\s*10\s*\^?\s*([-+−⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")
_ANNOTATION = re.compile(r"^(.*?)\s*\[([^\[\]]*)\]\s*$")
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.[\s-]*)+")  # J. or J.-P. or Ch. R.
_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹−", "-0123456789-")


def slug(text: str) -> str:
    """Lower-case ASCII with every run of other characters a '-' (docs/modelling.md's naming rules)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def literal(text: str, datatype: ox.NamedNode | None = None, language: str | None = None) -> ox.Literal:
    if language:
        return ox.Literal(text, language=language)
    return ox.Literal(text, datatype=datatype) if datatype else ox.Literal(text)


def decimal_text(text: str) -> str | None:
    """A number as Turtle writes a decimal: '514' -> '514.0', '1.32e-4' or '1.32 × 10-4' -> '0.000132'; None when
    TEXT is not a number."""
    written = text.strip().replace(",", "").translate(_SUPERSCRIPTS)
    power = _TIMES_TEN.match(written)
    if power:
        written = f"{power.group(1)}e{power.group(2)}"
    try:
        number = Decimal(written)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if re.fullmatch(r"[-+]?\d+", written):
        return f"{int(number)}.0"
    if re.fullmatch(r"[-+]?\d*\.\d+|[-+]?\d+\.\d*", written):
        return written.lstrip("+") if not written.endswith(".") else written.lstrip("+") + "0"
    plain = format(number, "f")
    return plain if "." in plain else plain + ".0"


@dataclass
class Mark:
    """What a name in a cell says about its link: sentences (by the review's evidence), or an editors' reason."""

    sentences: list[str] = field(default_factory=list)
    inferred: str | None = None
    given: bool = False  # written in brackets after the name (else the row's evidence column applies)


def split_names(text: str) -> list[tuple[str, Mark]]:
    """'LLZO [2-3-1-4]; aluminum' -> [('LLZO', Mark(['2-3-1-4'])), ('aluminum', Mark())]."""
    found = []
    for part in _split(text, ";"):
        name, mark = part.strip(), Mark()
        annotated = _ANNOTATION.match(name)
        if annotated and annotated.group(1) and not annotated.group(2).strip().isdigit():
            name, inside = annotated.group(1).strip(), annotated.group(2).strip()
            mark.given = True
            if inside.lower().startswith("inferred"):
                mark.inferred = inside.split(":", 1)[1].strip() if ":" in inside else ""
            else:
                mark.sentences = [s.strip() for s in _split(inside, ",;") if s.strip()]
        if name:
            found.append((name, mark))
    return found


def _split(text: str, separators: str) -> list[str]:
    """TEXT split at SEPARATORS outside double quotes and outside brackets (an editors' reason, "[inferred: …]",
    may hold a ";")."""
    parts, current, quoted, depth = [], "", False, 0
    for char in text:
        if char in '"“”':
            quoted = not quoted if char == '"' else char == "“"
        elif char in "[]" and not quoted:
            depth = max(0, depth + (1 if char == "[" else -1))
        if char in separators and not quoted and not depth:
            parts.append(current)
            current = ""
        else:
            current += char
        continue
    parts.append(current)
    return parts


@dataclass
class Study:
    """A study the sheets refer to: its IRI, how labels of its records end, its sections, its DOI (for a paper
    outside the review) and the IRIs of its rows by key."""

    iri: ox.NamedNode
    suffix: str
    sections: list[ox.NamedNode]
    doi: str | None = None
    keys: dict[str, dict[str, tuple[ox.NamedNode, Row]]] = field(default_factory=dict)

    @property
    def source(self) -> ox.NamedNode | None:
        return ox.NamedNode(f"https://doi.org/{self.doi}") if self.doi else None


class Compiler:
    """Turn the sheets into triples, sheet by sheet in ORDER, each one's triples added to STORE before the next
    is read so that later sheets find what earlier ones added by name."""

    def __init__(self, project: Project, store: ox.Store, sheets: list[Sheet]):
        self.places: dict[str, str] = {}  # IRI -> 'file:row' it was declared on
        self.project, self.store, self.names = project, store, Names(store, entered=self.places)
        self.sheets = sorted(sheets, key=lambda s: (ORDER.index(s.kind), s.shown))
        self.studies: dict[str, Study] = {}
        self.out: dict[str, list[ox.Triple]] = {}
        self.cells: dict[tuple[str, ...], str] = {}  # see compile_sheets
        self.row: Row | None = None  # the row being compiled
        self.current: list[ox.Triple] = []

    # ---- emitting ----------------------------------------------------------------------------------------

    def add(self, s, p: ox.NamedNode, o, column: str | None = None) -> None:
        """The triple S P O, entered at COLUMN of the row being compiled (its first cell without COLUMN)."""
        self.current.append(ox.Triple(s, p, o))
        if self.row is not None and isinstance(s, ox.NamedNode):
            self.cells.setdefault((s.value, p.value, o.value), self.row.where(column))

    def record(
        self, row: Row, iri: ox.NamedNode, types: list[ox.NamedNode], label: str, typed_in: str | None = None
    ) -> None:
        """The declaration of a new individual: types, label and the row it was entered on (liskg:templateRow, the
        one triple a hand-written record of the same fact does not have); an IRI the graph has is an error."""
        if next(self.store.quads_for_pattern(iri, None, None), None) is not None or iri.value in self.places:
            where = self.places.get(iri.value, "the Turtle sources")
            raise row.error(None, f"{vocab.shorten(iri.value)} is already in the graph ({where}); choose another key")
        self.places[iri.value] = f"{row.sheet.shown}:{row.number}"
        for t in [NAMED_INDIVIDUAL, *types]:
            self.add(iri, RDF_TYPE, t, typed_in if t in types else None)
        self.add(iri, LABEL, literal(label, language="en"), "name" if row.sheet.kind == "materials" else "label")
        self.add(iri, TEMPLATE_ROW, literal(self.places[iri.value]))

    def text(self, row: Row, column: str, iri, predicate: str, language: str | None = "en") -> None:
        if row.text(column):
            self.add(iri, P(predicate), literal(row.text(column), language=language), column)

    def provenance(self, row: Row, study: Study, iri) -> None:
        """Where a record of STUDY comes from: the review and its section, or the paper's DOI."""
        if study.doi:
            self.add(iri, SOURCE, study.source)
            return
        sections = self.sections(row) or study.sections
        if len(sections) != 1:
            raise row.error("section", "the study is in several sections: say which one states this row")
        self.add(iri, P("statedInSection"), sections[0], "section")
        self.add(iri, P("citedIn"), REVIEW)

    def link(self, row: Row, study: Study | None, column: str, s, p: ox.NamedNode, o, mark: Mark) -> None:
        """The triple S P O, and the axiom that says where it comes from: the sentences in brackets after the name,
        else the row's evidence column; an editors' inference with its reason; or, for a paper outside the
        review, its DOI and the row. The evidence is placed (compile_sheets) at the cell that gives it: the name's
        own brackets, else the row's evidence column, or for a paper outside the review the name."""
        self.add(s, p, o, column)
        assert self.row is not None
        own = mark.given or mark.inferred is not None or (study is not None and study.doi)
        self.cells[("evidence", s.value, p.value, o.value)] = self.row.where(column if own else "evidence")
        axiom = ox.BlankNode()
        notes: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal | None]] = []
        if mark.inferred is not None:
            if not mark.inferred:
                raise row.error(column, "say why after 'inferred:' ([inferred: the review names no method])")
            notes = [(P("assertionBasis"), INFERRED), (SOURCE_NOTE, literal(mark.inferred, language="en"))]
        elif study is not None and study.doi:
            notes = [
                (P("assertionBasis"), P("StatedInSource")),
                (SOURCE, study.source),
                (TEMPLATE_ROW, literal(f"{row.sheet.shown}:{row.number}")),
            ]
        else:
            written = mark.sentences if mark.given else self.row_sentences(row)
            # only the sentences, as a hand-written axiom has them: the build derives liskg:StatedInReview from
            # them (rule-post-3-stated-basis.rq; lksh:StatedInReviewShape)
            notes = [(EVIDENCE, self.sentence(row, column if mark.given else "evidence", s)) for s in written]
        if not notes:
            return
        for predicate, value in (
            (RDF_TYPE, AXIOM),
            (ox.NamedNode(vocab.OWL + "annotatedSource"), s),
            (ox.NamedNode(vocab.OWL + "annotatedProperty"), p),
            (ox.NamedNode(vocab.OWL + "annotatedTarget"), o),
            *notes,
        ):
            self.add(axiom, predicate, value)

    def no_sentences(self, row: Row, study: Study) -> None:
        """A paper outside the review has no review sentences: its DOI and the row are the evidence."""
        if study.doi and (row.text("evidence") or any(m.sentences for c in row.cells for _n, m in self.marks(row, c))):
            column = (
                "evidence"
                if row.text("evidence")
                else next(c for c in row.cells if any(m.sentences for _n, m in self.marks(row, c)))
            )
            raise row.error(
                column,
                "a paper outside the review cites no sentence of the review: leave the evidence empty, its DOI "
                "(dcterms:source) and this row (liskg:templateRow) are the evidence",
            )

    @staticmethod
    def marks(row: Row, column: str) -> list[tuple[str, Mark]]:
        return (
            split_names(row.text(column)) if column not in ("label", "summary", "note", "context", "spellings") else []
        )

    def row_sentences(self, row: Row) -> list[str]:
        return [s for name, _mark in split_names(row.text("evidence")) for s in _split(name, ",") if s.strip()]

    # ---- resolving ---------------------------------------------------------------------------------------

    def resolve(self, row: Row, column: str, find: Callable[[str], Found], text: str) -> Found:
        try:
            return find(text)
        except LiskgError as exc:
            raise row.error(column, f"{column} {text!r}: {exc}") from None

    def sentence(self, row: Row, column: str, text: str) -> ox.NamedNode:
        return self.resolve(row, column, self.names.sentence, text.strip())

    def sections(self, row: Row) -> list[ox.NamedNode]:
        found = []
        for name, _mark in split_names(row.text("section")):
            number = name.lower().removeprefix("section").strip()
            node = ox.NamedNode(D + "section-" + ("abstract" if number == "abstract" else number.replace(".", "-")))
            if next(self.store.quads_for_pattern(node, RDF_TYPE, P("Section")), None) is None:
                raise row.error("section", f"the review has no section {name!r}; give its number (2.3)")
            found.append(node)
        return found

    def things(self, row: Row, column: str, kind: str) -> list[tuple[ox.NamedNode, Mark]]:
        """The things of KIND (a key of liskg.base.names.KINDS: materials, failure-modes) the names in COLUMN name,
        whole names only: never a class (liquid electrolyte, the class, is no material a cell holds, and OWL 2 DL
        would break)."""
        find = lambda text: self.names.term(kind, text)  # noqa: E731
        return [(self.resolve(row, column, find, name), mark) for name, mark in split_names(row.text(column))]

    def cell_format(self, text: str) -> ox.NamedNode:
        """A subclass of liskg:Cell by name (pouch cell, coin cell)."""
        found = self.names.term("cell-formats", text)
        if found == P("Cell"):
            raise LiskgError("a cell is a cell: name its format (pouch cell, coin cell, pellet cell)")
        return found

    def material_class(self, text: str) -> ox.NamedNode:
        return self.names.term("material-classes", text)

    def material(self, text: str) -> ox.NamedNode:
        return self.names.term("materials", text)

    def method(self, text: str) -> ox.NamedNode:
        return self.names.term("methods", text)

    def study(self, row: Row) -> Study:
        """The study a row names in its study column (the name, without the evidence of a strategy's
        liskg:appliesStrategy link in brackets after it: study_mark)."""
        named = split_names(row.text("study"))
        text = named[0][0] if len(named) == 1 else row.text("study")
        self.study_mark(row)  # a mark where none belongs is an error
        found = self.resolve(row, "study", self.names.studies, text)
        if len(found) > 1:
            shown = ", ".join(self.names.labels.text(s) for s in found)
            raise row.error("study", f"study {text!r} names {len(found)} studies ({shown}); give its number or DOI")
        iri = found[0]
        if iri.value not in self.studies:
            self.studies[iri.value] = self._graph_study(iri)
        return self.studies[iri.value]

    @staticmethod
    def study_mark(row: Row) -> Mark:
        """The evidence in brackets after the study's name ("107 [2-3-1-3]"): on a strategy row, the sentences that
        say the study applied the strategy (else the row's evidence column applies); on any other row an error."""
        named = split_names(row.text("study"))
        mark = named[0][1] if len(named) == 1 else Mark()
        if mark.given and row.sheet.kind != "strategies":
            raise row.error(
                "study",
                "only a strategy row's study link takes evidence in brackets; a number's sentences go in its evidence "
                "column",
            )
        return mark

    def _graph_study(self, iri: ox.NamedNode) -> Study:
        """A study the Turtle sources hold, which template rows add strategies or numbers to."""

        def value(local: str) -> str | None:
            quad = next(self.store.quads_for_pattern(iri, P(local), None), None)
            return quad.object.value if quad and isinstance(quad.object, ox.Literal) else None

        number, author = value("referenceNumber"), value("firstAuthor") or ""
        quads = self.store.quads_for_pattern(iri, P("statedInSection"), None)
        sections = sorted((q.object for q in quads if isinstance(q.object, ox.NamedNode)), key=str)
        source = next(self.store.quads_for_pattern(iri, SOURCE, None), None)
        doi = doi_of(source.object.value) if source and isinstance(source.object, ox.NamedNode) and not number else None
        suffix = f"({author} [{number}])" if number else f"({author} {value('publicationYear') or doi})"
        return Study(iri, suffix, sections, doi)

    def key(self, row: Row, study: Study, kind: str) -> ox.NamedNode:
        """The IRI of a strategy, cell or measurement row: the study's IRI, then the key (docs/modelling.md)."""
        key = row.text("key")
        if kind == "cells":
            local = study.iri.value + "-cell" + (f"-{slug(key)}" if key else "")
        elif not slug(key):
            raise row.error("key", f"key {key!r} has no letter or digit; write a short name (resistance-after)")
        else:
            local = f"{study.iri.value}-{slug(key)}"
        keys = study.keys.setdefault(kind, {})
        name = slug(key) if key else ""
        if name in keys:
            first = keys[name][1]
            raise row.error("key", f"key {key!r} is already used in this study ({first.where('key')})")
        keys[name] = (ox.NamedNode(local), row)
        return ox.NamedNode(local)

    def keyed(self, row: Row, column: str, study: Study, kind: str, text: str) -> ox.NamedNode:
        """The row of KIND in STUDY with key TEXT ('cell' or '' for a study's one cell)."""
        keys = study.keys.get(kind, {})
        name = "" if kind == "cells" and slug(text) in ("", "cell") else slug(text)
        if name in keys:
            return keys[name][0]
        from liskg.base.names import close_names

        close = close_names(name, [k for k in keys if k])
        hint = (
            f"; close keys: {', '.join(close)}"
            if close
            else f"; the {kind} keys of this study: " + (", ".join(k or "(empty)" for k in keys) or "none")
        )
        raise row.error(column, f"{column} {text!r}: no {ONE[kind]} of this study has that key{hint}")

    def labelled(self, row: Row, study: Study) -> str:
        label = " ".join(row.text("label").split())
        return label if label.endswith(study.suffix) else f"{label} {study.suffix}"

    # ---- the sheets ----------------------------------------------------------------------------------------

    def run(self) -> dict[str, list[ox.Triple]]:
        for kind in ORDER:
            sheets = [s for s in self.sheets if s.kind == kind]
            if kind in ("cells", "strategies", "measurements"):
                for sheet in sheets:  # keys first: a row may name a later row (a baseline, a precedes)
                    for row in sheet.rows:
                        self.key(row, self.study(row), kind)
            for sheet in sheets:
                for row in sheet.rows:
                    self.row = row
                    getattr(self, f"_{kind}")(row)
                    self.out.setdefault(sheet.shown, []).extend(self.current)
                    self.store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in self.current)
                    self.current = []
            self.names.refresh()
        return self.out

    def _materials(self, row: Row) -> None:
        name = " ".join(row.text("name").split())
        found, whole = self.names.matches(name, P("Material"))
        for existing in found if whole else []:
            raise row.error(
                "name",
                f"a material called {name!r} is already in the graph ({vocab.shorten(existing.value)}); "
                "name it in the other sheets, and add only new materials here",
            )
        iri = ox.NamedNode(D + "mat-" + slug(name))
        families = [self.resolve(row, "family", self.material_class, n) for n, _m in split_names(row.text("family"))]
        self.record(row, iri, families, name, "family")
        for synonym, _mark in split_names(row.text("synonyms")):
            shared, whole = self.names.matches(synonym, P("Material"))
            if whole:  # a synonym is only a name: one another material has would make every cell writing it fail
                raise row.error(
                    "synonyms",
                    f"synonym {synonym!r} already names {self.names.labels.text(shared[0])!r} "
                    f"({vocab.shorten(shared[0].value)}): if this is that material, remove this row and name it in "
                    "the other sheets; if not, leave this synonym out",
                )
            self.add(iri, ox.NamedNode(vocab.SKOS + "altLabel"), literal(synonym, language="en"), "synonyms")
        if row.text("formula"):
            self.add(iri, P("chemicalFormula"), literal(row.text("formula")), "formula")
        for part, mark in self.things(row, "made from", "materials"):
            self.link(row, None, "made from", iri, P("formedFrom"), part, mark)
        for section in self.sections(row):
            self.add(iri, P("statedInSection"), section, "section")
        for source in self.set_sources(row.sheet):
            self.add(iri, SOURCE, source)

    def set_sources(self, sheet: Sheet) -> list[ox.NamedNode]:
        """Where the materials of SHEET's set come from, as the materials sheet has no study column: the DOIs of
        the set's studies when every study row of the set is a paper outside the review; none when a set mixes
        sources or holds only the review's studies (the row it was entered on, and its sections, say where)."""
        sets = [s for s in self.sheets if s.kind == "studies" and s.path.parent == sheet.path.parent]
        dois = [doi_of(row.text("study")) for s in sets for row in s.rows]
        if not dois or None in dois:  # none, or a study of the review among them
            return []
        return [ox.NamedNode(f"https://doi.org/{doi}") for doi in sorted({doi for doi in dois if doi is not None})]

    def _studies(self, row: Row) -> None:
        text, author = row.text("study"), " ".join(row.text("first author").split())
        doi = doi_of(text)
        number = re.fullmatch(r"\[?\s*(\d+)\s*\]?", text)
        if not doi and not number:
            raise row.error("study", f"study {text!r}: give the review's reference number (107) or a DOI (10.5555/…)")
        try:
            existing = self.names.studies(doi or number.group(1))  # type: ignore[union-attr]
        except LiskgError:
            existing = []
        if existing:
            where = self.places.get(existing[0].value, "the Turtle sources")
            raise row.error(
                "study",
                f"study {text!r} is already in the graph ({vocab.shorten(existing[0].value)}, {where}); add its rows under it, not a second study row",
            )
        year = row.text("year")
        if year and not re.fullmatch(r"\d{4}", year):
            raise row.error("year", f"year {year!r} is not a year (2017)")
        if doi:
            iri = ox.NamedNode(D + "doi-" + slug(doi))
            label, suffix = f"{author} et al. ({year or 'doi:' + doi})", f"({author} {year or doi})"
        else:
            assert number is not None
            iri = ox.NamedNode(f"{D}ref-{number.group(1)}")
            label, suffix = f"{author} et al. [{number.group(1)}]", f"({author} [{number.group(1)}])"
        sections = self.sections(row)
        if doi and sections:
            raise row.error("section", "a paper outside the review has no review section; leave section empty")
        if not doi and not sections:
            raise row.error("section", "a study of the review needs the section(s) that discuss it (2.3)")
        self.record(row, iri, [P("Study")], label)
        if number:
            self.add(iri, P("referenceNumber"), literal(number.group(1), XSD_INTEGER), "study")
        self.add(iri, P("firstAuthor"), literal(author), "first author")
        self.authors(row)
        self.text(row, "authors", iri, "authorList", None)
        if year:
            self.add(iri, P("publicationYear"), literal(year, XSD_INTEGER), "year")
        self.text(row, "venue", iri, "journal", None)
        self.text(row, "summary", iri, "summary")
        self.text(row, "note", iri, "sourceNote")
        study = Study(iri, suffix, sections, doi)
        self.studies[iri.value] = study
        if doi:
            self.add(iri, SOURCE, study.source)
        else:
            for section in sections:
                self.add(iri, P("statedInSection"), section, "section")
            self.add(iri, P("citedIn"), REVIEW)

    @staticmethod
    def authors(row: Row) -> None:
        """The authors cell lists every author as printed, given name first, separated by ',' (Jane Doe, Richard
        Roe), as liskg:authorList holds the review's own: a ';', an 'and' or '&' between names, or a part that is
        initials alone (the 'Doe, J.' style, whose ',' would split one author in two) is an error."""
        text = row.text("authors")
        other = next((s for s in (";", " and ", " & ") if s in f" {text} "), None)
        if other:
            raise row.error(
                "authors", f"authors: separate the authors with ',' (Jane Doe, Richard Roe), not {other.strip()!r}"
            )
        initials = next((p.strip() for p in text.split(",") if _INITIALS.fullmatch(p.strip())), None)
        if initials:
            raise row.error(
                "authors",
                f"authors: {initials!r} is initials alone; write each author given name first (J. Doe), "
                "separated by ','",
            )

    def _cells(self, row: Row) -> None:
        study = self.study(row)
        iri = self.keyed(row, "key", study, "cells", row.text("key"))
        formats = [  # a cell's format is the subclass of cell it is typed with (vocabulary 1.2)
            self.resolve(row, "format", self.cell_format, name) for name, _mark in split_names(row.text("format"))
        ]
        self.record(row, iri, [P("Cell"), *formats], self.labelled(row, study), "format")
        for column, predicate in (
            ("anode", "hasAnodeMaterial"),
            ("electrolyte", "hasElectrolyteMaterial"),
            ("cathode", "hasCathodeMaterial"),
        ):
            for material, _mark in self.things(row, column, "materials"):
                self.add(iri, P(predicate), material, column)
        for section in self.sections(row):
            self.add(iri, P("statedInSection"), section, "section")
        if study.doi:
            self.add(iri, SOURCE, study.source)
        self.add(study.iri, P("reportsCell"), iri)

    def _strategies(self, row: Row) -> None:
        study = self.study(row)
        self.no_sentences(row, study)
        iri = self.keyed(row, "key", study, "strategies", row.text("key"))
        methods = [(self.resolve(row, "method", self.method, n), m) for n, m in split_names(row.text("method"))]
        self.record(row, iri, [], self.labelled(row, study))
        self.text(row, "summary", iri, "summary")
        for spelling, _mark in split_names(row.text("spellings")):
            self.add(iri, ox.NamedNode(vocab.SKOS + "hiddenLabel"), literal(spelling, language="en"), "spellings")
        self.link(row, study, "study", study.iri, P("appliesStrategy"), iri, self.study_mark(row))
        for method, mark in methods:
            self.link(row, study, "method", iri, RDF_TYPE, method, mark)
        for name, mark in split_names(row.text("interface")):
            self.link(
                row,
                study,
                "interface",
                iri,
                P("atInterface"),
                self.resolve(row, "interface", self.names.interface, name),
                mark,
            )
        for material, mark in self.things(row, "electrolyte", "materials"):
            self.link(row, study, "electrolyte", iri, P("usesElectrolyte"), material, mark)
        for name, mark in split_names(row.text("materials")):
            role, _, written = name.partition(":")
            if not written.strip():
                raise row.error(
                    "materials", f"materials {name!r}: write the role before the name ('buffer material: {name}')"
                )
            prop = self.resolve(row, "materials", self.names.role, role.strip())
            target = self.resolve(row, "materials", self.material, written.strip())
            self.link(row, study, "materials", iri, prop, target, mark)
        for material, mark in self.things(row, "produces", "materials"):
            self.link(row, study, "produces", iri, P("producesMaterial"), material, mark)
        for column in ("mitigates", "risks"):
            for failure, mark in self.things(row, column, "failure-modes"):
                self.link(row, study, column, iri, P(column), failure, mark)
        for name, mark in split_names(row.text("precedes")):
            self.link(
                row, study, "precedes", iri, P("precedes"), self.keyed(row, "precedes", study, "strategies", name), mark
            )
        for name, _mark in split_names(row.text("cells")):
            self.add(iri, P("forCell"), self.keyed(row, "cells", study, "cells", name), "cells")
        for section in self.sections(row):
            self.add(iri, P("statedInSection"), section, "section")
        self.text(row, "note", iri, "sourceNote")
        if study.doi:
            self.add(iri, SOURCE, study.source)

    def _measurements(self, row: Row) -> None:
        study = self.study(row)
        self.no_sentences(row, study)
        iri = self.keyed(row, "key", study, "measurements", row.text("key"))
        self.record(row, iri, [P("Measurement")], self.labelled(row, study))
        self.cells[("evidence", iri.value)] = row.where("evidence")
        self.add(
            iri,
            P("measuresQuantity"),
            self.resolve(row, "quantity", lambda t: self.names.term("quantities", t), row.text("quantity")),
            "quantity",
        )
        unit = self.resolve(row, "unit", self.names.unit, row.text("unit"))
        self.value(row, iri)
        self.add(iri, P("hasUnit"), unit, "unit")
        self.conditions(row, iri)
        if row.text("doubtful"):
            if row.text("doubtful").lower() not in ("yes", "true", "y", "x"):
                raise row.error("doubtful", f"doubtful {row.text('doubtful')!r}: write yes, or leave it empty")
            if not row.text("note"):
                raise row.error("doubtful", "a doubtful number needs a note saying why")
            self.add(iri, P("doubtfulValue"), literal("true", XSD_BOOLEAN), "doubtful")
        if row.text("baseline"):
            self.add(iri, self.baseline_kind(row), self.baseline(row, study, unit), "baseline")
        self.text(row, "context", iri, "measurementContext", None)
        self.text(row, "note", iri, "sourceNote")
        if row.text("cell"):
            self.add(iri, P("measuredOnCell"), self.keyed(row, "cell", study, "cells", row.text("cell")), "cell")
        for material, _mark in self.things(row, "material", "materials"):
            self.add(iri, P("measuredOn"), material, "material")
        self.add(iri, P("reportedBy"), study.iri)
        self.provenance(row, study, iri)
        if not study.doi:
            for text in self.row_sentences(row):
                self.add(iri, EVIDENCE, self.sentence(row, "evidence", text), "evidence")
        if row.text("strategy"):
            role = row.text("role").lower() or "outcome"
            if role not in ("outcome", "parameter"):
                raise row.error("role", f"role {row.text('role')!r}: write outcome or parameter")
            strategy = self.keyed(row, "strategy", study, "strategies", row.text("strategy"))
            self.add(strategy, P("hasOutcome" if role == "outcome" else "hasParameter"), iri, "strategy")

    def value(self, row: Row, iri: ox.NamedNode) -> None:
        """numericValue, lowerBound/upperBound or orderOfMagnitude, after the qualifier (docs/modelling.md)."""
        qualifier = " ".join(row.text("qualifier").lower().split())
        if qualifier and qualifier not in QUALIFIERS:
            raise row.error(
                "qualifier", f"qualifier {qualifier!r}: write one of {', '.join(QUALIFIERS)}, or leave it empty"
            )
        text = row.text("value")
        ranged = _RANGE.match(text) if not decimal_text(text) else None
        if ranged:
            if qualifier:
                raise row.error("qualifier", "a range takes no qualifier; leave it empty")
            low, high = (self.number(row, part) for part in ranged.groups())
            if Decimal(low) > Decimal(high):
                raise row.error("value", f"value {text!r}: write the range from low to high")
            self.add(iri, P("lowerBound"), literal(low, XSD_DECIMAL), "value")
            self.add(iri, P("upperBound"), literal(high, XSD_DECIMAL), "value")
            return
        self.add(
            iri, P(QUALIFIERS.get(qualifier, "numericValue")), literal(self.number(row, text), XSD_DECIMAL), "value"
        )
        if qualifier:
            self.add(iri, P("valueQualifier"), literal(qualifier), "qualifier")

    def number(self, row: Row, text: str, column: str = "value") -> str:
        written = decimal_text(text)
        if written is None:
            raise row.error(column, f"{column} {text!r} is not a number (write 514, 0.5, 1.32e-4 or 3.8 to 4.3)")
        return written

    def conditions(self, row: Row, iri: ox.NamedNode) -> None:
        temperature = row.text("temperature")
        if temperature.lower() in ROOM:
            self.add(iri, P("atRoomTemperature"), literal("true", XSD_BOOLEAN), "temperature")
        elif temperature:
            written = self.condition(row, "temperature", "°C")
            self.add(iri, P("atTestTemperatureCelsius"), literal(written, XSD_DECIMAL), "temperature")
        for column, (local, datatype, unit) in CONDITIONS.items():
            if not row.text(column):
                continue
            written = self.condition(row, column, unit)
            if datatype == XSD_INTEGER:
                if not written.endswith(".0"):
                    raise row.error(column, f"{column} {row.text(column)!r} is not a whole number")
                written = written[:-2]
            self.add(iri, P(local), literal(written, datatype), column)

    def condition(self, row: Row, column: str, unit: str) -> str:
        """A condition's number, with or without the unit its column is in ('60', '60 °C', '0.1 mA/cm2')."""
        text = row.text(column)
        match = re.match(r"^\s*([-+]?[\d.,]+(?:[eE][-+]?\d+)?)\s*(.*)$", text)
        if match and match.group(2):
            written = unit_symbol(match.group(2))
            if written != unit and not (unit == "C" and written == "C"):
                raise row.error(column, f"{column} {text!r}: give the number in {unit}")
            text = match.group(1)
        return self.number(row, text, column)

    def baseline_kind(self, row: Row) -> ox.NamedNode:
        kind = row.text("baseline kind").lower() or "treatment"
        if kind not in ("treatment", "cycling"):
            raise row.error("baseline kind", f"baseline kind {row.text('baseline kind')!r}: write treatment or cycling")
        return P("hasTreatmentBaseline" if kind == "treatment" else "hasCyclingBaseline")

    def baseline(self, row: Row, study: Study, unit: ox.NamedNode) -> ox.NamedNode:
        """The baseline row of the same study, whose unit must be of the same family as this number's."""
        baseline = self.keyed(row, "baseline", study, "measurements", row.text("baseline"))
        if baseline == study.keys["measurements"].get(slug(row.text("key")), (None,))[0]:
            raise row.error("baseline", "a number is not its own baseline")
        other_row = next(r for i, r in study.keys["measurements"].values() if i == baseline)
        other = self.names.unit(other_row.text("unit"))
        mine, theirs = self.names.labels.unit(unit), self.names.labels.unit(other)
        if unit_base(mine) != unit_base(theirs):
            raise row.error(
                "baseline",
                f"baseline {row.text('baseline')!r} is in {theirs}, this number in {mine}: a baseline is the same "
                "kind of number, in a unit of the same family",
            )
        return baseline


def compile_sheets(
    project: Project, store: ox.Store, paths: list[Path] | None = None
) -> list[tuple[Path, list[ox.Triple], dict[str, str], dict[tuple[str, ...], str]]]:
    """The triples of the template sheets PATHS (default: every one under graph_data/templates/; none: no work
    at all), each sheet's with its path, where each IRI it declares was entered ('file:row'), and the cell
    ('file:row:column') each of its triples came from, by (subject, predicate, object) values, and each link's
    and number's evidence, by ("evidence", s, p, o) and ("evidence", iri): what the checks after the
    compiler (the evidence checks, SHACL) report a fact of a sheet at. The triples are added to STORE too,
    which holds what the sheets' names are found among."""
    paths = sheet_files(project.data_dir) if paths is None else paths
    if not paths:
        return []
    sheets = [read_sheet(path, project.relative(path)) for path in paths]
    compiler = Compiler(project, store, sheets)
    triples = compiler.run()
    by_sheet = {s.shown: s.path for s in sheets}
    places_by_sheet: dict[str, dict[str, str]] = {}
    for iri, place in compiler.places.items():
        places_by_sheet.setdefault(place.rsplit(":", 1)[0], {})[iri] = place
    cells_by_sheet: dict[str, dict[tuple[str, ...], str]] = {}
    for key, place in compiler.cells.items():
        cells_by_sheet.setdefault(place.rsplit(":", 2)[0], {})[key] = place
    return [
        (by_sheet[shown], triples.get(shown, []), places_by_sheet.get(shown, {}), cells_by_sheet.get(shown, {}))
        for shown in sorted(by_sheet)
    ]


__all__ = ["compile_sheets", "normalize", "slug"]
