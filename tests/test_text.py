import pytest

from kgraph.text import normalise, sentences


def test_normalise_keeps_length_and_unifies_typography():
    raw = "Ёлка «ТМД» — 2019–2023\u00a0гг. İzmir’s “CSTO” 5\u202f000 −3"
    out = normalise(raw)
    assert len(out) == len(raw)
    assert out == 'елка "тмд" - 2019-2023 гг. izmir\'s "csto" 5 000 -3'


def test_normalise_is_char_for_char():
    raw = "ҚАЗАҚСТАН Ресей ӘЗЕРБАЙЖАН"
    out = normalise(raw)
    assert out == "қазақстан ресей әзербайжан"
    assert [c.isspace() for c in raw] == [c.isspace() for c in out]


def _quotes(text):
    return [s.quote(text) for s in sentences(text)]


def test_sentences_split_lines_first():
    text = "Заголовок без точки\nПервое предложение. Второе предложение.\n\nТретье."
    assert _quotes(text) == ["Заголовок без точки", "Первое предложение.", "Второе предложение.", "Третье."]


def test_sentences_protect_abbreviations_and_initials():
    text = (
        "Совещание прошло 3 авг. 2023 г. в Минске под руководством В. В. Петрова. "
        "Выступил также Ж.К. Сидоров, т.е. представитель им. Абая. Следующее заседание осенью."
    )
    assert _quotes(text) == [
        "Совещание прошло 3 авг. 2023 г. в Минске под руководством В. В. Петрова.",
        "Выступил также Ж.К. Сидоров, т.е. представитель им. Абая.",
        "Следующее заседание осенью.",
    ]


def test_sentences_kazakh_and_english():
    kk = "Кеңес 2022 ж. құрылды. Оны Б.Ж.Сәрсенов басқарды. Келесі отырыс Бакуде өтеді."
    assert _quotes(kk) == [
        "Кеңес 2022 ж. құрылды.",
        "Оны Б.Ж.Сәрсенов басқарды.",
        "Келесі отырыс Бакуде өтеді.",
    ]
    en = "Mr. Brown met Dr. Green in Baku. They signed No. 7 protocol."
    assert _quotes(en) == ["Mr. Brown met Dr. Green in Baku.", "They signed No. 7 protocol."]


def test_sentence_ending_in_abbreviation_of_country_still_splits():
    assert _quotes("Делегации прибыли из РФ. Встреча началась.") == [
        "Делегации прибыли из РФ.",
        "Встреча началась.",
    ]


def test_sentence_spans_are_offsets_of_the_original():
    text = "  Бірінші сөйлем.  Екінші сөйлем.  \nҮшінші"
    for span in sentences(text):
        assert span.quote(text) == span.quote(text).strip()
        assert span.quote(text)


def test_hard_wrap_inside_a_sentence_is_no_sentence_break():
    from kgraph.text import sentences

    text = "date 2024-01-01 Headline\nThe ministers of Russia,\nBelarus and Kazakhstan\nattended.\nA new line."
    quoted = [text[s.start:s.end] for s in sentences(text)]
    assert quoted == ["date 2024-01-01 Headline", "The ministers of Russia,\nBelarus and Kazakhstan\nattended.",
                      "A new line."]


@pytest.mark.parametrize("text, expected", [
    ("The parties met in 2019.In addition, they discussed it.", ["The parties met in 2019.", "In addition, they discussed it."]),
    ("Прошло заседание.Участники обсудили вопросы.", ["Прошло заседание.", "Участники обсудили вопросы."]),
    ("Отырыс өтті.Қатысушылар мәселелерді талқылады.", ["Отырыс өтті.", "Қатысушылар мәселелерді талқылады."]),
    # not a lost space: a dateline, initials, an abbreviation, a web address
    ("ASTANA.KAZINFORM - The meeting opened.", ["ASTANA.KAZINFORM - The meeting opened."]),
    ("В.В.Путин прибыл в г.Минск.", ["В.В.Путин прибыл в г.Минск."]),
    ("Встреча на ул.Ленина прошла.", ["Встреча на ул.Ленина прошла."]),
    ("See kazinform.kz for more.", ["See kazinform.kz for more."]),
])
def test_sentence_end_that_lost_its_space(text, expected):
    assert [text[s.start:s.end] for s in sentences(text)] == expected
