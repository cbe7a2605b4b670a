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


def human_rows(result: QueryResult, labeller: Labeller) -> tuple[list[str], list[list[str]]]:
    """Headers and cells as people read them: labels, numbers with units, answer columns first (see module)."""
    names = result.variables
    found = column_roles(result.query)
    roles = [found.get(name, "") for name in names]
    targets = _unit_targets(names, roles)
    unit_of = {column: unit for unit, columns in targets.items() for column in columns}
    conditions = {i: role.split(":", 1)[1] for i, role in enumerate(roles) if role.startswith("condition:")}

    def first(*wanted: str, after: int = -1) -> int | None:
        return next((i for i, role in enumerate(roles) if role in wanted and i > after), None)

    value = first("value", "lower", "upper")
    qualifier = first("qualifier")
    qualified = first("value", "lower", "upper", after=qualifier) if qualifier is not None else None
    # a bound folds into the value column when it is that number's other form: never both in one row
    bounds = [
        i
        for i, role in enumerate(roles)
        if value is not None
        and role in ("lower", "upper")
        and i != value
        and not any(row[i] is not None and row[value] is not None for row in result.rows)
    ]
    lower = next((i for i in [value, *bounds] if i is not None and roles[i] == "lower"), None)
    upper = next((i for i in [value, *bounds] if i is not None and roles[i] == "upper"), None)
    baseline = first("baseline") if value is not None else None
    before_said = first("baselineQualifier") if baseline is not None else None
    doubtful = first("doubtful") if value is not None else None
    folded = (
        set(targets)
        | set(conditions)
        | set(bounds)
        | {i for i in (qualifier if qualified is not None else None, baseline, before_said, doubtful) if i is not None}
    )
    rows = []
    for row in result.rows:

        def unit(i: int, row=row) -> str | None:
            return labeller.unit(row[unit_of[i]]) if i in unit_of and row[unit_of[i]] is not None else None

        def number(i: int, row=row) -> str:
            term = row[i]
            if not is_number(term):
                return labeller.text(term)
            if roles[i] in MEASURED:
                return format_value(term.value, unit(i))
            if roles[i] == "computed":
                if names[i].lower().endswith("factor"):
                    return format_ratio(term.value)
                if names[i].lower().endswith("percent"):
                    return f"{format_number(term.value)} %"
                return format_value(term.value, unit(i))
            return str(term.value)

        cells: dict[int | str, str] = {i: number(i) for i in range(len(names)) if i not in folded}
        said = row[qualifier].value if qualifier is not None and row[qualifier] is not None else None
        if qualified is not None and qualified != value and said is not None and is_number(row[qualified]):
            cells[qualified] = format_value(row[qualified].value, unit(qualified), qualifier=said)
        if value is not None:
            exact = row[value] if roles[value] == "value" and is_number(row[value]) else None
            low = row[lower] if lower is not None and is_number(row[lower]) else None
            high = row[upper] if upper is not None and is_number(row[upper]) else None
            wording = said if qualified == value else None
            if exact is not None:
                cells[value] = format_value(exact.value, unit(value), qualifier=wording)
            elif low is not None or high is not None:
                shown_in = value if unit(value) else (lower if low is not None else upper)
                cells[value] = format_value(
                    None,
                    unit(shown_in) if shown_in is not None else None,
                    qualifier=wording,
                    minimum=low.value if low is not None else None,
                    maximum=high.value if high is not None else None,
                )
        if value is not None and baseline is not None and row[baseline] is not None and cells[value]:
            before = row[before_said].value if before_said is not None and row[before_said] is not None else None
            cells[value] = f"{format_value(row[baseline].value, qualifier=before)} → {cells[value]}"
        if value is not None and doubtful is not None and _true(row[doubtful]) and cells[value]:
            cells[value] = format_value(cells[value], doubtful=True)
        if conditions:
            cells["conditions"] = format_conditions(
                **{k: row[i].value for i, k in conditions.items() if row[i] is not None}
            )
        rows.append(cells)
    keys: list[int | str] = [i for i in range(len(names)) if i not in folded]
    if conditions:
        keys.append("conditions")
    headers = {k: names[k] if isinstance(k, int) else k for k in keys}
    answer = [k for k in keys if headers[k].lower() in ANSWER_COLUMNS]
    order = keys[:1] + [k for k in answer if k != keys[0]] + [k for k in keys[1:] if k not in answer]
    return [headers[k] for k in order], [[cells[k] for k in order] for cells in rows]


def _true(term) -> bool:
    return term is not None and str(term.value).lower() == "true"
