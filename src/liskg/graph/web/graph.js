/* LiSKG graph page: draws the embedded graph with vis-network and wires the legend, filters,
   search and neighbourhood highlight. Every text from the data reaches the page through
   textContent (or vis-network's text-only labels), never as markup. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("liskg-data").textContent);
  const LABEL_MAX = 34;
  const DIM_NODE = { background: "#eeeeee", border: "#d8d8d8" };
  const EDGE_COLOR = "rgba(110,110,110,0.35)";
  const DIM_EDGE = "#ececec";
  const MAX_MATCHES = 100;

  const style = new Map(data.kinds.map((k) => [k.name, k]));
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const facetSets = data.nodes.map((n) => {
    const sets = {};
    for (const [facet, values] of Object.entries(n.facets)) sets[facet] = new Set(values);
    return sets;
  });
  const adjacency = new Map(data.nodes.map((n) => [n.id, new Set()]));
  for (const e of data.edges) {
    adjacency.get(e.from).add(e.to);
    adjacency.get(e.to).add(e.from);
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function shortLabel(text) {
    return text.length > LABEL_MAX ? text.slice(0, LABEL_MAX - 1) + "…" : text;
  }

  /* The hover card and the side panel: label, kind, summary, key numbers, reference and section. */
  function details(n) {
    const box = el("div", undefined, "node-details");
    box.appendChild(el("h2", n.label));
    box.appendChild(el("p", [n.kind, ...n.types.filter((t) => t !== n.kind), n.curie].join(" · "), "kind"));
    if (n.summary) box.appendChild(el("p", n.summary));
    if (n.numbers.length) {
      box.appendChild(el("p", "key numbers:"));
      const list = el("ul");
      for (const line of n.numbers) list.appendChild(el("li", line));
      box.appendChild(list);
    }
    const where = [];
    if (n.references.length) where.push("reference " + n.references.map((r) => "[" + r + "]").join(", "));
    if (n.sections.length) where.push("review section " + n.sections.join(", "));
    if (where.length) box.appendChild(el("p", where.join(" · "), "where"));
    return box;
  }

  /* Hubs get larger labels, so the most connected nodes stay named when the whole graph is in view;
     in a query or focus view the answers are named first and their context only when zoomed in. */
  const answerView = data.nodes.some((n) => n.answer);
  function labelSize(n) {
    if (answerView && !n.answer) return 8;
    return Math.round((answerView ? 12 : 9) + (answerView ? 2 : 3) * Math.sqrt(n.degree));
  }

  function baseColor(n) {
    const c = style.get(n.kind).color;
    const border = n.answer ? "#000000" : "#555555";
    return { background: c, border: border, highlight: { background: c, border: "#000000" },
             hover: { background: c, border: "#000000" } };
  }

  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, label: shortLabel(n.label), title: details(n), shape: style.get(n.kind).shape,
    value: Math.sqrt(n.degree + 1), color: baseColor(n), borderWidth: n.answer ? 4 : 1,
    font: { size: labelSize(n) },
    x: n.position[0], y: n.position[1], fixed: n.pinned,
  })));
  const edges = new vis.DataSet(data.edges.map((e, i) => ({
    id: i, from: e.from, to: e.to, label: e.label, title: e.label,
  })));

  /* Short springs keep the whole graph compact enough for hub labels to show; small views get room. */
  function springLength() {
    const count = data.nodes.length;
    return count > 300 ? 40 : count > 100 ? 100 : 130;
  }

  const options = {
    autoResize: true,
    layout: { randomSeed: 42, improvedLayout: false },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -45, centralGravity: 0.02, springLength: springLength(),
                          springConstant: 0.06, damping: 0.6, avoidOverlap: 0.6 },
      minVelocity: 2, timestep: 0.5,
      stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: true },
    },
    nodes: {
      font: { size: 12, face: "DejaVu Sans, Arial, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 6, max: 40, label: { enabled: false, maxVisible: 24, drawThreshold: 8 } },
    },
    edges: {
      smooth: false, width: 0.7, color: { color: EDGE_COLOR, highlight: "#333333", hover: "#555555" },
      arrows: { to: { enabled: true, scaleFactor: 0.35 } },
      font: { size: 8, color: "#555555", strokeWidth: 2, align: "middle" },
      scaling: { label: { enabled: false } },
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: true, hideEdgesOnZoom: true },
  };

  const state = { kinds: new Set(data.kinds.map((k) => k.name)), facets: {}, search: "", selected: null };
  const page = { data: data, nodes: nodes, edges: edges, ready: false, stabilizedMs: null };
  window.liskg = page;

  function passesFilters(n, i) {
    if (!state.kinds.has(n.kind)) return false;
    for (const [facet, value] of Object.entries(state.facets)) {
      if (value !== "" && !facetSets[i][facet].has(Number(value))) return false;
    }
    return true;
  }

  function currentView() {
    const passing = new Set();
    data.nodes.forEach((n, i) => { if (passesFilters(n, i)) passing.add(n.id); });
    const term = state.search.trim().toLowerCase();
    if (!term) return { visible: passing, matches: [] };
    const matches = data.nodes.filter((n) => passing.has(n.id) &&
      (n.label.toLowerCase().includes(term) || n.curie.toLowerCase().includes(term)));
    const visible = new Set();
    for (const n of matches) {
      visible.add(n.id);
      for (const m of adjacency.get(n.id)) if (passing.has(m)) visible.add(m);
    }
    return { visible: visible, matches: matches };
  }

  /* Hide what the filters and search exclude; dim what lies outside the clicked node's neighbourhood. */
  function apply(refit) {
    const view = currentView();
    const matched = new Set(view.matches.map((n) => n.id));
    const focus = state.selected ? new Set([state.selected, ...adjacency.get(state.selected)]) : null;
    nodes.update(data.nodes.map((n) => {
      const dimmed = focus && !focus.has(n.id);
      return { id: n.id, hidden: !view.visible.has(n.id), color: dimmed ? DIM_NODE : baseColor(n),
               borderWidth: matched.has(n.id) || n.answer ? 4 : 1,
               font: { size: labelSize(n), color: dimmed ? "#d4d4d4" : "#222222" } };
    }));
    let shown = 0;
    edges.update(data.edges.map((e, i) => {
      const hidden = !(view.visible.has(e.from) && view.visible.has(e.to));
      if (!hidden) shown += 1;
      const dimmed = focus && e.from !== state.selected && e.to !== state.selected;
      return { id: i, hidden: hidden, color: { color: dimmed ? DIM_EDGE : EDGE_COLOR },
               font: { color: dimmed ? "#dddddd" : "#555555" } };
    }));
    document.getElementById("status").textContent =
      view.visible.size + " of " + data.nodes.length + " nodes, " + shown + " of " + data.edges.length +
      " links shown" + (state.search.trim() ? " · " + view.matches.length + " matching" : "");
    showMatches(view.matches);
    document.dispatchEvent(new CustomEvent("liskg:view", { detail: { selection: chartSelection() } }));
    if (refit && page.network && view.visible.size) page.network.fit({ nodes: [...view.visible], animation: false });
  }

  /* The studies the charts show (web/charts.js): those the facet filters keep, or the clicked study; null: all. */
  function chartSelection() {
    const chosen = data.nodes.find((n) => n.id === state.selected);
    if (chosen && chosen.kind === "study") return { studies: [chosen.id] };
    const studies = data.nodes.filter((n, i) => n.kind === "study" && Object.entries(state.facets).every(
      ([facet, value]) => value === "" || facetSets[i][facet].has(Number(value)))).map((n) => n.id);
    return studies.length === data.nodes.filter((n) => n.kind === "study").length ? null : { studies: studies };
  }

  function showMatches(matches) {
    const list = document.getElementById("matches");
    list.replaceChildren();
    for (const n of matches.slice(0, MAX_MATCHES)) {
      const item = el("li");
      const button = el("button", n.label);
      button.type = "button";
      button.title = n.kind;
      button.addEventListener("click", () => select(n.id, true));
      item.appendChild(button);
      list.appendChild(item);
    }
    if (matches.length > MAX_MATCHES) list.appendChild(el("li", "… " + (matches.length - MAX_MATCHES) + " more"));
  }

  function select(id, focus) {
    state.selected = id;
    const panel = document.getElementById("details");
    panel.replaceChildren();
    if (!id) {
      panel.appendChild(el("p", "Hover a node for its details; click it to highlight its neighbourhood.", "hint"));
    } else {
      panel.appendChild(details(byId.get(id)));
      panel.appendChild(el("p", adjacency.get(id).size ? "links:" : "no links"));
      const list = el("ul", undefined, "links");
      for (const e of data.edges) {
        if (e.from !== id && e.to !== id) continue;
        const other = byId.get(e.from === id ? e.to : e.from);
        const item = el("li", e.from === id ? e.label + " → " : "← " + e.label + " ");
        const button = el("button", other.label);
        button.type = "button";
        button.addEventListener("click", () => select(other.id, true));
        item.appendChild(button);
        list.appendChild(item);
      }
      panel.appendChild(list);
      if (focus && page.network) {
        page.network.selectNodes([id]);
        page.network.focus(id, { scale: 1.0, animation: false });
      }
    }
    apply(false);
  }

  function buildControls() {
    document.title = data.title;
    document.getElementById("title").textContent = data.title;
    document.getElementById("subtitle").textContent = data.subtitle;
    const legend = document.getElementById("legend");
    for (const kind of data.kinds) {
      const count = data.nodes.filter((n) => n.kind === kind.name).length;
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.kind = kind.name;
      box.addEventListener("change", () => {
        if (box.checked) state.kinds.add(kind.name); else state.kinds.delete(kind.name);
        apply(true);
      });
      const swatch = el("span", undefined, "swatch");
      swatch.style.background = kind.color;
      label.append(box, swatch, el("span", kind.name + " (" + kind.shape + ")"), el("span", String(count), "count"));
      legend.appendChild(label);
    }
    if (data.nodes.some((n) => n.answer)) legend.appendChild(el("p", "thick black border: answer", "note"));
    for (const menu of document.querySelectorAll("select[data-facet]")) {
      const facet = menu.dataset.facet;
      for (const [index, depth] of data.facets[facet]) {
        const option = el("option", "\u00a0\u00a0".repeat(depth) + data.nodes[index].label);
        option.value = String(index);
        menu.appendChild(option);
      }
      menu.disabled = data.facets[facet].length === 0;
      state.facets[facet] = "";
      menu.addEventListener("change", () => { state.facets[facet] = menu.value; apply(true); });
    }
    const search = document.getElementById("search");
    search.addEventListener("input", () => { state.search = search.value; apply(true); });
    document.getElementById("reset").addEventListener("click", () => {
      search.value = "";
      state.search = "";
      for (const box of legend.querySelectorAll("input")) box.checked = true;
      state.kinds = new Set(data.kinds.map((k) => k.name));
      for (const menu of document.querySelectorAll("select[data-facet]")) {
        menu.value = "";
        state.facets[menu.dataset.facet] = "";
      }
      select(null, false);
      page.network.fit({ animation: false });
    });
  }

  buildControls();
  const started = performance.now();
  const network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, options);
  page.network = network;
  network.on("stabilizationProgress", (p) => {
    document.getElementById("status").textContent = "laying out the graph: " + p.iterations + " of " + p.total;
  });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    page.stabilizedMs = Math.round(performance.now() - started);
    page.ready = true;
    apply(false);
  });
  network.on("click", (params) => select(params.nodes.length ? params.nodes[0] : null, false));
  apply(false);
})();
