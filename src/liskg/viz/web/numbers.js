/* LiSKG page: the JS port of liskg.numbers (format_number, format_unit, format_value, format_change,
   format_ratio, format_conditions, measurement_text) for rows of queries run in the page. Data the page ships is
   formatted in Python; a browser test checks that this port and liskg.numbers agree on every
   measurement of the graph. Decimal arithmetic is done on digit strings, as Python's Decimal does. */
(function () {
  "use strict";
  const QUALIFIERS = { "greater than": ">", "less than": "<", "approximately": "≈", "at least": "≥", "at most": "≤" };
  const DOUBTFUL = "(doubtful)";
  const KEEP_DIGITS = 5, ROUND_TO = 3;
  const SUPER = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
  const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;
  const UNIT_POWER = /(?<=[^\s\d-])(-?\d+)(?=\s|$)/g;

  const superscript = (text) => String(text).split("").map((c) => SUPER[c] || c).join("");
  const empty = (value) => value === undefined || value === null || value === "";

  /* {sign, digits, exponent} (value = digits × 10^exponent, digits without leading zeros), or null. */
  function parse(value) {
    if (empty(value)) return null;
    const m = DECIMAL.exec(String(value));
    if (!m || (m[2] === "" && !m[3])) return null;
    const fraction = m[3] || "";
    return { sign: m[1] === "-" ? "-" : "", digits: (m[2] + fraction).replace(/^0+/, ""),
             exponent: Number(m[4] || 0) - fraction.length };
  }

  function normalize(n) {
    let { digits, exponent } = n;
    while (digits.length > 1 && digits.endsWith("0")) { digits = digits.slice(0, -1); exponent += 1; }
    return { sign: n.sign, digits: digits, exponent: exponent };
  }

  /* Round to KEEP significant digits, half to even (Python's Decimal default). */
  function round(n, keep) {
    if (n.digits.length <= keep) return n;
    const kept = n.digits.slice(0, keep), dropped = n.digits.slice(keep);
    const first = Number(dropped[0]), rest = /[1-9]/.test(dropped.slice(1));
    const up = first > 5 || (first === 5 && (rest || Number(kept[kept.length - 1]) % 2 === 1));
    let digits = kept;
    if (up) digits = (BigInt(kept) + 1n).toString();
    return { sign: n.sign, digits: digits, exponent: n.exponent + dropped.length };
  }

  function plain(n) {
    const { sign, digits, exponent } = n;
    if (exponent >= 0) return sign + digits + "0".repeat(exponent);
    const point = digits.length + exponent;
    return sign + (point > 0 ? digits.slice(0, point) + "." + digits.slice(point) : "0." + "0".repeat(-point) + digits);
  }

  /* A number as a researcher writes it: 5822.0 -> 5822, 0.000115 -> 1.15 × 10⁻⁴, 12.6666… -> 12.7. */
  function formatNumber(value, digits) {
    let n = parse(value);
    if (!n) return empty(value) ? "" : String(value);
    if (n.digits === "") return "0";
    const significant = normalize(n).digits.length;
    const keep = digits || (significant > KEEP_DIGITS ? ROUND_TO : null);
    if (keep) n = round(n, keep);
    n = normalize(n);
    const adjusted = n.exponent + n.digits.length - 1;
    if (adjusted < -3 || adjusted >= 6) {
      const mantissa = plain({ sign: n.sign, digits: n.digits, exponent: -(n.digits.length - 1) });
      return mantissa + " × 10" + superscript(adjusted);
    }
    return plain(n);
  }

  function formatUnit(symbol) { return (symbol || "").replace(UNIT_POWER, (m) => superscript(m)); }
  function formatQualifier(q) { const t = (q || "").trim(); return QUALIFIERS[t] || t; }

  /* '> 99 %', or with no value a range '3.8–4.3 V' or one bound ('≥ 1100 mAh g⁻¹' when no qualifier words it);
     options.doubtful marks a doubted value. */
  function formatValue(value, unit, options) {
    const o = options || {};
    const bounds = [o.minimum, o.maximum].filter((n) => !empty(n));
    let number, qualifier = o.qualifier;
    if (!parse(value) && !empty(value)) number = String(value);
    else if (parse(value)) number = formatNumber(value);
    else {
      const negative = bounds.some((n) => parse(n) && parse(n).sign === "-" && /[1-9]/.test(parse(n).digits));
      number = bounds.map((n) => formatNumber(n)).join(negative ? " to " : "–");
      if (bounds.length === 1 && !qualifier) qualifier = empty(o.minimum) ? "at most" : "at least";
    }
    return [formatQualifier(qualifier), number, formatUnit(unit), o.doubtful ? DOUBTFUL : ""].filter(Boolean).join(" ");
  }

  function formatChange(baseline, value, unit, options) {
    const o = options || {};
    const after = formatValue(value, unit, { qualifier: o.qualifier });
    if (empty(baseline)) return after;
    return formatValue(baseline, null, { qualifier: o.baseline_qualifier }) + " → " + after;
  }

  /* A factor such as 12.666… -> '12.7×'. */
  function formatRatio(value) { return parse(value) ? formatNumber(value, ROUND_TO) + "×" : ""; }

  function formatConditions(c) {
    const parts = [empty(c.crate) ? "" : formatNumber(c.crate) + " C",
                   empty(c.temperature) ? "" : formatNumber(c.temperature) + " °C",
                   String(c.room).toLowerCase() === "true" ? "room temperature" : "",
                   empty(c.current) ? "" : formatValue(c.current, c.current_unit === undefined ? "mA cm-2" : c.current_unit),
                   empty(c.pressure) ? "" : formatNumber(c.pressure) + " MPa",
                   empty(c.sulfur) ? "" : formatNumber(c.sulfur) + " mg cm⁻² sulfur",
                   empty(c.cycles) ? "" : "after " + formatNumber(c.cycles) + " cycles"];
    return parts.filter(Boolean).join(", ");
  }

  /* One line such as 'interfacial resistance: 950 → 75 Ω cm² at 25 °C, after 100 cycles; context'. */
  function measurementText(fields) {
    const get = (name) => fields[name] || "";
    let shown = formatValue(get("value"), get("unit"), { qualifier: get("qualifier"), minimum: get("minimum"), maximum: get("maximum") });
    if (get("baseline")) shown = formatValue(get("baseline"), null, { qualifier: get("baseline_qualifier") }) + " → " + shown;
    let text = (get("quantity") || "value") + ": " + shown + (get("doubtful") === "true" ? " " + DOUBTFUL : "");
    const conditions = formatConditions({ crate: get("crate"), temperature: get("temperature"), room: get("room"),
                                          current: get("current"), pressure: get("pressure"), sulfur: get("sulfur"),
                                          cycles: get("cycles") });
    if (conditions) text += conditions.startsWith("after") ? " " + conditions : " at " + conditions;
    if (get("context")) text += "; " + get("context");
    return text;
  }

  window.liskg = window.liskg || {};
  window.liskg.numbers = { formatNumber: formatNumber, formatUnit: formatUnit, formatValue: formatValue,
                           formatChange: formatChange, formatRatio: formatRatio, formatConditions: formatConditions, measurementText: measurementText };
})();
