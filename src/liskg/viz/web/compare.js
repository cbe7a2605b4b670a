/* LiSKG page: the Compare tab. For a quantity chosen in its menu it shows the table
   `liskg compare --quantity QUANTITY` prints (rows are studies, one column per quantity and unit), shipped
   in the page's <script type="application/json" id="liskg-compare"> block (liskg.viz.views.compare_tables),
   and exports it from its CSV and Markdown buttons: the files are made here, in the browser, and are what
   `liskg compare --quantity QUANTITY --format csv|md` writes (CSV in the long form: one line per number,
   labels, numbers, units and conditions in columns of their own, the reference number). Cells are built
   with textContent only. */
(function () {
  "use strict";

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* A CSV field as Python's csv module writes it (QUOTE_MINIMAL). */
  function csvField(text) { return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }
  function csvText(table) {
    return [table.record_headers].concat(table.records).map((row) => row.map(csvField).join(",")).join("\n") + "\n";
  }
  /* As `liskg compare --format md` (liskg.querying.grid.markdown): the description, the table, the notes. */
  function markdownText(table) {
    const escape = (cell) => cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
    const lines = ["| " + table.headers.join(" | ") + " |", "|" + table.headers.map(() => "---").join("|") + "|"]
      .concat(table.rows.map((row) => "| " + row.map(escape).join(" | ") + " |"));
    return [table.description + ":", lines.join("\n")].concat(table.notes).join("\n\n") + "\n";
  }
  function slug(text) { return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""); }

  const api = { current: null, tables: [] };

  function numbersIn(table) { return table.records.length; }

  function show(quantity) {
    const table = api.tables.find((t) => t.quantity === quantity);
    if (!table) return false;
    api.current = table;
    document.getElementById("compare-menu").value = quantity;
    document.getElementById("compare-description").textContent = table.description + ":";
    document.getElementById("compare-command").textContent =
      "the rows of liskg compare --quantity \"" + quantity + "\" (" + numbersIn(table) + " number" +
      (numbersIn(table) === 1 ? "" : "s") + "; every study: the page's filters do not narrow it)";
    const element = document.getElementById("compare-table");
    const head = el("tr");
    table.headers.forEach((name, c) => {
      const th = el("th", name);
      if (c === 1) th.className = "number";
      head.appendChild(th);
    });
    element.tHead.replaceChildren(head);
    const body = element.tBodies[0];
    body.replaceChildren();
    for (const row of table.rows) {
      const tr = el("tr");
      row.forEach((cell, c) => tr.appendChild(el("td", cell, c === 1 ? "number" : c > 3 ? "value" : undefined)));
      body.appendChild(tr);
    }
    const notes = document.getElementById("compare-notes");
    notes.replaceChildren(...table.notes.map((note) => el("p", note)));
    return true;
  }

  function render(section) {
    const tools = el("div", undefined, "compare-tools");
    const label = el("label", "quantity ");
    const menu = el("select");
    menu.id = "compare-menu";
    menu.setAttribute("aria-label", "the quantity to compare");
    for (const table of api.tables) {
      const option = el("option", table.quantity + " (" + numbersIn(table) + ")");
      option.value = table.quantity;
      menu.appendChild(option);
    }
    menu.addEventListener("change", () => show(menu.value));
    label.appendChild(menu);
    tools.appendChild(label);
    const exports = el("span", "export ", "export");
    const csv = el("button", "CSV");
    csv.type = "button";
    csv.id = "compare-csv";
    csv.title = "the table as CSV, one line per number: labels, numbers, units, conditions and reference numbers in columns of their own";
    csv.addEventListener("click", () => api.current && window.liskg.download(csvText(api.current), "text/csv", "compare-" + slug(api.current.quantity) + ".csv"));
    const md = el("button", "Markdown");
    md.type = "button";
    md.id = "compare-md";
    md.title = "the table as Markdown, with its notes";
    md.addEventListener("click", () => api.current && window.liskg.download(markdownText(api.current), "text/markdown", "compare-" + slug(api.current.quantity) + ".md"));
    exports.append(csv, " ", md);
    tools.appendChild(exports);
    section.appendChild(tools);
    const description = el("p", undefined, "compare-description");
    description.id = "compare-description";
    const command = el("p", undefined, "compare-command");
    command.id = "compare-command";
    const scroll = el("div", undefined, "compare-scroll");
    const table = el("table");
    table.id = "compare-table";
    table.append(el("thead"), el("tbody"));
    scroll.appendChild(table);
    const notes = el("div", undefined, "compare-notes");
    notes.id = "compare-notes";
    section.append(description, command, scroll, notes);
    // the quantity with the most numbers first (ties: the first by name)
    const most = api.tables.reduce((best, t) => (!best || numbersIn(t) > numbersIn(best) ? t : best), null);
    if (most) show(most.quantity);
  }

  function wire() {
    const block = document.getElementById("liskg-compare");
    if (!block || !window.liskg || !window.liskg.registerTab) return;
    const data = JSON.parse(block.textContent);
    api.tables = data.quantities || [];
    if (!api.tables.length) return;
    window.liskg.registerTab("Compare", render);
  }

  api.show = show;
  api.csv = () => (api.current ? csvText(api.current) : "");
  api.markdown = () => (api.current ? markdownText(api.current) : "");
  window.liskg = window.liskg || {};
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => { wire(); window.liskg.compare = api; });
  else { wire(); window.liskg.compare = api; }
})();
