"""Numbers as researchers write them, for the CLI tables, the graph page and the docs: one formatter for all.

    format_number("0.000000295")             -> "2.95 × 10⁻⁷"     (scientific below 10⁻³ and from 10⁶)
    format_number("12.666666666666666666")   -> "12.7"            (computed noise rounded to 3 significant figures)
    format_number("5822.0")                  -> "5822"            (reported digits are kept, trailing zeros dropped)
    format_unit("S cm-1")                    -> "S cm⁻¹"
    format_value("99", "%", qualifier="greater than")       -> "> 99 %"
    format_value("0.3", "Ah cm-2", doubtful=True)           -> "0.3 Ah cm⁻² (doubtful)"
    format_change("950", "75", "Ω cm2")                       -> "950 → 75 Ω cm²"
    format_conditions(temperature="25", crate="0.05", cycles="100") -> "0.05 C, 25 °C, after 100 cycles"
    format_conditions(temperature="60", sulfur="2")            -> "60 °C, 2 mg cm⁻² sulfur"

Every function takes numbers as lexical strings (as RDF literals hold them), int, float or Decimal;
None or "" means "not reported". Machine formats (CSV, JSON) never go through here: they keep exact values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from liskg.base.conditions import CONDITIONS

Number = str | int | float | Decimal | None

QUALIFIERS = {"greater than": ">", "less than": "<", "approximately": "≈", "at least": "≥", "at most": "≤"}
DOUBTFUL = "(doubtful)"  # after a value kept as printed but doubted (liskg:doubtfulValue)
KEEP_DIGITS = 5  # a value with more significant digits than this is computed noise ...
ROUND_TO = 3  # ... and is rounded to this many
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_UNIT_POWER = re.compile(r"(?<=[^\s\d-])(-?\d+)(?=\s|$)")


def _decimal(value: Number) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def format_number(value: Number, *, digits: int | None = None) -> str:
    """A number as a researcher writes it: 5822.0 -> 5822, 0.000115 -> 1.15 × 10⁻⁴, 12.6666… -> 12.7.

    Reported digits are kept; more than KEEP_DIGITS significant digits are rounded to ROUND_TO (DIGITS
    forces a number of significant figures). Text that is not a number comes back as it is."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    if number.is_zero():
        return "0"
    significant = len(number.normalize().as_tuple().digits)
    keep = digits or (ROUND_TO if significant > KEEP_DIGITS else None)
    if keep:
        number = Decimal(f"{number:.{keep - 1}e}")
    number = number.normalize()
    exponent = number.adjusted()
    if exponent < -3 or exponent >= 6:
        mantissa = format(number.scaleb(-exponent).normalize(), "f")
        return f"{mantissa} × 10{str(exponent).translate(SUPERSCRIPT)}"
    return format(number, "f")


def format_unit(symbol: str | None) -> str:
    """A unit symbol with powers as superscripts: 'S cm-1' -> 'S cm⁻¹', 'Ω cm2' -> 'Ω cm²'."""
    return _UNIT_POWER.sub(lambda m: m.group(1).translate(SUPERSCRIPT), symbol or "")


def format_qualifier(qualifier: str | None) -> str:
    """'greater than' -> '>', 'approximately' -> '≈'; other wording ('up to') as it is."""
    return QUALIFIERS.get((qualifier or "").strip(), (qualifier or "").strip())


def format_value(
    value: Number,
    unit: str | None = None,
    *,
    qualifier: str | None = None,
    minimum: Number = None,
    maximum: Number = None,
    doubtful: bool = False,
) -> str:
    """'> 99 %', '2.95 × 10⁻⁷ S cm⁻¹', or, when VALUE is missing, a range '205–1526 mAh g⁻¹' from MINIMUM and
    MAXIMUM or one bound ('≥ 1100 mAh g⁻¹' when no QUALIFIER words it); DOUBTFUL marks a doubted value."""
    bounds = [n for n in (minimum, maximum) if n not in (None, "")]
    if _decimal(value) is None and value not in (None, ""):
        number = str(value)
    elif _decimal(value) is not None:
        number = format_number(value)
    else:
        negative = any((_decimal(n) or 0) < 0 for n in bounds)
        number = (" to " if negative else "–").join(format_number(n) for n in bounds)
        if len(bounds) == 1 and not qualifier:
            qualifier = "at least" if minimum not in (None, "") else "at most"
    parts = (format_qualifier(qualifier), number, format_unit(unit), DOUBTFUL if doubtful else "")
    return " ".join(part for part in parts if part)


def format_change(
    baseline: Number,
    value: Number,
    unit: str | None = None,
    *,
    qualifier: str | None = None,
    baseline_qualifier: str | None = None,
) -> str:
    """Before and after in one unit: '950 → 75 Ω cm²', '< 70 → 20 Ω'; no baseline: the value alone."""
    after = format_value(value, unit, qualifier=qualifier)
    if baseline in (None, ""):
        return after
    return f"{format_value(baseline, qualifier=baseline_qualifier)} → {after}"


def format_ratio(value: Number) -> str:
    """A factor such as 12.666… -> '12.7×'."""
    return f"{format_number(value, digits=ROUND_TO)}×" if _decimal(value) is not None else ""


def format_conditions(
    *,
    crate: Number = None,
    temperature: Number = None,
    room: Number | bool = None,
    current: Number = None,
    pressure: Number = None,
    sulfur: Number = None,
    cycles: Number = None,
) -> str:
    """The conditions of a measurement: '0.05 C, 25 °C, 0.1 mA cm⁻², 2 mg cm⁻² sulfur, after 100 cycles' (only
    those reported; ROOM counts when true: 'room temperature'; the order and the words are
    liskg.base.conditions')."""
    given = {"crate": crate, "temperature": temperature, "current": current, "pressure": pressure}
    given.update(sulfur=sulfur, cycles=cycles, room="true" if str(room).lower() == "true" else None)
    return ", ".join(condition_parts({c.name: given[c.keyword] for c in CONDITIONS if c.keyword}))


def measurement_text(fields: Mapping[str, str]) -> str:
    """One line such as 'interfacial resistance: 950 → 75 Ω cm² at 25 °C, after 100 cycles; context'.

    FIELDS holds plain text by name (missing or empty: not reported): quantity, value, minimum, maximum,
    qualifier, unit, doubtful ("true"), baseline, baseline_qualifier, temperature, room ("true"), crate,
    current, pressure, sulfur, cycles, context.
    """

    def get(name: str) -> str:
        return fields.get(name) or ""

    shown = format_value(
        get("value"), get("unit"), qualifier=get("qualifier"), minimum=get("minimum"), maximum=get("maximum")
    )
    if get("baseline"):
        shown = f"{format_value(get('baseline'), qualifier=get('baseline_qualifier'))} → {shown}"
    if get("doubtful") == "true":
        shown += f" {DOUBTFUL}"
    text = f"{get('quantity') or 'value'}: {shown}"
    conditions = format_conditions(
        crate=get("crate"),
        temperature=get("temperature"),
        room=get("room"),
        current=get("current"),
        pressure=get("pressure"),
        sulfur=get("sulfur"),
        cycles=get("cycles"),
    )
    if conditions:
        text += " at " + conditions if not conditions.startswith("after") else " " + conditions
    if get("context"):
        text += f"; {get('context')}"
    return text


_AMOUNT = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")
_UNIT_WORDS = {"ohm": "Ω", "ohms": "Ω", "u": "µ", "μ": "µ", "deg": "°", "degc": "°C"}
_PREFIXES = "mµnkMGc"
_SUPERSCRIPT_DIGITS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def parse_amount(text: str) -> tuple[Decimal, str] | None:
    """'1000 mAh/g' -> (Decimal('1000'), 'mAh g-1'): a number and a unit symbol written as the graph writes
    them ('mS/cm' -> 'mS cm-1', 'Ohm cm^2' -> 'Ω cm2', 'mAh g⁻¹' -> 'mAh g-1'); None when TEXT is not one."""
    match = _AMOUNT.match(text.translate(_SUPERSCRIPT_DIGITS).replace("\u2212", "-"))
    if not match:
        return None
    return Decimal(match.group(1)), unit_symbol(match.group(2))


def unit_symbol(unit: str) -> str:
    """A unit as people write it in the symbol the graph writes: 'mS/cm' -> 'mS cm-1', 'Ohm cm^2' -> 'Ω cm2',
    'mAh g⁻¹' -> 'mAh g-1', 'S·cm-1' -> 'S cm-1'."""
    unit = unit.translate(_SUPERSCRIPT_DIGITS).replace("\u2212", "-").strip()
    tokens, sign = [], 1
    for part in re.split(r"(/)|[\s·*.]+", unit):
        if part == "/":
            sign = -1
            continue
        if not part:
            continue
        word = re.fullmatch(r"(.*?)\^?(-?\d+)?", part)
        assert word is not None  # the pattern matches any text
        base, power = word.group(1), int(word.group(2) or 1)
        base = _UNIT_WORDS.get(base.lower(), base)
        base = re.sub(r"^[uμ](?=[A-Za-z])", "µ", base).replace("ohm", "Ω").replace("Ohm", "Ω")
        power *= sign
        tokens.append(base + ("" if power == 1 else str(power)))
    return " ".join(tokens)


def unit_base(symbol: str) -> str:
    """A unit symbol without the SI prefix of its first part: units with the same base measure the same kind of
    thing and convert by their conversion multipliers ('mS cm-1' and 'S cm-1'; not 'Ω' and 'Ω cm2')."""
    parts = symbol.split()
    if parts:
        first = re.fullmatch(r"(.*?)(-?\d+)?", parts[0])
        assert first is not None  # the pattern matches any text
        name, power = first.group(1), first.group(2) or ""
        if len(name) > 1 and name[0] in _PREFIXES and (name[1].isupper() or name[1:] in ("m", "g", "eV", "h")):
            name = name[1:]
        parts[0] = name + power
    return " ".join(parts)


def condition_parts(stated: Mapping[str, Number]) -> list[str]:
    """The STATED conditions (by their names in liskg.base.conditions; roomTemperature counts when 'true') as
    short phrases, in the one order every surface writes them: ['0.5 C', '60 °C', 'after 10 cycles']."""
    return [
        condition.phrase.format(format_number(value))
        for condition in CONDITIONS
        if (value := stated.get(condition.name)) not in (None, "")
        and (condition.name != "roomTemperature" or value == "true")
    ]
