"""The conditions a measurement is reported under, one table for every reader (standard library only).

Each row names a condition as the graph's liskg:at… properties do (cRate, temperature, …: the names the
SPARQL of `liskg compare` and of the charts return), the column a named query's result gives it (folded
into one `conditions` column by liskg.base.cells, and in the graph page by web/answers.js, which the page
is given COLUMN_KEYWORDS by liskg.viz.page), the keyword liskg.base.numbers.format_conditions takes, and
how a value reads.
"""

from __future__ import annotations


class Condition:
    """One test condition: NAME in the graph, COLUMN in a query result (or None), KEYWORD of
    format_conditions (or None), PHRASE with {} for the formatted value."""

    __slots__ = ("name", "column", "keyword", "phrase")

    def __init__(self, name: str, column: str | None, keyword: str | None, phrase: str):
        self.name, self.column, self.keyword, self.phrase = name, column, keyword, phrase

    def __repr__(self) -> str:
        return f"Condition({self.name!r}, {self.column!r}, {self.keyword!r}, {self.phrase!r})"


# In the order a table cell writes them: "0.05 C, 25 °C, 0.1 mA cm⁻², after 100 cycles".
CONDITIONS = (
    Condition("cRate", "crate", "crate", "{} C"),
    Condition("temperature", "temperature", "temperature", "{} °C"),
    Condition("roomTemperature", None, None, "room temperature"),  # counts when the value is "true"
    Condition("currentDensity", "currentdensity", "current", "{} mA cm⁻²"),
    Condition("pressure", None, None, "{} MPa"),
    Condition("sulfurLoading", None, None, "{} mg cm⁻² sulfur"),
    Condition("cycles", "cycles", "cycles", "after {} cycles"),
)
BY_NAME = {condition.name: condition for condition in CONDITIONS}
# `liskg compare` and the charts write a temperature before a C-rate ("60 °C, 0.5 C"), as they always have.
COMPARE_ORDER = ("temperature", "roomTemperature", "cRate", "currentDensity", "pressure", "sulfurLoading", "cycles")
# Query result column (lower-cased) -> format_conditions keyword, for the columns folded into `conditions`.
COLUMN_KEYWORDS = {c.column: c.keyword for c in CONDITIONS if c.column is not None and c.keyword is not None}
# The columns a table of measurements shows next to its first one: what was measured, its value, and the
# column the condition columns fold into (liskg.base.cells makes them, liskg.querying.grid keeps them whole).
ANSWER_COLUMNS = ("quantity", "value", "conditions")
