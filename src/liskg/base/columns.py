"""What each column of a SELECT result holds, read off the query's own text (standard library only).

A table for people puts units and number formatting only on the columns whose values come from a
measurement, and folds only real qualifiers and conditions into the value: the query, not a column's
name, says which those are, so a `?ref`, `?temperature` or `?resistance` holding anything else prints
as it is. A variable is

- "value", "lower" or "upper": the object of liskg:numericValue (or an order of magnitude, a field or a
  normalized value), of a lower bound, of an upper bound; "baseline" when reached through a baseline
  (liskg:hasBaseline/liskg:numericValue ...);
- "qualifier" (liskg:valueQualifier; "baselineQualifier" through a baseline), "doubtful"
  (liskg:doubtfulValue), "unit" (liskg:hasUnit, liskg:fieldUnit);
- "condition:KEYWORD" for a test condition (liskg:atCRate ...; KEYWORD as liskg.base.numbers.
  format_conditions takes it);
- "computed": made by `(EXPRESSION AS ?x)` from measured numbers: a number, never given a unit.

The graph page's answer table (viz/web/answers.js) reads the same table of properties from its payload.
"""

from __future__ import annotations

import re

from liskg.base.conditions import CONDITIONS

LISKG = "https://w3id.org/liskg/ontology#"

# The role of the object of each liskg: property.
PROPERTY_ROLES = {
    **dict.fromkeys(("numericValue", "orderOfMagnitude", "fieldValue", "normalizedValue"), "value"),
    **dict.fromkeys(("lowerBound", "fieldLowerBound", "normalizedLowerBound", "minimumValue"), "lower"),
    **dict.fromkeys(("upperBound", "fieldUpperBound", "normalizedUpperBound", "maximumValue"), "upper"),
    "valueQualifier": "qualifier",
    "doubtfulValue": "doubtful",
    "hasUnit": "unit",
    "fieldUnit": "unit",
    **{c.property: f"condition:{c.keyword}" for c in CONDITIONS if c.keyword},
    "atTemperatureCelsius": "condition:temperature",  # deprecated, as a query of 1.1 may still read it
}
MEASURED = ("value", "lower", "upper", "baseline")

_PREFIX = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^>]*)>", re.I)
# One pass keeps IRIs, empties strings and drops comments: a "#" inside an IRI is no comment.
_LEXICAL = re.compile(r"(<[^<>\"{}|^`\\\s]*>)|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
_AS = re.compile(r"\bAS\s+[?$](\w+)\s*\)", re.I)
_VARIABLE = re.compile(r"[?$](\w+)")
_THROUGH_BASELINE = re.compile(r"Baseline\S*$")


def _properties(text: str, default_prefix: bool) -> re.Pattern:
    prefixes = [p for p, iri in _PREFIX.findall(text) if iri == LISKG]
    if default_prefix and not any(p == "liskg" for p, _ in _PREFIX.findall(text)):
        prefixes.append("liskg")  # the graph page declares the project's prefixes for a typed query
    names = "|".join(sorted(PROPERTY_ROLES, key=len, reverse=True))
    written = "|".join([f"{re.escape(p)}:" for p in prefixes] + [re.escape("<" + LISKG)])
    # the property, then the first variable after it within the same triple (paths and alternatives allowed)
    return re.compile(rf"(?:{written})({names})\b>?[^?$.;{{}}]*?[?$](\w+)")


def column_roles(query: str | None, *, default_prefix: bool = False) -> dict[str, str]:
    """Variable name -> role (see the module) of every variable the query ties to a measurement; none for a
    missing query text. DEFAULT_PREFIX: `liskg:` means the LiSKG namespace even where the text does not
    declare it (a query typed in the graph page)."""
    if not query:
        return {}
    text = _LEXICAL.sub(lambda m: m.group(1) or ('""' if m.group(0)[0] in "\"'" else ""), query)
    roles: dict[str, str] = {}
    for match in _properties(text, default_prefix).finditer(text):
        role = PROPERTY_ROLES[match.group(1)]
        if _THROUGH_BASELINE.search(text[: match.start()]):
            role = {"qualifier": "baselineQualifier"}.get(role, "baseline" if role in MEASURED else role)
        roles.setdefault(match.group(2), role)
    for match in _AS.finditer(text):
        name, expression = match.group(1), _expression_before(text, match.start())
        if name not in roles and any(roles.get(v) in (*MEASURED, "computed") for v in _VARIABLE.findall(expression)):
            roles[name] = "computed"
    return roles


def _expression_before(text: str, end: int) -> str:
    """The EXPRESSION of `(EXPRESSION AS ?x)` whose AS starts at END: back to the unmatched opening parenthesis."""
    depth = 0
    for index in range(end - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            if depth == 0:
                return text[index + 1 : end]
            depth -= 1
    return text[:end]
