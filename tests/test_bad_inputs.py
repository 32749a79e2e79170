"""A folder of good documents mixed with over forty kinds of bad or odd input, built in one go.

Every bad input is named in exactly one line (file, and line for JSON Lines) with its problem;
every good or merely odd document is built; nothing prints a traceback, nothing is left
half-written, and the exit status is 1 (some skipped). The loader and extraction are also fuzzed
with hypothesis: no exception but DocumentError escapes the loader, none at all escapes extraction.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = ("date 2024-05-17 Совет министров обороны СНГ собрался в Минске\n"
        "17 мая в Минске состоялось заседание Совета министров обороны государств – участников СНГ. "
        "В нем приняли участие министры обороны Беларуси, Казахстана и России.\n")


def jsonl(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


# name → bytes: each must be skipped with one line
BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b"   \n\n\t \n",
    "nul.txt": b"date 2024-01-01 x\nabc\x00def\n",
    "latin1.txt": "date 2024-01-01 Алматы\n".encode() + b"caf\xe9\n",
    "utf16le.txt": "date 2024-01-01 x\nСовет\n".encode("utf-16"),
    "utf16be.txt": b"\xfe\xff" + "Совет".encode("utf-16-be"),
    "slash-date.txt": b"date 2024/05/01 x\nbody\n",
    "feb30.txt": b"date 2023-02-30 x\nbody\n",
    "month13.txt": b"date 2024-13-01 x\nbody\n",
    "day00.txt": b"date 2024-05-00 x\nbody\n",
    "word-date.txt": b"date yesterday x\nbody\n",
    "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "huge.txt": b"date 2024-01-01 x\n" + b"a" * (5 * 2**20 + 10),
    "truncated-utf8.md": "# Совет".encode()[:-1],
}
# name → lines: each bad line must be skipped with one line naming file#line
BAD_LINES: list[bytes] = [
    b"{not json}",
    b"[1, 2, 3]",
    b'"just a string"',
    b"null",
    jsonl({"text": 42}),
    jsonl({"text": None}),
    jsonl({"id": "no-text"}),
    jsonl({"text": ""}),
    jsonl({"text": "   "}),
    b"[" * 100_000,
    b'{"text": "caf\xe9"}',
    jsonl({"text": GOOD, "lang": "xx"}),
    jsonl({"text": GOOD, "lang": 7}),
    jsonl({"text": "body", "published": "2024-13-01"}),
    jsonl({"text": "body", "published": "yesterday"}),
    jsonl({"text": "a\u0000b"}),
    b'{"text": "lone \\ud800 surrogate"}',
    jsonl({"text": "body", "published": ["2024-01-01"]}),
    jsonl({"text": GOOD.replace("17 мая", "18 мая"), "url": 12}),
    b'{"text": "x", "text2": ' + b"1" * 10 + b"",
    b'{"text": "' + b"a" * (5 * 2**20 + 10) + b'"}',
]
# odd but valid: each must be built
ODD_FILES: dict[str, bytes] = {
    "crlf.txt": GOOD.replace("\n", "\r\n").encode(),
    "bom.txt": b"\xef\xbb\xbf" + GOOD.replace("Минске", "Москве").encode(),
    "header-only.txt": b"date 2024-01-01 only a title\n",
    "no-header.txt": "Министры обороны СНГ встретились в Минске.\n".encode(),
    "punctuation.txt": b"date 2024-01-01 x\n" + b"!?.,;:-- " * 500 + b"\n",
    "emoji.md": "# 🙂 Совет\n\n🙂🙂 ТМД 🙂 CIS\n".encode(),
    "controls.txt": b"date 2024-01-01 x\n\x01\x02\x1b[31m red \x7f\n",
    "one-word.txt": b"date 2024-01-01 x\n" + b"CIS " * 20_000 + b"\n",
    "states-list.txt": ("date 2024-01-01 x\n" + "Казахстан, Россия, Беларусь, " * 3000 + "\n").encode(),
    "numbers.txt": b"date 2024-01-01 x\n" + b"1 000 000,5 " * 2000 + b"\n",
    "rtl.txt": "date 2024-01-01 x\nمجلس الأمن ТМД\n".encode(),
}
ODD_LINES: list[bytes] = [
    jsonl({"id": {"nested": True}, "text": GOOD.replace("Минске", "Бишкеке")}),
    jsonl({"text": GOOD.replace("17 мая", "19 мая"), "published": "2024-05-19T10:00:00Z", "lang": "ru"}),
]


def test_bad_input_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"good{i}.txt").write_text(GOOD.replace("17 мая", f"{10 + i} мая"), encoding="utf-8")
    for name, data in {**BAD_FILES, **ODD_FILES}.items():
        (folder / name).write_bytes(data)
    (folder / "mixed.jsonl").write_bytes(b"\n".join([*BAD_LINES[:5], *ODD_LINES, *BAD_LINES[5:]]) + b"\n")
    kinds = len(BAD_FILES) + len(BAD_LINES) + len(ODD_FILES) + len(ODD_LINES)
    assert kinds >= 40
    out = tmp_path / "out" / "graph.nq"
    result = subprocess.run([sys.executable, "-m", "kgraph", "build", str(folder), "-o", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    skipped = [line.removeprefix("kgraph: skipped ") for line in result.stderr.splitlines()
               if line.startswith("kgraph: skipped ")]
    named = {line.split(": ")[0] for line in skipped}
    expected = {str(folder / name) for name in BAD_FILES}
    bad_line_numbers = [*range(1, 6), *range(6 + len(ODD_LINES), 6 + len(ODD_LINES) + len(BAD_LINES) - 5)]
    expected |= {f"{folder / 'mixed.jsonl'}#{n}" for n in bad_line_numbers}
    assert named == expected, (sorted(named ^ expected), result.stderr[-3000:])
    assert len(skipped) == len(expected)  # one line each
    built = 3 + len(ODD_FILES) + len(ODD_LINES)
    assert f"built {built} documents" in result.stderr, result.stderr[-1500:]
    assert out.exists() and not list(out.parent.glob("*.part"))


hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is a test dependency")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kgraph.document import DocumentError, from_text, read_jsonl  # noqa: E402
from kgraph.extract import extract  # noqa: E402

NEWS_WORDS = st.sampled_from(["СНГ", "ТМД", "CIS", "ОДКБ", "ҰҚШҰ", "SCO", "Минске", "Астанада", "Moscow", "министры",
                              "кеңесінің", "отырысы", "состоялось", "заседание", "принято", "decided", "proposed",
                              "2024", "17", "мая", "қазанда", "млрд", "1,5", "Казахстан", "Russia", "Токаев", ",",
                              ".", "«", "»", "—", "\n", "(", ")", "Ержан Саденов", "Е.", "signed", "бекітілді"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(NEWS_WORDS, st.text(max_size=12)), max_size=120), st.sampled_from(["kk", "ru", "en", None]))
def test_extraction_never_raises(words: list[str], lang: str | None) -> None:
    text = "date 2024-05-17 t\n" + " ".join(words)
    try:
        doc = from_text(text, "<fuzz>", lang=lang)
    except DocumentError:
        return
    facts = extract(doc)
    for meeting in facts.meetings:
        for span in meeting.spans:
            assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=8))
def test_jsonl_loader_only_ever_reports_document_errors(tmp_path_factory: pytest.TempPathFactory,
                                                        lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.jsonl"
    path.write_bytes(b"\n".join(lines))
    for item in read_jsonl(path):
        assert isinstance(item, DocumentError) or item.text
