"""Deterministic synthetic corpus for benchmarks: N documents in kk/ru/en in the corpus format.

Each document is planned from its own ``random.Random`` seeded by ``(seed, index)``, so a corpus
streams out one document at a time (no corpus in memory), any document can be regenerated alone,
and the same seed and N always give byte-identical output. Entities come from the reference data
(``kgraph.reference.load_reference()``) and phrasing from ``kgraph/bench/templates/<lang>.yaml``; names are
used in forms the templates allow in the nominative, so no inflection engine is needed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import re
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kgraph.paths import reference_dir
from kgraph.reference import load_reference

LANGS = ("kk", "ru", "en")
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
FIRST_DAY = dt.date(2005, 1, 1)
SPAN_DAYS = 20 * 365
SLOT = re.compile(r"\{(\w+)(?::([^{}]*))?\}")
GENDER_INDEX = {"m": 0, "f": 1, "n": 2}


class GeneratorError(ValueError):
    """Missing or malformed generator input; the message names the file."""


@dataclass(frozen=True)
class World:
    """Everything a document is drawn from: reference entities and per-language templates."""

    states: dict[str, dict[str, Any]]
    bodies: list[dict[str, Any]]
    cities: list[dict[str, Any]]
    agencies: dict[str, dict[str, Any]]
    templates: dict[str, dict[str, Any]]


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GeneratorError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise GeneratorError(f"{path}: invalid YAML ({str(exc).splitlines()[0]})") from None


@cache
def load_world(ref_dir: Path | None = None) -> World:
    """The reference data (as plain dicts: the planner only needs names) and the templates."""
    ref = load_reference(ref_dir)
    states = {code: asdict(state) for code, state in ref.states.items()}
    bodies = [asdict(body) for body in ref.bodies.values()]
    cities = [asdict(city) for city in ref.cities.values()]
    agencies = {slug: asdict(agency) for slug, agency in ref.agencies.items()}
    templates = {lang: _read_yaml(TEMPLATES_DIR / f"{lang}.yaml") for lang in LANGS}
    if not states or not bodies or not agencies:
        raise GeneratorError(f"{ref.directory}: reference data has no states, bodies or agencies")
    return World(states, bodies, cities, agencies, templates)


def fingerprint(ref_dir: Path | None = None) -> str:
    """Short hash of the generator, its templates and the reference data: a corpus cache key."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in [*sorted(TEMPLATES_DIR.glob("*.yaml")), *sorted((ref_dir or reference_dir()).glob("*.yaml"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


# -- language helpers ----------------------------------------------------------------------------
def _plural_class(lang: str, n: int) -> str:
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    if lang == "en":
        return "one" if n == 1 else "many"
    return "one"  # Kazakh nouns stay singular after a numeral


def _noun_form(forms: dict[str, str], cls: str) -> str:
    for key in (cls, "many", "few", "one"):
        if key in forms:
            return forms[key]
    raise GeneratorError(f"{TEMPLATES_DIR}: counted noun without forms: {forms}")


def _ordinal(lang: str, tpl: dict[str, Any], n: int) -> str:
    suffix = ""
    if lang == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return tpl["ordinal"].format(n=n, suffix=suffix)


def _ru_gender(phrase: str) -> str:
    """Grammatical gender of a Russian name's head word from its ending (nouns and adjectives)."""
    word = phrase.split()[0].lower()
    if word.endswith(("а", "я", "ь")) and not word.endswith(("ой", "ый", "ий")):
        return "f"
    if word.endswith(("о", "е")):
        return "n"
    return "m"


def _join(tpl: dict[str, Any], items: list[str]) -> str:
    sep, last = tpl["list"]["sep"], tpl["list"]["last"]
    return items[0] if len(items) == 1 else sep.join(items[:-1]) + last + items[-1]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def render(frame: str, slots: dict[str, str], genders: dict[str, str]) -> str:
    """Fill ``{slot}``, ``{Slot}`` (capitalised) and ``{g_x:m|f|n}`` (agreement with x's gender)."""

    def fill(match: re.Match[str]) -> str:
        name, arg = match.group(1), match.group(2)
        if name.startswith("g_"):
            forms = (arg or "").split("|")
            return forms[min(GENDER_INDEX.get(genders.get(name[2:], "m"), 0), len(forms) - 1)]
        if name in slots:
            return slots[name]
        lower = name[:1].lower() + name[1:]
        if lower in slots:
            return _capitalise(slots[lower])
        raise GeneratorError(f"{TEMPLATES_DIR}: unknown slot {{{name}}} in {frame!r}")

    return SLOT.sub(fill, frame)


def _top_organisation(world: World, body: dict[str, Any]) -> str:
    """The organisation at the top of a body's parent chain (``cis``, ``csto``, ``sco``)."""
    by_slug = {b["slug"]: b for b in world.bodies}
    slug = body["slug"]
    for _ in range(10):
        parent = by_slug.get(slug, {}).get("parent")
        if not parent:
            break
        slug = parent
    return slug


# -- planning one document -----------------------------------------------------------------------
class _Doc:
    """Draws one document's facts and renders its sentences."""

    def __init__(self, world: World, seed: int, index: int) -> None:
        self.world = world
        self.rng = random.Random(f"kgraph-bench:{seed}:{index}")
        self.lang = LANGS[index % len(LANGS)]
        self.tpl = world.templates[self.lang]
        self.index = index

    def name(self, entity: dict[str, Any], key: str = "names") -> str:
        return entity[key][self.lang][0]

    def person(self) -> tuple[str, str]:
        gender = "f" if self.rng.random() < 0.15 else "m"
        pool = self.tpl["persons"]["female" if gender == "f" else "male"]
        return f"{self.rng.choice(pool['given'])} {self.rng.choice(pool['family'])}", gender

    def title(self, agency: dict[str, Any] | None) -> str:
        heads = (agency or {}).get("heads", {}).get(self.lang) or self.tpl["fallback_titles"]
        return self.rng.choice(heads[:2])

    def figure(self, forms: dict[str, str]) -> str:
        rng = self.rng
        value = rng.choice([rng.randint(2, 20), rng.randint(20, 500), rng.randint(500, 20000)])
        value = min(value, int(forms.get("max", value)))
        words = self.tpl.get("number_words") or {}
        number = words[value] if value in words and rng.random() < 0.4 else str(value)
        noun = _noun_form(forms, _plural_class(self.lang, value))
        return self.tpl["figure"].format(n=number, noun=noun, verb=forms.get("verb", "")).strip()

    def date_phrase(self, meeting: dt.date, published: dt.date) -> str:
        fmt = self.tpl["date"]
        month = self.tpl["months"][meeting.month - 1]
        roll = self.rng.random()
        if meeting == published and roll < 0.3:
            return fmt["today"]
        key = "full" if roll < 0.6 else "short"
        return fmt[key].format(d=meeting.day, month=month, y=meeting.year)

    def text(self) -> tuple[str, dt.date]:
        rng, tpl, world = self.rng, self.tpl, self.world
        frames = tpl["frames"]
        meeting_bodies = [b for b in world.bodies if b.get("parent")]
        body = rng.choice(meeting_bodies)
        org = body["parent"]
        top = _top_organisation(world, body)
        members = ([c for c, s in world.states.items() if top in s.get("memberships", [])]
                   or list(world.states))
        k = rng.randint(min(3, len(members)), len(members))
        present = sorted(rng.sample(members, k), key=members.index)
        absent = [c for c in members if c not in present]
        host = rng.choice(present)
        cities = ([c for c in world.cities if c.get("state") == host]
                  or [c for c in world.cities if c.get("state") in present] or world.cities)
        city = self.name(rng.choice(cities)) if cities else self.name(world.states[host])
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(SPAN_DAYS))
        meeting = published - dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
        agency = (world.agencies.get(body.get("agency") or "")
                  or world.agencies[rng.choice(sorted(world.agencies))])
        siblings = [b for b in world.bodies
                    if b.get("parent") == org and b is not body and not b.get("agency")]
        used: dict[str, set[int]] = {}
        topic_keys = rng.sample(sorted(tpl["topics"]), rng.randint(2, 4))
        topics = [tpl["topics"][t] for t in topic_keys]
        year = published.year
        base = {
            "body": self.name(body), "city": city, "nth": _ordinal(self.lang, tpl, rng.randint(2, 90)),
            "date": self.date_phrase(meeting, published), "year": str(year), "next_year": str(year + 1),
            "years": f"{year + 1}–{year + rng.randint(2, 5)}", "reporter": rng.choice(tpl["reporters"]),
            "states": _join(tpl, [self.name(world.states[c]) for c in present]),
            "topic_headline": topics[0]["headline"],
            "topics": _join(tpl, [t["discuss"] for t in topics]),
        }
        genders = {"body": _ru_gender(base["body"]) if self.lang == "ru" else "m"}

        def say(section: str, **extra: str) -> str:
            slots = {**base, **extra}
            slots = {k: render(v, slots, genders) if "{" in v else v for k, v in slots.items()}
            options = frames[section]
            fresh = [i for i in range(len(options)) if i not in used.setdefault(section, set())]
            choice = rng.choice(fresh or range(len(options)))
            used[section].add(choice)
            return _capitalise(render(options[choice], slots, genders))

        def speaker(state: str) -> dict[str, str]:
            name, gender = self.person()
            genders["person"] = gender
            st = world.states[state]
            return {"person": name, "title": self.title(agency), "state": self.name(st),
                    "state_adj": st.get("adjectives", {}).get(self.lang, [self.name(st)])[0]}

        title = say("title")
        paragraphs = [[say("lead"), say("participants")]]
        if siblings and rng.random() < 0.5:
            orgs = rng.sample(siblings, rng.randint(1, min(2, len(siblings))))
            paragraphs[0].append(say("organizations", orgs=_join(tpl, [self.name(b) for b in orgs])))
        if absent and rng.random() < 0.2:
            paragraphs[0].append(say("absent", **speaker(rng.choice(absent))))
        people = [say("chair", **speaker(host))] if rng.random() < 0.6 else []
        heads = rng.sample(present, rng.randint(1, min(3, len(present))))
        people += [say("delegation", **speaker(state)) for state in heads]
        paragraphs.append(people)
        paragraphs.append([say("discuss")])
        for _ in range(rng.choice([0, 1, 1, 2])):
            forms = rng.choice(rng.choice(topics)["stats"])
            paragraphs.append([say("statistic", figure=self.figure(forms), period=rng.choice(tpl["periods"]),
                                   **speaker(rng.choice(present)))])
        for topic in rng.sample(topics, rng.choice([0, 1, 1, 2])):
            proposal = [say("proposal", proposal=rng.choice(topic["proposals"]),
                            **speaker(rng.choice(present)))]
            if rng.random() < 0.6:
                proposal.append(say("support"))
            paragraphs.append(proposal)
        decided = rng.sample(topics, rng.randint(1, min(3, len(topics))))
        decisions = [rng.choice(t["decisions"]) for t in decided]
        paragraphs.append([say("decision", decision=d) for d in decisions])
        if rng.random() < 0.4:
            paragraphs.append([say("documents", figure=self.figure(tpl["documents"]))])
        for _ in range(rng.randint(0, 2)):
            paragraphs.append([say("filler")])
        body_text = "\n".join(" ".join(p) for p in paragraphs)
        return f"date {published.isoformat()} {title}\n{body_text}\n", published


def documents(n: int, seed: int = 0, *, start: int = 0,
              ref_dir: Path | None = None) -> Iterator[dict[str, str]]:
    """Documents ``start .. n-1`` as JSON Lines records: ``id``, ``lang``, ``published``, ``text``."""
    world = load_world(ref_dir)
    for index in range(start, n):
        doc = _Doc(world, seed, index)
        text, published = doc.text()
        yield {"id": f"bench-{seed}-{index:07d}", "lang": doc.lang, "published": published.isoformat(),
               "text": text}


def _atomic_target(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def write_jsonl(path: Path | str, n: int, seed: int = 0, *, ref_dir: Path | None = None) -> Path:
    """Stream the corpus to one JSON Lines file (through a temp file, renamed when complete)."""
    path = Path(path)
    fd, tmp = _atomic_target(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for record in documents(n, seed, ref_dir=ref_dir):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_folder(folder: Path | str, n: int, seed: int = 0, *, ref_dir: Path | None = None) -> Path:
    """One corpus file per document (``0000042_kk.txt``), each written atomically."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for record in documents(n, seed, ref_dir=ref_dir):
        target = folder / f"{record['id'].rsplit('-', 1)[1]}_{record['lang']}.txt"
        fd, tmp = _atomic_target(target)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(record["text"])
        os.replace(tmp, target)
    return folder
