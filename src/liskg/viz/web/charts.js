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

  async function render(container, specs, selection) {
    container.replaceChildren();
    const views = {};
    api.specs = {};
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
      const result = await window.vegaEmbed(target, chosen, {
        actions: false, renderer: "svg", ast: true, expr: window.vegaInterpreter,
      });
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
