/* LiSKG page: the query worker, appended to Oxigraph's web module (web.js, as a classic script) and
   started from a blob. It unpacks and compiles the WebAssembly and loads the graph once (off the page's
   main thread), then answers read-only queries as SPARQL 1.1 Query Results JSON; the page terminates
   it when a query outlives its time bound. A query over the bounds of bounds.js (length, nesting depth,
   triple patterns) or with SERVICE is refused in one line before Oxigraph parses it. */
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
function bytes(base64) {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

async function gunzip(base64) {
  const stream = new Blob([bytes(base64)]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function load(message) {
  const started = performance.now();
  const [wasm, graph] = await Promise.all([gunzip(message.wasm), gunzip(message.graph)]);
  const unpacked = performance.now();
  initSync({ module: await WebAssembly.compile(wasm) });
  const compiled = performance.now();
  store = new Store();
  store.load(graph, { format: "application/n-triples", no_transaction: true });  // a fresh store: no transaction needed
  self.postMessage({ type: "ready", triples: store.size, phases: {
    unpacked: Math.round(unpacked - started), compiled: Math.round(compiled - unpacked),
    loaded: Math.round(performance.now() - compiled) } });
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "load") {
    load(message).catch((error) => self.postMessage({ type: "failed", message: String(error && error.message || error) }));
    return;
  }
  const started = performance.now();
  const refusal = liskgBounds.check(message.text);
  if (refusal) {
    self.postMessage({ type: "error", id: message.id, message: refusal });
    return;
  }
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
