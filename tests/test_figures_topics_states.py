"""Figures, topics and participating states on short kk/ru/en sentences written for these tests.

Each test names the phenomenon it guards: counts told as background about the organisation (its
members, observers, rotating chairmanship), counts restating items just named, figures the
annotators do count (agenda size, documents signed), topic cues inside a commission's name,
exercises versus training, information security, states named only as the holder of the
organisation's chairmanship, states refusing to take part, and states whose proposal is taken up.
"""

from __future__ import annotations

import pytest

from kgraph.document import from_text
from kgraph.extract import extract
from kgraph.model import Meeting

HEADS = {"ru": "В Минске прошло заседание Совета министров обороны СНГ. ",
         "en": "The CIS Council of Defence Ministers met in Minsk. ",
         "kk": "Минскіде ТМД Қорғаныс министрлері кеңесінің отырысы өтті. "}


def meeting(lang: str, body: str, published: str = "2024-05-16") -> Meeting:
    text = f"date {published} Новость\n{body}\n"
    facts = extract(from_text(text, f"test-{lang}.txt", lang=lang))
    assert facts.meetings, "no meeting found"
    return facts.meetings[0]


def values(m: Meeting) -> list[float]:
    return sorted(s.value for s in m.statistics)


# --- figures ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The organisation has eight full members. Egypt, Qatar and Nepal are three dialogue partners, and "
           "Laos, Chile, Peru and Fiji are four observer states."),
    ("ru", "Статус наблюдателя имеют четыре государства."),
    ("kk", "Төрт мемлекет ұйымда бақылаушы болып табылады."),
])
def test_a_count_of_observers_or_partners_is_background(lang, sentence):
    assert values(meeting(lang, HEADS[lang] + sentence)) == [], (lang, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Next year two states will chair the Commonwealth."),
    ("ru", "В следующем году в Содружестве будут председательствовать два государства."),
    ("kk", "Келесі жылы Достастыққа екі мемлекет төрағалық етеді."),
])
def test_a_count_of_states_holding_the_chairmanship_is_background(lang, sentence):
    assert values(meeting(lang, HEADS[lang] + sentence)) == [], (lang, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Air defence and the demining of roads were two key issues raised by the ministers."),
    ("ru", "Противовоздушная оборона и разминирование дорог стали двумя главными темами встречи."),
])
def test_a_count_restating_items_just_named_is_not_a_figure(lang, sentence):
    assert values(meeting(lang, HEADS[lang] + sentence)) == [], (lang, sentence)


@pytest.mark.parametrize("lang, sentence, expected", [
    ("en", "There were 14 items on the agenda, and 11 documents were signed.", [11.0, 14.0]),
    ("ru", "В повестке дня было 14 вопросов, подписано 11 документов.", [11.0, 14.0]),
    ("kk", "Күн тәртібінде 14 мәселе қаралып, 11 құжатқа қол қойылды.", [11.0, 14.0]),
])
def test_agenda_size_and_documents_signed_stay_figures(lang, sentence, expected):
    """The annotators count the size of the agenda and the documents signed at the session."""
    assert values(meeting(lang, HEADS[lang] + sentence)) == expected, (lang, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Since its creation, the Council has adopted more than 200 documents."),
    ("en", "The Council was established in 1997. Since then, it has prepared over 60 draft agreements."),
    ("ru", "С момента создания Совет принял более 200 документов."),
    ("kk", "Кеңес құрылғаннан бері 200-ден астам құжат қабылдады."),
])
def test_a_count_since_the_body_was_founded_is_its_history(lang, sentence):
    """What a body has done since it was founded is background, not a figure of the session."""
    assert values(meeting(lang, HEADS[lang] + sentence)) == [], (lang, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The ministers laid flowers in the park named after 28 Panfilov guardsmen."),
    ("en", "The 12-member CIS was founded by former Soviet republics."),
    ("en", "They pledged to fight the «three evils» together."),
    ("ru", "Министры возложили цветы в парке имени 28 гвардейцев-панфиловцев."),
    ("ru", "Они обязались вместе бороться с «тремя силами зла»."),
    ("kk", "Министрлер 28 панфиловшы гвардияшылар атындағы саябаққа гүл қойды."),
])
def test_a_number_inside_a_name_or_a_size_adjective_is_not_a_figure(lang, sentence):
    """A number that is part of a name (named after, a short quoted name) or gives a body's size
    ("the 12-member CIS") counts nothing the session did."""
    assert values(meeting(lang, HEADS[lang] + sentence)) == [], (lang, sentence)


def test_a_figure_in_the_headline_counts_once():
    """The headline's figure is the session's ('Главы МИД СНГ одобрили 15 документов'); the text giving it
    again, worded otherwise, does not make two."""
    text = "date 2024-05-16 Главы МИД СНГ одобрили 15 документов\nВ Минске прошло заседание СМИД СНГ.\n"
    assert values(extract(from_text(text, "t-ru.txt", lang="ru")).meetings[0]) == [15.0]
    text = ("date 2024-05-16 CIS foreign ministers approve fifteen documents\nThe CIS Council of Foreign Ministers "
            "met in Minsk. The ministers signed 15 texts.\n")
    assert values(extract(from_text(text, "t-en.txt", lang="en")).meetings[0]) == [15.0]


def test_a_quoted_statement_keeps_its_figure():
    sentence = "“We signed 15 documents today, and all of them matter,” the minister said."
    assert values(meeting("en", HEADS["en"] + sentence)) == [15.0]


# --- topics -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The ministers agreed to hold a joint command-and-staff training exercise and other exercises next year."),
    ("ru", "Министры договорились провести в следующем году совместные командно-штабные учения."),
    ("kk", "Министрлер келесі жылы бірлескен жаттығу өткізуге келісті."),
])
def test_an_exercise_is_military_cooperation_not_training(lang, sentence):
    topics = meeting(lang, HEADS[lang] + sentence).topics
    assert "training" not in topics and "military-cooperation" in topics, (lang, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The ministers approved a plan on the training of officers."),
    ("ru", "Министры утвердили план подготовки кадров для вооруженных сил."),
    ("kk", "Министрлер кадрлар даярлау жоспарын бекітті."),
])
def test_training_of_personnel_stays_training(lang, sentence):
    assert "training" in meeting(lang, HEADS[lang] + sentence).topics, (lang, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The ministers discussed international information security."),
    ("ru", "Министры обсудили вопросы международной информационной безопасности."),
    ("kk", "Министрлер халықаралық ақпараттық қауіпсіздік мәселелерін талқылады."),
])
def test_information_security_is_the_cyber_field(lang, sentence):
    assert "cybercrime" in meeting(lang, HEADS[lang] + sentence).topics, (lang, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The ministers stressed cooperation in exchanging operational information."),
    ("ru", "Министры подчеркнули важность обмена оперативной информацией."),
    ("kk", "Министрлер жедел ақпаратпен алмасудың маңызын атап өтті."),
])
def test_an_exchange_of_information_with_a_qualifier_between(lang, sentence):
    assert "information-exchange" in meeting(lang, HEADS[lang] + sentence).topics, (lang, sentence)


def test_military_interaction_is_military_cooperation():
    for lang, body in [("ru", "В Минске прошло заседание Совета министров внутренних дел СНГ. Министры обсудили "
                              "укрепление военного взаимодействия."),
                       ("en", "The CIS Council of Interior Ministers met in Minsk. The ministers discussed stronger "
                              "military interaction.")]:
        assert "military-cooperation" in meeting(lang, body).topics, (lang, body)


# --- states -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, sentence, state", [
    ("en", "The ministers supported Uzbekistan's proposal to hold joint drills on demining.", "UZ"),
    ("ru", "По предложению Узбекистана министры решили провести совместные сборы по разминированию.", "UZ"),
    ("kk", "Өзбекстанның ұсынысы бойынша министрлер келесі отырысты Ташкентте өткізу туралы шешім қабылдады.", "UZ"),
])
def test_a_state_whose_proposal_is_taken_up_took_part(lang, sentence, state):
    assert state in meeting(lang, HEADS[lang] + sentence).states, (lang, sentence)


def test_a_state_only_mentioned_beside_a_proposal_did_not_take_part():
    m = meeting("ru", HEADS["ru"] + "Несмотря на разногласия с Арменией, Баку поддержал кандидатуру, которую "
                                    "предложил министр, и голосовал за нее.")
    assert "AM" not in m.states


@pytest.mark.parametrize("lang, sentence, state", [
    ("kk", "Қырғызстан отырысқа қатысудан бас тартты.", "KG"),
    ("ru", "Киргизия отказалась от участия в заседании.", "KG"),
    ("en", "Kyrgyzstan refused to take part in the meeting.", "KG"),
])
def test_a_state_refusing_to_take_part_is_absent(lang, sentence, state):
    assert state not in meeting(lang, HEADS[lang] + sentence).states, (lang, sentence)


def test_a_second_session_the_report_covers_has_its_own_states():
    text = ("date 2024-05-16 News\nToday Minsk hosts a meeting of the Committee of Secretaries of the CSTO Security "
            "Councils. A meeting of the CSTO Council of Defence Ministers was held on May 14 in Minsk, which was "
            "attended by the Defence Minister of Armenia Aram Petrosyan.\n")
    facts = extract(from_text(text, "test-en.txt", lang="en"))
    second = [m for m in facts.meetings if m.body == "csto-council-of-defence-ministers"]
    assert second and "AM" in second[0].states


# --- organizations ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, body", [
    ("ru", "В Минске прошло заседание Совета министров обороны ШОС. Министр обороны России Сергей Иванов выступил "
           "на заседании и отметил важность встречи как этапа подготовки к саммиту ШОС в Астане."),
    ("en", "The SCO Council of Defence Ministers met in Minsk. Russian Defence Minister Sergei Ivanov took part and "
           "spoke about preparations for the SCO summit in Astana."),
    ("kk", "Минскіде ШЫҰ Қорғаныс министрлері кеңесінің отырысы өтті. Ресей Қорғаныс министрі Сергей Иванов "
           "отырысқа қатысып, Астанадағы ШЫҰ саммитіне дайындық туралы айтты."),
])
def test_a_body_named_by_its_coming_summit_is_not_a_participant(lang, body):
    assert meeting(lang, body).organizations == [], (lang, body)


@pytest.mark.parametrize("lang, body", [
    ("en", "The SCO Council of Defence Ministers met in Astana. The SCO, comprising eight member states, seized 12 "
           "tonnes of drugs last year, the ministers said."),
    ("en", "The CSTO Council of Defence Ministers met in Minsk. The ministers discussed threats to the CSTO region, "
           "which includes 6 states, and seized 12 tonnes of drugs."),
    ("ru", "В Минске прошло заседание Совета министров обороны ОДКБ. Организация, включающая 6 государств, за год "
           "изъяла 12 тонн наркотиков."),
])
def test_the_organisations_size_is_no_figure(lang, body):
    # "comprising eight member states", "which includes 6 states", "включающая 6 государств": background
    assert values(meeting(lang, body)) == [12.0]
