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


def human_rows(result: QueryResult, labeller: Labeller) -> tuple[list[str], list[list[str]]]:
    """Headers and cells as people read them: labels, numbers with units, answer columns first (see module)."""
    names = result.variables
    lowered = [n.lower() for n in names]
    targets = _unit_targets(names)
    unit_of = {column: unit for unit, columns in targets.items() for column in columns}
    conditions = {i: COLUMN_KEYWORDS[n] for i, n in enumerate(lowered) if n in COLUMN_KEYWORDS}
    qualifier = lowered.index("qualifier") if "qualifier" in lowered else None
    value = lowered.index("value") if "value" in lowered else None
    baseline = lowered.index("baseline") if "baseline" in lowered and value is not None else None
    said = lowered.index("baselinequalifier") if "baselinequalifier" in lowered and baseline is not None else None
    qualified = (
        next((i for i in range(qualifier + 1, len(names)) if i not in targets and i not in conditions), None)
        if qualifier is not None
        else None
    )
    folded = (
        set(targets)
        | set(conditions)
        | {i for i in (qualifier if qualified is not None else None, baseline, said) if i is not None}
    )
    rows = []
    for row in result.rows:

        def number(i, row=row):
            term = row[i]
            if not is_number(term):
                return labeller.text(term)
            unit = labeller.unit(row[unit_of[i]]) if i in unit_of and row[unit_of[i]] is not None else None
            if lowered[i].endswith("factor"):
                return format_ratio(term.value)
            if lowered[i].endswith("percent"):
                return f"{format_number(term.value)} %"
            return format_value(term.value, unit)

        cells: dict[int | str, str] = {i: number(i) for i in range(len(names)) if i not in folded}
        if qualified is not None and qualifier is not None and row[qualifier] is not None and is_number(row[qualified]):
            cells[qualified] = _qualified(row, qualified, qualifier, unit_of, labeller)
        if baseline is not None and value is not None and row[baseline] is not None and row[value] is not None:
            cells[value] = f"{_qualified(row, baseline, said, unit_of, labeller, unit=False)} → {cells[value]}"
        if conditions:
            cells["conditions"] = format_conditions(
                **{k: row[i].value for i, k in conditions.items() if row[i] is not None}
            )
        rows.append(cells)
    keys: list[int | str] = [i for i in range(len(names)) if i not in folded]
    keys += ["conditions"] if conditions else []
    headers = {k: names[k] if isinstance(k, int) else k for k in keys}
    answer = [k for k in keys if headers[k].lower() in ANSWER_COLUMNS]
    order = keys[:1] + [k for k in answer if k != keys[0]] + [k for k in keys[1:] if k not in answer]
    return [headers[k] for k in order], [[cells[k] for k in order] for cells in rows]


def _qualified(row, i: int, qualifier: int | None, unit_of: dict, labeller: Labeller, *, unit: bool = True) -> str:
    symbol = labeller.unit(row[unit_of[i]]) if unit and i in unit_of and row[unit_of[i]] is not None else None
    said = row[qualifier].value if qualifier is not None and row[qualifier] is not None else None
    return format_value(row[i].value, symbol, qualifier=said)
