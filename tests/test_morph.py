import pytest

from kgraph.morph import en, kk, ru


def _all(forms):
    return set().union(*forms.values())


@pytest.mark.parametrize(
    ("phrase", "case", "form"),
    [
        ("Ресей", "gen", "Ресейдің"),
        ("Қазақстан", "gen", "Қазақстанның"),
        ("Өзбекстан", "gen", "Өзбекстанның"),
        ("Әзербайжан", "gen", "Әзербайжанның"),
        ("Қырғызстан", "dat", "Қырғызстанға"),
        ("Астана", "loc", "Астанада"),
        ("Астана", "loc", "Астанадағы"),
        ("Мәскеу", "loc", "Мәскеуде"),
        ("Баку", "loc", "Бакуде"),
        ("Алматы", "loc", "Алматыда"),
        ("Бішкек", "loc", "Бішкекте"),
        ("Бішкек", "dat", "Бішкекке"),
        ("Санкт-Петербург", "loc", "Санкт-Петербургте"),
        ("Қытай", "abl", "Қытайдан"),
        ("Тәжікстан", "abl", "Тәжікстаннан"),
        ("Ресей", "acc", "Ресейді"),
        ("Ресей", "ins", "Ресеймен"),
        ("Ташкент", "ins", "Ташкентпен"),
        ("ТМД", "dat", "ТМД-ға"),
        ("ҰҚШҰ", "gen", "ҰҚШҰ-ның"),
        ("ШЫҰ", "dat", "ШЫҰ-ға"),
        ("кеңес", "gen", "кеңесінің"),
        ("комитет", "gen", "комитетінің"),
        ("кеңес", "nom", "кеңесі"),
        ("Қорғаныс министрлері кеңесі", "gen", "Қорғаныс министрлері кеңесінің"),
        ("Қорғаныс министрлері кеңесі", "dat", "Қорғаныс министрлері кеңесіне"),
        ("Қорғаныс министрлері кеңесі", "loc", "Қорғаныс министрлері кеңесінде"),
        ("Қорғаныс министрлері кеңесі", "loc", "Қорғаныс министрлері кеңесіндегі"),
        ("Қазақстан Республикасы", "gen", "Қазақстан Республикасының"),
        ("ішкі істер министрі", "nom", "ішкі істер министрлері"),
        ("ішкі істер министрі", "gen", "ішкі істер министрлерінің"),
        ("ішкі істер министрлігі", "gen", "ішкі істер министрлігінің"),
        ("министр", "nom", "министрлер"),
        ("министр", "dat", "министрлерге"),
    ],
)
def test_kazakh_forms(phrase, case, form):
    assert form in kk.forms(phrase)[case]


def test_kazakh_harmony_is_not_mixed_for_clear_words():
    forms = _all(kk.forms("Қазақстан"))
    assert "Қазақстанға" in forms
    assert "Қазақстанге" not in forms
    assert "Ресейға" not in _all(kk.forms("Ресей"))


def test_kazakh_adjective():
    assert kk.adjective("Қазақстан") == {"Қазақстандық"}
    assert kk.adjective("Ресей") == {"Ресейлік"}
    assert kk.adjective("Армения") == {"Армениялық"}


@pytest.mark.parametrize(
    ("phrase", "case", "form"),
    [
        ("Республика Беларусь", "gen", "Республики Беларусь"),
        ("Республика Беларусь", "loc", "Республике Беларусь"),
        ("Беларусь", "gen", "Беларуси"),
        ("Таджикистан", "gen", "Таджикистана"),
        ("Санкт-Петербург", "loc", "Санкт-Петербурге"),
        ("Азербайджанская Республика", "ins", "Азербайджанской Республикой"),
        ("Региональная антитеррористическая структура", "gen", "Региональной антитеррористической структуры"),
        ("Совет министров обороны", "gen", "Совета министров обороны"),
        ("Совет министров обороны", "ins", "Советом министров обороны"),
        ("министр внутренних дел", "gen", "министра внутренних дел"),
        ("министр внутренних дел", "nom", "министры внутренних дел"),
        ("казахстанский", "nom", "казахстанская"),
        ("казахстанский", "acc", "казахстанскую"),
        ("белорусский", "gen", "белорусской"),
    ],
)
def test_russian_forms(phrase, case, form):
    assert form in ru.forms(phrase)[case]


def test_russian_keeps_indeclinables_and_tails():
    assert ru.forms("Душанбе") == {"nom": {"Душанбе"}}
    assert ru.forms("СНГ") == {"nom": {"СНГ"}}
    forms = _all(ru.forms("Совет министров обороны"))
    assert all(f.endswith("министров обороны") for f in forms)
    # a proper name's plural would shadow its singular genitive
    assert "Республики Беларусь" not in ru.forms("Республика Беларусь")["nom"]


def test_english_forms():
    assert en.forms("Kazakhstan") == {"nom": {"Kazakhstan", "Kazakhstans"}, "gen": {"Kazakhstan's"}}
    assert "Belarus'" in en.forms("Belarus")["gen"]
    assert "interior ministers" in en.forms("interior minister")["nom"]
    assert en.forms("Council of Defence Ministers")["nom"] == {"Council of Defence Ministers"}
