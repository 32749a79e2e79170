from collections import defaultdict

import pytest

from kgraph import morph
from kgraph.gazetteer import Gazetteer, Match, core_phrase_key
from kgraph.reference import load_reference
from kgraph.text import normalise

FRAMES = {
    "kk": "Кеше {} туралы айтылды.",
    "ru": "Вчера о {} говорили.",
    "en": "Yesterday {} was discussed.",
}


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def _generated(lang):
    """(kind, key, surface) for every state, body, core and city name of the reference data."""
    ref = load_reference()
    for state in ref.states.values():
        for name in state.names.get(lang, ()):
            yield "state", state.code, name
    for body in ref.bodies.values():
        for name in body.names.get(lang, ()):
            yield "body", body.slug, name
        for name in body.core.get(lang, ()):
            yield "body-core", core_phrase_key(name), name
    for city in ref.cities.values():
        for name in city.names.get(lang, ()):
            yield "city", city.id, name


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_generated_form_is_found(gaz, lang):
    owners = defaultdict(set)  # one surface may name two entities: either reading is right
    cases = []
    for kind, key, name in _generated(lang):
        for surfaces in morph.forms(name, lang).values():
            for surface in surfaces:
                owners[normalise(surface)].add(key)
                cases.append((kind, key, surface))
    assert len(cases) > 200
    missing = []
    for _kind, _key, surface in cases:
        sentence = FRAMES[lang].format(surface)
        start = sentence.index(surface)
        hits = [m for m in gaz.find(sentence) if m.start == start and m.end == start + len(surface)]
        if not hits or hits[0].key not in owners[normalise(surface)]:
            missing.append(surface)
    assert not missing, missing[:20]


def _found(gaz, text):
    return [(m.kind, m.key, text[m.start : m.end], m.case) for m in gaz.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Соглашение подписано в Республике Беларусь.", ("state", "BY", "Республике Беларусь", "dat")),
        ("Делегации Таджикистана возглавил министр.", ("state", "TJ", "Таджикистана", "gen")),
        ("Россия и Кыргызстан поддержали.", ("state", "KG", "Кыргызстан", "nom")),
        ("Қырғызстанның өкілі сөйледі.", ("state", "KG", "Қырғызстанның", "gen")),
        ("Өзбекстан мен Тәжікстан келісті.", ("state", "UZ", "Өзбекстан", "nom")),
        ("Әзербайжанның делегациясы келді.", ("state", "AZ", "Әзербайжанның", "gen")),
        ("Жиын Бакуде өтті.", ("city", "baku", "Бакуде", "loc")),
        ("Отырыс Алматыда өтті.", ("city", "almaty", "Алматыда", "loc")),
        ("Кездесу Бішкекте болды.", ("city", "bishkek", "Бішкекте", "loc")),
        ("The talks were held in Dushanbe.", ("city", "dushanbe", "Dushanbe", None)),
        ("белорусской стороной", ("state-adj", "BY", "белорусской", "gen")),
        ("казахстанскую делегацию", ("state-adj", "KZ", "казахстанскую", "acc")),
        ("the Kazakh delegation", ("state-adj", "KZ", "Kazakh", None)),
        ("қазақстандық тарап", ("state-adj", "KZ", "қазақстандық", "nom")),
        ("Kazakhstan's chairmanship", ("state", "KZ", "Kazakhstan's", "gen")),
        ("Министры внутренних дел обсудили", ("agency-head", "interior-ministry", "Министры внутренних дел", "nom")),
        ("встреча министра внутренних дел", ("agency-head", "interior-ministry", "министра внутренних дел", "gen")),
        ("ішкі істер министрі сөйледі", ("agency-head", "interior-ministry", "ішкі істер министрі", "nom")),
    ],
)
def test_hand_written_inflections(gaz, text, expected):
    assert expected in _found(gaz, text)


def test_abbreviations_are_case_sensitive_and_take_kazakh_suffixes(gaz):
    found = _found(gaz, "ТМД-ға мүше елдер және ҰҚШҰ-ның хатшылығы, ШЫҰ-ға төрағалық.")
    assert ("org-abbrev", "cis", "ТМД-ға", "dat") in found
    assert ("org-abbrev", "csto", "ҰҚШҰ-ның", "gen") in found
    assert ("org-abbrev", "sco", "ШЫҰ-ға", "dat") in found
    assert not [m for m in gaz.find("снг и одкб, шос") if m.kind == "org-abbrev"]
    found = _found(gaz, "государства СНГ и ОДКБ")
    assert [k for k, *_ in found] == ["org-abbrev", "org-abbrev"]


def test_word_boundaries(gaz):
    # no match may start or end inside a word
    text = "Иранский, Ирана, Иран и Оман, Романов, Казахстанский, Арменияга"
    for m in gaz.find(text):
        before = text[m.start - 1] if m.start else " "
        after = text[m.end] if m.end < len(text) else " "
        assert not before.isalnum() and not after.isalnum(), text[m.start : m.end]
    assert ("state", "IR", "Ирана", "gen") in _found(gaz, text)


def test_longest_match_wins_and_cores_list_candidates(gaz):
    text = "Заседание Совета министров обороны СНГ и Совета министров обороны ОДКБ"
    found = gaz.find(text)
    assert found[0].kind == "body" and text[found[0].start : found[0].end] == "Совета министров обороны СНГ"
    cores = [m for m in gaz.find("заседание Совета министров обороны прошло") if m.kind == "body-core"]
    assert len(cores) == 1 and len(cores[0].candidates) >= 2
    assert all(isinstance(m, Match) for m in found)


def test_month_is_not_a_city(gaz):
    assert not [m for m in gaz.find("13 қазанда Астанада") if m.key == "kazan"]
    assert [m.key for m in gaz.find("Қазанда кездесу өтті") if m.kind == "city"] == ["kazan"]


def test_matches_are_sorted_and_offsets_fit_original_text(gaz):
    text = "«ТМД‑ға» мүше Ресей — Астана"
    found = gaz.find(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert [text[m.start : m.end] for m in found] == ["ТМД‑ға", "Ресей", "Астана"]


@pytest.mark.parametrize(("text", "key", "quoted"), [
    ("The meeting of the Secretaries of the CIS (Commonwealth of Independent States) Security Councils began.",
     "cis-security-council-secretaries", "Secretaries of the CIS (Commonwealth of Independent States) Security Councils"),
    ("Встреча секретарей советов безопасности (СБ) государств – участников СНГ прошла в Москве.",
     "cis-security-council-secretaries", "Встреча секретарей советов безопасности (СБ) государств – участников СНГ"),
])
def test_a_name_with_a_parenthetical_inside_is_found_whole(gaz, text, key, quoted):
    found = [(m.key, text[m.start:m.end]) for m in gaz.find(text) if m.kind == "body"]
    assert (key, quoted) in found


def test_a_parenthetical_after_a_whole_name_changes_nothing(gaz):
    text = "Кыргызстан (КР) и Россия."
    assert [(m.key, text[m.start:m.end]) for m in gaz.find(text)] == [("KG", "Кыргызстан"), ("RU", "Россия")]
