"""Numbers as people read them, for the CLI tables, the graph page and the docs: one formatter for all."""

from __future__ import annotations

from collections.abc import Mapping
import re
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


def format_decimal(value: Decimal) -> str:
    """A Decimal as people write it, without trailing zeros or exponent: Decimal('0.1150') -> 0.115."""
    return format_number(str(value))


# Test conditions of a measurement as `liskg compare` and the charts name them (liskg:at... properties).
CONDITION_TEXT = (
    ("temperature", "{} °C"), ("roomTemperature", "room temperature"), ("cRate", "{} C"),
    ("currentDensity", "{} mA cm-2"), ("pressure", "{} MPa"), ("sulfurLoading", "{} mg cm-2 sulfur"),
    ("cycles", "after {} cycles"),
)


def condition_parts(conditions: Mapping[str, str]) -> list[str]:
    """The stated conditions as short phrases, in a fixed order: ['60 °C', '0.5 C', 'after 10 cycles'].

    CONDITIONS maps the names in CONDITION_TEXT to lexical values; roomTemperature counts when 'true'."""
    parts = []
    for name, pattern in CONDITION_TEXT:
        value = conditions.get(name)
        if value is None or (name == "roomTemperature" and value != "true"):
            continue
        parts.append(pattern.format(format_number(value)))
    return parts


QUALIFIER_SYMBOLS = {"approximately": "~", "greater than": ">", "less than": "<", "up to": "≤", "at least": "≥",
                     "on the order of": "~"}


def qualifier_symbol(qualifier: str) -> str:
    """The sign a researcher writes for a liskg:valueQualifier ('greater than' -> '>'); unknown text as is."""
    return QUALIFIER_SYMBOLS.get(qualifier, qualifier)


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def unicode_unit(symbol: str) -> str:
    """A unit symbol as the review prints it, with its exponents raised: 'S cm-1' -> 'S cm⁻¹', 'Ω cm2' -> 'Ω cm²'."""
    return re.sub(r"(?<=[^\W\d_])(-?\d+)\b", lambda m: m.group(1).translate(SUPERSCRIPTS), symbol)
