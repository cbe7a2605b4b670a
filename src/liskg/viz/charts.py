"""Charts of the review's numbers: one Vega-Lite specification each, drawn as a static file or in the page.

A chart is a specification template (graph/specs/NAME.vl.json) and a SPARQL query
(viz/sparql/chart-NAME.rq). Its data rows are the query's rows (IRIs as text, numbers as JSON
numbers, unbound as null), each with a few label fields added through liskg.base.numbers (the stated
conditions, "not stated" where the review gives none). The same specification is rendered to SVG or PNG
by vl-convert (Vega and Vega-Lite in an embedded JavaScript engine, no browser, no network) and
in the graph page by the vendored vega-embed (graph/web/charts.js).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from liskg.base import runner, vocab
from liskg.base.errors import LiskgError, Unavailable
from liskg.base.files import write_atomically
from liskg.base.formats import CHART_FORMATS
from liskg.base.numbers import DOUBTFUL, condition_parts, format_number, format_unit, format_value

VEGA_LITE_VERSION = "6.4"  # the Vega-Lite version vl-convert renders with; the page vendors the same
NOT_STATED = "not stated"
PNG_SCALE = 2.0
FORMATS = CHART_FORMATS


@dataclass(frozen=True)
class Chart:
    name: str
    title: str


CHARTS = {
    c.name: c
    for c in (
        Chart("resistance", "resistance before → after each treatment, by interface and electrolyte family"),
        Chart("capacity", "specific capacity against cycle number, with C-rate and temperature"),
        Chart("conductivity", "ionic conductivity of the electrolytes in mS cm⁻¹, with measurement temperature"),
        Chart("matrix", "studies per interface and processing method"),
    )
}


def query_text(name: str) -> str:
    return vocab.sparql(f"viz/sparql/chart-{name}.rq")


def json_value(term) -> object:
    """A query term as chart data: IRIs and text as str, numbers as int or float, booleans as bool, None."""
    if term is None or isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return None if term is None else term.value
    datatype = term.datatype.value
    if datatype == vocab.XSD + "boolean":
        return term.value == "true"
    if datatype == vocab.XSD + "integer":
        return int(term.value)
    if datatype in vocab.NUMERIC_TYPES:
        return float(Decimal(term.value))
    return term.value


def query_rows(store: ox.Store, name: str) -> list[dict]:
    """The chart query's rows, as chart data."""
    result = runner.run(store, query_text(name), origin=f"chart-{name}.rq")
    return [{v: json_value(t) for v, t in zip(result.variables, row)} for row in result.rows]


def _lexical(value) -> str | None:
    if value is None:
        return None
    return str(value).lower() if isinstance(value, bool) else format_number(repr(value))


def temperature_text(row: dict) -> str:
    parts = condition_parts(
        {"temperature": _lexical(row.get("temperature")), "roomTemperature": _lexical(row.get("roomTemperature"))}
    )
    return parts[0] if parts else NOT_STATED


def rate_text(row: dict) -> str:
    parts = condition_parts(
        {"cRate": _lexical(row.get("cRate")), "currentDensity": _lexical(row.get("currentDensity"))}
    )
    return parts[0] if parts else NOT_STATED


# The sign a chart label puts after a bound: "[61] >" is known to be above its point, "[124] ≤" at most there.
BOUND_SIGNS = {"greater than": ">", "at least": "≥", "less than": "<", "up to": "≤"}


def labelled_rows(store: ox.Store, name: str) -> list[dict]:
    """The chart query's rows with the label fields the specification draws: a bound's sign and the doubt mark
    on the reference label, and `valueText` (qualifier, value, doubt) for the tooltip."""
    rows = query_rows(store, name)
    for row in rows:
        if "reference" in row:
            sign = BOUND_SIGNS.get(row.get("qualifier") or "")
            row["ref"] = " ".join(
                filter(None, (f"[{row['reference']}]", sign, DOUBTFUL if row.get("doubtful") else None))
            )
        if name in ("capacity", "conductivity"):
            shown = row["capacity"] if name == "capacity" else row["value"]
            row["valueText"] = format_value(
                _lexical(shown), qualifier=row.get("qualifier"), doubtful=bool(row.get("doubtful"))
            )
        if name in ("resistance", "capacity", "conductivity"):
            row["temperatureText"] = temperature_text(row)
        if name == "resistance":
            row["panel"] = (
                f"{row['interfaceLabel']} · {row['family']} · {row['quantityLabel']} ({format_unit(row['unitSymbol'])})"
            )
        if name == "conductivity":
            row["row"] = f"{row['materialLabel']} [{row['reference']}]"
        if name == "capacity":
            row["rate"] = rate_text(row)
            row["cyclesStated"] = row["cycles"] is not None
    return rows


def _rate_order(text: str) -> tuple:
    if text == NOT_STATED:
        return (2, 0.0)
    number, unit = text.split(" ", 1)
    return (0 if unit == "C" else 1, float(number))


def rate_colours(domain: list[str]) -> list[str]:
    """A colour per rate label: C-rates from light to dark blue, current densities orange, "not stated" grey."""
    blues = ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b", "#041b3f"]
    oranges = ["#fdae6b", "#e6550d", "#a63603"]
    c_rates = [d for d in domain if _rate_order(d)[0] == 0]
    currents = [d for d in domain if _rate_order(d)[0] == 1]
    pick = {d: blues[round(i * (len(blues) - 1) / max(len(c_rates) - 1, 1))] for i, d in enumerate(c_rates)}
    pick.update({d: oranges[i % len(oranges)] for i, d in enumerate(currents)})
    return [pick.get(d, "#9a9a9a") for d in domain]


def spec(store: ox.Store, name: str) -> dict:
    """The chart's whole Vega-Lite specification, data included."""
    if name not in CHARTS:
        raise LiskgError(f"no chart named {name!r}; charts: {', '.join(CHARTS)}")
    template = json.loads((resources.files("liskg.viz") / "specs" / f"{name}.vl.json").read_text(encoding="utf-8"))
    rows = labelled_rows(store, name)
    template["data"] = {"values": rows}
    if name == "capacity":  # C-rates in blues, current densities in oranges, ascending; "not stated" grey
        domain = sorted({r["rate"] for r in rows}, key=_rate_order)
        for view in template["hconcat"]:
            view["layer"][0]["encoding"]["color"]["scale"].update(domain=domain, range=rate_colours(domain))
    return template


def render(chart_spec: dict, fmt: str) -> bytes:
    """The specification drawn as SVG or PNG by vl-convert (deterministic: no time stamp, fixed fonts)."""
    try:
        import vl_convert  # 10 ms at start-up: only a PNG or SVG needs it; a missing install is Unavailable
    except ImportError as exc:
        raise Unavailable(f"vl-convert-python is not installed ({exc}); run 'make install'") from None
    if fmt == "svg":
        return vl_convert.vegalite_to_svg(chart_spec, vl_version=VEGA_LITE_VERSION).encode("utf-8")
    if fmt == "png":
        return vl_convert.vegalite_to_png(chart_spec, vl_version=VEGA_LITE_VERSION, scale=PNG_SCALE)
    raise LiskgError(f"charts are written as {' or '.join(FORMATS)}, not {fmt!r}")


def plot(store: ox.Store, name: str, path: Path) -> Path:
    """Draw the chart NAME to PATH, as SVG or PNG after its suffix (written atomically); PATH."""
    chart = spec(store, name)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise LiskgError(f"{path}: name the file .svg or .png (the format follows the name)")
    write_atomically(path, render(chart, fmt))
    return path


def all_specs(store: ox.Store) -> dict[str, dict]:
    """Every chart's specification, for the graph page."""
    return {name: spec(store, name) for name in CHARTS}
