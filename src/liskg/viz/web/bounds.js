/* LiSKG page: the bounds on a query's shape, checked in the worker before Oxigraph parses the query: the
   twin of liskg.base.bounds (read its docstring; tests/test_bounds.py runs both on the same texts).
   LISKG_BOUNDS ({length, depth, patterns, tripleNode}) is written before this script by liskg.viz.page. */
const liskgBounds = (function () {
  "use strict";
  const NAME = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D" +
    "\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
  const NAME_CHAR = NAME + "\\p{L}\\p{N}_\\-\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
  const ESCAPE = "\\\\[_~.\\-!$&'()*+,;=/?#@%]|%[0-9A-Fa-f]{2}";
  const TOKEN = new RegExp([
    "(?<space>\\s+)", "(?<comment>#[^\\r\\n]*)",
    "(?<string>'''(?:(?:'|'')?(?:[^'\\\\]|\\\\[^]))*'''|\"\"\"(?:(?:\"|\"\")?(?:[^\"\\\\]|\\\\[^]))*\"\"\"" +
      "|'(?:[^'\\\\\\n\\r]|\\\\[^\\n\\r])*'|\"(?:[^\"\\\\\\n\\r]|\\\\[^\\n\\r])*\")",
    "(?<lt><)", "(?<variable>[?$][" + NAME_CHAR + "]+)",
    "(?<number>\\d+\\.\\d*[eE][+-]?\\d+|\\.?\\d+[eE][+-]?\\d+|\\d*\\.\\d+|\\d+)",
    "(?<pname>(?:[" + NAME + "_][" + NAME_CHAR + ".]*)?:(?:[" + NAME_CHAR + ".:]|" + ESCAPE + ")*)",
    "(?<word>[A-Za-z_][A-Za-z0-9_]*)", "(?<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)", "(?<gtgt>>>)",
    "(?<op>\\|\\||&&|!=|>=|\\^\\^|[=>+\\-*/|^!])", "(?<open>[({\\[])", "(?<close>[)}\\]])", "(?<sep>[.;,])",
    "(?<other>[^])",
  ].join("|"), "uy");
  const IRI = /<[^\x00-\x20<>"{}|^`]*>/y;
  const CHAINING = new Set(["FILTER", "BIND", "AS", "SERVICE"]);
  const OPERAND_WORDS = new Set(["TRUE", "FALSE"]);
  const MAX_READINGS = 64;
  class Over extends Error {}
  class Ambiguous extends Error {}

  class Reading {
    constructor() {
      this.pos = 0; this.stack = [["", 0, 0]]; this.operand = false; this.word = false;
      this.running = 0; this.patterns = 0; this.depth = 0; this.services = new Set();
    }
    key() {
      return this.pos + "|" + this.operand + "|" + this.word + "|" + this.stack.map((f) => f.join(",")).join(";");
    }
    fork() {
      const other = new Reading();
      Object.assign(other, this, { stack: this.stack.map((f) => f.slice()), services: new Set(this.services) });
      return other;
    }
    absorb(other) {
      this.patterns = Math.max(this.patterns, other.patterns); this.depth = Math.max(this.depth, other.depth);
      other.services.forEach((s) => this.services.add(s));
    }
    chain(count = 1) { this.stack[this.stack.length - 1][1] += count; this.rise(count); this.operand = false; }
    open(kind) {
      const top = this.stack[this.stack.length - 1][0];
      if (kind === "[" || (kind === "(" && ["{", "[", "t"].includes(top) && !this.word)) kind = "t";
      this.stack.push([kind, 0, 0]);
      this.rise(kind === "t" ? LISKG_BOUNDS.tripleNode : 1);
      this.operand = false;
    }
    close() {
      if (this.stack.length > 1) {
        const [kind, chained, child] = this.stack.pop();
        const weight = kind === "t" ? LISKG_BOUNDS.tripleNode : 1;
        this.running -= weight + chained;
        const parent = this.stack[this.stack.length - 1];
        parent[2] = Math.max(parent[2], weight + chained + child);
        if (kind === "{") this.chain();
      }
      this.operand = true;
    }
    countPattern() { if (++this.patterns > LISKG_BOUNDS.patterns) throw new Over(); }
    rise(count) {
      this.running += count;
      if (this.running > this.depth) { this.depth = this.running; if (this.depth > LISKG_BOUNDS.depth) throw new Over(); }
    }
    finish() {
      while (this.stack.length > 1) this.close();
      this.depth = Math.max(this.depth, this.stack[0][1] + this.stack[0][2]);
      if (this.depth > LISKG_BOUNDS.depth) throw new Over();
    }
  }

  function lessThan(text, reading) {
    const pos = reading.pos;
    IRI.lastIndex = pos;
    const iri = IRI.exec(text);
    if (iri) {
      const comparison = reading.stack[reading.stack.length - 1][0] === "(" && reading.operand;
      const other = comparison ? reading.fork() : null;
      reading.pos = pos + iri[0].length; reading.operand = true;
      if (!other) return null;
      other.pos += 1; other.chain();
      return [reading, other];
    }
    if (text[pos + 1] === "<") {
      IRI.lastIndex = pos + 1;
      if (IRI.test(text)) {
        const triple = reading.fork();
        triple.pos += 2; triple.open("<<");
        reading.pos += 1; reading.chain();
        return [reading, triple];
      }
      reading.pos += 2; reading.open("<<");
      return null;
    }
    reading.pos += text[pos + 1] === "=" ? 2 : 1;
    reading.chain();
    return null;
  }

  function token(reading, kind, value, start) {
    if (kind === "space" || kind === "comment" || kind === "lang") return;
    reading.word = kind === "word";
    if (kind === "string" || kind === "variable" || kind === "number" || kind === "pname") reading.operand = true;
    else if (kind === "word") {
      const word = value.toUpperCase();
      if (CHAINING.has(word)) { reading.chain(); if (word === "SERVICE") reading.services.add(start); }
      reading.operand = OPERAND_WORDS.has(word);
    } else if (kind === "open") reading.open(value);
    else if (kind === "close") { reading.close(); if (value !== ")") reading.countPattern(); }
    else if (kind === "gtgt") {
      if (reading.stack[reading.stack.length - 1][0] === "<<") reading.close(); else reading.chain(2);
    } else if (kind === "op") { if (value === "^^") reading.operand = false; else reading.chain(); }
    else if (kind === "sep") { reading.countPattern(); reading.operand = false; }
    else reading.operand = false;
  }

  function advance(text, reading) {
    while (reading.pos < text.length) {
      if (text[reading.pos] === "<") {
        const forks = lessThan(text, reading);
        if (forks) return forks;
        continue;
      }
      TOKEN.lastIndex = reading.pos;
      const match = TOKEN.exec(text);
      const kind = Object.keys(match.groups).find((name) => match.groups[name] !== undefined);
      token(reading, kind, match[0], reading.pos);
      reading.pos = TOKEN.lastIndex;
    }
    return null;
  }

  /* {depth, patterns, services}: the largest over every reading of TEXT (see liskg.base.bounds.scan). */
  function scan(text) {
    const pending = new Map([["", new Reading()]]);
    const result = new Reading();
    let reading = null;
    try {
      while (pending.size) {
        let key = null;
        for (const [k, r] of pending) if (key === null || r.pos < pending.get(key).pos) key = k;
        reading = pending.get(key);
        pending.delete(key);
        const forks = advance(text, reading);
        if (!forks) { reading.finish(); result.absorb(reading); continue; }
        for (const fork of forks) {
          const known = pending.get(fork.key());
          if (known) known.absorb(fork); else pending.set(fork.key(), fork);
        }
        if (pending.size > MAX_READINGS) throw new Ambiguous();
      }
    } catch (error) {
      if (!(error instanceof Over)) throw error;
      result.absorb(reading);
    }
    return { depth: result.depth, patterns: result.patterns, services: [...result.services].sort((a, b) => a - b) };
  }

  /* The one-line refusal of TEXT, or null when it is within the bounds and has no SERVICE (the page allows none). */
  function check(text) {
    if (text.length > LISKG_BOUNDS.length) {
      return "refused: the query is " + text.length.toLocaleString("en") + " characters long; at most " +
        LISKG_BOUNDS.length.toLocaleString("en") + " are accepted";
    }
    let shape;
    try { shape = scan(text); } catch (error) {
      if (error instanceof Ambiguous) {
        return "refused: the query can be read in too many ways to be checked (a `<` right after a value " +
          "inside parentheses); put spaces around its < comparisons";
      }
      throw error;
    }
    if (shape.depth > LISKG_BOUNDS.depth) {
      return "refused: the query nests deeper than the " + LISKG_BOUNDS.depth + " levels accepted (brackets, and " +
        "operators, UNIONs, OPTIONALs, FILTERs or groups chained at one level); split it, or list alternatives " +
        "with IN (...) or VALUES";
    }
    if (shape.patterns > LISKG_BOUNDS.patterns) {
      return "refused: the query has more than the " + LISKG_BOUNDS.patterns.toLocaleString("en") +
        " triple patterns accepted (counted as its . ; , separators and closing } and ]); split it";
    }
    if (shape.services.length) {
      return "refused: SERVICE would send the query to another server; the page never sends a request";
    }
    return null;
  }

  return { scan: scan, check: check };
})();
