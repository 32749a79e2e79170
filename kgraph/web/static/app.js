/* The workbench's pages: a hash router (#/, #/library/NAME, #/search?q=, #/entity?iri=,
 * #/timeline, #/map) over the JSON of /api/… and the SPARQL endpoint at /sparql.
 * The page marks <main data-page=… data-state=loading|ready|error> for scripts and tests. */
"use strict";
const main = document.getElementById("main");
const DEFAULT_QUERY = `PREFIX ckg: <https://w3id.org/ckg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?meeting ?date ?body WHERE {
  ?meeting a ckg:Meeting ;
           schema:startDate ?date ;
           ckg:heldBy ?body .
}
ORDER BY DESC(?date)
LIMIT 50`;
const PREFIXES = {  // those the endpoint predeclares (kgraph.namespaces); the editor can write them out
  ckg: "https://w3id.org/ckg/ontology#", id: "https://w3id.org/ckg/id/", schema: "https://schema.org/",
  oa: "http://www.w3.org/ns/oa#", rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  skos: "http://www.w3.org/2004/02/skos/core#", owl: "http://www.w3.org/2002/07/owl#",
  xsd: "http://www.w3.org/2001/XMLSchema#", wd: "http://www.wikidata.org/entity/",
};
let editor = null;
let editorText = DEFAULT_QUERY;

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
  return data;
}

function setState(page, state) { main.dataset.page = page; main.dataset.state = state; }
function errorBox(error) { return el("p", { class: "error", role: "alert" }, String(error.message || error)); }

function markNav(page) {
  document.querySelectorAll("nav a[data-page]").forEach(a => a.classList.toggle("active", a.dataset.page === page));
}

// -- the SPARQL editor ---------------------------------------------------------------------------
function queryPage() {
  const holder = el("div", { id: "editor" });
  const output = el("div", { id: "query-results" });
  const run = async () => {
    const text = editor ? editor.getValue() : holder.querySelector("textarea").value;
    editorText = text;
    output.replaceChildren(el("p", { class: "muted" }, "Running…"));
    setState("query", "loading");
    try {
      const response = await fetch("/sparql", { method: "POST",
        headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: text });
      const body = await response.text();
      if (!response.ok) throw new Error(body.trim() || `HTTP ${response.status}`);
      output.replaceChildren(resultsView(JSON.parse(body), "query"));
      setState("query", "ready");
    } catch (error) {
      output.replaceChildren(errorBox(error)); setState("query", "error");
    }
  };
  fill(main, 
    el("h1", {}, "SPARQL query"),
    el("p", { class: "muted" }, "Read-only. The prefixes ckg:, id:, schema:, oa:, skos:, rdfs:, owl:, xsd:, wd: are declared; ",
       "Ctrl+Enter runs the query. The default graph is every document's graph and the reference data."),
    holder,
    el("div", { class: "toolbar" }, el("button", { type: "button", id: "run-query", onclick: run }, "Run"),
       el("button", { type: "button", class: "secondary", id: "add-prefixes", title: "Write out the PREFIX lines of the prefixes the query uses",
                      onclick: () => editor && editor.addPrefixes(usedPrefixes(editor.getValue())) }, "Declare prefixes"),
       el("a", { href: "#/library", class: "button secondary" }, "Ready-made questions")),
    output);
  if (window.Yasqe) {
    editor = new Yasqe(holder, { value: editorText, showQueryButton: false, persistenceId: null, createShareableLink: null,
      autocompleters: ["prefixes", "variables"], editorHeight: "260px", resizeable: true });
    editor.setValue(editorText);
    editor.on("keydown", (cm, event) => { if (event.ctrlKey && event.key === "Enter") { event.preventDefault(); run(); } });
  } else {
    holder.append(el("textarea", { rows: 12, cols: 100 }, editorText));
  }
  setState("query", "ready");
}

/* The project's prefixes a query uses without declaring them (the endpoint knows them; the
 * editor's checker does not, and marks the line). */
function usedPrefixes(text) {
  const declared = new Set([...text.matchAll(/PREFIX\s+([\w-]*):/gi)].map(m => m[1]));
  return Object.fromEntries(Object.entries(PREFIXES).filter(([p]) =>
    !declared.has(p) && new RegExp(`(^|[\\s(/^|,;])${p}:`).test(text)));
}

// -- the question library as forms ----------------------------------------------------------------
async function libraryPage(name) {
  setState("library", "loading");
  const [queries, choices] = await Promise.all([getJson("/api/library"), getJson("/api/choices")]);
  if (!name) {
    fill(main, el("h1", {}, "Questions"),
      el("p", { class: "muted" }, "The project's query library (queries/*.rq): pick one, fill in its form, run it."),
      el("ul", { class: "library-list" }, queries.map(q => el("li", {},
        el("a", { href: "#/library/" + encodeURIComponent(q.name), "data-query": q.name }, q.summary || q.name),
        " ", el("span", { class: "muted" }, `(${q.name})`)))));
    setState("library", "ready");
    return;
  }
  const query = queries.find(q => q.name === name);
  if (!query) throw new Error(`no library query ${name}`);
  const output = el("div", { id: "library-results" });
  const inputs = query.params.map(p => paramInput(p, choices));
  let bound = null;  // the query last run, parameters bound: what "Open in the editor" takes
  const form = el("form", { class: "params card", id: "library-form" },
    inputs.map(i => i.label),
    el("div", { class: "toolbar" }, el("button", { type: "submit" }, "Run"),
       el("button", { type: "button", class: "secondary", onclick: () => { editorText = bound || query.text; location.hash = "#/"; } },
          "Open in the editor")));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const i of inputs) if (i.input.value.trim()) params.set(i.name, i.input.value.trim());
    output.replaceChildren(el("p", { class: "muted" }, "Running…"));
    setState("library", "loading");
    try {
      const data = await getJson(`/api/library/${encodeURIComponent(name)}?${params}`);
      bound = data.query;
      output.replaceChildren(resultsView(data.result, name),
        el("details", {}, el("summary", {}, "The query run"), el("pre", {}, data.query)));
      setState("library", "ready");
    } catch (error) {
      output.replaceChildren(errorBox(error)); setState("library", "error");
    }
  });
  fill(main, el("p", {}, el("a", { href: "#/library" }, "← Questions")),
    el("h1", {}, query.summary || name), el("p", { class: "muted" }, query.description || ""), form, output);
  setState("library", "ready");
}

function paramInput(p, choices) {
  const id = "param-" + p.name;
  let input;
  const options = p.list ? choices[p.list] || [] : (p.values || []).map(v => ({ key: v, label: v }));
  if (options.length) {
    input = el("select", { id, name: p.name },
      p.required ? null : el("option", { value: "" }, "(any)"),
      options.map(o => el("option", { value: o.key }, o.label === o.key ? o.label : `${o.label} (${o.key})`)));
  } else {
    const type = p.kind === "xsd:date" ? "date" : /^xsd:(integer|int|long|decimal)/.test(p.kind) ? "number" : "text";
    input = el("input", { id, name: p.name, type, value: p.default || "", placeholder: p.kind === "iri" ? "IRI or id:…" : "" });
  }
  const label = el("label", { for: id }, el("span", {}, p.name + (p.required ? " *" : "")), input);
  return { name: p.name, input, label };
}

// -- search by name -------------------------------------------------------------------------------
async function searchPage(q) {
  setState("search", "loading");
  document.getElementById("search-input").value = q;
  const hits = q ? await getJson("/api/search?q=" + encodeURIComponent(q)) : [];
  fill(main, el("h1", {}, `Names matching “${q}”`),
    hits.length ? el("ul", { id: "search-results" }, hits.map(h => el("li", {},
      el("span", { class: "kind" }, h.kind), el("a", { href: entityHref(h.iri) }, h.label),
      h.matched !== h.label ? el("span", { class: "muted" }, ` — as “${h.matched}”`) : null)))
    : el("p", { class: "muted" }, "No person, body, agency, place or state of that name."));
  setState("search", "ready");
}

// -- entity pages ---------------------------------------------------------------------------------
function valueNode(o, label) {
  if (o.type === "uri") return iriLink(o.value, label);
  return el("span", {}, o.value, o["xml:lang"] ? el("span", { class: "lang" }, "@" + o["xml:lang"]) : null);
}

function evidenceList(items) {
  return (items || []).map(e => {
    let sentence;
    if (e.sentence) {
      const at = e.sentence.indexOf(e.quote);
      sentence = at < 0 ? [e.sentence]
        : [e.sentence.slice(0, at), el("mark", {}, e.quote), e.sentence.slice(at + e.quote.length)];
    } else {
      sentence = [el("mark", {}, e.quote)];
    }
    const title = e.title || (e.file ? e.file : "document");
    return el("div", { class: "evidence" },
      el("div", { class: "sentence" }, "“", ...sentence, "”"),
      el("div", { class: "source" }, iriLink(e.doc, title), e.published ? ", " + e.published : "",
         e.file && e.title ? ` (${e.file})` : "",
         e.url && /^https?:\/\//i.test(e.url) ? [" — ", el("a", { href: e.url, rel: "noopener noreferrer", target: "_blank" }, e.url)] : ""));
  });
}

async function entityPage(iri) {
  setState("entity", "loading");
  const data = await getJson("/api/entity?iri=" + encodeURIComponent(iri));
  const grouped = new Map();
  const inSections = new Set(data.linked.filter(l => l.kind === "decision" || l.kind === "delegation").map(l => l.iri));
  for (const f of data.facts) {
    if (f.property === "type" || inSections.has(f.o.value)) continue;  // shown in their own section below
    if (!grouped.has(f.property)) grouped.set(f.property, []);
    grouped.get(f.property).push(valueNode(f.o, f.label));
  }
  const facts = el("dl", { class: "facts", id: "entity-facts" },
    [...grouped].map(([property, values]) => [el("dt", {}, property),
      el("dd", {}, values.flatMap((v, i) => i ? [", ", v] : [v]))]));
  const kinds = { delegation: "Delegations", participant: "Persons taking part", decision: "Decisions adopted",
                  proposal: "Proposals made", figure: "Figures reported" };
  const linked = Object.entries(kinds).map(([kind, heading]) => {
    const items = data.linked.filter(l => l.kind === kind);
    if (!items.length) return null;
    return [el("h2", {}, heading), items.map(item => el("div", { class: "card linked", "data-kind": kind },
      el("dl", { class: "facts" }, Object.entries(item.props)
        .filter(([p, cells]) => p !== "type" && !cells.every(c => c.value === data.iri)).map(([p, cells]) =>
        [el("dt", {}, p), el("dd", {}, cells.flatMap((c, i) => [i ? ", " : "", valueNode(c, c.label)]))])),
      evidenceList(data.evidence[item.iri])))];
  });
  const incoming = new Map();
  const shownAbove = new Set(data.linked.map(l => l.iri));
  const meetingsFirst = data.incoming.filter(i => !shownAbove.has(i.s))
    .sort((a, b) => (b.types.includes("Meeting") - a.types.includes("Meeting")) || (b.date || "").localeCompare(a.date || ""));
  for (const i of meetingsFirst) {
    const key = i.property + (i.types.length ? ` (${i.types.join(", ")})` : "");
    if (!incoming.has(key)) incoming.set(key, []);
    incoming.get(key).push(el("li", {}, i.date ? i.date + " " : "", iriLink(i.s, i.label)));
  }
  const own = data.evidence[data.iri] || [];
  fill(main, 
    el("h1", { id: "entity-title" }, data.label),
    el("p", { class: "muted" }, data.types.map(t => el("span", { class: "kind" }, t)), " ", data.iri,
       data.iri.startsWith(ID_BASE) ? [" — ", el("a", { href: "/id/" + data.iri.slice(ID_BASE.length),
                                                         title: "Turtle, JSON-LD or HTML" }, "as RDF")] : null),
    data.truncated ? el("p", { class: "error" }, "This resource has more links than one page holds: the first are shown. " +
      "Its timeline, the Questions and the Query page read them all.") : null,
    data.timeline ? el("p", {}, el("a", { href: `#/timeline?${data.timeline}=${encodeURIComponent(data.iri)}`, id: "entity-timeline" },
      "Its meetings on the timeline")) : null,
    el("h2", {}, "Facts"), facts,
    data.mentions ? el("p", { class: "muted", id: "entity-mentions" }, `Mentioned in ${data.mentions} document${data.mentions === 1 ? "" : "s"}.`) : null,
    linked,
    own.length ? [el("h2", {}, "Evidence"), el("div", { id: "entity-evidence" }, evidenceList(own))] : null,
    data.meetings.length ? [el("h2", {}, `Meetings (${data.meetings.length})`), el("ul", { id: "entity-meetings" },
      data.meetings.map(m => el("li", {}, m.date ? m.date + (m.dateKnown ? " " : " (first report) ") : "",
        iriLink(m.iri, m.label))))] : null,
    incoming.size ? [el("h2", {}, "Linked from"), [...incoming].map(([key, items]) =>
      el("details", { open: items.length <= 12 || key.includes("(Meeting") }, el("summary", {}, `${key}: ${items.length}`), el("ul", {}, items)))] : null,
    data.views.length ? [el("h2", {}, "Network views"),
      el("p", { class: "muted" }, "Drawn by the CLI as one offline HTML file (kgraph serve --views VIEWS links those made):"),
      el("ul", { id: "entity-views" }, data.views.map(v => el("li", {},
        v.href ? el("a", { href: v.href, target: "_blank", rel: "noopener" }, v.title) : v.title, ": ",
        el("code", { class: "command" }, v.command))))] : null);
  setState("entity", "ready");
}

// -- timeline and map -----------------------------------------------------------------------------
async function timelinePage(params) {
  setState("timeline", "loading");
  const data = await getJson("/api/timeline");
  const choices = await getJson("/api/choices");
  const filters = ["state", "body", "topic"].map(kind => {
    const select = el("select", { id: "filter-" + kind, name: kind },
      el("option", { value: "" }, `(any ${kind})`), choices[kind].map(c => el("option", { value: c.iri }, c.label)));
    select.value = params.get(kind) || "";
    select.addEventListener("change", () => {
      const next = new URLSearchParams();
      for (const f of filters) if (f.select.value) next.set(f.kind, f.select.value);
      location.hash = "#/timeline?" + next;
    });
    return { kind, select };
  });
  const chosen = Object.fromEntries(filters.map(f => [f.kind, f.select.value]));
  const meetings = data.meetings.filter(m => (!chosen.state || m.states.includes(chosen.state))
    && (!chosen.body || m.body === chosen.body) && (!chosen.topic || m.topics.includes(chosen.topic)));
  const rows = meetings.slice().sort((a, b) => (b.date || "").localeCompare(a.date || ""));
  const table = { head: { vars: ["date", "meeting", "body", "place"] }, results: { bindings: rows.map(m => ({
    date: { type: "literal", value: (m.date || "") + (m.dateKnown ? "" : " (first report)") },
    meeting: { type: "uri", value: m.iri, label: m.label },
    body: m.body ? { type: "uri", value: m.body, label: data.labels[m.body] } : undefined,
    place: m.place ? { type: "uri", value: m.place, label: data.labels[m.place] } : undefined })) } };
  fill(main, el("h1", {}, "Timeline of meetings"),
    el("div", { class: "toolbar" }, filters.map(f => f.select),
       el("span", { class: "muted", id: "timeline-count" }, `${meetings.length} of ${data.meetings.length} meetings`)),
    el("div", { class: "chart" }, timelineChart(meetings, data.labels)),
    el("p", { class: "muted" }, "A filled dot: the session's date; a hollow dot: no report gave the day, dated by the first report."),
    resultsView(table, "timeline"));
  setState("timeline", "ready");
}

async function mapPage() {
  setState("map", "loading");
  const [data, world] = await Promise.all([getJson("/api/places"), getJson("/static/vendor/countries-110m.json")]);
  fill(main, el("h1", {}, "Where meetings were held"),
    el("div", { class: "chart" }, mapChart(data.places, world)),
    el("p", { class: "muted" }, "Dot size: meetings held there. Outlines: Natural Earth 1:110m (public domain). ",
       "Coordinates: ontology/reference/coordinates.yaml."),
    data.unplaced.length ? el("p", {}, "Not on the map (no coordinates): ",
      data.unplaced.flatMap((p, i) => [i ? ", " : "", iriLink(p.iri, `${p.label} (${p.meetings.length})`)])) : null);
  setState("map", "ready");
}

// -- the router -----------------------------------------------------------------------------------
async function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = [hash.split("?")[0], new URLSearchParams(hash.split("?")[1] || "")];
  const [page, arg] = [path.split("/")[0], decodeURIComponent(path.split("/").slice(1).join("/"))];
  markNav(page || "query");
  try {
    if (!page) queryPage();
    else if (page === "library") await libraryPage(arg);
    else if (page === "search") await searchPage(query.get("q") || "");
    else if (page === "entity") await entityPage(query.get("iri") || "");
    else if (page === "timeline") await timelinePage(query);
    else if (page === "map") await mapPage();
    else throw new Error(`no page ${page}`);
  } catch (error) {
    fill(main, errorBox(error));
    setState(page || "query", "error");
  }
}

document.getElementById("search-form").addEventListener("submit", event => {
  event.preventDefault();
  location.hash = "#/search?q=" + encodeURIComponent(document.getElementById("search-input").value.trim());
});
window.addEventListener("hashchange", route);
route();
