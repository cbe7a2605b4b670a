/* LiSKG page: the dock. Its tabs (Answer, Details, and any a module registers with
   liskg.registerTab), the query box with the named queries and the answer table: labelled columns,
   numbers formatted by the JS port of liskg.numbers, sortable and filterable, rows that highlight
   their nodes and, clicked, show the sentences behind them (web/evidence.js). Cells are built with
   textContent only. */
(function () {
  "use strict";
  const liskg = window.liskg;
  const engine = liskg.engine;
  const SKOS = "http://www.w3.org/2004/02/skos/core#";
  const FALLBACK = { [SKOS + "altLabel"]: "also called", [SKOS + "definition"]: "definition",
                     "http://www.w3.org/2000/01/rdf-schema#subClassOf": "a kind of",
                     "http://www.w3.org/2002/07/owl#Class": "class" };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* --- tabs: the hook other modules (the Charts tab) plug into --- */
  const tabs = new Map();
  function showTab(name) {
    const before = document.body.dataset.tab;
    document.body.dataset.tab = name;  // the Charts tab opens full-width (graph.css)
    if (before !== undefined && before !== name) document.dispatchEvent(new CustomEvent("liskg:tab", { detail: { name: name } }));
    for (const [tabName, tab] of tabs) {
      const active = tabName === name;
      tab.section.hidden = !active;
      tab.button.setAttribute("aria-selected", String(active));
      if (active && tab.render && !tab.rendered) { tab.rendered = true; tab.render(tab.section, liskg); }
    }
  }
  /* Add a tab NAME to the dock; RENDER(section, liskg) fills it the first time it is shown. Returns its section. */
  function registerTab(name, render) {
    let section = document.querySelector("#dock section[data-tab='" + name + "']");
    if (!section) {
      section = el("section", undefined, "tab");
      section.dataset.tab = name;
      document.getElementById("dock").appendChild(section);
    }
    const button = el("button", name);
    button.type = "button";
    button.setAttribute("role", "tab");
    button.dataset.tab = name;
    button.addEventListener("click", () => showTab(name));
    document.getElementById("tabs").appendChild(button);
    tabs.set(name, { section: section, button: button, render: render, rendered: false });
    section.hidden = tabs.size > 1;
    if (tabs.size === 1) button.setAttribute("aria-selected", "true");
    return section;
  }

  /* --- cells as `liskg query` shows them (liskg.base.cells.human_rows) --- */
  const NUMBERS = liskg.numbers;
  function shorten(iri) {
    for (const [prefix, ns] of Object.entries(engine.prefixes)) {
      if (iri.startsWith(ns) && iri !== ns) return prefix + ":" + iri.slice(ns.length);
    }
    return "<" + iri + ">";
  }
  function isNumber(term) { return !!term && term.type === "literal" && engine.numeric.has(term.datatype); }
  function text(term) {
    if (!term) return "";
    if (term.type === "uri") return engine.labels[term.value] || FALLBACK[term.value] || shorten(term.value);
    if (term.type === "bnode") return "_:" + term.value;
    if (isNumber(term)) return NUMBERS.formatNumber(term.value);
    return term.value;
  }
  function unitText(term) {
    if (term.type !== "uri") return text(term);
    return engine.units[term.value] !== undefined ? engine.units[term.value] : text(term);
  }
  /* What each column holds, read off the query's text as liskg.base.columns.column_roles reads it (the
     table of properties comes in the payload): "value", "lower", "upper", "baseline", "qualifier",
     "baselineQualifier", "doubtful", "unit", "condition:KEYWORD" or "computed"; "" for anything else. */
  const ROLES = engine.roles, LISKG = engine.liskg, MEASURED = ["value", "lower", "upper", "baseline"];
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  function columnRoles(query) {
    const roles = {};
    if (!query) return roles;
    const text = query.replace(/(<[^<>"{}|^`\\\s]*>)|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g,
                               (m, iri) => iri || (m[0] === '"' || m[0] === "'" ? '""' : ""));
    const declared = [...text.matchAll(/PREFIX\s+([\w.-]*):\s*<([^>]*)>/gi)];
    const prefixes = declared.filter((d) => d[2] === LISKG).map((d) => d[1]);
    if (!declared.some((d) => d[1] === "liskg")) prefixes.push("liskg");  // the page declares it when missing
    const names = Object.keys(ROLES).sort((a, b) => b.length - a.length).join("|");
    const written = prefixes.map((p) => escape(p) + ":").concat([escape("<" + LISKG)]).join("|");
    const pattern = new RegExp("(?:" + written + ")(" + names + ")\\b>?[^?$.;{}]*?[?$](\\w+)", "g");
    for (const match of text.matchAll(pattern)) {
      let role = ROLES[match[1]];
      if (/Baseline\S*$/.test(text.slice(0, match.index))) {
        role = role === "qualifier" ? "baselineQualifier" : MEASURED.includes(role) ? "baseline" : role;
      }
      if (!(match[2] in roles)) roles[match[2]] = role;
    }
    for (const match of text.matchAll(/\bAS\s+[?$](\w+)\s*\)/gi)) {
      let depth = 0, start = 0;
      for (let i = match.index - 1; i >= 0; i--) {
        if (text[i] === ")") depth++;
        else if (text[i] === "(") { if (depth === 0) { start = i + 1; break; } depth--; }
      }
      const used = [...text.slice(start, match.index).matchAll(/[?$](\w+)/g)].map((m) => m[1]);
      if (!(match[1] in roles) && used.some((v) => MEASURED.includes(roles[v]) || roles[v] === "computed")) {
        roles[match[1]] = "computed";
      }
    }
    return roles;
  }
  function unitTargets(variables, roles) {
    const targets = new Map();
    let start = 0;
    variables.forEach((name, index) => {
      const lowered = name.toLowerCase();
      const base = name[name.length - 5] === "_" ? name.slice(0, -5) : name.slice(0, -4);
      if (lowered.endsWith("unit") && name.length > 4 && variables.includes(base)) {
        const paired = variables.indexOf(base);
        targets.set(index, MEASURED.includes(roles[paired]) || roles[paired] === "computed" ? [paired] : []);
        start = index + 1;
      } else if (lowered === "unit" || roles[index] === "unit") {
        const columns = [];
        for (let i = start; i < index; i++) if (MEASURED.includes(roles[i])) columns.push(i);
        targets.set(index, columns);
        start = index + 1;
      }
    });
    return targets;
  }
  /* Headers and cells as people read them, as liskg.base.cells.human_rows makes them from the query's
     text: numbers a measurement gives with their units; a qualifier, the bounds, a baseline and the
     doubt mark folded into the value ("> 99 %", "950 → 75 Ω cm²"); condition columns into one
     `conditions` column; the answer columns (quantity, value, conditions) next to the first. KEEP gives
     each shown column its source column (null for `conditions`). */
  const ANSWER_COLUMNS = engine.answerColumns;
  function humanRows(variables, rows, query) {
    const found = columnRoles(query);
    const roles = variables.map((name) => found[name] || "");
    const targets = unitTargets(variables, roles);
    const unitOf = new Map();
    for (const [unit, columns] of targets) for (const c of columns) unitOf.set(c, unit);
    const conditions = new Map();
    roles.forEach((role, i) => { if (role.startsWith("condition:")) conditions.set(i, role.slice(10)); });
    const first = (wanted, after) => {
      for (let i = (after === undefined ? -1 : after) + 1; i < roles.length; i++) if (wanted.includes(roles[i])) return i;
      return null;
    };
    const value = first(["value", "lower", "upper"]);
    const qualifier = first(["qualifier"]);
    const qualified = qualifier !== null ? first(["value", "lower", "upper"], qualifier) : null;
    // a bound folds into the value column when it is that number's other form: never both in one row
    const bounds = value === null ? [] : roles.map((r, i) => i).filter((i) => ["lower", "upper"].includes(roles[i]) &&
      i !== value && !rows.some((row) => row[i] && row[value]));
    const lower = [value, ...bounds].find((i) => i !== null && roles[i] === "lower");
    const upper = [value, ...bounds].find((i) => i !== null && roles[i] === "upper");
    const baseline = value !== null ? first(["baseline"]) : null;
    const beforeSaid = baseline !== null ? first(["baselineQualifier"]) : null;
    const doubtful = value !== null ? first(["doubtful"]) : null;
    const folded = new Set([...targets.keys(), ...conditions.keys(), ...bounds]);
    for (const i of [qualified !== null ? qualifier : null, baseline, beforeSaid, doubtful]) if (i !== null) folded.add(i);
    const unitFor = (row, i) => (i !== undefined && i !== null && unitOf.has(i) && row[unitOf.get(i)] ? unitText(row[unitOf.get(i)]) : null);
    const keys = variables.map((_, i) => i).filter((i) => !folded.has(i));
    if (conditions.size) keys.push("conditions");
    const cells = rows.map((row) => {
      const out = {};
      for (const i of keys) {
        if (i === "conditions") continue;
        const term = row[i];
        if (!isNumber(term)) out[i] = text(term);
        else if (MEASURED.includes(roles[i])) out[i] = NUMBERS.formatValue(term.value, unitFor(row, i));
        else if (roles[i] === "computed") {
          const name = variables[i].toLowerCase();
          out[i] = name.endsWith("factor") ? NUMBERS.formatRatio(term.value)
            : name.endsWith("percent") ? NUMBERS.formatNumber(term.value) + " %"
            : NUMBERS.formatValue(term.value, unitFor(row, i));
        } else out[i] = term.value;
      }
      const said = qualifier !== null && row[qualifier] ? row[qualifier].value : null;
      if (qualified !== null && qualified !== value && said !== null && isNumber(row[qualified])) {
        out[qualified] = NUMBERS.formatValue(row[qualified].value, unitFor(row, qualified), { qualifier: said });
      }
      if (value !== null) {
        const exact = roles[value] === "value" && isNumber(row[value]) ? row[value] : null;
        const low = lower !== undefined && isNumber(row[lower]) ? row[lower] : null;
        const high = upper !== undefined && isNumber(row[upper]) ? row[upper] : null;
        const wording = qualified === value ? said : null;
        if (exact) out[value] = NUMBERS.formatValue(exact.value, unitFor(row, value), { qualifier: wording });
        else if (low || high) {
          const shownIn = unitFor(row, value) ? value : (low ? lower : upper);
          out[value] = NUMBERS.formatValue(null, unitFor(row, shownIn), { qualifier: wording,
            minimum: low ? low.value : null, maximum: high ? high.value : null });
        }
        if (baseline !== null && row[baseline] && out[value]) {
          const before = beforeSaid !== null && row[beforeSaid] ? row[beforeSaid].value : null;
          out[value] = NUMBERS.formatValue(row[baseline].value, null, { qualifier: before }) + " → " + out[value];
        }
        if (doubtful !== null && row[doubtful] && String(row[doubtful].value).toLowerCase() === "true" && out[value]) {
          out[value] = NUMBERS.formatValue(out[value], null, { doubtful: true });
        }
      }
      if (conditions.size) {
        const given = {};
        for (const [i, name] of conditions) if (row[i]) given[name] = row[i].value;
        out.conditions = NUMBERS.formatConditions(given);
      }
      return out;
    });
    const header = (k) => (k === "conditions" ? "conditions" : variables[k]);
    const answer = keys.filter((k) => ANSWER_COLUMNS.includes(header(k).toLowerCase()));
    const order = keys.slice(0, 1).concat(answer.filter((k) => k !== keys[0]),
                                          keys.slice(1).filter((k) => !answer.includes(k)));
    return { headers: order.map(header), cells: cells.map((out) => order.map((k) => out[k])),
             keep: order.map((k) => (k === "conditions" ? null : k)) };
  }
  /* A row as the W3C CSV result format writes it (what `liskg query NAME --format csv` prints). */
  function csvCell(term) { return !term ? "" : term.type === "bnode" ? "_:" + term.value : term.value; }

  /* --- the answer table --- */
  const state = { answer: null, question: "", sort: null, filter: "", selected: new Set(), expanded: new Set(), shown: [] };
  const listeners = [];

  /* A cell's number for sorting: its term's value, else the first number its text writes ("> 1100 mAh g⁻¹",
     "1.15 × 10⁻⁴ S cm⁻¹"); null for text. */
  const SUPERSCRIPT = { "⁻": "-", "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };
  function numberIn(text) {
    const m = /^[<>≈≤≥~]?\s*(?:up to\s*|on the order of\s*)?(-?\d+(?:\.\d+)?)(?:\s*×\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/.exec(text.replace(/^.*→\s*/, ""));
    if (!m) return null;
    const power = m[2] ? Number([...m[2]].map((c) => SUPERSCRIPT[c]).join("")) : 0;
    return Number(m[1]) * Math.pow(10, power);
  }
  function sortValue(answer, i, column) {
    const source = answer.keep[column];
    const term = source !== null && source !== undefined ? answer.rows[i][source] : null;
    const cell = answer.cells[i][column] || "";
    if (isNumber(term) && !/→/.test(cell)) return Number(term.value);
    const found = numberIn(cell);
    return found !== null ? found : cell.toLowerCase();
  }
  function compareValues(x, y) {
    if (x === "" || y === "") return (x === "") - (y === "");  // blanks last
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number" || typeof y === "number") return typeof x === "number" ? -1 : 1;
    return x.localeCompare(y);
  }

  /* Column widths sized by content: every column as wide as its widest cell while the table fits AVAILABLE
     px; else number columns keep theirs, short text columns (a study, a quantity: nine cells in ten short)
     keep that width while every other text column still gets MIN_COLUMN, and the rest share what is left, the widest cut first (the
     water level: no text column wider than the level, which fills the room), and no column narrower than its
     header, which is never cut. Cells are cut at a word. The table is never wider than AVAILABLE while a
     text column can give way down to NARROWEST px. */
  const TABLE_FONT = 12, CELL_PAD = 10, HEADER_PAD = 8, MIN_COLUMN = 64, SHORT_COLUMN = 180, NARROWEST = 40;
  let measurer = null;
  function widthOf(text, bold) {
    if (!measurer) measurer = document.createElement("canvas").getContext("2d");
    measurer.font = (bold ? "bold " : "") + TABLE_FONT + "px DejaVu Sans, Liberation Sans, Arial, sans-serif";
    return measurer.measureText(text).width;
  }
  function waterLevel(widths, room) {
    const sorted = widths.slice().sort((a, b) => a - b);
    for (let k = 0; k < sorted.length; k++) {
      const even = room / (sorted.length - k);
      if (sorted[k] > even) return even;
      room -= sorted[k];
    }
    return Infinity;
  }
  function columnWidths(headers, cells, numeric, available) {
    const natural = headers.map((h, c) => Math.ceil(cells.reduce((widest, r) => Math.max(widest, widthOf(r[c] || "")),
      widthOf(h + " ▲", true)) + CELL_PAD));  // no spread: an answer of 38,055 rows (10M triples) would overflow the stack
    if (natural.reduce((a, b) => a + b, 0) <= available) return natural;
    const text = natural.map((_, c) => c).filter((c) => !numeric[c]);
    // a column is short when nine cells in ten are ("Fu et al. [67]", though one study is "Ref. [42] (…)")
    const typical = natural.map((w, c) => {
      const sorted = cells.map((r) => widthOf(r[c] || "")).sort((a, b) => a - b);
      return Math.min(w, Math.ceil(Math.max(widthOf(headers[c] + " ▲", true), sorted[Math.floor(0.9 * (sorted.length - 1))] || 0) + CELL_PAD));
    });
    let room = available - natural.reduce((a, w, c) => a + (numeric[c] ? w : 0), 0);
    const whole = new Set();
    for (const c of text.filter((c) => typical[c] <= SHORT_COLUMN).sort((a, b) => (a > 0) - (b > 0) || typical[a] - typical[b] || a - b)) {  // the first column (the row's subject) first
      if (typical[c] + MIN_COLUMN * (text.length - whole.size - 1) > room) break;
      whole.add(c);
      room -= typical[c];
    }
    const header = headers.map((h) => Math.ceil(widthOf(h, true) + HEADER_PAD));
    const level = Math.max(NARROWEST, Math.floor(levelAboveFloors(text.filter((c) => !whole.has(c)), natural, header, room)));
    return natural.map((w, c) => (numeric[c] ? w : whole.has(c) ? typical[c] : Math.max(header[c], Math.min(w, level))));
  }
  /* The water level for COLUMNS when none may be narrower than its FLOOR (its header read whole with the sort
     button's padding, HEADER_PAD px in graph.css; a sorted column's arrow aside): a column
     whose floor is above the level keeps its floor, and the others share what is left. */
  function levelAboveFloors(columns, natural, floor, room) {
    while (columns.length) {
      const level = waterLevel(columns.map((c) => natural[c]), room);
      const raised = columns.filter((c) => floor[c] > Math.min(natural[c], level));
      if (!raised.length) return level;
      room -= raised.reduce((a, c) => a + floor[c], 0);
      columns = columns.filter((c) => !raised.includes(c));
    }
    return 0;  // every column at its floor
  }
  /* TEXT cut at a word to fit PX (with an ellipsis); a first word too long is cut where it must be. */
  function cutToWidth(text, px) {
    if (widthOf(text) + CELL_PAD <= px) return text;
    const words = text.split(" ");
    let out = "";
    for (const word of words) {
      const next = out ? out + " " + word : word;
      if (widthOf(next + " …") + CELL_PAD > px) break;
      out = next;
    }
    if (!out) {
      for (const ch of text) { if (widthOf(out + ch + "…") + CELL_PAD > px) break; out += ch; }
      return out + "…";
    }
    return out.replace(/[,;:(]+$/, "") + " …";
  }

  /* The rows the table shows: those the page's facet filters keep (web/graph.js) and whose cells, or the
     names, synonyms and families of their nodes, contain the row filter's text. */
  function keptRows(answer) {
    const needle = state.filter.trim().toLowerCase();
    return answer.cells.map((_, i) => i).filter((i) => {
      if (liskg.graph && liskg.graph.rowPasses && !liskg.graph.rowPasses(answer.nodes[i])) return false;
      if (!needle) return true;
      return answer.cells[i].some((c) => c.toLowerCase().includes(needle)) ||
        (liskg.graph && liskg.graph.matches && answer.nodes[i].some((id) => liskg.graph.matches(id, needle)));
    });
  }

  function rowNodes(row) {
    const ids = new Set();
    for (const term of row) {
      if (!term || term.type !== "uri") continue;
      if (liskg.graph && liskg.graph.has(term.value)) ids.add(term.value);
      for (const owner of (liskg.data.folded[term.value] || [])) ids.add(owner);
    }
    return [...ids];
  }

  function renderTable() {
    const table = document.getElementById("answer");
    const head = table.tHead, body = table.tBodies[0];
    head.replaceChildren();
    body.replaceChildren();
    for (const old of table.querySelectorAll("colgroup")) old.remove();
    const answer = state.answer;
    if (!answer) { document.getElementById("row-count").textContent = ""; return; }
    const headRow = el("tr");
    answer.headers.forEach((name, column) => {
      const th = el("th");
      const button = el("button", name + (state.sort && state.sort.column === column ? (state.sort.up ? " ▲" : " ▼") : ""));
      button.type = "button";
      button.title = "sort by " + name;
      button.addEventListener("click", () => {
        state.sort = { column: column, up: !(state.sort && state.sort.column === column && state.sort.up) };
        renderTable();
      });
      th.appendChild(button);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    let order = keptRows(answer);
    if (state.sort) {
      const { column, up } = state.sort;
      order.sort((a, b) => {
        const c = compareValues(sortValue(answer, a, column), sortValue(answer, b, column));
        return (up ? c : -c) || a - b;
      });
    }
    state.shown = order;
    const numeric = answer.headers.map((_, c) => answer.cells.length > 0 && answer.cells.every((r, i) =>
      !r[c] || isNumber(answer.rows[i][answer.keep[c]]) || numberIn(r[c]) !== null));
    const scroll = document.getElementById("answer-scroll");
    const widths = columnWidths(answer.headers, order.map((i) => answer.cells[i]), numeric, Math.max(200, scroll.clientWidth - 2));
    const columns = el("colgroup");
    for (const w of widths) { const col = el("col"); col.style.width = w + "px"; columns.appendChild(col); }
    table.insertBefore(columns, head);
    table.style.width = widths.reduce((a, b) => a + b, 0) + "px";
    for (const i of order) {
      const tr = el("tr");
      tr.dataset.row = String(i);
      if (state.selected.has(i)) tr.classList.add("selected");
      const expanded = state.expanded.has(i);
      if (expanded) tr.classList.add("expanded");
      answer.cells[i].forEach((cell, column) => {
        const shown = expanded ? cell : cutToWidth(cell, widths[column]);
        const td = el("td", shown);
        if (shown !== cell) { td.title = cell; td.classList.add("cut"); }
        if (numeric[column]) td.classList.add("number");
        tr.appendChild(td);
      });
      tr.addEventListener("mouseenter", () => liskg.graph && liskg.graph.highlight(answer.nodes[i]));
      tr.addEventListener("mouseleave", () => liskg.graph && liskg.graph.highlight(null));
      tr.addEventListener("click", () => {
        const again = state.selected.has(i) && state.selected.size === 1;
        state.selected = new Set([i]);
        if (again || tr.querySelector("td.cut")) {  // a click shows the row whole; a second click cuts it again
          if (state.expanded.has(i) && again) state.expanded.delete(i); else state.expanded.add(i);
          renderTable();
        } else markSelected();
        if (liskg.graph) liskg.graph.highlight(answer.nodes[i], true);
        showRowEvidence(answer.rows[i]);
      });
      body.appendChild(tr);
    }
    const narrowed = order.length !== answer.rows.length;
    document.getElementById("row-count").textContent =
      (narrowed ? order.length + " of " : "") + answer.rows.length + " row" + (answer.rows.length === 1 ? "" : "s");
  }

  /* The sentences behind the clicked row, under the table (web/evidence.js); none shown without a row. */
  function showRowEvidence(row) {
    const box = document.getElementById("row-evidence");
    box.hidden = !row || !liskg.evidence;
    if (box.hidden) { box.replaceChildren(); return; }
    box.replaceChildren(el("h3", "Sentences behind this row"), el("div"));
    liskg.evidence.showRow(box.lastChild, row);
  }

  /* Show a result {variables, rows} in the table and its answer nodes in the graph. */
  function showAnswer(result, origin) {
    state.question = questionOf(origin);
    const human = humanRows(result.variables, result.rows, result.query);
    state.answer = { origin: origin, variables: result.variables, rows: result.rows, headers: human.headers,
                     cells: human.cells, keep: human.keep, nodes: result.rows.map(rowNodes) };
    state.sort = null;
    state.selected = new Set();
    state.expanded = new Set();
    renderTable();
    showRowEvidence(null);
    document.body.classList.add("answered");
    showTab("Answer");
    if (liskg.graph) liskg.graph.showAnswer(new Set(state.answer.nodes.flat()));
    for (const listener of listeners) listener(state.answer);
  }

  function message(text, kind) {
    const box = document.getElementById("query-message");
    box.textContent = text;
    box.className = kind || "";
  }

  /* The running question (the page's title while the graph shows its answer, web/graph.js): a named
     query's question, else "typed query"; "" for an answer shown by another module. */
  function questionOf(origin) {
    const q = engine.queries.find((x) => x.name === origin);
    return q && q.question ? q.question : origin === "typed query" ? "typed query" : "";
  }

  /* No answer: an empty table, and the graph shows the view without one. */
  function clearAnswer() {
    state.answer = null;
    state.question = "";
    state.selected = new Set();
    renderTable();
    showRowEvidence(null);
    if (liskg.graph) liskg.graph.showAnswer(null);
  }

  async function runText(text, origin) {
    message("running…", "info");
    try {
      const result = await engine.run(text);
      showAnswer(result, origin);
      message(result.rows.length + " row" + (result.rows.length === 1 ? "" : "s") + " in " +
              Math.round(result.ms) + " ms" + (origin ? " · " + origin : ""), "info");
      return result;
    } catch (error) {
      clearAnswer();  // an old answer under a new error would read as the error's answer
      message(error.message, "error");
      return null;
    }
  }

  /* --- export: the file is made here, in the browser; nothing leaves the page --- */
  function csvField(text) { return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }
  /* The shown rows as `liskg query NAME --format csv --labels` writes them: exact values and IRIs, an
     xLabel column after each column holding IRIs and an xRef column (the reference number) after one
     holding cited works. */
  function csvText() {
    const answer = state.answer;
    if (!answer) return "";
    const iri = answer.variables.map((_, c) => answer.rows.some((row) => row[c] && row[c].type === "uri"));
    const refs = answer.variables.map((_, c) => iri[c] && answer.rows.some((row) => row[c] && engine.references[row[c].value] !== undefined));
    const header = [];
    answer.variables.forEach((name, c) => { header.push(name); if (iri[c]) header.push(name + "Label"); if (refs[c]) header.push(name + "Ref"); });
    const lines = [header.map(csvField).join(",")];
    for (const i of state.shown) {
      const cells = [];
      answer.rows[i].forEach((term, c) => {
        cells.push(!term ? "" : term.value);
        if (iri[c]) cells.push(term && term.type === "uri" ? text(term) : "");
        if (refs[c]) cells.push(term && engine.references[term.value] !== undefined ? String(engine.references[term.value]) : "");
      });
      lines.push(cells.map(csvField).join(","));
    }
    return lines.join("\r\n") + "\r\n";
  }
  /* The shown rows as `liskg query NAME --format md` writes them: the table's own cells, whole. */
  function markdownText() {
    const answer = state.answer;
    if (!answer) return "";
    const escape = (cell) => cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
    return ["| " + answer.headers.join(" | ") + " |", "|" + answer.headers.map(() => "---").join("|") + "|"]
      .concat(state.shown.map((i) => "| " + answer.cells[i].map(escape).join(" | ") + " |")).join("\n") + "\n";
  }
  /* The shown answer as a file named after its query (web/files.js writes it). */
  function download(content, type, suffix) {
    const answer = state.answer;
    if (!answer) return;
    liskg.download(content, type, (engine.queries.some((q) => q.name === answer.origin) ? answer.origin : "answer") + suffix);
  }

  /* Mark the selected rows in place (re-rendering a long table would cost a click its frame). */
  function markSelected() {
    for (const tr of document.getElementById("answer").tBodies[0].rows) {
      tr.classList.toggle("selected", state.selected.has(Number(tr.dataset.row)));
    }
  }

  /* Select the rows that name NODEID (a node clicked in the graph). */
  function selectRowsOf(nodeId) {
    if (!state.answer) return;
    state.selected = new Set();
    state.answer.nodes.forEach((ids, i) => { if (nodeId && ids.includes(nodeId)) state.selected.add(i); });
    markSelected();
    const first = document.querySelector("#answer tr.selected");
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  function setup() {
    const menu = document.getElementById("query-menu");
    const groups = new Map();
    for (const q of engine.queries) {
      const topic = q.topic || "other questions";
      if (!groups.has(topic)) { const group = el("optgroup"); group.label = topic; groups.set(topic, group); }
      const option = el("option", q.question || q.name);
      option.value = q.name;
      option.title = q.name;
      groups.get(topic).appendChild(option);
    }
    for (const topic of engine.topics.concat([...groups.keys()].filter((t) => !engine.topics.includes(t)))) {
      if (groups.has(topic)) menu.appendChild(groups.get(topic));
    }
    const box = document.getElementById("query-text");
    box.placeholder = "SELECT ?study ?label WHERE {\n  ?study a liskg:Study ; rdfs:label ?label .\n}\n\n" +
      "Prefixes declared for you: " + Object.keys(engine.prefixes).join(", ");
    menu.addEventListener("change", () => {
      const q = engine.queries.find((x) => x.name === menu.value);
      if (q) { box.value = q.text; runText(q.text, q.name); }
    });
    document.getElementById("query-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const q = engine.queries.find((x) => x.name === menu.value && x.text === box.value);
      runText(box.value, q ? q.name : "typed query");
    });
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) document.getElementById("query-run").click();
    });
    const filter = document.getElementById("row-filter");
    let narrowing = null;
    filter.addEventListener("input", () => {
      state.filter = filter.value;
      renderTable();
      clearTimeout(narrowing);  // the graph keeps the nodes of the rows kept
      narrowing = setTimeout(() => {
        if (!state.answer || !liskg.graph) return;
        const rows = state.filter.trim() ? state.shown : state.answer.cells.map((_, i) => i);
        liskg.graph.showAnswer(new Set(rows.flatMap((i) => state.answer.nodes[i])));
      }, 150);
    });
    // a reset within those 150 ms must not bring the narrowed answer back (and clear a search typed after it)
    document.getElementById("reset").addEventListener("click", () => clearTimeout(narrowing));
    document.getElementById("export-csv").addEventListener("click", () => download(csvText(), "text/csv", ".csv"));
    document.getElementById("export-md").addEventListener("click", () => download(markdownText(), "text/markdown", ".md"));
    new ResizeObserver(() => { if (state.answer) renderTable(); }).observe(document.getElementById("answer-scroll"));
    const status = document.getElementById("engine-status");
    status.textContent = "loading the SPARQL engine…";
    engine.ready.then(() => {
      status.textContent = engine.carried ? "Oxigraph " + engine.version + " · " + engine.triples + " triples"
        : "the build's answers: the graph's " + engine.triples.toLocaleString("en-US") + " triples are not in the page";
    }, (error) => { status.textContent = "the SPARQL engine failed: " + error.message; });
    registerTab("Answer");
    registerTab("Details");
  }

  setup();
  liskg.registerTab = registerTab;
  liskg.showTab = showTab;
  liskg.answers = {
    show: showAnswer, run: runText, selectRowsOf: selectRowsOf, humanRows: humanRows,
    current: () => state.answer,
    question: () => (state.answer ? state.question : ""),
    refresh: () => { if (state.answer) renderTable(); },
    csv: csvText, markdown: markdownText, shownRows: () => state.shown.slice(),
    csvRows: () => state.answer ? state.answer.rows.map((row) => row.map(csvCell)) : [],
    onAnswer: (listener) => listeners.push(listener),
  };
  liskg.onAnswer = liskg.answers.onAnswer;
})();
