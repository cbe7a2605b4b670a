"""The conditions a measurement is reported under, one table for every reader (standard library only).

Each row names a condition as the SPARQL of `liskg compare` and of the charts returns it (cRate,
temperature, …), the liskg: property that states it in the graph (which tells liskg.base.columns that a
query's column holds it, so that liskg.base.cells and the graph page's web/answers.js fold it into one
`conditions` column), the keyword liskg.base.numbers.format_conditions takes, and how a value reads.
"""

from __future__ import annotations


class Condition:
    """One test condition: NAME in the compare and chart queries, PROPERTY of liskg: that states it, KEYWORD of
    format_conditions (or None), PHRASE with {} for the formatted value."""

    __slots__ = ("name", "property", "keyword", "phrase")

    def __init__(self, name: str, property: str, keyword: str | None, phrase: str):
        self.name, self.property, self.keyword, self.phrase = name, property, keyword, phrase

    def __repr__(self) -> str:
        return f"Condition({self.name!r}, {self.property!r}, {self.keyword!r}, {self.phrase!r})"


# In the order a table cell writes them: "0.05 C, 25 °C, 0.1 mA cm⁻², after 100 cycles".
CONDITIONS = (
    Condition("cRate", "atCRate", "crate", "{} C"),
    Condition("temperature", "atTestTemperatureCelsius", "temperature", "{} °C"),
    Condition("roomTemperature", "atRoomTemperature", "room", "room temperature"),  # counts when "true"
    Condition("currentDensity", "atCurrentDensity", "current", "{} mA cm⁻²"),
    Condition("pressure", "atPressureMegapascal", "pressure", "{} MPa"),
    Condition("sulfurLoading", "atSulfurLoading", "sulfur", "{} mg cm⁻² sulfur"),
    Condition("cycles", "afterCycles", "cycles", "after {} cycles"),
)
BY_NAME = {condition.name: condition for condition in CONDITIONS}
# The columns a table of measurements shows next to its first one: what was measured, its value, and the
# column the condition columns fold into (liskg.base.cells makes them, liskg.querying.grid keeps them whole).
ANSWER_COLUMNS = ("quantity", "value", "conditions")
