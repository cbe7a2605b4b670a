"""A SELECT result as the cells of a table people read: labels, numbers with their units, one column of conditions.

IRIs are shown by their rdfs:label. What a column holds is read off the query (liskg.base.columns), never off
its name: only the numbers a measurement gives (a value, a bound, a baseline) are written as researchers write
them and get a unit, from a column `xUnit` (or `x_unit`) beside column `x`, or from a unit column (`?unit`, or
any variable bound by liskg:hasUnit) for the measured columns to its left back to the previous unit column;
unit columns are then folded away. A number computed from measured ones (`(?before / ?after AS ?factor)`) is
written as a number (a ratio `12.7×` or a percentage where its name ends so), with no unit; any other number
as the engine wrote it. Into the value column (the first measured one) fold: the qualifier to its left
("> 99 %"), the bounds where there is no value ("≥ 1100", "3.8–4.3 V"), the baseline ("950 → 75 Ω cm²") and the
doubt mark (a bound column that shares a row with a value is another number's and keeps its column); the test
conditions fold into one `conditions` column. These answer columns move next to the first.

The build keeps these cells with each named query's answer (liskg.builder.answers), and the query
stage's tables show them (liskg.querying.tables, fitted to a width by liskg.querying.grid).
"""

from __future__ import annotations

from liskg.base.columns import MEASURED, column_roles
from liskg.base.conditions import ANSWER_COLUMNS
from liskg.base.engine import QueryResult
from liskg.base.labels import Labeller, is_number
from liskg.base.numbers import format_conditions, format_number, format_ratio, format_value


def _unit_targets(variables: list[str], roles: list[str]) -> dict[int, list[int]]:
    """Unit column index -> the indexes of the columns whose numbers it qualifies."""
    targets: dict[int, list[int]] = {}
    start = 0
    for index, name in enumerate(variables):
        lowered = name.lower()
        base = name[:-5] if name[-5:-4] == "_" else name[:-4]
        if lowered.endswith("unit") and len(name) > 4 and base in variables:
            paired = variables.index(base)
            targets[index] = [paired] if roles[paired] in (*MEASURED, "computed") else []
            start = index + 1
        elif lowered == "unit" or roles[index] == "unit":
            targets[index] = [i for i in range(start, index) if roles[i] in MEASURED]
            start = index + 1
    return targets


class _Columns:
    """The role of each column of a result (liskg.base.columns): units and the columns they qualify,
    conditions, the value column and what folds into it (qualifier, bounds, baseline, doubt mark)."""

    def __init__(self, result: QueryResult):
        self.names = names = result.variables
        found = column_roles(result.query)
        self.roles = roles = [found.get(name, "") for name in names]
        self.targets = _unit_targets(names, roles)
        self.unit_of = {column: unit for unit, columns in self.targets.items() for column in columns}
        self.conditions = {i: role.split(":", 1)[1] for i, role in enumerate(roles) if role.startswith("condition:")}
        self.value = self._first("value", "lower", "upper")
        self.qualifier = self._first("qualifier")
        self.qualified = (
            self._first("value", "lower", "upper", after=self.qualifier) if self.qualifier is not None else None
        )
        self.bounds = self._bounds(result.rows)
        self.lower = next((i for i in [self.value, *self.bounds] if i is not None and roles[i] == "lower"), None)
        self.upper = next((i for i in [self.value, *self.bounds] if i is not None and roles[i] == "upper"), None)
        self.baseline = self._first("baseline") if self.value is not None else None
        self.said = self._first("baselineQualifier") if self.baseline is not None else None
        self.doubtful = self._first("doubtful") if self.value is not None else None
        joined = (self.qualifier if self.qualified is not None else None, self.baseline, self.said, self.doubtful)
        self.folded = set(self.targets) | set(self.conditions) | set(self.bounds) | {i for i in joined if i is not None}
        self.keys: list[int | str] = [i for i in range(len(names)) if i not in self.folded]
        self.keys += ["conditions"] if self.conditions else []

    def _first(self, *wanted: str, after: int = -1) -> int | None:
        return next((i for i, role in enumerate(self.roles) if role in wanted and i > after), None)

    def _bounds(self, rows: list[tuple]) -> list[int]:
        """The bound columns that fold into the value: that number's other form, never both in one row (a bound
        beside a value in a row is another number's, and keeps its column)."""
        value = self.value
        if value is None:
            return []
        return [
            i
            for i, role in enumerate(self.roles)
            if role in ("lower", "upper")
            and i != value
            and not any(r[i] is not None and r[value] is not None for r in rows)
        ]

    def heading(self, key: int | str) -> str:
        return self.names[key] if isinstance(key, int) else key

    def order(self) -> list[int | str]:
        """The first column, then the answer columns, then the rest."""
        keys = self.keys
        answer = [k for k in keys if self.heading(k).lower() in ANSWER_COLUMNS]
        return keys[:1] + [k for k in answer if k != keys[0]] + [k for k in keys[1:] if k not in answer]


def _unit(columns: _Columns, row: tuple, i: int | None, labeller: Labeller) -> str | None:
    """The unit symbol of column I's numbers in ROW, if a unit column gives one."""
    unit_column = columns.unit_of.get(i) if i is not None else None
    return labeller.unit(row[unit_column]) if unit_column is not None and row[unit_column] is not None else None


def _number(columns: _Columns, row: tuple, i: int, labeller: Labeller) -> str:
    """Column I of ROW as people read it: a label; a measured number with its unit; a computed number (a ratio,
    a percentage); any other number as the engine wrote it."""
    term, role = row[i], columns.roles[i]
    if not is_number(term):
        return labeller.text(term)
    if role in MEASURED:
        return format_value(term.value, _unit(columns, row, i, labeller))
    if role != "computed":
        return str(term.value)
    if columns.names[i].lower().endswith("factor"):
        return format_ratio(term.value)
    if columns.names[i].lower().endswith("percent"):
        return f"{format_number(term.value)} %"
    return format_value(term.value, _unit(columns, row, i, labeller))


def _value(columns: _Columns, row: tuple, wording: str | None, labeller: Labeller) -> str | None:
    """The value column's cell: the value, or its bounds, with the qualifier's wording; None: as it is."""
    c = columns
    assert c.value is not None
    exact = row[c.value] if c.roles[c.value] == "value" and is_number(row[c.value]) else None
    low = row[c.lower] if c.lower is not None and is_number(row[c.lower]) else None
    high = row[c.upper] if c.upper is not None and is_number(row[c.upper]) else None
    if exact is not None:
        return format_value(exact.value, _unit(c, row, c.value, labeller), qualifier=wording)
    if low is None and high is None:
        return None
    shown_in = c.value if _unit(c, row, c.value, labeller) else (c.lower if low is not None else c.upper)
    return format_value(
        None,
        _unit(c, row, shown_in, labeller),
        qualifier=wording,
        minimum=low.value if low is not None else None,
        maximum=high.value if high is not None else None,
    )


def _cells(columns: _Columns, row: tuple, labeller: Labeller) -> dict[int | str, str]:
    """ROW's cells by column (or "conditions"), with qualifier, bounds, baseline, doubt and conditions joined in."""
    c = columns
    cells: dict[int | str, str] = {i: _number(c, row, i, labeller) for i in range(len(c.names)) if i not in c.folded}
    said = row[c.qualifier].value if c.qualifier is not None and row[c.qualifier] is not None else None
    if c.qualified is not None and c.qualified != c.value and said is not None and is_number(row[c.qualified]):
        cells[c.qualified] = format_value(row[c.qualified].value, _unit(c, row, c.qualified, labeller), qualifier=said)
    if c.value is not None:
        shown = _value(c, row, said if c.qualified == c.value else None, labeller)
        cells[c.value] = shown if shown is not None else cells[c.value]
        if c.baseline is not None and row[c.baseline] is not None and cells[c.value]:
            before = row[c.said].value if c.said is not None and row[c.said] is not None else None
            cells[c.value] = f"{format_value(row[c.baseline].value, qualifier=before)} → {cells[c.value]}"
        if c.doubtful is not None and _true(row[c.doubtful]) and cells[c.value]:
            cells[c.value] = format_value(cells[c.value], doubtful=True)
    if c.conditions:
        cells["conditions"] = format_conditions(
            **{k: row[i].value for i, k in c.conditions.items() if row[i] is not None}
        )
    return cells


def human_rows(result: QueryResult, labeller: Labeller) -> tuple[list[str], list[list[str]]]:
    """Headers and cells as people read them: labels, numbers with units, answer columns first (see module)."""
    columns = _Columns(result)
    order = columns.order()
    rows = [_cells(columns, row, labeller) for row in result.rows]
    return [columns.heading(k) for k in order], [[cells[k] for k in order] for cells in rows]


def _true(term) -> bool:
    return term is not None and str(term.value).lower() == "true"
