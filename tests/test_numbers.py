import pytest

from kgraph.numbers import find_numbers


def _found(text, lang):
    return [(text[n.start : n.end], n.value, n.kind) for n in find_numbers(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("kk", "Полиция 218 күдіктіні ұстады.", ("218", 218, "cardinal")),
        ("kk", "Барлығы 4 500 адам тексерілді.", ("4 500", 4500, "cardinal")),
        ("kk", "Өсім 7,5 пайызға жетті.", ("7,5", 7.5, "percent")),
        ("kk", "Қылмыс 14 пайызға азайды.", ("14", 14, "percent")),
        ("kk", "Кеңестің 62-отырысы өтті.", ("62-отырысы", 62, "ordinal")),
        ("kk", "Бұл 17-ші кездесу.", ("17-ші", 17, "ordinal")),
        ("kk", "Сегізінші отырыс басталды.", ("Сегізінші", 8, "ordinal")),
        ("kk", "Бес топтың жолы кесілді.", ("Бес", 5, "cardinal")),
        ("kk", "Он екі ел қатысты.", ("Он екі", 12, "cardinal")),
        ("kk", "Отыз жеті адам ұсталды.", ("Отыз жеті", 37, "cardinal")),
        ("kk", "Төрт топты анықтады.", ("Төрт", 4, "cardinal")),
        ("kk", "Олардың екеуі шетелдік.", ("екеуі", 2, "cardinal")),
        ("kk", "2025–2027 жылдарға арналған бағдарлама.", ("2025–2027", 2025, "period")),
        ("kk", "2023 жылы өтті.", ("2023", 2023, "year")),
        ("ru", "Задержаны 312 человек.", ("312", 312, "cardinal")),
        ("ru", "Это 41-е заседание совета.", ("41-е", 41, "ordinal")),
        ("ru", "Прошла седьмая встреча.", ("седьмая", 7, "ordinal")),
        ("ru", "Рост на 9 процентов.", ("9", 9, "percent")),
        ("ru", "Участвовали представители четырёх государств.", ("четырёх", 4, "cardinal")),
        ("ru", "Из одиннадцати стран.", ("одиннадцати", 11, "cardinal")),
        ("ru", "Изъято тридцать две партии.", ("тридцать две", 32, "cardinal")),
        ("ru", "Программа на 2021–2025 годы.", ("2021–2025", 2021, "period")),
        ("ru", "В 2022 году договор вступил в силу.", ("2022", 2022, "year")),
        ("en", "Police detained 1,300 suspects.", ("1,300", 1300, "cardinal")),
        ("en", "Prices rose 2.5 per cent.", ("2.5", 2.5, "percent")),
        ("en", "The 31st session opened.", ("31st", 31, "ordinal")),
        ("en", "Crime fell by 8 per cent.", ("8", 8, "percent")),
        ("en", "Crime fell by 8%.", ("8", 8, "percent")),
        ("en", "Seventeen states took part.", ("Seventeen", 17, "cardinal")),
        ("en", "It was the third round.", ("third", 3, "ordinal")),
        ("en", "Some forty-two groups were dismantled.", ("forty-two", 42, "cardinal")),
        ("en", "A hundred officers joined.", ("A hundred", 100, "cardinal")),
        ("en", "The plan for 2024–2026 was adopted.", ("2024–2026", 2024, "period")),
    ],
)
def test_numbers(lang, text, expected):
    assert expected in _found(text, lang)


def test_day_of_month_and_year_inside_dates():
    found = _found("Жиын 2024 жылғы 5 қазанда өтті, 3 топ.", "kk")
    assert found == [("2024", 2024, "year"), ("5", 5, "date"), ("3", 3, "cardinal")]
    found = _found("Учения 11–14 августа, 600 военных.", "ru")
    assert found == [("11", 11, "date"), ("14", 14, "date"), ("600", 600, "cardinal")]
    assert ("3", 3, "date") in _found("The council met on 3 June.", "en")


def test_approximate_numbers():
    for lang, text, number in [
        ("kk", "100-ден астам адам", "100"),
        ("kk", "мыңға жуық қылмыскер", "мыңға"),
        ("ru", "более 250 мигрантов", "250"),
        ("en", "over 70 tonnes", "70"),
    ]:
        by_text = {text[n.start : n.end]: n.approx for n in find_numbers(text, lang)}
        assert by_text[number] is True, (text, by_text)
    assert not find_numbers("250 мигрантов", "ru")[0].approx


def test_traps():
    assert _found("үшін онда бірге", "kk") == []
    assert _found("тонн стали", "ru") == []
    # a count in the year range followed by a counted noun stays a count
    assert _found("2000 военнослужащих", "ru") == [("2000", 2000, "cardinal")]
    assert _found("1950 адам", "kk") == [("1950", 1950, "cardinal")]
    period = find_numbers("2019–2023 жылдары", "kk")[0]
    assert (period.value, period.value_end) == (2019, 2023)
