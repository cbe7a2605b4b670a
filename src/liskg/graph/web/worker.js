/* LiSKG page: the query worker, appended to Oxigraph's web module (web.js) and started from a blob.
   It loads the graph once, then answers read-only queries as SPARQL 1.1 Query Results JSON; the page
   terminates it when a query outlives its time bound. */
let store = null;

function term(t) {
  if (t.termType === "NamedNode") return { type: "uri", value: t.value };
  if (t.termType === "BlankNode") return { type: "bnode", value: t.value };
  const literal = { type: "literal", value: t.value, datatype: t.datatype.value };
  if (t.language) literal["xml:lang"] = t.language;
  return literal;
}

function graphResults(quads) {
  const bindings = quads.map((q) => ({ subject: term(q.subject), predicate: term(q.predicate), object: term(q.object) }));
  return JSON.stringify({ head: { vars: ["subject", "predicate", "object"] }, results: { bindings: bindings } });
}
self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "load") {
    const started = performance.now();
    initSync({ module: message.module });
    store = new Store();
    store.load(message.graph, { format: "application/n-triples" });
    self.postMessage({ type: "ready", triples: store.size, ms: performance.now() - started });
    return;
  }
  const started = performance.now();
  try {
    let results;
    try {
      results = store.query(message.text, { results_format: "application/sparql-results+json" });
    } catch (error) {
      if (!/RDF format/.test(String(error))) throw error;
      results = graphResults(store.query(message.text));  // CONSTRUCT, DESCRIBE: one row per triple
    }
    self.postMessage({ type: "result", id: message.id, json: results, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
  }
};
