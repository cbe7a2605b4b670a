"""Numbers as people read them, for the CLI tables, the graph page and the docs: one formatter for all."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

# Conditions of a measurement, in the order they are written, with their unit.
CONDITIONS = (("temperature", "°C"), ("crate", "C"), ("current", "mA cm-2"))


def format_number(lexical: str) -> str:
    """A numeric literal without trailing zeros or exponents: 5822.0 -> 5822, 1.0E-3 -> 0.001; other text as is."""
    try:
        value = Decimal(lexical)
    except InvalidOperation:
        return lexical
    return format(value.normalize(), "f") if value.is_finite() else lexical


def measurement_text(fields: Mapping[str, str]) -> str:
    """One line such as 'interfacial resistance: 514 Ω cm2 (from 5822) at 25 °C after 100 cycles; context'.

    FIELDS holds plain text by name (missing or empty: not reported): quantity, value, minimum, maximum,
    qualifier, unit, baseline, temperature, crate, current, cycles, context.
    """
    def get(name: str) -> str:
        return fields.get(name) or ""

    value = format_number(get("value")) if get("value") else \
        "–".join(format_number(get(n)) for n in ("minimum", "maximum") if get(n))
    text = f"{get('quantity') or 'value'}: {' '.join(filter(None, (get('qualifier'), value, get('unit'))))}"
    if get("baseline"):
        text += f" (from {format_number(get('baseline'))})"
    conditions = [f"{get(name)} {symbol}" for name, symbol in CONDITIONS if get(name)]
    if conditions:
        text += " at " + ", ".join(conditions)
    if get("cycles"):
        text += f" after {get('cycles')} cycles"
    if get("context"):
        text += f"; {get('context')}"
    return text
