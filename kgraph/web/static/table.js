/* DOM helpers and the SPARQL results table.
 * Every text from the graph goes into the page as a text node (el() never parses HTML), so a
 * name or sentence holding markup is shown as written, never run. */
"use strict";
const ID_BASE = "https://w3id.org/ckg/id/";

function el(tag, attrs, ...children) {
  const node = tag === "svg" || (attrs && attrs.svg)
    ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "svg" || value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/* Replace a node's children with nodes and texts, nested arrays flattened and empty parts skipped. */
function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false)
    .map(c => c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function svgEl(tag, attrs, ...children) { return el(tag, Object.assign({ svg: true }, attrs), ...children); }

/* An IRI of ours opens its entity page; another http(s) IRI links out; any other scheme
 * (javascript:, data:) is shown as text only. */
function entityHref(iri) { return "#/entity?iri=" + encodeURIComponent(iri); }

function iriLink(iri, label) {
  if (label && label.length > 160) label = label.slice(0, 157) + "…";  // a decision's whole sentence: see its page
  if (iri.startsWith(ID_BASE)) return el("a", { href: entityHref(iri), title: iri }, label || "id:" + iri.slice(ID_BASE.length));
  if (/^https?:\/\//i.test(iri)) return el("a", { href: iri, rel: "noopener noreferrer", target: "_blank" }, label || iri);
  return el("span", { title: iri }, label || iri);
}

function cellNode(cell) {
  if (!cell) return "";
  if (cell.type === "uri") return iriLink(cell.value, cell.label);
  const parts = [cell.value];
  if (cell["xml:lang"]) parts.push(el("span", { class: "lang" }, "@" + cell["xml:lang"]));
  return el("span", {}, ...parts);
}

const NUMERIC = /#(integer|decimal|double|float|int|long|nonNegativeInteger|positiveInteger)$/;

function sortKey(cell) {
  if (!cell) return [2, ""];
  if (cell.datatype && NUMERIC.test(cell.datatype)) return [0, Number(cell.value)];
  return [1, cell.value.toLowerCase()];
}

function compareCells(a, b) {
  const [ka, va] = sortKey(a), [kb, vb] = sortKey(b);
  if (ka !== kb) return ka - kb;
  return va < vb ? -1 : va > vb ? 1 : 0;
}

/* SPARQL JSON results → a sortable table (click a heading), with CSV and JSON downloads. */
function resultsView(result, name) {
  if (typeof result.boolean === "boolean") return el("p", { class: "answer" }, "Answer: " + result.boolean);
  const vars = result.head.vars;
  let bindings = result.results.bindings.slice();
  const tbody = el("tbody");
  const draw = () => {
    tbody.replaceChildren(...bindings.map(row => el("tr", {}, vars.map(v => el("td", { "data-value": row[v] ? row[v].value : "" }, cellNode(row[v]))))));
  };
  const headings = vars.map(v => el("th", { scope: "col", "data-var": v, tabindex: 0, title: "Sort" }, v));
  headings.forEach(th => th.addEventListener("keydown", event => { if (event.key === "Enter") th.click(); }));
  headings.forEach((th, i) => th.addEventListener("click", () => {
    const descending = th.getAttribute("aria-sort") === "ascending";
    headings.forEach(h => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    bindings.sort((a, b) => compareCells(a[vars[i]], b[vars[i]]) * (descending ? -1 : 1));
    draw();
  }));
  draw();
  const base = (name || "results").replace(/[^\w.-]+/g, "_");
  return el("div", { class: "results-view" },
    el("div", { class: "toolbar" },
      el("span", { class: "count" }, `${bindings.length} row${bindings.length === 1 ? "" : "s"}`),
      downloadButton("CSV", base + ".csv", "text/csv", () => toCsv(vars, bindings)),
      downloadButton("JSON", base + ".json", "application/sparql-results+json", () => JSON.stringify(result, null, 1))),
    el("table", { class: "results" }, el("thead", {}, el("tr", {}, headings)), tbody));
}

function downloadButton(label, filename, type, make) {
  return el("button", { type: "button", class: "secondary", "data-download": label, onclick: () => {
    const url = URL.createObjectURL(new Blob([make()], { type }));
    const a = el("a", { href: url, download: filename });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } }, "Download " + label);
}

/* SPARQL 1.1 Query Results CSV: plain values, quoted when needed. */
function toCsv(vars, bindings) {
  const quote = s => /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  const lines = [vars.map(quote).join(",")];
  for (const row of bindings) lines.push(vars.map(v => quote(row[v] ? row[v].value : "")).join(","));
  return lines.join("\r\n") + "\r\n";
}
