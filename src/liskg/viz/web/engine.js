/* LiSKG page: SPARQL in the page. Oxigraph's WebAssembly build runs in a Web Worker made from a blob
   (Oxigraph's web module turned into a classic script), so no request leaves the file; the worker
   unpacks and compiles the WebAssembly and loads the graph `liskg query` reads, off the main thread.
   A query has a time bound: when it is exceeded the worker is terminated and a fresh one loads the
   graph again. UPDATE is refused before it reaches the engine. The page of a graph larger than its
   engine holds (liskg.viz.page.ENGINE_LIMIT) carries no graph: a query is answered when the build kept
   its answer (the named questions, the page's own), and any other is refused with what to run instead. */
(function () {
  "use strict";
  const payload = JSON.parse(document.getElementById("liskg-engine").textContent);
  const UPDATE = new Set(["INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"]);
  const PROLOGUE = /^\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)/i;
  const DEFAULT_BOUND_MS = 10000;

  /* The first keyword after comments, PREFIX and BASE declarations, upper-cased. */
  function firstKeyword(text) {
    let rest = text, m;
    while ((m = PROLOGUE.exec(rest)) && m[0].length) rest = rest.slice(m[0].length);
    const word = /^\s*([A-Za-z]+)/.exec(rest);
    return word ? word[1].toUpperCase() : "";
  }

  /* The project's prefixes that the query does not declare itself, as PREFIX lines. */
  function missingPrefixes(text) {
    return Object.entries(payload.prefixes)
      .filter(([p]) => !new RegExp("PREFIX\\s+" + p + "\\s*:", "i").test(text))
      .map(([p, ns]) => "PREFIX " + p + ": <" + ns + ">");
  }

  class QueryError extends Error {}

  const engine = {
    version: payload.version, licence: payload.licence, queries: payload.queries, prefixes: payload.prefixes,
    labels: payload.labels, units: payload.units, numeric: new Set(payload.numeric),
    roles: payload.roles, liskg: payload.liskg, answerColumns: payload.answer_columns,
    references: payload.references, topics: payload.topics, evidenceQuery: payload.evidence_query,
    evidenced: new Set(payload.evidenced),
    ready: null, readyMs: null, triples: 0, QueryError: QueryError, phases: {},
    carried: payload.graph !== null, limit: payload.engine_limit,
  };
  const count = (n) => n.toLocaleString("en-US");
  let worker = null, waiting = new Map(), counter = 0;

  function start() {
    if (!engine.carried) {
      engine.triples = payload.triples;
      engine.ready = Promise.resolve();
      return engine.ready;
    }
    const url = URL.createObjectURL(new Blob([payload.worker], { type: "text/javascript" }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
    engine.ready = new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.type === "ready") { engine.triples = message.triples; engine.phases = message.phases; resolve(message); return; }
        if (message.type === "failed") { reject(new Error(message.message)); return; }
        const pending = waiting.get(message.id);
        if (!pending) return;
        waiting.delete(message.id);
        if (message.type === "error") pending.reject(new QueryError(message.message));
        else pending.resolve({ json: JSON.parse(message.json), ms: message.ms });
      };
      worker.onerror = (event) => reject(new Error(event.message || "the query worker failed"));
    });
    worker.postMessage({ type: "load", wasm: payload.wasm, graph: payload.graph });
    return engine.ready;
  }

  const began = performance.now();
  engine.ready = start().then(() => { engine.readyMs = Math.round(performance.now() - began); });
  const firstReady = engine.ready;

  /* Run TEXT (prefixes pre-declared) within BOUNDMS; resolves {variables, rows: [[term|null]], ms, query}: the
     query text says what each column holds (answers.js reads it as liskg.base.columns does). */
  engine.run = async function (text, boundMs) {
    const keyword = firstKeyword(text);
    if (UPDATE.has(keyword)) {
      throw new QueryError("refused: " + keyword + " is a SPARQL UPDATE and the page's graph is read-only");
    }
    await firstReady;
    await engine.ready;
    if (!engine.carried) return kept(text);
    const added = missingPrefixes(text);
    const id = ++counter;
    const started = performance.now();
    const answer = new Promise((resolve, reject) => waiting.set(id, { resolve: resolve, reject: reject }));
    worker.postMessage({ type: "query", id: id, text: added.join("\n") + (added.length ? "\n" : "") + text });
    const bound = boundMs || DEFAULT_BOUND_MS;
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => {
        waiting.delete(id);
        worker.terminate();
        start();
        reject(new QueryError("stopped: the query ran longer than its bound of " + bound / 1000 +
                              " s; the engine was restarted"));
      }, bound);
    });
    let result;
    try {
      result = await Promise.race([answer, timeout]);
    } catch (error) {
      const position = /^error at (\d+):(\d+):\s*([\s\S]*)$/.exec(error.message);
      if (position) {
        const line = Number(position[1]) - added.length;
        throw new QueryError("SPARQL syntax error at line " + line + ", column " + position[2] + ": " +
                             position[3].split(/\s+/).join(" ").slice(0, 200));
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return rowsOf(result.json, text, started);
  };

  /* SPARQL JSON results as {variables, rows, ms, query}. */
  function rowsOf(json, text, started) {
    if (json.boolean !== undefined) return { variables: ["answer"], rows: [[{ type: "literal", value: String(json.boolean) }]], ms: performance.now() - started };
    const variables = json.head.vars;
    const rows = json.results.bindings.map((b) => variables.map((v) => b[v] || null));
    return { variables: variables, rows: rows, ms: performance.now() - started, query: text };
  }

  /* The answer the build kept for TEXT, on a page that does not carry its graph. */
  function kept(text) {
    const started = performance.now();
    if (payload.answers[text] === undefined) {
      throw new QueryError("this page does not carry the graph: its " + count(payload.triples) + " triples are more " +
        "than the page's engine holds (" + count(engine.limit) + "), so it answers only the questions in the menu; " +
        "run other queries with `liskg query FILE.rq` or `liskg serve`");
    }
    return rowsOf(JSON.parse(payload.answers[text]), text, started);
  }

  window.liskg = window.liskg || {};
  window.liskg.engine = engine;
})();
