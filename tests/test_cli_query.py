"""`kgraph query` as an analyst uses it in a terminal: the real CLI in a subprocess, 80 columns.

The store is the seeds' (built once by the real `kgraph build`). What is checked: the table fits
the terminal and every ID in it is whole (so it can be copied into the next command), a printed
ID works in --sparql, a wrong state is refused with a one-line message and exit status 2, filters
keep meetings without a known date and say so, and evidence rows show the whole sentence and the
document's title and file.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def kgraph(*args: str, columns: int = 80) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(ROOT)}
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "kgraph", *args], capture_output=True, text=True, env=env,
                          timeout=300, cwd=ROOT)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds") / "store"
    done = kgraph("build", str(ROOT / "seeds"), "--store", str(folder))
    assert done.returncode == 0, done.stderr
    return folder


def rows(store: Path, *args: str) -> list[dict[str, str]]:
    done = kgraph("query", *args, "--store", str(store), "-f", "csv")
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def printed(iri: str) -> str:
    return iri.replace("https://w3id.org/ckg/id/", "id:")


@pytest.mark.parametrize("query", ["meetings", "states", "heads_of_delegation", "decisions_by_topic"])
def test_80_columns_get_a_table_with_whole_ids(store, query):
    done = kgraph("query", query, "--store", str(store))
    assert done.returncode == 0, done.stderr
    ids = {printed(v) for row in rows(store, query) for v in row.values() if v.startswith("https://w3id.org/")}
    assert ids
    lines = done.stdout.splitlines()
    for iri in ids:  # each ID whole, on one line
        assert any(iri in line for line in lines), iri
    for line in lines:  # nothing wider than the terminal, but an ID longer than it, alone on its line
        assert len(line) <= 80 or line in ids, line
    if "to fit 80 columns" in done.stderr:  # wrapped, or records: the hint, on stderr (stdout stays the table)
        assert "--wide" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_wide_gives_one_line_per_row(store):
    done = kgraph("query", "meetings", "--wide", "--store", str(store))
    table = rows(store, "meetings")
    body = [line for line in done.stdout.splitlines() if line.startswith("id:meeting/")]
    assert len(body) == len(table) and "--wide" not in done.stderr


def test_sparql_accepts_the_ids_the_table_prints(store):
    meeting = printed(rows(store, "meetings_of_state", "--param", "state=KZ")[0]["meeting"])
    done = kgraph("query", "--sparql", f"SELECT ?s WHERE {{ {meeting} ckg:participantState ?s }} ORDER BY ?s",
                  "--store", str(store), "-f", "csv")
    assert done.returncode == 0, done.stderr
    assert "https://w3id.org/ckg/id/state/KZ" in done.stdout.splitlines()
    # the same with its own PREFIX line, and a state given as a printed ID in object position
    done = kgraph("query", "--sparql", "PREFIX id: <https://w3id.org/ckg/id/>\n"
                  f"ASK {{ {meeting} ckg:participantState id:state/KZ. }}", "--store", str(store))
    assert done.returncode == 0 and done.stdout.strip() == "true", done.stderr


@pytest.mark.parametrize(("args", "says"), [
    (["meetings_of_state", "--param", "state=Narnia"], "not a known state"),
    (["meetings_of_state", "--param", "state=KZX"], "not a known state"),
    (["meetings", "--body", "cis-council-of-interior-minister"], "did you mean cis-council-of-interior-ministers"),
    (["decisions_by_topic", "--param", "topic=drugs"], "not a known topic"),
    (["participants", "--param", "meeting=cis-council-of-interior-ministers/2017-06-28/nowhere"],
     "no such resource in the store"),
    (["states", "--state", "KZ"], "query states has no --state filter"),
    (["topics_over_time", "--from", "2024-01-01"], "counts by year; give a year such as --from 2024"),
])
def test_invalid_values_are_refused_with_one_line_and_exit_2(store, args, says):
    done = kgraph("query", *args, "--store", str(store))
    assert done.returncode == 2, done.stdout
    assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1
    if "known state" in says:
        assert "valid: " in done.stderr and "KZ" in done.stderr  # says which values are valid


def test_a_state_name_is_read_as_its_code(store):
    done = kgraph("query", "meetings_of_state", "--param", "state=Kazakhstan", "--store", str(store), "-f", "csv")
    assert done.returncode == 0 and "read as KZ" in done.stderr
    assert rows(store, "meetings_of_state", "--param", "state=KZ") == list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows(store, "meetings_of_state", "--param", "state=Қазақстан") == rows(store, "meetings_of_state",
                                                                                 "--param", "state=kz")


def test_filters_keep_undated_meetings_and_say_so(store):
    every = rows(store, "meetings")
    undated = [r for r in every if r["dateKnown"] == "false"]
    assert undated, "the seeds hold a meeting no report dates"
    since = min(r["date"] for r in undated)
    done = kgraph("query", "meetings", "--from", since, "--store", str(store))
    assert done.returncode == 0
    kept = rows(store, "meetings", "--from", since)
    assert {r["meeting"] for r in undated} <= {r["meeting"] for r in kept}
    assert {r["meeting"] for r in kept} == {r["meeting"] for r in every if r["date"] >= since}
    assert "without a known date kept" in done.stderr
    # the same filters on the other list questions, as optional parameters of their .rq
    kz = rows(store, "meetings", "--state", "KZ", "--from", since)
    assert kz and {r["meeting"] for r in kz} <= {r["meeting"] for r in kept}
    assert {r["meeting"] for r in rows(store, "heads_of_delegation", "--state", "KZ", "--from", since)} <= \
        {r["meeting"] for r in kz}
    body = undated[0]["body"].rsplit("/", 1)[-1]
    assert all(r["body"].endswith("/" + body) for r in rows(store, "meetings_of_state", "--state", "KZ",
                                                             "--body", body))


def test_evidence_rows_show_the_sentence_and_the_document(store):
    meeting = rows(store, "meetings")[0]["meeting"]
    evidence = rows(store, "evidence", "--param", f"fact={printed(meeting)}")
    assert evidence
    for row in evidence:
        assert row["quote"] in row["sentence"] and len(row["sentence"]) >= len(row["quote"])
        assert row["title"] and row["file"].endswith(".txt") and "/" not in row["file"]
    text = (ROOT / "seeds" / evidence[0]["file"]).read_text(encoding="utf-8")
    assert evidence[0]["sentence"] in text and text.startswith("date " + evidence[0]["published"] + " ")
    assert evidence[0]["title"] in text.splitlines()[0]
    documents = rows(store, "documents")
    assert all(r["file"] and r["title"] for r in documents)
    table = kgraph("query", "evidence", "--param", f"fact={printed(meeting)}", "--store", str(store))
    assert evidence[0]["file"] in table.stdout and evidence[0]["title"].split()[0] in table.stdout


def test_viz_state_from_keeps_undated_meetings_and_says_so(store, tmp_path):
    """`viz state KZ --from …` draws the meetings `meetings_of_state --from …` lists, undated ones too."""
    undated = [r for r in rows(store, "meetings") if r["dateKnown"] == "false"]
    since = min(r["date"] for r in undated)
    listed = rows(store, "meetings_of_state", "--state", "KZ", "--from", since)
    assert any(r["meeting"] in {u["meeting"] for u in undated} for r in listed)
    page = tmp_path / "kz.html"
    done = kgraph("viz", "state", "KZ", "--from", since, "--store", str(store), "-o", str(page))
    assert done.returncode == 0, done.stderr
    assert "without a known date are kept" in done.stderr
    html = page.read_text(encoding="utf-8")
    assert f"<title>Kazakhstan: {len(listed)} meetings</title>" in html
    assert "without a known date are kept" in html  # on the page too


def test_document_text_reaches_the_terminal_as_inert_text():
    """Rich markup and terminal control sequences in a document's text are shown, never obeyed."""
    from kgraph.commands.table import render

    hostile = "[bold red]x[/bold red] \x1b]0;PWNED\x07 \x1b[31mred"
    text, layout = render(["meeting", "text"], [["id:meeting/a", hostile]], width=120)
    assert layout == "table"
    assert "[bold red]x[/bold red] \\x1b]0;PWNED\\x07 \\x1b[31mred" in text  # as written, escapes visible
    wrapped, layout = render(["meeting", "text"], [["id:meeting/a", hostile * 3]], width=40)
    assert layout == "wrapped" and "\x1b" not in wrapped and "\x07" not in wrapped
    assert "[bold" in wrapped and "[/bold" in wrapped  # markup never styled away
