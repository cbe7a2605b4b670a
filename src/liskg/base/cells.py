"""A SELECT result as the cells of a table people read: labels, numbers with their units, one column of conditions.

IRIs are shown by their rdfs:label and numbers as researchers write them (liskg.base.numbers): a column
`xUnit` (or `x_unit`) gives the unit of column `x`, and a column named `unit` gives the unit of the
numeric columns to its left back to the previous unit column; unit columns are then folded away. A
`qualifier` column joins the number to its right ("> 99 %"), a `baseline` column joins `value`
("950 → 75 Ω cm²"), and condition columns (liskg.base.conditions: cRate, temperature, currentDensity,
cycles) become one `conditions` column; these answer columns move next to the first column.

The build keeps these cells with each named query's answer (liskg.builder.answers), and the query
stage's tables show them (liskg.querying.tables, fitted to a width by liskg.querying.grid).
"""

from __future__ import annotations

from liskg.base.conditions import ANSWER_COLUMNS, COLUMN_KEYWORDS
from liskg.base.engine import QueryResult
from liskg.base.labels import Labeller, is_number
from liskg.base.numbers import format_conditions, format_number, format_ratio, format_value


def _unit_targets(variables: list[str]) -> dict[int, list[int]]:
    """Unit column index -> the column indexes whose numbers it qualifies."""
    targets: dict[int, list[int]] = {}
    start = 0
    for index, name in enumerate(variables):
        lowered = name.lower()
        if lowered == "unit":
            targets[index] = list(range(start, index))
            start = index + 1
        elif lowered.endswith("unit") and len(name) > 4:
            base = name[:-5] if name[-5] == "_" else name[:-4]
            if base in variables:
                targets[index] = [variables.index(base)]
            start = index + 1
    return targets


class _Columns:
    """The role of each column of a result: units and the columns they qualify, conditions, the qualifier
    and the number it joins, value and baseline, and the columns folded into others."""

    def __init__(self, names: list[str]):
        self.names = names
        self.lowered = lowered = [n.lower() for n in names]
        self.targets = _unit_targets(names)
        self.unit_of = {column: unit for unit, columns in self.targets.items() for column in columns}
        self.conditions = {i: COLUMN_KEYWORDS[n] for i, n in enumerate(lowered) if n in COLUMN_KEYWORDS}
        self.qualifier = _index(lowered, "qualifier")
        self.value = _index(lowered, "value")
        self.baseline = _index(lowered, "baseline") if self.value is not None else None
        self.said = _index(lowered, "baselinequalifier") if self.baseline is not None else None
        self.qualified = self._first_number_after(self.qualifier)
        joined = (self.qualifier if self.qualified is not None else None, self.baseline, self.said)
        self.folded = set(self.targets) | set(self.conditions) | {i for i in joined if i is not None}
        self.keys: list[int | str] = [i for i in range(len(names)) if i not in self.folded]
        self.keys += ["conditions"] if self.conditions else []

    def _first_number_after(self, qualifier: int | None) -> int | None:
        """The column a qualifier column joins: the next one that is neither a unit nor a condition."""
        if qualifier is None:
            return None
        after = range(qualifier + 1, len(self.names))
        return next((i for i in after if i not in self.targets and i not in self.conditions), None)

    def heading(self, key: int | str) -> str:
        return self.names[key] if isinstance(key, int) else key

    def order(self) -> list[int | str]:
        """The first column, then the answer columns, then the rest."""
        keys = self.keys
        answer = [k for k in keys if self.heading(k).lower() in ANSWER_COLUMNS]
        return keys[:1] + [k for k in answer if k != keys[0]] + [k for k in keys[1:] if k not in answer]


def _index(names: list[str], name: str) -> int | None:
    return names.index(name) if name in names else None


def _number(columns: _Columns, row: tuple, i: int, labeller: Labeller) -> str:
    """Column I of ROW as people read it: a label, or a number with its unit, as a ratio or a percentage."""
    term = row[i]
    if not is_number(term):
        return labeller.text(term)
    unit_column = columns.unit_of.get(i)
    unit = labeller.unit(row[unit_column]) if unit_column is not None and row[unit_column] is not None else None
    if columns.lowered[i].endswith("factor"):
        return format_ratio(term.value)
    if columns.lowered[i].endswith("percent"):
        return f"{format_number(term.value)} %"
    return format_value(term.value, unit)


def _cells(columns: _Columns, row: tuple, labeller: Labeller) -> dict[int | str, str]:
    """ROW's cells by column (or "conditions"), with qualifier, baseline and conditions joined in."""
    c = columns
    cells: dict[int | str, str] = {i: _number(c, row, i, labeller) for i in range(len(c.names)) if i not in c.folded}
    if c.qualified is not None and c.qualifier is not None and row[c.qualifier] is not None:
        if is_number(row[c.qualified]):
            cells[c.qualified] = _qualified(row, c.qualified, c.qualifier, c.unit_of, labeller)
    if c.baseline is not None and c.value is not None and row[c.baseline] is not None and row[c.value] is not None:
        before = _qualified(row, c.baseline, c.said, c.unit_of, labeller, unit=False)
        cells[c.value] = f"{before} → {cells[c.value]}"
    if c.conditions:
        cells["conditions"] = format_conditions(
            **{k: row[i].value for i, k in c.conditions.items() if row[i] is not None}
        )
    return cells


def human_rows(result: QueryResult, labeller: Labeller) -> tuple[list[str], list[list[str]]]:
    """Headers and cells as people read them: labels, numbers with units, answer columns first (see module)."""
    columns = _Columns(result.variables)
    order = columns.order()
    rows = [_cells(columns, row, labeller) for row in result.rows]
    return [columns.heading(k) for k in order], [[cells[k] for k in order] for cells in rows]


def _qualified(row, i: int, qualifier: int | None, unit_of: dict, labeller: Labeller, *, unit: bool = True) -> str:
    symbol = labeller.unit(row[unit_of[i]]) if unit and i in unit_of and row[unit_of[i]] is not None else None
    said = row[qualifier].value if qualifier is not None and row[qualifier] is not None else None
    return format_value(row[i].value, symbol, qualifier=said)
