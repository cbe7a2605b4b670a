/* LiSKG charts in the page: the Vega-Lite specifications `liskg plot` draws, rendered by the vendored
   vega-embed with the CSP-safe expression interpreter (no eval, no request to any host).

   window.LiskgCharts.render(container, specs, selection) draws every chart of SPECS (name -> spec with
   its data) into CONTAINER, keeping only the rows of the studies in SELECTION ({studies: [IRI, ...]};
   null or no studies key: every row). The matrix counts again over the selected studies.
   A page with a <script type="application/json" id="liskg-charts"> block gets a Charts tab here; its
   charts follow the page's "liskg:view" event (the studies it shows). */
(function () {
  "use strict";

  function selectedRows(values, selection) {
    if (!selection || !selection.studies) return values;
    const keep = new Set(selection.studies);
    return values.flatMap((row) => {
      if ("studies" in row) {  // a matrix cell: count its studies that are selected
        const studies = (row.studies || "").split(" ").filter((s) => s && keep.has(s));
        return [Object.assign({}, row, { studies: studies.join(" "), count: studies.length })];
      }
      return !("study" in row) || keep.has(row.study) ? [row] : [];
    });
  }

  function selectedSpec(spec, selection) {
    const copy = JSON.parse(JSON.stringify(spec));
    copy.data = { values: selectedRows(spec.data.values, selection) };
    return copy;
  }

  /* A chart wider than its panel by EXCESS px made narrower: side-by-side panels stacked, else its plot
     width reduced (never below 160 px); false when nothing is left to narrow. */
  function narrower(spec, excess) {
    if (spec.hconcat) { spec.vconcat = spec.hconcat; delete spec.hconcat; return true; }
    const parts = spec.vconcat || [spec.spec || spec];
    let changed = false;
    for (const part of parts) {
      if (typeof part.width === "number" && part.width > 160) { part.width = Math.max(160, part.width - excess - 8); changed = true; }
    }
    return changed;
  }

  async function draw(target, chosen, room) {
    let result = null;
    for (let attempt = 0; attempt < 4; attempt++) {
      if (result) result.view.finalize();
      target.replaceChildren();
      result = await window.vegaEmbed(target, chosen, { actions: false, renderer: "svg", ast: true, expr: window.vegaInterpreter });
      const svg = target.querySelector("svg");
      const excess = svg ? Math.ceil(svg.getBoundingClientRect().width) - room : 0;
      if (excess <= 0 || !narrower(chosen, excess)) break;
    }
    return result;
  }

  async function render(container, specs, selection) {
    container.replaceChildren();
    const views = {};
    api.specs = {};
    const said = document.createElement("p");
    said.id = "charts-filters";
    said.textContent = selection && selection.studies
      ? "showing " + selection.studies.length + " stud" + (selection.studies.length === 1 ? "y" : "ies") +
        (selection.filters ? " (" + selection.filters + ")" : "") + "; reset the filters for all"
      : "showing every study: choose an interface, electrolyte or method above to narrow the charts";
    container.appendChild(said);
    const room = Math.max(240, container.clientWidth - 4);
    for (const [name, spec] of Object.entries(specs)) {
      const figure = document.createElement("figure");
      figure.className = "liskg-chart";
      figure.dataset.chart = name;
      const target = document.createElement("div");
      figure.appendChild(target);
      container.appendChild(figure);
      const chosen = selectedSpec(spec, selection);
      api.specs[name] = chosen;
      if (!chosen.data.values.length) {
        target.textContent = "no numbers of the selected studies for this chart";
        continue;
      }
      const result = await draw(target, chosen, room);
      views[name] = result.view;
    }
    return views;
  }

  const api = { render: render, selectedRows: selectedRows, views: {}, specs: {}, ready: false, drawn: 0 };
  window.LiskgCharts = api;

  /* The page's Charts tab (liskg.registerTab, web/answers.js): drawn when first shown, then again on each
     "liskg:view" event of the page (the studies its facet filters keep) while it is shown. */
  function wire() {
    const block = document.getElementById("liskg-charts");
    if (!block || !window.liskg || !window.liskg.registerTab) return;
    const specs = JSON.parse(block.textContent);
    const container = document.createElement("div");
    container.id = "charts";
    let pending = Promise.resolve();
    let selection = null;
    function draw() {
      pending = pending.then(() => render(container, specs, selection)).then((views) => {
        api.views = views; api.ready = true; api.drawn += 1;
      }).catch((error) => { container.textContent = "charts could not be drawn: " + error; });
    }
    const section = window.liskg.registerTab("Charts", (tab) => { tab.appendChild(container); draw(); });
    document.addEventListener("liskg:view", (event) => {
      selection = event.detail && event.detail.selection;
      if (!section.hidden && container.isConnected) draw();
      else api.stale = true;
    });
    document.querySelector("#tabs button[data-tab='Charts']").addEventListener("click", () => {
      if (api.stale && container.isConnected) { api.stale = false; draw(); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
