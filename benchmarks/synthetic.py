"""A synthetic news stream with known stories, for the scale and web benchmarks.

Events are built from templates: two people from a pool of names, a place, a
kind of happening with its vocabulary, and a date. Each event gets articles by
several outlets that word the same facts differently; look-alike events (same
people and kind, other place and date) are generated on purpose. Text is
realistic enough for the stages that read it (terms, entities, dates), and
nothing here is tuned to any real page.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from parallax.model import AnnotatedArticle, Annotations, Article, Figure, Mention, Quote

FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Karim", "Lena",
         "Marco", "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Samir", "Tara", "Ugo", "Vera", "Wen", "Yara"]
LAST = ["Adler", "Brandt", "Costa", "Duarte", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi", "Sato", "Tanaka", "Usman", "Varga"]
PLACES = ["Geneva", "Nairobi", "Lima", "Oslo", "Hanoi", "Dakar", "Quito", "Tbilisi", "Manila", "Lisbon", "Accra", "Riga",
          "Amman", "Cusco", "Tunis", "Kigali", "Bergen", "Porto", "Izmir", "Recife"]
KINDS = {
    "summit": ["summit", "talks", "leaders", "agreement", "delegation", "sanctions", "treaty", "communique"],
    "flood": ["flood", "river", "rain", "evacuated", "rescue", "villages", "dam", "water"],
    "election": ["election", "votes", "ballot", "turnout", "candidate", "count", "runoff", "commission"],
    "trial": ["trial", "jury", "verdict", "judge", "court", "sentence", "prosecutors", "defence"],
    "strike": ["strike", "union", "workers", "wages", "port", "negotiations", "picket", "employers"],
    "outbreak": ["outbreak", "cases", "virus", "vaccine", "hospital", "emergency", "health", "infections"],
}
OUTLETS = [f"news{n}.example.com" for n in range(60)]
FILLER = ["officials said", "according to local media", "witnesses reported", "the statement added",
          "people familiar with the matter said", "a spokesperson confirmed"]


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    kind: str
    people: tuple[str, str]
    place: str
    day: date


def events(n: int, seed: int = 7, start: date = date(2015, 1, 1), *, scale: float = 1.0) -> list[Event]:
    """``n`` events over ten years; ``scale`` multiplies the places and names drawn from (see ``iter_stream``)."""
    rng = random.Random(seed)
    places, first, last = _pools(scale)
    out = []
    for i in range(n):
        kind = rng.choice(list(KINDS))
        people = (f"{rng.choice(first)} {rng.choice(last)}", f"{rng.choice(first)} {rng.choice(last)}")
        if out and rng.random() < 0.2:  # a look-alike of an earlier event: same people and kind
            twin = out[rng.randrange(len(out))]
            kind, people = twin.kind, twin.people
        out.append(Event(i, kind, people, rng.choice(places), start + timedelta(days=rng.randrange(3650))))
    return out


_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "sa", "dor", "ne", "bu", "li", "ga", "to", "ri", "pen", "zu"]


def _pools(scale: float) -> tuple[list[str], list[str], list[str]]:
    """The places and first and last names, grown by ``scale`` with made-up names past the real ones."""
    def grown(base: list[str], size: int, seed: int) -> list[str]:
        rng, out, seen = random.Random(seed), list(base), set(base)
        while len(out) < size:
            name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            if name not in seen:
                seen.add(name)
                out.append(name)
        return out

    root = max(scale, 1.0) ** 0.5  # people are pairs of names: each pool grows by the square root
    return (grown(PLACES, round(len(PLACES) * max(scale, 1.0)), 1), grown(FIRST, round(len(FIRST) * root), 2),
            grown(LAST, round(len(LAST) * root), 3))


def article_for(event: Event, n: int, rng: random.Random) -> AnnotatedArticle:
    """One outlet's article on an event, annotated as the annotate stage would."""
    words = KINDS[event.kind]
    a, b = event.people
    outlet = rng.choice(OUTLETS)
    published = event.day + timedelta(days=rng.choice([0, 0, 1, 1, 2]))
    title = f"{a.split()[-1]} and {b.split()[-1]} {rng.choice(['in', 'at', 'near'])} {event.place} {words[0]} {rng.choice(words[1:])}"
    sentences = [
        f"{a} and {b} met in {event.place} on {event.day:%A} for the {words[0]}, {rng.choice(FILLER)}.",
        f"The {words[1]} and the {words[2]} dominated the day, as {rng.randint(20, 900)} people gathered in {event.place}.",
        f"“We will not stop until the {words[3]} is settled,” {a} said.",
        f"{b.split()[-1]} said the {words[4]} had been {rng.choice(['difficult', 'productive', 'tense', 'long'])}.",
        f"More than {rng.randint(2, 60) * 100} {rng.choice(['people', 'residents', 'workers'])} were affected, {rng.choice(FILLER)}.",
        f"The {words[5]} and the {words[6]} will be discussed again next {rng.choice(['week', 'month'])}.",
        f"Analysts said the {words[7]} could shape the region for years.",
    ]
    rng.shuffle(sentences[3:])
    body = [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    mentions = [Mention(a, "PERSON", a, 0), Mention(b, "PERSON", b, 0), Mention(event.place, "GPE", event.place, 0)]
    terms: dict[str, int] = {}
    for s in sentences:
        for w in s.lower().replace(",", " ").replace(".", " ").split():
            if len(w) > 3 and w.isalpha():
                terms[w] = terms.get(w, 0) + 1
    article = Article(id=f"e{event.id}-a{n}", source="synthetic", title=title, body=body,
                      url=f"https://{outlet}/{published:%Y/%m/%d}/e{event.id}-{n}", outlet=outlet, outlet_from="url",
                      published=published.isoformat(), published_from="url", language="en")
    annotations = Annotations(
        sentences=sentences, entities=mentions, times=[],
        quotes=[Quote(text=sentences[2].split("”")[0].strip("“"), speakers=[a], paragraph=1, sentence=2, cue="say")],
        figures=[Figure(value=float(sentences[4].split()[2]), text="more than " + sentences[4].split()[2], what="people affected",
                        qualifier="more than", where=event.place, when=event.day.isoformat(), sentence=4, sentence_text=sentences[4])],
        terms=terms, event_date=event.day.isoformat(), model="synthetic",
    )
    return AnnotatedArticle(article=article, annotations=annotations)


def stream(n_articles: int, *, per_event: int = 8, seed: int = 7) -> tuple[list[AnnotatedArticle], dict[str, int]]:
    """``n_articles`` articles in publication order and their gold event ids."""
    rng = random.Random(seed)
    evs = events(max(1, n_articles // per_event), seed)
    items, gold = [], {}
    for event in evs:
        for n in range(per_event):
            item = article_for(event, n, rng)
            items.append(item)
            gold[item.article.id] = event.id
    items.sort(key=lambda i: (i.article.published, i.article.id))
    return items[:n_articles], gold


def iter_stream(n_articles: int, *, per_event: int = 8, seed: int = 7, base: int = 10_000, undated: float = 0.1):
    """``(article, event id)`` pairs in publication order, made as they are read.

    A share ``undated`` of the articles carry no date at all (none in the page,
    none in the URL, no event date), as scraped pages often do; they arrive
    where their publication would have put them.

    For streams past ``base`` articles the places and names grow with the
    stream, so that an event meets as many look-alikes (same kind, same place,
    same week) at a million articles as at ten thousand: news of more days
    names more places and people, while a fixed list of twenty places would
    put ever more events into each place and week. Nothing is held but the
    events and the articles of the next few days, so a million articles fit.
    """
    rng, undated_rng = random.Random(seed), random.Random(seed + 1)
    # Held as plain tuples until their turn: the garbage collector stops tracking a tuple of
    # strings, numbers and dates, and walks a dataclass at each of its full collections. A
    # million-article stream draws 125,000 events up front, and walking them (a third of
    # each full collection at 300,000 articles) was charged to the link stage being measured.
    evs = [(e.id, e.kind, e.people, e.place, e.day) for e in
           sorted(events(max(1, n_articles // per_event), seed, scale=n_articles / base), key=lambda e: (e.day, e.id))]
    pending: list[tuple[str, str, int, AnnotatedArticle]] = []  # (published, id, event, article)
    emitted = 0
    for fields in evs:
        event = Event(*fields)
        # Articles are published up to two days after their event; those before
        # this event's day can come out.
        while pending and pending[0][0] < event.day.isoformat():
            yield pending[0][3], heapq.heappop(pending)[2]
            emitted += 1
            if emitted >= n_articles:
                return
        for n in range(per_event):
            item = article_for(event, n, rng)
            published = item.article.published
            if undated_rng.random() < undated:
                item = _undated(item)
            heapq.heappush(pending, (published, item.article.id, event.id, item))
    while pending and emitted < n_articles:
        item = heapq.heappop(pending)
        yield item[3], item[2]
        emitted += 1


def _undated(item: AnnotatedArticle) -> AnnotatedArticle:
    article = replace(item.article, published=None, published_from=None,
                      url=f"https://{item.article.outlet}/story/{item.article.id}")
    return AnnotatedArticle(article=article, annotations=replace(item.annotations, event_date=None))
