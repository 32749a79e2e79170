#!/usr/bin/env python3
"""Derive ``ontology/reference/towns.yaml`` (towns and resorts of the post-Soviet member states)
from the Countries States Cities Database (github.com/dr5hn/countries-states-cities-database,
ODbL 1.0 / DbCL 1.0; attribution in the file written).

    git -C MIRROR show HEAD:contributions/cities/KG.json > DIR/KG.json   # one file per state
    python scripts/towns_from_csc.py DIR > ontology/reference/towns.yaml

Why a derived list: sessions are held in towns and resorts the hand-written ``cities.yaml`` lacks
(Cholpon-Ata, Burabay, Tsaghkadzor, Gabala were all added one by one after a report missed them).
A real gazetteer of place names, with each place's Wikidata item, covers the ones no report has
shown yet. The database gives the English name, the Russian name and the Wikidata QID; Kazakh
news writes the Russian form of a town outside Kazakhstan, so the Russian name serves kk too.

What is left out, and why: places without a QID or a Russian name (nothing to link or match);
names that are also Russian surnames, first names or common words by pymorphy3's dictionary
("Курчатов", "Абай", "Прогресс"), and a short list of the same the dictionary misses (EXCLUDED):
a town of that name would turn a person or a word into a venue; names shorter than four letters;
villages (under 10,000 people, unless a regional centre); and every place ``cities.yaml`` already
has (by QID or name), which stays the curated source.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pymorphy3
import yaml

STATES = ("AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "TJ", "TM", "UZ", "MN")
TYPES = {"city", "capital", "adm1", "adm2"}  # adm1/adm2 here are the towns that give a district its name
REGIONAL = {"capital", "adm1"}  # capitals and regional centres, whatever their recorded population
MIN_POPULATION = 10_000
RU_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+)*")
# names the dictionary does not flag but that are also people, words, rivers, mountains or towns of
# another state in this news ("Сердар" a title, "Берекет" a Kazakh word, "Турар Рыскулов" a person,
# "Сырдарья" a river, "Дзержинск" a town in Russia too), and district labels, not towns
EXCLUDED = {"Сердар", "Берекет", "Саят", "Джума", "Ералиев", "Турар Рыскулов", "Балпык Би", "Бухар-Жырау",
            "Бостон", "Абадан", "Алтай", "Сырдарья", "Вахш", "Каратау", "Есиль", "Аксу", "Аксай", "Армавир",
            "Пушкино", "Ивановка", "Георгиевка", "Дзержинск", "Булган"}
DISTRICT_WORDS = re.compile(r"\b(Тумани|Горад|Шахар)\b")
NOT_PLACE = {"Surn", "Name", "Patr"}
HEADER = """\
# Towns and resorts of the post-Soviet member states, derived by scripts/towns_from_csc.py from the
# Countries States Cities Database (https://github.com/dr5hn/countries-states-cities-database),
# (c) its contributors, made available under the Open Database License 1.0 (ODbL) and its contents
# under the Database Contents License 1.0. Do not edit by hand: curate cities.yaml (which wins on
# any overlap) and rerun the script. Same schema as cities.yaml.
"""


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def ambiguous(name: str, morph: pymorphy3.MorphAnalyzer) -> bool:
    """A name pymorphy3 also knows as a person's name or as a common word (not only as a place)."""
    for word in name.replace("-", " ").split():
        known = [p for p in morph.parse(word) if p.score >= 0.05 and p.is_known]
        if any(NOT_PLACE & set(p.tag.grammemes) for p in known):
            return True
        if known and "Geox" not in known[0].tag.grammemes:  # its likeliest reading is a word
            return True
    return False


def main(directory: Path) -> None:
    reference = Path(__file__).resolve().parents[1] / "ontology" / "reference" / "cities.yaml"
    curated = yaml.safe_load(reference.read_text(encoding="utf-8"))
    known_qids = {c.get("qid") for c in curated}
    known_names = {n.lower() for c in curated for names in c["names"].values() for n in names}
    morph = pymorphy3.MorphAnalyzer()
    out, seen_ids, seen_qids, seen_names = [], set(), set(), set()
    for state in STATES:
        path = directory / f"{state}.json"
        if not path.exists():
            sys.exit(f"{path}: missing (extract contributions/cities/{state}.json from the database)")
        for place in json.loads(path.read_text(encoding="utf-8")):
            qid, en = place.get("wikiDataId"), place.get("name", "").strip()
            ru = (place.get("translations") or {}).get("ru", "").strip()
            if place.get("type") not in TYPES or not qid or not re.fullmatch(r"Q[1-9]\d*", qid):
                continue
            if len(ru) < 4 or not RU_NAME.fullmatch(ru):
                continue
            if place["type"] not in REGIONAL and (place.get("population") or 0) < MIN_POPULATION:
                continue  # villages: too many, and their names are too often words or other places
            if ru in EXCLUDED or DISTRICT_WORDS.search(ru) or ru.lower() in seen_names:
                continue
            if qid in known_qids or qid in seen_qids or en.lower() in known_names or ru.lower() in known_names:
                continue
            if ambiguous(ru, morph):
                continue
            place_id = f"{slug(en)}-{state.lower()}"
            if not place_id or place_id in seen_ids:
                continue
            seen_ids.add(place_id)
            seen_qids.add(qid)
            seen_names.add(ru.lower())
            out.append({"id": place_id, "qid": qid, "state": state,
                        "names": {"en": [en], "ru": [ru], "kk": [ru]}})
    body = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    sys.stdout.write(HEADER + body)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: towns_from_csc.py DIR_WITH_STATE_JSON_FILES")
    main(Path(sys.argv[1]))
