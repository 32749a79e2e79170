"""An entity page's content, assembled from the rows of its queries (``kgraph/web/queries/entity_*.rq``).

Pure functions over SPARQL JSON rows, so that the page's logic is tested without a server and the
handler stays a list of queries. One ``Labels`` is shared by the parts: a label any query brought
back names that resource everywhere on the page.
"""

from __future__ import annotations

from typing import Any

from kgraph.web.results import Labels, local_name, value, words

Row = dict[str, dict[str, str]]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NAME_PROPERTIES = (RDFS_LABEL, "https://schema.org/name", "http://www.w3.org/2004/02/skos/core#prefLabel")
EVIDENCE_FIELDS = ("quote", "sentence", "start", "doc", "title", "published", "url", "file")


def own_facts(iri: str, out_rows: list[Row], labels: Labels) -> tuple[list[dict[str, Any]], list[str]]:
    """The resource's own triples (one per property and value) and its types."""
    types: list[str] = []
    facts: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in out_rows:
        p, o = value(row, "p") or "", row["o"]
        if o["type"] == "uri":
            labels.add(o["value"], row.get("label"))
        if p == RDF_TYPE:
            types.append(o["value"])
        elif p in NAME_PROPERTIES:
            labels.add(iri, o)
        facts.setdefault((p, o["type"], o["value"]), {"p": p, "property": words(p), "o": o})
    return sorted(facts.values(), key=lambda f: (f["property"], f["o"]["value"])), types


def incoming_links(in_rows: list[Row], labels: Labels) -> list[dict[str, Any]]:
    """What points at the resource: one item per subject and property, with its types and date."""
    incoming: dict[tuple[str, str], dict[str, Any]] = {}
    for row in in_rows:
        s, p = value(row, "s") or "", value(row, "p") or ""
        labels.add(s, row.get("label"))
        item = incoming.setdefault((s, p), {"s": s, "p": p, "property": words(p), "types": [], "date": None})
        kind = value(row, "type")
        if kind and local_name(kind) not in item["types"]:
            item["types"].append(local_name(kind))
        item["date"] = item["date"] or value(row, "date")
    return list(incoming.values())


def linked_facts(fact_rows: list[Row], labels: Labels) -> list[dict[str, Any]]:
    """A meeting's delegations, persons, decisions, proposals and figures, each with its properties
    (in words) and their values."""
    linked: dict[str, dict[str, Any]] = {}
    for row in fact_rows:
        fact, p, o = value(row, "fact") or "", value(row, "p") or "", row["o"]
        entry = linked.setdefault(fact, {"iri": fact, "kind": value(row, "kind"), "props": {}})
        if p == RDFS_LABEL:
            entry["label"] = o["value"]
        if o["type"] == "uri":
            labels.add(o["value"], row.get("label"))
        shown = entry["props"].setdefault(words(p), [])
        cell = {"value": o["value"], "type": o["type"]}
        if cell not in shown:
            shown.append(cell)
    return sorted(linked.values(), key=lambda e: (e["kind"] or "", e["iri"]))


def evidence_by_fact(evidence_rows: list[Row]) -> dict[str, list[dict[str, Any]]]:
    """Each fact's evidence (quote, sentence, document title, date, URL, file), oldest report first."""
    evidence: dict[str, list[dict[str, Any]]] = {}
    for row in evidence_rows:
        item = {key: value(row, key) for key in EVIDENCE_FIELDS}
        bucket = evidence.setdefault(value(row, "fact") or "", [])
        if item not in bucket:
            bucket.append(item)
    for bucket in evidence.values():
        bucket.sort(key=lambda e: (e["published"] or "", e["doc"] or "", int(e["start"] or 0)))
    return evidence


def assemble(iri: str, out_rows: list[Row], in_rows: list[Row], fact_rows: list[Row],
             evidence_rows: list[Row]) -> dict[str, Any]:
    """The page: label and types, own facts, links in, linked facts and the evidence of each by IRI."""
    labels = Labels()
    facts, types = own_facts(iri, out_rows, labels)
    incoming = incoming_links(in_rows, labels)
    linked = linked_facts(fact_rows, labels)
    for fact in facts:  # labels are complete only once every part has been read
        if fact["o"]["type"] == "uri":
            fact["label"] = labels.get(fact["o"]["value"])
    for item in incoming:
        item["label"] = labels.get(item["s"])
    for entry in linked:
        for cells in entry["props"].values():
            for cell in cells:
                if cell["type"] == "uri":
                    cell["label"] = labels.get(cell["value"])
    return {"iri": iri, "label": labels.get(iri), "types": [local_name(t) for t in types], "type_iris": types,
            "facts": facts,
            "incoming": sorted(incoming, key=lambda i: (i["property"], i["date"] or "", i["label"])),
            "linked": linked, "evidence": evidence_by_fact(evidence_rows)}
