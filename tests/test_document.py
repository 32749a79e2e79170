"""The loader: corpus files, plain text, JSON Lines, folders and globs, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kgraph.document import Document, DocumentError, from_text, load, read_file


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_corpus_header_gives_date_title_and_offsets_into_the_whole_text(tmp_path: Path) -> None:
    text = "date 2024-03-05 Минскте кеңес өтті\nМинскте ТМД кеңесінің отырысы өтті.\n"
    doc = read_file(write(tmp_path / "a.txt", text))
    assert doc.published == dt.date(2024, 3, 5)
    assert doc.title == "Минскте кеңес өтті"
    assert doc.text == text  # offsets count from the header line
    assert doc.text[doc.body_start:].startswith("Минскте ТМД")
    assert doc.lang == "kk"


def test_plain_text_without_header_and_crlf_read_as_the_scorer_reads_it(tmp_path: Path) -> None:
    path = write(tmp_path / "b.txt", b"\xef\xbb\xbfThe CIS Council met in Minsk.\r\nIt approved a plan.\r\n")
    doc = read_file(path)
    assert doc.published is None and doc.title is None and doc.body_start == 0
    assert doc.text == path.read_text(encoding="utf-8-sig")
    assert "\r" not in doc.text and doc.lang == "en"


def test_document_id_is_the_sha256_of_the_text_and_stable() -> None:
    a = from_text("Совет министров обороны СНГ собрался в Москве.", "x")
    b = from_text("Совет министров обороны СНГ собрался в Москве.", "y")
    assert a.id == b.id and len(a.id) == 64 and a.lang == "ru"
    assert a.id != from_text("Другой текст о встрече.", "z").id


def test_jsonl_records_with_metadata_and_a_bad_line_among_good(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "n1", "text": "The SCO RATS council met in Tashkent.", "published": "2023-04-01",
                         "url": "https://example.org/n1", "lang": "en"}),
             "{not json",
             json.dumps({"id": "n3", "text": "Астанада ҰҚШҰ кеңесі өтті."})]
    path = write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    items = list(load([path]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert [d.external_id for d in docs] == ["n1", "n3"]
    assert docs[0].url == "https://example.org/n1" and docs[0].published == dt.date(2023, 4, 1)
    assert docs[1].lang == "kk"
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}#2: invalid JSON")


@pytest.mark.parametrize(("content", "problem"), [
    ("", "empty document"),
    ("   \n\n", "empty document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
    (b"date 2024-01-01 t\n\xff\xfe bad bytes", "invalid UTF-8"),
    ("date 2023-02-30 Impossible\nText about a meeting.", "impossible"),
    ("date 2023-13-01 Impossible\nText about a meeting.", "impossible"),
    ("date 12.05.2023 Wrong format\nText.", "not YYYY-MM-DD"),
])
def test_bad_documents_give_one_line_errors_naming_the_file(tmp_path: Path, content: str | bytes,
                                                          problem: str) -> None:
    path = write(tmp_path / "bad.txt", content)
    [item] = list(load([path]))
    assert isinstance(item, DocumentError)
    message = str(item)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_folders_recurse_in_order_and_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.md", "# Title\nThe CSTO council met.")
    write(tmp_path / "a.txt", "Совет собрался.")
    write(tmp_path / "ignored.pdf", "x")
    sources = [d.source for d in load([tmp_path]) if isinstance(d, Document)]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]
    assert [d.title for d in load([tmp_path / "sub" / "*.md"])] == ["Title"]
    [missing] = list(load([tmp_path / "nope.txt"]))
    assert isinstance(missing, DocumentError) and "no such file" in str(missing)


def test_file_name_without_folders_and_url_header_line(tmp_path: Path) -> None:
    folder = tmp_path / "private" / "corpus"
    folder.mkdir(parents=True)
    text = "date 2024-03-05 Title here\nurl https://example.org/news/1\nМинскте ТМД кеңесінің отырысы өтті.\n"
    doc = read_file(write(folder / "a.txt", text))
    assert doc.file_name == "a.txt" and doc.url == "https://example.org/news/1"
    assert doc.text[doc.body_start:].startswith("Минскте")  # the url line is header, not body
    assert doc.text == text  # offsets still count from the file's first character
    plain = read_file(write(folder / "b.txt", "date 2024-03-05 T\nurl of the ministry was given.\n"))
    assert plain.url is None and plain.text[plain.body_start:].startswith("url of")  # prose, not a header
    lines = write(folder / "n.jsonl", json.dumps({"text": "CIS ministers met in Minsk.", "url": "https://x.org/2"}) + "\n")
    (record,) = list(load([lines]))
    assert record.file_name == "n.jsonl#1" and record.url == "https://x.org/2"
