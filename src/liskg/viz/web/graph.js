/* LiSKG page: draws the embedded graph with vis-network at the positions computed in Python (no
   physics), and wires the legend, filters, search, clusters of the overview and the highlight of
   answers. Every text from the data reaches the page through textContent (or vis-network's
   text-only labels), never as markup. */
(function () {
  "use strict";
  const liskg = window.liskg;
  const data = JSON.parse(document.getElementById("liskg-data").textContent);
  const FONT = 14;
  /* Labels are read on screen: vis-network draws a label at font size × scale CSS px, and draws none
     below MIN_PX (its drawThreshold). Where the view is fitted small, labels get a larger font (TARGET_PX
     on screen) and fewer of them are drawn: the selected node and its neighbours, the answers or matches,
     the interfaces and the counts first, then the others by degree, each only where it overlaps no label
     drawn before it and (but for the selection's and the answers') no node, cut at a word when the whole
     name has no room; the rest show on hover and on zoom. */
  const MIN_PX = 11, TARGET_PX = 12.5, EDGE_FONT = 10;
  const EDGE_COLOR = "rgba(110,110,110,0.30)";
  const MAX_MATCHES = 100;
  const MAX_LINKS_LISTED = 60;   // a hub's links beyond this are counted, not listed
  const MAX_NAMED_NEIGHBOURS = 60;  // a neighbourhood larger than this names only the clicked node

  const style = new Map(data.kinds.map((k) => [k.name, k]));
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const facetSets = data.nodes.map((n) => {
    const sets = {};
    for (const [facet, values] of Object.entries(n.facets)) sets[facet] = new Set(values);
    return sets;
  });
  const adjacency = new Map(data.nodes.map((n) => [n.id, new Set()]));
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  data.edges.forEach((e, i) => {
    adjacency.get(e.from).add(e.to);
    adjacency.get(e.to).add(e.from);
    edgesOf.get(e.from).push(i);
    edgesOf.get(e.to).push(i);
  });
  /* Slots: each group's positions in reading order; filters move what remains into the first ones. */
  const slots = new Map();
  for (const n of data.nodes) {
    if (!slots.has(n.group)) slots.set(n.group, []);
    slots.get(n.group).push(n);
  }
  for (const members of slots.values()) members.sort((a, b) => a.position[0] - b.position[0] || a.position[1] - b.position[1]);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* The hover card and the details tab: label, kind, key number, summary, all numbers, reference, section. */
  function details(n) {
    const box = el("div", undefined, "node-details");
    box.appendChild(el("h2", n.label));
    box.appendChild(el("p", [n.kind, ...n.types.filter((t) => t !== n.kind), n.curie].join(" · "), "kind"));
    if (n.names.length) box.appendChild(el("p", "also: " + n.names.join(", "), "names"));
    if (n.key) box.appendChild(el("p", "key number: " + n.key, "key"));
    if (n.summary) box.appendChild(el("p", n.summary));
    if (n.numbers.length > (n.key ? 1 : 0)) {
      box.appendChild(el("p", "numbers:"));
      const list = el("ul");
      for (const line of n.numbers) list.appendChild(el("li", line));
      box.appendChild(list);
    }
    const where = [];
    if (n.references.length) where.push("reference " + n.references.map((r) => "[" + r + "]").join(", "));
    if (n.sections.length) where.push("review section " + n.sections.join(", "));
    if (n.sources) where.push("from " + n.sources.join(", "));  // a DOI outside the review, a sheet row
    if (where.length) box.appendChild(el("p", where.join(" · "), "where"));
    return box;
  }

  function baseColor(n) {
    const c = style.get(n.kind).color;
    return { background: c, border: n.answer ? "#000000" : "#555555",
             highlight: { background: c, border: "#000000" }, hover: { background: c, border: "#000000" } };
  }

  const shippedAnswers = new Set(data.nodes.filter((n) => n.answer).map((n) => n.id));
  const state = { kinds: new Set(data.kinds.map((k) => k.name)), facets: {}, search: "", selected: null,
                  answers: null, named: null, expanded: new Set(), labelled: new Set(data.nodes.filter((n) => n.labelled).map((n) => n.id)) };

  function nodeView(n, position) {
    const answer = state.answers ? state.answers.has(n.id) : n.answer;
    const named = state.named ? state.named.has(n.id) : state.labelled.has(n.id) || answer;
    wants.set(n.id, named ? n.short : "");
    return { id: n.id, borderWidth: answer ? 4 : 1,
             color: baseColor(Object.assign({}, n, { answer: answer })), x: position[0], y: position[1] };
  }

  /* The DataSets start empty: the first view adds every node and link with its fixed properties. */
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  function fixedNode(id) {
    const n = byId.get(id);
    if (!n) {
      const { weight: w, ...count } = countNodes.find((c) => c.id === id);
      return Object.assign(count, { size: sizeOf(w) });
    }
    return { shape: style.get(n.kind).shape, size: sizeOf(weight(n)), label: "" };
  }
  /* A node's size: what vis-network's value scaling (6 to 22, linear) gives its weight among all the
     view's nodes, fixed up front (with values, every DataSet update rescaled every node). */
  function weight(n) { return data.small_nodes && n.kind !== "interface" ? 1 : Math.sqrt(n.degree + 1); }
  let weights = null;
  function sizeOf(w) {
    if (!weights) {
      let low = Infinity, high = -Infinity;  // a loop: Math.min(...all) overflows the stack at 233,200 nodes (10M)
      for (const v of data.nodes.map(weight).concat(countNodes.map((c) => c.weight))) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
      weights = [low, high];
    }
    return weights[1] === weights[0] ? 14 : 6 + 16 * (w - weights[0]) / (weights[1] - weights[0]);
  }

  const options = {
    autoResize: true,
    layout: { randomSeed: 42, improvedLayout: false },
    physics: { enabled: false },
    nodes: {
      font: { size: FONT, face: "DejaVu Sans, Arial, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: MIN_PX + 1, maxVisible: 30 } },
    },
    edges: {
      smooth: false, width: 0.7, selectionWidth: 1.5,
      color: { color: EDGE_COLOR, highlight: "#222222", hover: "#555555" },
      arrows: { to: { enabled: true, scaleFactor: 0.35 } },
      font: { size: EDGE_FONT, color: "#333333", strokeWidth: 3, align: "middle" },
      scaling: { label: { drawThreshold: MIN_PX + 1, maxVisible: 30 } },
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: true, hideEdgesOnZoom: true },
  };

  const page = { data: data, nodes: nodes, edges: edges, ready: false, drawnMs: null, interactiveMs: null };
  Object.assign(liskg, page);

  function passesFilters(n, i) {
    if (!state.kinds.has(n.kind)) return false;
    for (const [facet, value] of Object.entries(state.facets)) {
      if (value !== "" && !facetSets[i][facet].has(Number(value))) return false;
    }
    return true;
  }

  /* A node matches a search when its label, CURIE, other names (synonyms, formulas) or the names of the
     ontology terms it links to undrawn (a cell's format: "pouch cell", "soft-packed cell") contain the
     text; a material also when one of its electrolyte classes does (the ontology's families: "garnet"
     finds LLZO, LLZ, LLZTO and Ta-doped LLZO; "sulfide" finds Li6PS5Cl and LGPS). */
  const lowered = new Map();
  function searchNames(n) {
    if (!lowered.has(n.id)) {
      const own = [n.label, n.curie, ...n.names, ...(n.linked || [])];
      const families = n.kind === "material" ? [...facetSets[indexOf.get(n.id)]["electrolyte class"]]
        .flatMap((i) => [data.nodes[i].label, ...data.nodes[i].names]) : [];
      lowered.set(n.id, own.concat(families).map((t) => t.toLowerCase()));
    }
    return lowered.get(n.id);
  }
  function matchesSearch(n, term) { return searchNames(n).some((name) => name.includes(term)); }
  const indexOf = new Map(data.nodes.map((n, i) => [n.id, i]));
  /* The facets of an answer row (web/answers.js): the row passes when one of its most specific nodes
     (its strategies, else its studies, else ... any) passes the interface, electrolyte and method filters. */
  const ROW_KINDS = ["strategy", "study", "cell", "material", "failure mode", "claim", "method", "electrolyte class", "interface"];
  function passesFacets(id) {
    const i = indexOf.get(id);
    return i !== undefined && Object.entries(state.facets).every(([facet, value]) => value === "" || facetSets[i][facet].has(Number(value)));
  }
  function rowPasses(ids) {
    if (!Object.values(state.facets).some((v) => v !== "")) return true;
    const known = ids.filter((id) => byId.has(id));
    for (const kind of ROW_KINDS) {
      const of = known.filter((id) => byId.get(id).kind === kind);
      if (of.length) return of.some(passesFacets);
    }
    return false;
  }

  /* What is shown: the filters, then the search matches or the answer nodes with their neighbours. */
  function currentView() {
    const passing = new Set();
    data.nodes.forEach((n, i) => { if (passesFilters(n, i)) passing.add(n.id); });
    const term = state.search.trim().toLowerCase();
    const matches = term ? data.nodes.filter((n) => passing.has(n.id) && matchesSearch(n, term)) : [];
    const centres = term ? matches.map((n) => n.id) : state.answers ? [...state.answers].filter((id) => passing.has(id)) : null;
    if (!centres) return { visible: passing, matches: matches };
    const visible = new Set();
    for (const id of centres) {
      visible.add(id);
      for (const m of adjacency.get(id)) if (passing.has(m)) visible.add(m);
    }
    return { visible: visible, matches: matches };
  }

  /* Overview counts: the materials, claims and cells of a lane are one node ("35 materials") until expanded. */
  const countGroups = [...slots.entries()].filter(([, members]) => data.collapsed.includes(members[0].kind) && members.length > 1);
  const countOf = new Map(countGroups.map(([group]) => ["count:" + group, group]));
  const countNodes = countGroups.map(([group, members]) => {
    const k = style.get(members[0].kind);
    const x = members.reduce((a, n) => a + n.position[0], 0) / members.length;
    const y = members.reduce((a, n) => a + n.position[1], 0) / members.length;
    return { id: "count:" + group, shape: k.shape, color: { background: k.color, border: "#555555" }, borderWidth: 1,
             weight: Math.sqrt(members.length) * 3, x: Math.round(x), y: Math.round(y),
             hint: "click to show them", hidden: true, label: "" };
  });
  function collapsedNow() { return data.collapsed.length && !state.search.trim() && !state.answers; }
  function plural(kind, count) {
    const plurals = { strategy: "strategies", study: "studies", "electrolyte class": "electrolyte classes" };
    return count.toLocaleString("en-US") + " " + (count === 1 ? kind : plurals[kind] || kind + "s");
  }

  /* Updates for vis-network's DataSets, only for what changed since the last view (updates are costly). */
  const drawnNodes = new Map(), drawnEdges = new Map();
  function changed(cache, item) {
    const key = JSON.stringify(item);
    if (cache.get(item.id) === key) return false;
    cache.set(item.id, key);
    return true;
  }
  /* A node or link enters the DataSets when first shown (vis-network builds an object for every item,
     hidden or not: at 10x that was most of the time to the first frame); later updates only change it. */
  const added = new Set();
  function withFixed(fixed, prefix) {
    return (item) => {
      if (added.has(prefix + item.id)) return item;
      added.add(prefix + item.id);
      return Object.assign({}, fixed(item.id), item);
    };
  }
  function wanted(prefix) { return (item) => !item.hidden || added.has(prefix + item.id); }
  const fixedEdge = (i) => ({ from: data.edges[i].from, to: data.edges[i].to, title: data.edges[i].label });

  /* vis-network redraws the whole canvas, at once, after every DataSet update (its physics is off):
     updates made together are drawn once, at the next frame. */
  function drawnOnce(work) {
    network.body.emitter.emit("_blockRedraw");
    try { work(); } finally {
      network.body.emitter.emit("_allowRedraw");
      network.body.emitter.emit("_requestRedraw");
    }
  }

  /* Close the gaps that hidden lanes and bands leave: consecutive distinct x (and y) of what is shown
     end up at most MAX_GAP apart, in the same order, so what remains is laid out compactly. */
  const MAX_GAP = { x: 250, y: 60 };
  function compress(shown) {
    for (const axis of ["x", "y"]) {
      const values = [...new Set(shown.map((u) => u[axis]))].sort((a, b) => a - b);
      const moved = new Map();
      let last = null, at = 0;
      for (const v of values) {
        at = last === null ? v : at + Math.min(v - last, MAX_GAP[axis]);
        moved.set(v, at);
        last = v;
      }
      for (const u of shown) u[axis] = moved.get(u[axis]);
    }
  }

  /* A search or an answer is laid out afresh, as the Python answer view is (liskg.viz.layout): a column
     per kind group, rows a label high for named nodes, columns as wide as their widest label. */
  function kindColumns(ids, named) {
    const L = data.layout, at = new Map();
    let x = 0;
    for (const kinds of L.columns) {
      const column = data.nodes.filter((n) => ids.has(n.id) && kinds.includes(n.kind))
        .sort((a, b) => (named.has(b.id) - named.has(a.id)) || a.label.localeCompare(b.label));
      const chunks = [];
      let chunk = [], height = 0;
      for (const n of column) {
        const row = named.has(n.id) ? L.labelled_row : L.plain_row;
        if (chunk.length && height + row > L.max_height) { chunks.push(chunk); chunk = []; height = 0; }
        chunk.push(n);
        height += row;
      }
      if (chunk.length) chunks.push(chunk);
      for (const c of chunks) {
        const width = Math.max(L.plain_column, ...c.filter((n) => named.has(n.id)).map((n) => n.short.length * L.char_width));
        const rows = c.map((n) => (named.has(n.id) ? L.labelled_row : L.plain_row));
        let y = -rows.reduce((a, b) => a + b, 0) / 2;
        c.forEach((n, i) => { at.set(n.id, [Math.round(x + width / 2), Math.round(y + rows[i] / 2)]); y += rows[i]; });
        x += width + L.gap;
      }
    }
    return at;
  }

  /* Show what the view keeps, and re-fit: everything at its place; a search or an answer in kind
     columns; what filters keep moved into the first slots of its lane and band, gaps closed. */
  function apply(refit) {
    const view = currentView();
    const shipped = state.answers && state.answers.size === shippedAnswers.size &&
      [...state.answers].every((id) => shippedAnswers.has(id));  // the view's own answer: Python's layout
    state.named = state.search.trim() || (state.answers && !shipped)
      ? new Set([...view.matches.map((n) => n.id), ...(state.answers || [])].filter((id) => view.visible.has(id))) : null;
    if (state.named) for (const id of view.visible) if (byId.get(id).kind === "interface") state.named.add(id);
    const fresh = state.named ? kindColumns(view.visible, state.named) : null;
    const everything = view.visible.size === data.nodes.length;
    const counted = collapsedNow();
    const drawn = new Set();
    const updates = [];
    for (const [group, members] of slots) {
      const count = "count:" + group;
      const folded = counted && countOf.has(count) && !state.expanded.has(group);
      let k = 0;
      for (const n of members) {
        const shown = view.visible.has(n.id) && !folded;
        const position = fresh && shown ? fresh.get(n.id)
          : everything || folded ? n.position : shown ? members[k++].position : n.position;
        if (shown) drawn.add(n.id);
        updates.push(Object.assign(nodeView(n, position), { hidden: !shown }));
      }
      if (countOf.has(count)) {
        const inView = members.filter((n) => view.visible.has(n.id)).length;
        const at = countNodes.find((c) => c.id === count);
        wants.set(count, plural(members[0].kind, inView));
        updates.push({ id: count, hidden: !(folded && inView), x: at.x, y: at.y,
                       hint: "click to show these " + plural(members[0].kind, inView) });
        if (folded && inView) drawn.add(count);
      }
    }
    // gaps closed where filters hid nodes, and in a summary, where counts stand for whole bands
    if ((!everything || (counted && data.summary)) && !fresh) compress(updates.filter((u) => !u.hidden));
    let shownEdges = 0;
    shownNodes = drawn;
    undrawnNow = !fresh;  // Python's answer view leaves out some links (liskg.viz.layout.undrawn_links)
    const edgeUpdates = data.edges.map((e, i) => {
      const hidden = !(drawn.has(e.from) && drawn.has(e.to)) || (undrawnNow && !!e.undrawn && !revealed.has(i));
      if (!hidden) shownEdges += 1;
      return { id: i, hidden: hidden };
    });
    drawnOnce(() => {
      nodes.update(updates.filter(wanted("n")).filter((u) => changed(drawnNodes, u)).map(withFixed(fixedNode, "n")));
      edges.update(edgeUpdates.filter(wanted("e")).filter((u) => changed(drawnEdges, u)).map(withFixed(fixedEdge, "e")));
    });
    liskg.shown = view.visible;
    const drawnItself = [...drawn].filter((id) => !countOf.has(id)).length;
    const n = (count) => count.toLocaleString("en-US");  // 23,383 as a researcher writes it
    document.getElementById("status").textContent =
      n(drawnItself) + " of " + n(data.nodes.length) + " nodes, " + n(shownEdges) + " of " + n(data.edges.length) +
      " links drawn" + (drawnItself < view.visible.size ? ", " + n(view.visible.size - drawnItself) + " counted" : "") +
      (state.search.trim() ? " · " + n(view.matches.length) + " matching" : "");
    updateLegend(view.visible);
    showMatches(view.matches);
    if (refit && network && drawn.size) {
      network.setSize("100%", "100%");  // the view's size now (the dock widens when an answer shows)
      const whole = fitRoom([...drawn], 1.5, false);
      if ((state.answers || state.named) && whole < MIN_FIT_SCALE && !fitRoom([...drawn], 1, true)) {
        document.getElementById("status").textContent += " · showing the top: zoom out for the rest";
      }
    }
    fitLabels();
    retitle();
    document.dispatchEvent(new CustomEvent("liskg:view", { detail: { selection: chartSelection() } }));
  }

  /* The title names what the graph shows: a search's text, else the question whose answer it shows, else
     the page's own title (after reset, or with no answer). */
  function retitle() {
    const term = state.search.trim();
    const question = state.answers && liskg.answers && liskg.answers.question ? liskg.answers.question() : "";
    const title = term ? "names matching “" + term + "”" : question || data.title;
    document.getElementById("title").textContent = title;
    document.title = title === data.title ? title : title + " · LiSKG";
    // a question that is the title now is not said twice
    document.getElementById("subtitle").textContent = question && !term ? data.subtitle.replace("; " + question, "") : data.subtitle;
  }

  /* Fit IDS to the canvas with room for their labels: the scale (at most MAX) and centre at which every
     node, the label under it (cut at 20 characters, at the size it is drawn on screen) and half of that
     label beside it stay inside the canvas, MARGIN px from its edges. TOP: a column layout too tall to read
     whole opens at its top, as wide as the canvas, at a scale of at least MIN_FIT_SCALE. Returns the
     whole-view scale; with TOP, whether the whole view fits after all. */
  const MIN_FIT_SCALE = 0.3, MARGIN = 8;
  function fitRoom(ids, max, top) {
    const box = document.getElementById("network");
    const W = box.clientWidth - 2 * MARGIN, H = box.clientHeight - 2 * MARGIN;
    const at = network.getPositions(ids);
    const items = ids.filter((id) => at[id] && network.body.nodes[id]).map((id) => {
      const label = cutAtWord(wants.get(id) || "", 20);
      return { x: at[id].x, y: at[id].y, size: network.body.nodes[id].options.size || 10,
               half: label ? textWidth(label, TARGET_PX) / 2 + 2 : 0, line: label ? 1 : 0 };
    });
    if (!items.length || W <= 0 || H <= 0) return 1;
    const extent = (scale) => {  // the drawn box on screen at SCALE, in canvas units times scale
      const px = Math.max(TARGET_PX, FONT * scale), grow = px / TARGET_PX;
      let left = Infinity, right = -Infinity, up = Infinity, down = -Infinity;
      for (const n of items) {
        const reach = Math.max(n.size * scale, n.half * grow);
        left = Math.min(left, n.x * scale - reach);
        right = Math.max(right, n.x * scale + reach);
        up = Math.min(up, (n.y - n.size) * scale);
        down = Math.max(down, (n.y + n.size) * scale + n.line * (px * 1.2 + 4));
      }
      return { left: left, right: right, up: up, down: down };
    };
    const fits = (scale, tall) => { const e = extent(scale); return e.right - e.left <= W && (tall || e.down - e.up <= H); };
    let low = 0.02, high = max;
    if (fits(high, top)) low = high;
    else for (let k = 0; k < 24; k++) { const mid = (low + high) / 2; if (fits(mid, top)) low = mid; else high = mid; }
    const scale = top ? Math.max(low, MIN_FIT_SCALE) : low, e = extent(scale);
    const y = top && e.down - e.up > H ? (e.up + H / 2) / scale : (e.up + e.down) / 2 / scale;
    network.moveTo({ position: { x: (e.left + e.right) / 2 / scale, y: y }, scale: scale, animation: false });
    return top ? e.down - e.up <= H : scale;
  }

  /* What the filters keep, in words ("interface: Li/SSE interface; electrolyte class: garnet-type electrolyte"); "" for none. */
  function describeFilters() {
    return Object.entries(state.facets).filter(([, v]) => v !== "").map(([facet, v]) => facet + ": " + data.nodes[Number(v)].label).join("; ");
  }

  /* The studies the Charts tab shows (web/charts.js): those the facet filters keep, or the clicked study; null: all. */
  function chartSelection() {
    const chosen = data.nodes.find((n) => n.id === state.selected);
    if (chosen && chosen.kind === "study") return { studies: [chosen.id], filters: "the clicked study, " + chosen.label };
    const studies = data.nodes.filter((n, i) => n.kind === "study" && Object.entries(state.facets).every(
      ([facet, value]) => value === "" || facetSets[i][facet].has(Number(value)))).map((n) => n.id);
    return studies.length === data.nodes.filter((n) => n.kind === "study").length ? null
      : { studies: studies, filters: describeFilters() };
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
    if (matches.length && liskg.showTab) liskg.showTab("Details");
  }

  /* The links an answer view leaves out (data.edges[i].undrawn) are drawn for the clicked node only. */
  let shownNodes = new Set(), undrawnNow = false, revealed = new Set();
  function reveal(id) {
    const before = [...revealed];
    revealed = new Set(id && undrawnNow ? edgesOf.get(id).filter((i) => data.edges[i].undrawn &&
      shownNodes.has(data.edges[i].from) && shownNodes.has(data.edges[i].to)) : []);
    const updates = before.filter((i) => !revealed.has(i)).map((i) => ({ id: i, hidden: true }))
      .concat([...revealed].filter((i) => !before.includes(i)).map((i) => ({ id: i, hidden: false })));
    for (const u of updates) drawnEdges.delete(u.id);
    if (updates.length) edges.update(updates.map(withFixed(fixedEdge, "e")));
  }

  /* Labels of the focused neighbourhood: the clicked node and its neighbours show theirs, edge labels too. */
  let focused = { nodes: [], edges: [] };
  function focusLabels(id) {
    for (const n of focused.nodes) nodeView(byId.get(n), [0, 0]);  // back to the label the view wants
    const small = id && adjacency.get(id).size <= MAX_NAMED_NEIGHBOURS;
    const named = id ? (small ? [id, ...adjacency.get(id)] : [id]) : [];
    const linked = small ? edgesOf.get(id) : [];
    for (const n of named) wants.set(n, byId.get(n).short);
    edges.update(focused.edges.map((i) => ({ id: i, label: "" })).concat(
      linked.map((i) => ({ id: i, label: data.edges[i].label }))).filter((u) => added.has("e" + u.id)));
    focused = { nodes: named, edges: linked };
  }

  /* --- labels a person can read (see MIN_PX): which labels are drawn, at what font, after every view
     change and zoom. wants: the label each node would show with room enough ("" for none). --- */
  const wants = new Map();
  const shownLabels = new Map();  // id -> the label text in the DataSet now
  let fontNow = FONT, measure = null;
  function textWidth(text, font) {
    if (!measure) measure = document.createElement("canvas").getContext("2d");
    measure.font = font + "px DejaVu Sans, Arial, sans-serif";
    return measure.measureText(text).width;
  }
  /* TEXT cut at a word to at most CHARS characters, with an ellipsis; "" when not even a word fits. */
  function cutAtWord(text, chars) {
    if (text.length <= chars) return text;
    const words = text.replace(/…$/, "").split(" ");
    let out = "";
    for (const word of words) {
      const next = out ? out + " " + word : word;
      if (next.length + 1 > chars) break;
      out = next;
    }
    return out ? out.replace(/[,;:(/-]+$/, "") + "…" : "";
  }
  function labelRank(id) {
    const n = byId.get(id);
    if (id === state.selected || highlighted.includes(id)) return 0;
    if (focused.nodes.includes(id)) return 1;
    if (!n) return 3;  // an overview count
    if (state.answers ? state.answers.has(id) : n.answer) return 2;
    if (state.named && state.named.has(id)) return 2;
    return n.kind === "interface" ? 3 : 4;
  }
  function fitLabels() {
    if (!network) return;
    const scale = network.getScale();
    const font = Math.max(FONT, TARGET_PX / scale);
    const candidates = [...shownNodes].filter((id) => wants.get(id));
    candidates.sort((a, b) => labelRank(a) - labelRank(b) || ((byId.get(b) || {}).degree || 0) - ((byId.get(a) || {}).degree || 0) ||
      (a < b ? -1 : a > b ? 1 : 0));
    const cell = 200, grid = new Map(), boxes = [];
    const keys = (b) => { const out = []; for (let i = Math.floor(b[0] / cell); i <= Math.floor(b[2] / cell); i++)
      for (let j = Math.floor(b[1] / cell); j <= Math.floor(b[3] / cell); j++) out.push(i + "," + j); return out; };
    const free = (b) => keys(b).every((k) => (grid.get(k) || []).every((o) => b[2] <= o[0] || o[2] <= b[0] || b[3] <= o[1] || o[3] <= b[1]));
    const at = network.getPositions(candidates);
    const shapes = [];  // the drawn nodes, in the way of every label but the selection's and the answers'
    for (const [id, p] of Object.entries(network.getPositions([...shownNodes]))) {
      const node = network.body.nodes[id], r = node ? node.options.size || 10 : 0;
      if (r) shapes.push([p.x - r, p.y - r, p.x + r, p.y + r]);
    }
    const clear = (b) => shapes.every((o) => b[2] <= o[0] || o[2] <= b[0] || b[3] <= o[1] || o[3] <= b[1]);
    const chosen = new Map();
    const canvas = document.getElementById("network");  // a label the canvas edge would cut is not drawn
    const low = network.DOMtoCanvas({ x: 0, y: 0 }), high = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
    const inside = (b) => !canvas.clientWidth || (b[0] >= low.x && b[2] <= high.x && b[1] >= low.y && b[3] <= high.y);
    for (const id of candidates) {
      const p = at[id], node = network.body.nodes[id];
      if (!p || !node) continue;
      const top = p.y + (node.options.size || 10) + 2, full = wants.get(id);
      for (const text of [full, cutAtWord(full, 20), cutAtWord(full, 12)]) {
        if (!text) continue;
        const half = textWidth(text, font) / 2 + 2;
        const box = [p.x - half, top, p.x + half, top + font * 1.2];
        if (!inside(box) || !free(box) || (labelRank(id) > 3 && !clear(box))) continue;
        for (const k of keys(box)) { if (!grid.has(k)) grid.set(k, []); grid.get(k).push(box); }
        boxes.push(box);
        chosen.set(id, text);
        break;
      }
    }
    const updates = [];
    for (const id of new Set([...shownLabels.keys(), ...candidates])) {
      const text = chosen.get(id) || "";
      if ((shownLabels.get(id) || "") !== text && added.has("n" + id)) updates.push({ id: id, label: text });
      if (text) shownLabels.set(id, text); else shownLabels.delete(id);
    }
    drawnOnce(() => {
      if (font !== fontNow) {
        fontNow = font;
        network.setOptions({ nodes: { font: { size: font } }, edges: { font: { size: Math.max(EDGE_FONT, TARGET_PX / scale) } } });
      }
      if (updates.length) nodes.update(updates);
    });
    liskg.labels = { font: font, scale: scale, drawn: chosen.size, wanted: candidates.length };
  }

  function select(id, move) {
    state.selected = id;
    const panel = document.getElementById("details");
    panel.replaceChildren();
    drawnOnce(() => { reveal(id); focusLabels(id); });
    if (liskg.answers) liskg.answers.selectRowsOf(id);
    if (!id) {
      panel.appendChild(el("p", "Hover a node for its details; click it to highlight its neighbourhood.", "hint"));
      network.unselectAll();
      fitTo([...shownNodes]);
      fitLabels();
      return;
    }
    if (!move && added.has("n" + id)) fitTo([id, ...adjacency.get(id)].filter((n) => shownNodes.has(n)));
    panel.appendChild(details(byId.get(id)));
    panel.appendChild(el("p", adjacency.get(id).size ? "links:" : "no links"));
    const list = el("ul", undefined, "links");
    const all = edgesOf.get(id);
    for (const i of all.slice(0, MAX_LINKS_LISTED)) {
      const e = data.edges[i];
      const other = byId.get(e.from === id ? e.to : e.from);
      const item = el("li", e.from === id ? e.label + " → " : "← " + e.label + " ");
      const button = el("button", other.label);
      button.type = "button";
      button.addEventListener("click", () => select(other.id, true));
      item.appendChild(button);
      if (liskg.engine.evidenced.has(e.label)) item.appendChild(sentencesButton(e));
      list.appendChild(item);
    }
    if (all.length > MAX_LINKS_LISTED) list.appendChild(el("li", "… and " + (all.length - MAX_LINKS_LISTED) + " more links"));
    panel.appendChild(list);
    inherited(panel, id);
    if (move || !(liskg.answers && liskg.answers.current())) liskg.showTab("Details");  // chosen from a list: show it
    if (move && added.has("n" + id)) {  // chosen from a list: the node with its neighbours, fitted
      network.selectNodes([id]);
      if (shownNodes.has(id)) fitTo([id, ...adjacency.get(id)].filter((n) => shownNodes.has(n)));
    }
    fitLabels();
  }

  /* What the review says of the broader methods of method ID (its "subclass of" links, followed up), listed
     under each, marked inherited: what it says of mechanical pressing holds for cold pressing. */
  const EFFECTS = ["method mitigates", "method risks", "method leaves unsolved"];
  function inherited(panel, id) {
    const seen = new Set([id]);
    let level = [id];
    while (level.length) {
      const next = [];
      for (const from of level) {
        for (const i of edgesOf.get(from)) {
          const up = data.edges[i];
          if (up.from !== from || up.label !== "subclass of" || seen.has(up.to)) continue;
          seen.add(up.to);
          next.push(up.to);
          const said = edgesOf.get(up.to).map((j) => data.edges[j])
            .filter((e) => e.from === up.to && EFFECTS.includes(e.label))
            .sort((a, b) => EFFECTS.indexOf(a.label) - EFFECTS.indexOf(b.label));
          if (!said.length) continue;
          panel.appendChild(el("p", "inherited from " + byId.get(up.to).label + " (what the review says of it holds here):", "inherited"));
          const list = el("ul", undefined, "links inherited");
          for (const e of said) {
            const item = el("li", e.label.replace(/^method /, "") + " → ");
            const button = el("button", byId.get(e.to).label);
            button.type = "button";
            button.addEventListener("click", () => select(e.to, true));
            item.appendChild(button);
            item.appendChild(sentencesButton(e));
            list.appendChild(item);
          }
          panel.appendChild(list);
        }
      }
      level = next;
    }
  }

  /* A link's "sentences" toggle in the Details list: the review's sentences that state it, under it. */
  function sentencesButton(edge) {
    const button = el("button", "sentences", "sentences");
    button.type = "button";
    button.title = "the review's sentences that state this link";
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", () => {
      const item = button.parentElement;
      const open = item.querySelector(".link-evidence");
      button.setAttribute("aria-expanded", String(!open));
      if (open) { open.remove(); return; }
      const box = el("div", undefined, "link-evidence");
      item.appendChild(box);
      liskg.evidence.showLink(box, edge);
    });
    return button;
  }

  /* A link clicked in the graph: its two ends and the sentences that state it, in the Details tab. */
  function selectLink(i) {
    const e = data.edges[i];
    const panel = document.getElementById("details");
    panel.replaceChildren();
    const box = el("div", undefined, "node-details");
    box.appendChild(el("h2", byId.get(e.from).label + " · " + e.label + " · " + byId.get(e.to).label));
    box.appendChild(el("p", "link", "kind"));
    panel.appendChild(box);
    const said = el("div", undefined, "link-evidence");
    panel.appendChild(said);
    liskg.showTab("Details");
    return liskg.evidence.showLink(said, e);
  }

  /* Fit the view to IDS (all that is shown when empty), never closer than scale 1.5. */
  function fitTo(ids) {
    network.setSize("100%", "100%");
    fitRoom(ids.length ? ids : [...shownNodes], 1.5, false);
  }

  /* Highlight the nodes of an answer row and the links among them with vis-network's own selection. */
  function highlight(ids, move) {
    ids = (ids || []).filter((id) => added.has("n" + id));
    if (!ids.length) { network.unselectAll(); return; }
    const set = new Set(ids);
    const among = [];
    for (const id of ids) for (const i of edgesOf.get(id)) if (set.has(data.edges[i].from) && set.has(data.edges[i].to) && added.has("e" + i)) among.push(i);
    network.setSelection({ nodes: ids, edges: among }, { unselectAll: true, highlightEdges: false });
    if (move) {
      fitTo(ids.length > 1 ? ids : [...ids, ...adjacency.get(ids[0])].filter((id) => shownNodes.has(id)));
      highlighted = ids;
      fitLabels();
      highlighted = [];
    }
  }
  let highlighted = [];

  /* A query's answer in the graph: its nodes with their one-hop context, re-laid out and fitted. */
  function showAnswer(ids) {
    state.answers = ids && ids.size ? ids : null;
    if (state.answers && state.search) {  // a new answer replaces the search it was asked over
      state.search = "";
      document.getElementById("search").value = "";
    }
    apply(true);
  }

  let network = null;

  /* --- legend and menus --- */
  const counts = new Map();
  function updateLegend(visible) {
    for (const kind of data.kinds) {
      const shown = data.nodes.filter((n) => n.kind === kind.name && visible.has(n.id)).length;
      counts.get(kind.name).textContent = String(shown);
    }
  }

  function buildControls() {
    document.title = data.title;
    document.getElementById("title").textContent = data.title;
    document.getElementById("subtitle").textContent = data.subtitle;
    const legend = document.getElementById("legend");
    for (const kind of data.kinds) {
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.kind = kind.name;
      box.addEventListener("change", () => {
        if (box.checked) state.kinds.add(kind.name); else state.kinds.delete(kind.name);
        apply(true);
      });
      const swatch = el("span", undefined, "swatch " + kind.shape);
      swatch.style.background = kind.color;
      const count = el("span", "", "count");
      counts.set(kind.name, count);
      label.append(box, swatch, el("span", kind.name), el("span", kind.shape_words, "shape"), count);
      legend.appendChild(label);
    }
    legend.appendChild(el("p", "numbers: nodes shown", "note"));
    if (data.nodes.some((n) => n.answer)) {
      legend.appendChild(el("p", "thick black border: " + (data.view === "focus" ? "the focused node" : "an answer of the query"), "note"));
    }
    const context = data.edges.filter((e) => e.undrawn === "context").length;
    const column = data.edges.filter((e) => e.undrawn === "column").length;
    const toShared = data.edges.filter((e) => e.undrawn === "shared");
    if (context || column || toShared.length) {
      const shared = [...new Set(toShared.flatMap((e) => [e.from, e.to]).filter((id) => !byId.get(id).answer))]
        .map((id) => byId.get(id).label).sort();
      legend.appendChild(el("p", "links not drawn: " + [context ? context + " between two context nodes" : "",
        column ? column + " between two nodes of one column" : "",
        toShared.length ? toShared.length + " to context shared by more than " + data.layout.shared_context +
          " answers (" + shared.join("; ") + ")" : ""].filter(Boolean).join(", ") +
        "; click a node to draw and list all its links", "note"));
    }
    if (data.collapsed.length) {
      const kinds = data.collapsed.map((k) => plural(k, 2).slice("2 ".length));
      legend.appendChild(el("p", kinds.slice(0, -1).join(", ") + " and " + kinds[kinds.length - 1] +
        " of each lane are counted in one node: click it to show them", "note"));
    }
    legend.appendChild(el("p", "click a node: its links and neighbours get labels; hover: its details", "note"));
    for (const menu of document.querySelectorAll("select[data-facet]")) {
      const facet = menu.dataset.facet;
      for (const [index, depth] of data.facets[facet]) {
        const option = el("option", "\u00a0\u00a0".repeat(depth) + data.nodes[index].label);
        option.value = String(index);
        menu.appendChild(option);
      }
      menu.disabled = data.facets[facet].length === 0;
      state.facets[facet] = "";
      menu.addEventListener("change", () => {
        state.facets[facet] = menu.value;
        apply(true);
        if (liskg.answers) liskg.answers.refresh();  // one selection: the facets narrow the answer table too
      });
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
      state.answers = null;
      state.expanded = new Set();
      select(null, false);
      apply(true);
      if (liskg.answers) liskg.answers.refresh();
      liskg.showTab("Answer");  // back where a question starts
    });
  }

  buildControls();
  const started = performance.now();
  network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, options);
  liskg.network = network;
  liskg.graph = { has: (id) => byId.has(id), highlight: highlight, showAnswer: showAnswer, select: select, selectLink: selectLink,
                  rowPasses: rowPasses, matches: (id, term) => byId.has(id) && matchesSearch(byId.get(id), term),
                  filters: describeFilters };
  /* The hover card, built when a node is hovered (building one per node up front is costly at scale). */
  const card = el("div", undefined, "card");
  card.hidden = true;
  document.getElementById("network").appendChild(card);
  network.on("hoverNode", (params) => {
    const n = byId.get(params.node);
    card.replaceChildren(n ? details(n) : el("p", nodes.get(params.node).hint));
    const box = document.getElementById("network").getBoundingClientRect();
    const p = params.pointer ? params.pointer.DOM : network.canvasToDOM(network.getPositions([params.node])[params.node]);
    card.style.left = Math.min(p.x + 14, box.width - 390) + "px";
    card.style.top = Math.min(p.y + 14, box.height - 40) + "px";
    card.hidden = false;
  });
  network.on("blurNode", () => { card.hidden = true; });
  network.on("dragStart", () => { card.hidden = true; });
  network.on("click", (params) => {
    const id = params.nodes.length ? params.nodes[0] : null;
    if (id && countOf.has(id)) { state.expanded.add(countOf.get(id)); apply(false); return; }
    if (!id && params.edges.length === 1 && typeof params.edges[0] === "number") { selectLink(params.edges[0]); return; }
    select(id, false);
  });
  apply(false);
  fitTo([...shownNodes]);
  fitLabels();
  document.addEventListener("liskg:tab", () => { if (!document.getElementById("network").clientWidth) return;
    fitTo([...shownNodes]); fitLabels(); });
  let zooming = null;
  network.on("zoom", () => { clearTimeout(zooming); zooming = setTimeout(fitLabels, 120); });
  network.on("dragEnd", (params) => { if (!params.nodes.length) fitLabels(); });  // a pan brings others in view
  new ResizeObserver(() => { clearTimeout(zooming); zooming = setTimeout(fitLabels, 120); }).observe(document.getElementById("network"));
  network.once("afterDrawing", () => {
    liskg.drawnMs = Math.round(performance.now() - started);
    liskg.stabilizedMs = liskg.drawnMs;  // no physics: drawn is settled (bench/viz_bench.py reads this name)
  });
  const query = data.query;
  liskg.engine.ready.then(async () => {
    if (query.text) {
      document.getElementById("query-text").value = query.text;
      const menu = document.getElementById("query-menu");
      if (liskg.engine.queries.some((q) => q.name === query.name)) menu.value = query.name;
      await liskg.answers.run(query.text, query.name);
    }
    liskg.interactiveMs = Math.round(performance.now());
    liskg.ready = true;
  }, () => { liskg.ready = true; });
})();
