import datetime as dt

import pytest

from kgraph.dates import find_dates

PUB = dt.date(2024, 10, 9)  # a Wednesday


def _one(text, lang, published=PUB):
    found = find_dates(text, lang, published)
    assert len(found) == 1, [(text[d.start : d.end], d) for d in found]
    d = found[0]
    return text[d.start : d.end], d.begin, d.finish, d.year_explicit


D = dt.date


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("kk", "Кеңес отырысы 3 қазанда Бішкекте өтті.", ("3 қазанда", D(2024, 10, 3), None, False)),
        ("kk", "Келісім 2023 жылғы 17 наурызда қол қойылды.", ("2023 жылғы 17 наурызда", D(2023, 3, 17), None, True)),
        ("kk", "Оқу-жаттығу 24–27 қыркүйекте болды.", ("24–27 қыркүйекте", D(2024, 9, 24), D(2024, 9, 27), False)),
        ("kk", "Жиын 7 маусымда басталды.", ("7 маусымда", D(2024, 6, 7), None, False)),
        ("kk", "Кеше министрлер кездесті.", ("Кеше", D(2024, 10, 8), None, False)),
        ("kk", "Сәрсенбіде хатшы мәлімдеді.", ("Сәрсенбіде", D(2024, 10, 9), None, False)),
        ("kk", "Дүйсенбі күні делегация келді.", ("Дүйсенбі күні", D(2024, 10, 7), None, False)),
        ("ru", "Совещание состоялось 2 октября в Минске.", ("2 октября", D(2024, 10, 2), None, False)),
        ("ru", "Договор подписан 15 апреля 2022 года в Москве.", ("15 апреля 2022 года", D(2022, 4, 15), None, True)),
        ("ru", "Учения прошли 16–20 сентября.", ("16–20 сентября", D(2024, 9, 16), D(2024, 9, 20), False)),
        (
            "ru",
            "Форум работал с 29 сентября по 2 октября.",
            ("с 29 сентября по 2 октября", D(2024, 9, 29), D(2024, 10, 2), False),
        ),
        ("ru", "Об этом сообщили вчера.", ("вчера", D(2024, 10, 8), None, False)),
        ("ru", "Встреча пройдет завтра.", ("завтра", D(2024, 10, 10), None, False)),
        ("ru", "Министры встретились в понедельник.", ("в понедельник", D(2024, 10, 7), None, False)),
        # agency datelines shorten the month to three letters ("БАКУ, 28 мар – Sputnik")
        ("ru", "БАКУ, 28 мар – Sputnik. Министры встретились.", ("28 мар", D(2024, 3, 28), None, False)),
        ("ru", "МИНСК, 4 июн – Sputnik. Совет заседал.", ("4 июн", D(2024, 6, 4), None, False)),
        ("en", "The council met on 1 October in Baku.", ("1 October", D(2024, 10, 1), None, False)),
        ("en", "It was signed on 5 March 2021.", ("5 March 2021", D(2021, 3, 5), None, True)),
        ("en", "It was signed on March 5, 2021, in Minsk.", ("March 5, 2021", D(2021, 3, 5), None, True)),
        (
            "en",
            "Drills ran from 30 September to 3 October.",
            ("from 30 September to 3 October", D(2024, 9, 30), D(2024, 10, 3), False),
        ),
        ("en", "Drills ran 22–25 September.", ("22–25 September", D(2024, 9, 22), D(2024, 9, 25), False)),
        ("en", "The chiefs met on Monday.", ("Monday", D(2024, 10, 7), None, False)),
        ("en", "The ministry said today.", ("today", D(2024, 10, 9), None, False)),
    ],
)
def test_dates(lang, text, expected):
    assert _one(text, lang) == expected


def test_year_rolls_back_when_far_in_the_future():
    pub = D(2025, 1, 15)
    assert _one("Жиын 26 желтоқсанда өтті.", "kk", pub)[1] == D(2024, 12, 26)
    assert _one("Заседание прошло 26 декабря.", "ru", pub)[1] == D(2024, 12, 26)
    # two weeks ahead stays in the publication year: an announced meeting
    assert _one("The summit will open on 29 January.", "en", pub)[1] == D(2025, 1, 29)


def test_span_across_new_year():
    text = "Учения шли с 28 декабря по 3 января."
    _, begin, finish, _ = _one(text, "ru", D(2025, 1, 5))
    assert (begin, finish) == (D(2024, 12, 28), D(2025, 1, 3))


def test_without_publication_date_only_explicit_years():
    text = "Встреча 12 августа, договор 28 мая 2025 года, вчера."
    found = find_dates(text, "ru", None)
    assert [(text[d.start : d.end], d.begin) for d in found] == [("28 мая 2025 года", D(2025, 5, 28))]


def test_traps_are_not_dates():
    assert find_dates("Окружающая среда и Жұмабаев, Жұма мырза.", "ru", PUB) == []
    assert find_dates("Жұма Әлиев, Жұмабаев кешенді жоспар ұсынды.", "kk", PUB) == []
    assert find_dates("В 2024 году 35 человек, 3,5 процента.", "ru", PUB) == []
    assert find_dates("31 февраля", "ru", PUB) == []


def test_several_dates_sorted_and_offsets_in_original():
    text = "«Кеше» — 12 тамызда және 2024 жылғы 5 қазанда"
    found = find_dates(text, "kk", PUB)
    assert [text[d.start : d.end] for d in found] == ["Кеше", "12 тамызда", "2024 жылғы 5 қазанда"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # past narration with an adjective before the weekday: the last such day before publication
        ("ru", "В минувшую пятницу министры встретились.", ("В минувшую пятницу", D(2024, 10, 4), None, False)),
        ("ru", "В прошлый четверг совет собрался.", ("В прошлый четверг", D(2024, 10, 3), None, False)),
        # two days joined by "and" are a two-day session when they follow each other
        ("ru", "Заседание прошло 7 и 8 октября.", ("7 и 8 октября", D(2024, 10, 7), D(2024, 10, 8), False)),
        ("kk", "Отырыс 7 және 8 қазанда өтті.", ("7 және 8 қазанда", D(2024, 10, 7), D(2024, 10, 8), False)),
        ("en", "The council met on 7 and 8 October.", ("7 and 8 October", D(2024, 10, 7), D(2024, 10, 8), False)),
    ],
)
def test_implied_and_paired_dates(lang, text, expected):
    assert _one(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [("ru", "Встречи прошли 2 и 8 октября."), ("kk", "Кездесулер 2 және 8 қазанда өтті."),
     ("en", "Talks were held on 2 and 8 October.")],
)
def test_two_days_apart_joined_by_and_are_no_range(lang, text):
    """"2 and 8 October" names two separate days: never the range 2-8 October."""
    assert all(d.finish is None for d in find_dates(text, lang, PUB))


@pytest.mark.parametrize("lang, text, day", [
    ("en", "The meeting was held via videoconference on Tuesday, November 30.", dt.date(2021, 11, 30)),
    ("ru", "Заседание прошло во вторник, 30 ноября, в Москве.", dt.date(2021, 11, 30)),
    ("en", "The ministers met on Monday 29 November in Minsk.", dt.date(2021, 11, 29)),
])
def test_a_weekday_in_apposition_to_a_calendar_date_is_that_date(lang, text, day):
    """The calendar date names the day exactly; the weekday before it is the same day, not a second one
    resolved against the publication date (reports do get the weekday wrong)."""
    found = find_dates(text, lang, dt.date(2021, 12, 1))
    assert [d.begin for d in found] == [day]
