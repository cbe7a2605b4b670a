/* LiSKG page: the JS port of liskg.numbers (format_number, measurement_text) for rows of queries
   run in the page. Data the page ships is formatted in Python; a browser test checks that this port
   and liskg.numbers agree on every measurement of the graph. */
(function () {
  "use strict";
  const CONDITIONS = [["temperature", "°C"], ["crate", "C"], ["current", "mA cm-2"]];
  const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

  /* A numeric literal without trailing zeros or exponents: 5822.0 -> 5822, 1.0E-3 -> 0.001; other text as is. */
  function formatNumber(lexical) {
    const m = DECIMAL.exec(lexical);
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return lexical;
    const fraction = m[3] || "";
    let digits = (m[2] + fraction).replace(/^0+/, "");
    let exponent = Number(m[4] || 0) - fraction.length;
    const sign = m[1] === "-" ? "-" : "";
    if (digits === "") return sign + "0";
    while (digits.endsWith("0")) { digits = digits.slice(0, -1); exponent += 1; }
    if (exponent >= 0) return sign + digits + "0".repeat(exponent);
    const point = digits.length + exponent;
    return sign + (point > 0 ? digits.slice(0, point) + "." + digits.slice(point)
                             : "0." + "0".repeat(-point) + digits);
  }

  /* One line such as 'interfacial resistance: 514 Ω cm2 (from 5822) at 25 °C after 100 cycles; context'. */
  function measurementText(fields) {
    const get = (name) => fields[name] || "";
    const value = get("value") ? formatNumber(get("value"))
      : ["minimum", "maximum"].filter((n) => get(n)).map((n) => formatNumber(get(n))).join("–");
    let text = (get("quantity") || "value") + ": " + [get("qualifier"), value, get("unit")].filter(Boolean).join(" ");
    if (get("baseline")) text += " (from " + formatNumber(get("baseline")) + ")";
    const conditions = CONDITIONS.filter(([name]) => get(name)).map(([name, symbol]) => get(name) + " " + symbol);
    if (conditions.length) text += " at " + conditions.join(", ");
    if (get("cycles")) text += " after " + get("cycles") + " cycles";
    if (get("context")) text += "; " + get("context");
    return text;
  }

  window.liskg = window.liskg || {};
  window.liskg.numbers = { formatNumber: formatNumber, measurementText: measurementText };
})();
