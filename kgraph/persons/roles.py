"""The title written around a name: "министр обороны Кыргызстана Руслан Мукамбетов", "Ішкі істер
министрі Ержан Саденов", "Sergei Lebedev, chairman of the CIS Executive Committee".

A title is found by walking word by word away from the name over what a title may contain (title
words, their complements, gazetteer names) and stopping at what it may not (verbs, case-marked
Kazakh words outside the genitive chain, lower-case English words that join nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kgraph.persons.cues import PersonCues
from kgraph.persons.names import capitalise, is_first_name, is_surname_like, kk_stems, strip_possessive
from kgraph.persons.tokens import Token, TokenizedText, parses

_RU_BREAK_POS = {"VERB", "INFN", "GRND", "PRTS", "ADVB", "PRCL", "NPRO", "PRED", "INTJ", "COMP"}
# Kazakh endings of cases other than the genitive, of past-tense verbs and converbs
_KK_BREAK_ENDINGS = ("ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "да", "де", "та", "те",
                     "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "сын", "сін", "ын", "ін",
                     "ып", "іп", "ған", "ген", "қан", "кен")
# the accusative -ты/-ті/-ды/-ді follows a consonant; after a vowel the letters are the stem's т/д
# and the possessive -ы/-і
_KK_POSSESSIVE_T = ("ты", "ті", "ды", "ді")
_KK_VOWELS = set("аәеиоөұүыіэюя")
_KK_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
_DASHES = {"-", "–", "—"}
MATCH_BLOCKING = {"state", "state-adj", "body", "body-core", "org-abbrev", "city", "agency", "agency-head",
                  "agency-national"}
STATE_KINDS = {"state", "state-adj", "agency-national"}


def match_state(match: object) -> str | None:
    """The ISO code a match names: a state, its adjective, or a national agency ("ФСБ России")."""
    kind, key = getattr(match, "kind", None), str(getattr(match, "key", ""))
    if kind in {"state", "state-adj"}:
        return key
    if kind == "agency-national":
        return key.split("/")[0]
    return None


@dataclass(frozen=True)
class RolePhrase:
    first: int  # token indices, inclusive
    last: int
    after_name: bool


def is_role_word(tok: Token, lang: str, cues: PersonCues) -> bool:
    return tok.is_word and is_title_word(tok.text, lang, cues)


def is_title_word(word: str, lang: str, cues: PersonCues) -> bool:
    """Whether a word of a ``lang`` text is a title word ("minister", "министра", "төрағасы")."""
    return _role_word(word, cues.word_lang(word, lang), cues)


@lru_cache(maxsize=1 << 16)
def _role_word(text: str, lang: str, cues: PersonCues) -> bool:
    """Per word (and language): the same words are asked about again and again. How a title word
    is recognised is the language's ``title_words``."""
    low = strip_possessive(text.casefold().replace("ё", "е"))
    return _TITLE_WORD_TESTS[cues.profile(lang).title_words](text, low, lang, cues)


def _title_word_as_written(text: str, low: str, lang: str, cues: PersonCues) -> bool:
    """"minister": the word as written (possessive "'s" aside) is a title word."""
    return low in cues.role_words[lang]


def _title_word_by_stem(text: str, low: str, lang: str, cues: PersonCues) -> bool:
    """"министрі", "төрағасының": the word starts with a title stem, any suffixes after it."""
    if any(low.startswith(x) for x in cues.role_word_exclude[lang]):
        return False
    return any(low.startswith(stem) for stem in cues.role_words[lang] if " " not in stem)


def _title_word_by_lemma(text: str, low: str, lang: str, cues: PersonCues) -> bool:
    """"министра": the word or the lemma of one of its noun readings is a title word."""
    if low in cues.role_words[lang]:
        return True
    return any(p.normal_form.replace("ё", "е") in cues.role_words[lang] for p in parses(text)[:3]
               if p.tag.POS == "NOUN")


_TITLE_WORD_TESTS = {"words": _title_word_as_written, "stems": _title_word_by_stem, "lemmas": _title_word_by_lemma}


def _covered(tok: Token) -> bool:
    return any(m.kind in MATCH_BLOCKING for m in tok.matches)


def _allowed(tok: Token, lang: str, cues: PersonCues) -> bool:
    """May this token sit inside a title?"""
    if tok.kind == "n":
        return False
    if tok.kind == "p":
        return tok.text in _DASHES and cues.profile(lang).dash_in_title
    if _covered(tok) or tok.is_abbreviation or is_role_word(tok, lang, cues):
        return True
    low = tok.low
    if low in cues.role_breakers.get(lang, ()):
        return False
    word_lang = cues.word_lang(tok.text, lang)
    return _INSIDE_TITLE[cues.profile(word_lang).title_inside](tok, low, word_lang, cues)


def _inside_by_capitals(tok: Token, low: str, lang: str, cues: PersonCues) -> bool:
    """"Minister of Foreign Affairs of the Republic": capitalised words, joiners, possessives."""
    return tok.is_cap or low in cues.role_joiners[lang] or low.endswith("'s")


def _inside_by_case_endings(tok: Token, low: str, lang: str, cues: PersonCues) -> bool:
    """"Қазақстан Республикасының Ішкі істер министрі": the genitive chain; a word in another case,
    a past-tense verb or a converb ends the title."""
    if low.startswith("делегация"):
        return False
    if low.endswith(_KK_GENITIVE):
        return True
    if low.endswith(_KK_POSSESSIVE_T) and low[-3:-2] in _KK_VOWELS:
        return True  # "қызметі": a stem in -т/-д with the possessive, not an accusative "-ті"
    return not low.endswith(_KK_BREAK_ENDINGS)


def _inside_by_part_of_speech(tok: Token, low: str, lang: str, cues: PersonCues) -> bool:
    """"министр иностранных дел Республики": no verb, adverb, pronoun… and no conjunction but "и"."""
    if low in cues.role_joiners[lang]:
        return True
    top = parses(tok.text)[0]
    return top.tag.POS not in _RU_BREAK_POS and not (top.tag.POS == "CONJ" and low != "и")


_INSIDE_TITLE = {"capitals": _inside_by_capitals, "case_endings": _inside_by_case_endings,
                 "parts_of_speech": _inside_by_part_of_speech}


def _kk_object_in_name(tt: TokenizedText, i: int, lang: str, cues: PersonCues) -> bool:
    """A Kazakh accusative object of a verbal noun inside an agency's name: "Есірткі айналымын
    бақылау федералдық қызметі" (the Federal Drug Control Service)."""
    toks = tt.tokens
    endings = cues.profile(lang).verbal_noun_endings
    if not endings or i + 1 >= len(toks) or not toks[i].is_word or not toks[i + 1].is_word:
        return False
    nxt = toks[i + 1].low
    return (toks[i].low.endswith(("ын", "ін", "ны", "ні", "ды", "ді", "ты", "ті"))
            and nxt.endswith(endings) and len(nxt) > 3)


def _dateline_before(tt: TokenizedText, dash: int) -> bool:
    """"АСТАНА. KAZINFORM – …": only capitals, numbers and stops open the sentence up to the dash."""
    toks = tt.tokens
    j = dash - 1
    while j >= 0 and toks[j].sentence == toks[dash].sentence:
        tok = toks[j]
        if tok.is_word and not tok.is_abbreviation:
            return False
        j -= 1
    return j < dash - 1


def _dash_between_titles(tt: TokenizedText, i: int, lang: str, cues: PersonCues) -> bool:
    """A dash joining two offices of one person inside a title ("Aide to the President – Secretary
    of the Security Council X", "Chairman of the Executive Committee – Executive Secretary X"):
    capitalised title words on both sides."""
    toks = tt.tokens
    if toks[i].text not in _DASHES or i == 0 or i + 1 >= len(toks):
        return False
    before, after = toks[i - 1], toks[i + 1]
    return (before.is_cap or _covered(before) or is_role_word(before, lang, cues)) and (
        is_role_word(after, lang, cues) or _covered(after))


def _bracketed_abbreviation(tt: TokenizedText, close: int) -> int | None:
    """The index of "(" when token ``close`` ends a bracketed abbreviation inside a title ("Council
    of Collective Security (CSC)", "Совета (СОРБ)"), else None."""
    toks = tt.tokens
    if toks[close].text != ")":
        return None
    for k in range(close - 1, max(-1, close - 5), -1):
        if toks[k].text == "(":
            inner = toks[k + 1: close]
            ok = inner and all(t.is_abbreviation or t.text in {"-", "–"} or _covered(t) for t in inner)
            return k if ok and k > 0 else None
    return None


def _is_state(tok: Token) -> bool:
    return any(m.kind in STATE_KINDS for m in tok.matches)


def _between_states(tt: TokenizedText, comma: int) -> bool:
    """A comma between two states named by a title, the list of states closed by a conjunction
    further on (a state list, not two titles): "министры Армении, Беларуси и Казахстана"."""
    toks = tt.tokens
    if comma == 0 or comma + 1 >= len(toks) or not (_is_state(toks[comma - 1]) and _is_state(toks[comma + 1])):
        return False
    j = comma + 1
    while j < len(toks) and toks[j].sentence == toks[comma].sentence and (_is_state(toks[j]) or toks[j].text == ","):
        j += 1
    return j < len(toks) and toks[j].low in {"и", "and", "және", "мен", "бен", "пен"}


def role_before(tt: TokenizedText, name_first: int, lang: str, cues: PersonCues, taken: set[int]) -> RolePhrase | None:
    """The title right before the name (tokens ``first..last``), if any."""
    toks = tt.tokens
    i = name_first - 1
    if i < 0 or toks[i].sentence != toks[name_first].sentence:
        return None
    last = i
    profile = cues.profile(lang)
    if toks[i].text == ",":
        if not profile.comma_before_name:  # "the Minister of Defence of Armenia, Suren Papikyan"
            return None
        i -= 1
        last = i
    elif toks[i].text == "(" and i > 0 and any(
            m.kind == "state" and m.end == toks[i - 1].end for m in toks[i - 1].matches):
        # the name in brackets after the state of its title: "interior ministers of Azerbaijan (Ramil
        # Usubov), Belarus (…)", "министры Армении (X)"
        i -= 1
        last = i
    limit = profile.title_reach
    leftmost: int | None = None
    visited: list[int] = []
    while i >= 0 and toks[i].sentence == toks[name_first].sentence and len(visited) < limit:
        tok = toks[i]
        if i in taken:
            break
        opening = _bracketed_abbreviation(tt, i)
        if opening is not None:  # "председатель Совета руководителей (СОРБ) X": the short name in brackets
            visited.extend(range(i, opening - 1, -1))
            i = opening - 1
            continue
        if tok.text == ",":
            # stacked titles: "председатель Совета, руководитель службы", "Chief of the Service, Colonel-General X"
            # Kazakh titles are head-final: the title before the comma must end in its head word
            # ("Қорғаныс министрі, генерал-полковник X"), else the comma joins a list
            if leftmost == i + 1 and (not profile.head_final or (i > 0 and is_role_word(toks[i - 1], lang, cues))):
                visited.append(i)
                i -= 1
                continue
            if _between_states(tt, i):
                # a list of states inside one title: "главы МВД Армении, Беларуси и Казахстана X, Y и Z",
                # "the defence ministers of Armenia, Belarus and Kazakhstan X, Y and Z"
                visited.append(i)
                i -= 1
                continue
            break
        if not (_allowed(tok, lang, cues) or _kk_object_in_name(tt, i, lang, cues)
                or _dash_between_titles(tt, i, lang, cues)) or (
                tok.text in _DASHES and _dateline_before(tt, i)):
            break
        visited.append(i)
        if is_role_word(tok, lang, cues):
            leftmost = i
        i -= 1
    if leftmost is None:
        return None
    first = leftmost
    if profile.head_final:
        first = min(j for j in visited if toks[j].kind == "w")  # the whole genitive chain
    else:
        for j in visited:
            if j >= leftmost:
                continue
            if j != first - 1:
                break
            tok = toks[j]
            word_lang = cues.word_lang(tok.text, lang)
            # as written, or by its lemma in the language whose morphology reads Cyrillic words
            if tok.low in cues.not_title_adjectives[word_lang] or any(
                    p.normal_form in cues.not_title_adjectives[profile.cyrillic_names] for p in parses(tok.text)[:1]):
                break
            if not _TITLE_MODIFIER[cues.profile(word_lang).title_modifiers](tok):
                break
            first = j
    while first <= last and toks[first].kind == "p":
        first += 1
    while last >= first and toks[last].kind == "p" and _bracketed_abbreviation(tt, last) is None:
        last -= 1
    if first > last:
        return None
    return RolePhrase(first, last, False)


def _modifier_by_capitals(tok: Token) -> bool:
    """"Foreign Minister", "CSTO Secretary General": capitalised words and names before the head."""
    return tok.is_cap or tok.is_abbreviation or _covered(tok)


def _modifier_by_adjective(tok: Token) -> bool:
    """"генеральный секретарь": adjectives before the head."""
    return tok.kind == "w" and parses(tok.text)[0].tag.POS in {"ADJF"}


_TITLE_MODIFIER = {"capitals": _modifier_by_capitals, "adjectives": _modifier_by_adjective}


def _article(tok: Token, lang: str, cues: PersonCues) -> bool:
    """"the", "a": an article of the language reading the token (none in Kazakh or Russian)."""
    return tok.low in cues.profile(cues.word_lang(tok.text, lang)).articles


def _caption_title(tt: TokenizedText, start: int, lang: str, cues: PersonCues) -> RolePhrase | None:
    """The title of a speaker caption in a broadcast report, closed by a colon on the name's line:
    "Руслан ЖАҚСЫЛЫҚОВ, ҚР Қорғаныс министрі:", "Иван ПЕТРОВ, министр обороны:", "John SMITH, Defence
    Minister:". Head-final (Kazakh) and head-first titles alike: any role word among its words."""
    toks = tt.tokens
    end = start
    while end < len(toks) and end - start < 10 and (toks[end].is_word or toks[end].is_abbreviation) \
            and "\n" not in tt.gap(end - 1, end):
        end += 1
    if end == start or end >= len(toks) or toks[end].text != ":" or "\n" in tt.gap(end - 1, end):
        return None
    if not any(is_role_word(toks[k], lang, cues) for k in range(start, end)):
        return None
    return RolePhrase(start, end - 1, True)


def _name_word(tok: Token, lang: str, cues: PersonCues) -> bool:
    return tok.is_word and tok.is_cap and not _covered(tok) and not is_role_word(tok, lang, cues) \
        and tok.low not in cues.stop_words.get(cues.word_lang(tok.text, lang), ())


def _next_name_starts(tt: TokenizedText, i: int, lang: str, cues: PersonCues) -> bool:
    """Token ``i`` opens a name written right after a title (two capitalised words that are no
    title words nor gazetteer names, right after a title word or a state or body name, the pair
    shaped like a name: a known first name, a surname ending, or a family name written first)."""
    toks = tt.tokens
    if i == 0 or i + 1 >= len(toks) or toks[i + 1].sentence != toks[i].sentence:
        return False
    tok, nxt, prev = toks[i], toks[i + 1], toks[i - 1]
    if not (_name_word(tok, lang, cues) and _name_word(nxt, lang, cues) and tt.gap(i, i + 1) == " "):
        return False
    if not (is_role_word(prev, lang, cues) or _covered(prev)):
        return False
    nlang = cues.word_lang(nxt.text, lang)
    return (is_first_name(tok.text, lang, cues) or is_surname_like(nxt.text, nlang, cues)
            or strip_possessive(tok.low) in cues.surname_first)


def role_after(tt: TokenizedText, name_last: int, lang: str, cues: PersonCues) -> RolePhrase | None:
    """An apposition after the name: "Sergei Lebedev, chairman of the CIS Executive Committee,"."""
    toks = tt.tokens
    i = name_last + 1
    if i >= len(toks) or toks[i].text != ",":
        return None
    caption = _caption_title(tt, i + 1, lang, cues)
    profile = cues.profile(lang)
    if caption is not None or not profile.apposition_titles:
        return caption
    i += 1
    first = None
    last = None
    while i < len(toks) and toks[i].sentence == toks[name_last].sentence and i - name_last < 18:
        tok = toks[i]
        if tok.kind == "p" and tok.text not in _DASHES:
            break
        if first is None:
            if is_role_word(tok, lang, cues):
                first = i
            elif _article(tok, lang, cues) or (
                    tok.is_word and profile.title_modifiers == "adjectives" and _modifier_by_adjective(tok)):
                pass
            elif tok.is_word and tok.text.isascii() and (tok.is_cap or _covered(tok)) and i - name_last <= 3 \
                    and not is_first_name(tok.text, lang, cues):
                pass  # a capitalised modifier before the head word: "X, Foreign Minister of Armenia"
            else:
                return None
            if i - name_last > 4 and first is None:
                return None
        elif tok.is_word and not _allowed(tok, lang, cues):
            break
        elif tok.is_cap and not _covered(tok) and is_first_name(tok.text, lang, cues):
            return None  # "X, казахстанский министр Ерлан Идрисов": the title is the next person's
        elif _next_name_starts(tt, i, lang, cues):
            # a list of attendees each written "<title> <name>": "X, Secretary of the Security Council
            # of Kyrgyzstan Damir Sagynbaev, …", "X, Iranian Interior Minister Abdolreza Rahmani-Fazli":
            # the title stands before the next name, it is not an apposition to this one
            return None
        last = i
        i += 1
    if first is None or last is None:
        return None
    start = first
    while start > name_last + 2 and toks[start - 1].is_word and not _article(toks[start - 1], lang, cues):
        start -= 1
    return RolePhrase(start, last, True)


def role_text(tt: TokenizedText, phrase: RolePhrase, lang: str, cues: PersonCues) -> tuple[str, int, int] | None:
    """Title text in the nominative where easy, without a state named at either end; with its span."""
    toks = tt.tokens
    first, last = phrase.first, phrase.last
    while first <= last and (any(m.kind in {"state", "state-adj"} for m in toks[first].matches)
                             or _article(toks[first], lang, cues)):
        first += 1
    while last >= first and (any(m.kind in {"state", "state-adj"} for m in toks[last].matches)
                             or toks[last].low in {"of", "the", "and", "for", "its", ",", "и", "және"}):
        last -= 1
    while first <= last and toks[first].kind == "p":
        first += 1
    while last >= first and toks[last].kind == "p" and _bracketed_abbreviation(tt, last) is None:
        last -= 1
    if first > last:
        return None
    words = [(t.text, tt.text[t.end : toks[t.index + 1].start] if t.index < last else "")
             for t in toks[first : last + 1]]
    word_lang = cues.word_lang(toks[first].text, lang)
    words = _DICTIONARY_FORM[cues.profile(word_lang).title_dictionary_form](tt, first, last, words, word_lang, cues)
    text = "".join(w + g for w, g in words).strip()
    return (text, toks[first].start, toks[last].end) if text else None


Words = list[tuple[str, str]]  # each word of a title with the gap after it


def _title_by_declension(tt: TokenizedText, first: int, last: int, words: Words, lang: str, cues: PersonCues) -> Words:
    """"министра обороны" → "министр обороны": the head and its adjectives to the nominative
    singular; a title opening a sentence in lower case ("Генпрокурор" → "генпрокурор")."""
    words = _ru_nominative(tt.tokens[first : last + 1], words, lang, cues)
    if tt.sentence_start(first) and words[0][0][:1].isupper() and words[0][0][1:].islower() \
            and any(p.tag.POS in {"NOUN", "ADJF"} and "Geox" not in p.tag for p in parses(words[0][0])[:1]):
        words[0] = (words[0][0][:1].lower() + words[0][0][1:], words[0][1])  # "Генпрокурор" opens a sentence
    return words


def _title_by_plural_possessive(tt: TokenizedText, first: int, last: int, words: Words, lang: str,
                                cues: PersonCues) -> Words:
    """"defence ministers" → "defence minister", "Secretary General's" → "Secretary General"."""
    words = [(cues.role_plurals[lang].get(w.casefold(), w) if w[0].islower() else w, g) for w, g in words]
    return [(strip_possessive(w) if i == len(words) - 1 else w, g) for i, (w, g) in enumerate(words)]


def _title_by_possessive_suffix(tt: TokenizedText, first: int, last: int, words: Words, lang: str,
                                cues: PersonCues) -> Words:
    """"министрін" → "министрі": the case suffix after the possessive -ы/-і of the head is cut."""
    w, g = words[-1]
    for stem in kk_stems(w, cues)[1:]:
        if stem.casefold().endswith(("ы", "і")) and stem != w:
            words[-1] = (stem, g)
            break
    return words


_DICTIONARY_FORM = {"declension": _title_by_declension, "plural_possessive": _title_by_plural_possessive,
                    "possessive_suffix": _title_by_possessive_suffix}


def _ru_nominative(toks: list[Token], words: Words, lang: str, cues: PersonCues) -> Words:
    """Put the head title word (and the adjectives before it) in the nominative singular."""
    head = next((k for k, t in enumerate(toks) if is_role_word(t, lang, cues)), None)
    if head is None:
        return words
    head_parse = next((p for p in parses(toks[head].text) if p.tag.POS == "NOUN"
                       and p.normal_form.replace("ё", "е") in cues.role_words[lang]), None)
    if head_parse is None:
        head_parse = next((p for p in parses(toks[head].text) if p.tag.POS == "NOUN"), None)
    if head_parse is None:
        return words
    case, number = head_parse.tag.case, head_parse.tag.number
    if case == "nomn" and number == "sing":
        return words
    gender = head_parse.tag.gender or "masc"
    out = list(words)
    for k in range(head + 1):
        tok = toks[k]
        if k == head:
            parse = head_parse
            form = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
        else:
            parse = next((p for p in parses(tok.text) if p.tag.POS == "ADJF" and p.tag.case == case), None)
            form = parse.inflect({"nomn", "sing", gender}) if parse else None
        if form is None:
            continue
        word = form.word
        if tok.text[:1].isupper():
            word = capitalise(word) if "-" in tok.text else word[:1].upper() + word[1:]
        out[k] = (word, out[k][1])
    return out
