"""One quote across outlets: its wording, and who said it as the outlets put it."""

from __future__ import annotations

from parallax.dossier.quotes import merge_quotes
from parallax.model import AnnotatedArticle, Annotations, Article, Quote

WORDS = "The campaign of Ahmed Shafiq is astonished by the conference of the party"


def _item(id: str, text: str, speakers: list[str]) -> AnnotatedArticle:
    annotations = Annotations(sentences=[], entities=[], times=[], figures=[], terms={},
                              quotes=[Quote(text=text, speakers=speakers, paragraph=0, sentence=0)])
    return AnnotatedArticle(article=Article(id=id, source=id, title=None, body=[text]), annotations=annotations)


def test_one_speaker_spelt_two_ways_by_two_outlets_is_one_speaker():
    items = [_item("a", WORDS, ["Mahmoud Baraka"]), _item("b", WORDS + ".", ["Mahmud Baraka"])]
    [quote] = merge_quotes(items, ["Reuters", "AFP"])
    assert quote.speaker == "Mahmoud Baraka" and quote.outlets == ["Reuters", "AFP"]


def test_two_people_of_one_family_name_stay_two():
    items = [_item("a", WORDS, ["Joe Biden"]), _item("b", WORDS, ["Jill Biden"])]
    [quote] = merge_quotes(items, ["Reuters", "AFP"])
    assert quote.speakers == ["Joe Biden", "Jill Biden"]


def test_outlets_that_credit_a_quote_differently_are_not_read_as_a_joint_statement():
    items = [_item("a", WORDS, ["Tedros Adhanom Ghebreyesus"]), _item("b", WORDS, ["World Health Organization"])]
    [quote] = merge_quotes(items, ["CNET", "Latestly"])
    assert quote.speaker == "Tedros Adhanom Ghebreyesus / World Health Organization"
    assert quote.attributions == [["Tedros Adhanom Ghebreyesus"], ["World Health Organization"]]


def test_speakers_named_together_said_it_together():
    both = ["Barack Obama", "Vladimir Putin"]
    items = [_item("a", WORDS, both), _item("b", WORDS, ["Putin"]), _item("c", WORDS, ["Vladimir Putin", "Barack Obama"])]
    [quote] = merge_quotes(items, ["AFP", "Reuters", "AP"])  # one outlet naming one of the two adds no credit
    assert quote.speaker == "Barack Obama and Vladimir Putin" and quote.attributions == [both]


def test_a_surname_goes_into_the_full_name():
    items = [_item("a", WORDS, ["Baraka"]), _item("b", WORDS, ["Mahmoud Baraka"])]
    assert merge_quotes(items, ["Reuters", "AFP"])[0].speakers == ["Mahmoud Baraka"]


def test_a_quote_trimmed_by_one_outlet_is_the_same_quote_but_a_word_inside_another_is_not():
    full = "When you are reading a Mike Ford novel you knew it instantly"
    items = [_item("a", full, ["Beth Meacham"]), _item("b", "reading a Mike Ford novel", ["Meacham"]),
             _item("c", "No.", ["Elise Matthesen"]), _item("d", "I don't know.", ["Jo Walton"])]
    quotes = merge_quotes(items, ["Tor", "Locus", "Star Tribune", "File 770"])
    by_text = {q.text: q for q in quotes}
    # Four words inside the longer quote: that quote, trimmed. "No" inside "know" (or "No." inside
    # any quote with the word no) is no sign of one: every speaker keeps their own.
    assert by_text[full].outlets == ["Tor", "Locus"] and by_text[full].speaker == "Beth Meacham"
    assert by_text["No."].speaker == "Elise Matthesen" and by_text["I don't know."].speaker == "Jo Walton"


def test_the_quote_index_finds_what_comparing_with_every_quote_finds(monkeypatch):
    # Trimmed copies, copies with a letter changed, quotes of stopwords only, one-word quotes.
    import random

    from parallax.dossier import quotes as module

    rng = random.Random(3)
    words = "the council will not approve it is of a budget storm we are sure that no know vote now".split()
    texts = []
    for _ in range(150):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        texts.append(text)
        cut = text.split()
        if len(cut) > 4:
            texts.append(" ".join(cut[1:-1]))  # trimmed by another outlet
        if len(text) > 20:
            at = rng.randrange(len(text))
            texts.append(text[:at] + "x" + text[at + 1:])  # a letter changed
    items = [_item(f"a{n}", text, [f"Speaker {n % 7}"]) for n, text in enumerate(texts)]
    outlets = [f"o{n % 5}" for n in range(len(items))]
    indexed = merge_quotes(items, outlets)
    monkeypatch.setattr(module._QuoteIndex, "candidates", lambda self, key: range(self._size))
    assert merge_quotes(items, outlets) == indexed
    assert len(indexed) < len(set(texts))  # some were merged: the comparison had something to find


def test_speakers_fold_as_the_plain_definition_has_it():
    # Folded by counts and lookups; here against the definition, name against name.
    import random

    from parallax.dossier.names import spelt_alike
    from parallax.dossier.quotes import _fold_names

    def folded(names):
        out = []
        for name in names:
            words = name.split()
            if any(o != name and o.split()[-len(words):] == words for o in names):
                continue
            if not any(spelt_alike(name, kept) for kept in out):
                out.append(name)
        return out

    rng = random.Random(5)
    words = ["Barack", "Obama", "Mahmoud", "Mahmud", "Morsi", "Mursi", "Joe", "Jill", "Biden", "Shafiq", "Shafik"]
    dropped = 0
    for _ in range(500):
        names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 8))]
        assert _fold_names(names) == folded(names), names
        dropped += len(folded(names)) < len(set(names))
    assert dropped > 100  # the lists had names to fold
