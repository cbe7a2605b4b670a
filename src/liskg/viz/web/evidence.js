/* LiSKG page: the sentences behind a link. Clicking a link in the graph, the "sentences" button of a
   link in the Details tab, or an answer row asks the in-page engine for the review's sentences that
   state the links among those nodes (viz/sparql/page-evidence.rq: axiom annotations, effect statements,
   the sentences on a number or claim) and shows them as quotations: in quotation marks, with their
   section and the references they cite, and the attribution of the review (CC BY 4.0). An editors'
   inference shows its reason instead. Every text reaches the page through textContent. */
(function () {
  "use strict";
  const liskg = window.liskg;
  const engine = liskg.engine;
  const STATED = engine.liskg + "StatedInReview";
  const INFERRED = engine.liskg + "EditorsInference";
  const ATTRIBUTION = "Sentences quoted from the review, CC BY 4.0, Qi et al. 2024 (Nano-Micro Letters).";
  const IRI = /^[^\s<>"{}|\\^`]+$/;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function label(iri) { return engine.labels[iri] || iri; }

  /* The reference numbers a sentence cites in square brackets: [107], [82, 83], [105–107] (liskg.base.evidence). */
  function cited(text) {
    const found = new Set();
    for (const m of text.replace(/[–—−]/g, "-").matchAll(/\[\s*(\d[\d\s,-]*)\]/g)) {
      for (const part of m[1].split(",")) {
        const ends = part.split("-").map((x) => x.trim()).filter((x) => /^\d+$/.test(x)).map(Number);
        if (ends.length === 2 && ends[0] <= ends[1] && ends[1] <= ends[0] + 200) {
          for (let n = ends[0]; n <= ends[1]; n++) found.add(n);
        } else if (ends.length) found.add(ends[0]);
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  /* The links (and nodes) among IDS with their basis, reason and sentences: [{source, relation, target,
     basis, note, sentences: [{id, text, section}]}], in the order of the query. */
  async function among(ids) {
    const list = [...new Set(ids)].filter((id) => IRI.test(id)).map((id) => "<" + id + ">").join(" ");
    if (!list) return [];
    const result = await engine.run(engine.evidenceQuery.split("{ UNDEF }").join("{ " + list + " }"));
    const at = Object.fromEntries(result.variables.map((v, i) => [v, i]));
    const value = (row, name) => (row[at[name]] ? row[at[name]].value : null);
    const links = new Map();
    for (const row of result.rows) {
      const key = [value(row, "source"), value(row, "relation") || "", value(row, "target") || ""].join("\u0000");
      if (!links.has(key)) {
        links.set(key, { source: value(row, "source"), relation: value(row, "relation"), target: value(row, "target"),
                         basis: null, note: null, sentences: [] });
      }
      const link = links.get(key);
      const basis = value(row, "basis");
      if (basis === STATED || basis === INFERRED) link.basis = basis;
      link.note = link.note || value(row, "note");
      const sentence = value(row, "sentence");
      if (sentence && value(row, "text") && !link.sentences.some((s) => s.id === sentence)) {
        link.sentences.push({ id: sentence, text: value(row, "text"), section: value(row, "section") });
      }
    }
    const order = (s) => (s.id.split("/").pop().match(/\d+/g) || []).map(Number);
    const reading = (a, b) => {
      const x = order(a), y = order(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
      return x.length - y.length;
    };
    for (const link of links.values()) link.sentences.sort(reading);  // in the order the review prints them
    return [...links.values()];
  }

  /* LINKS as a list: each link in labels, then its quotations (or the editors' reason), then the attribution. */
  function render(links, empty) {
    const box = el("div", undefined, "evidence");
    if (!links.length) { box.appendChild(el("p", empty, "hint")); return box; }
    for (const link of links) {
      const item = el("div", undefined, "evidence-link");
      const head = link.relation ? label(link.source) + " · " + link.relation + " · " + label(link.target) : label(link.source);
      item.appendChild(el("p", head, "evidence-head"));
      if (link.sentences.length) {
        for (const s of link.sentences) {
          const quote = el("blockquote", "\u201c" + s.text + "\u201d");
          const refs = cited(s.text);
          const where = [s.section ? "Section " + s.section : "the review"];
          if (refs.length) where.push("cites " + refs.map((n) => "[" + n + "]").join(", "));
          quote.appendChild(el("cite", "\u2014 " + where.join(", ")));
          item.appendChild(quote);
        }
      } else if (link.basis === INFERRED || link.note) {
        item.appendChild(el("p", "inferred by the editors: " + (link.note || "no reason recorded"), "evidence-note"));
      } else {
        item.appendChild(el("p", "no sentence cited yet (the evidence of this part of the graph is being curated)", "hint"));
      }
      box.appendChild(item);
    }
    if (links.some((l) => l.sentences.length)) box.appendChild(el("p", ATTRIBUTION, "attribution"));
    return box;
  }

  /* Fill CONTAINER with the sentences behind the links among IDS, keeping only those KEEP accepts. */
  async function show(container, ids, keep, empty) {
    container.replaceChildren(el("p", "finding the sentences…", "hint"));
    try {
      const links = (await among(ids)).filter(keep || (() => true));
      container.replaceChildren(render(links, empty));
    } catch (error) {
      container.replaceChildren(el("p", "the sentences could not be read: " + error.message, "hint"));
    }
  }

  /* The sentences of one drawn link, EDGE = {from, to, label} (liskg.data.edges). */
  function showLink(container, edge) {
    return show(container, [edge.from, edge.to],
      (l) => l.relation === edge.label && l.source === edge.from && l.target === edge.to,
      "No sentence or reason is recorded for this link.");
  }

  /* The sentences behind an answer row: the links among the IRIs the row names, and the sentences on them. */
  function showRow(container, row) {
    const ids = row.filter((term) => term && term.type === "uri").map((term) => term.value);
    return show(container, ids, null, "No link among this row's cells has a sentence or reason recorded.");
  }

  liskg.evidence = { among: among, render: render, showLink: showLink, showRow: showRow, cited: cited,
                     attribution: ATTRIBUTION };
})();
