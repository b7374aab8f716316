"""Figure verdicts across outlets: agreement, scope, evolution and real discrepancy."""

from __future__ import annotations

from parallax.dossier.figures import compare_figures, verdict
from parallax.model import Article, FigureValue


def _value(value: float, outlet: str, where: str | None = None, published: str | None = "2024-08-14") -> FigureValue:
    return FigureValue(value=value, text=f"{value:g}", outlet=outlet, article=outlet, where=where, when=None,
                       sentence="", published=published)


def _figures(annotator, **sentences: str):
    """The figure groups of a story whose outlets (keyword) each print one sentence."""
    articles = [Article(id=outlet, source=outlet, title=None, body=[sentence], published="2024-08-14", outlet=outlet)
                for outlet, sentence in sentences.items()]
    return compare_figures(list(annotator(articles)), list(sentences))


def test_the_same_number_from_two_outlets_agrees():
    assert verdict([_value(14400, "A"), _value(14400, "B")]) == "agree"


def test_numbers_for_different_places_are_different_scope():
    assert verdict([_value(70, "A", "Syria"), _value(29, "B", "Douma")]) == "different_scope"


def test_numbers_one_outlet_prints_side_by_side_count_different_things():
    # "spread to 75 countries, up from 47 in June": one outlet gives both, another only one.
    values = [_value(47, "A"), _value(75, "A"), _value(75, "B")]
    assert verdict(values) == "different_scope"


def test_two_outlets_giving_different_numbers_differ():
    assert verdict([_value(52, "A"), _value(48, "B")]) == "differ"
    # One outlet's two numbers do not excuse a third number no outlet pairs with them.
    assert verdict([_value(47, "A"), _value(75, "A"), _value(60, "B")]) == "differ"


def test_a_toll_rising_with_publication_time_is_evolving():
    values = [_value(10, "A", published="2024-08-14"), _value(15, "B", published="2024-08-15")]
    assert verdict(values) == "evolving"


def test_a_vague_size_is_not_compared(annotator):
    groups = _figures(annotator, A="The virus has spread to 47 countries, officials said.",
                      B="The virus has spread to dozens of countries, officials said.")
    assert [(g.what, g.verdict, [v.value for v in g.values]) for g in groups] == [("country", "single", [47])]


def test_numbers_printed_side_by_side_become_one_figure_each(annotator):
    groups = _figures(annotator, A="The virus has spread to 75 countries, up from 47 countries in June.",
                      B="The virus has now reached 75 countries, officials said.",
                      C="Cases were reported in 47 countries by June, and in 75 countries by August.")
    by_value = {g.values[0].value: (g.verdict, sorted({v.outlet for v in g.values})) for g in groups if g.what == "country"}
    assert by_value == {75: ("agree", ["A", "B", "C"]), 47: ("agree", ["A", "C"])}


def test_numbers_for_two_places_printed_side_by_side_are_two_figures(annotator):
    groups = _figures(annotator, A="The hospital quarantined 28 people after the test.",
                      B="Officials quarantined 28 people at the hospital.",
                      C="The hospital quarantined 28 people, and doctors tested 300 people in Beijing.")
    rows = sorted((g.values[0].value, g.verdict, len({v.outlet for v in g.values})) for g in groups if g.what == "people")
    assert rows == [(28, "agree", 3), (300, "single", 1)]


def test_one_sum_worded_three_ways_is_one_figure(annotator):
    groups = _figures(annotator, A="The firm signed a $2.6 billion deal with the agency on Monday.",
                      B="The agency paid $2.6 billion for the contract, officials said.",
                      C="The contract was valued at $2.6 billion by the agency.",
                      D="The agency paid $3 million in fees to the lawyers.")
    rows = sorted((g.values[0].value, g.verdict, sorted({v.outlet for v in g.values})) for g in groups if g.what.startswith("money"))
    assert rows == [(3_000_000, "single", ["D"]), (2_600_000_000, "agree", ["A", "B", "C"])]


def test_a_sum_near_another_under_its_name_stays_there_as_a_discrepancy(annotator):
    groups = _figures(annotator, A="The agency paid $2.6 billion for the contract, officials said.",
                      B="The agency paid $2.8 billion for the contract, officials said.",
                      C="The firm signed a $2.6 billion deal with the agency.")
    rows = sorted((g.what, g.verdict, sorted(v.outlet for v in g.values)) for g in groups)
    assert rows == [("money (deal)", "single", ["C"]), ("money (pay)", "differ", ["A", "B"])]


def test_sums_ten_times_apart_under_one_word_are_two_sums(annotator):
    groups = _figures(annotator, A="The agency paid $2.6 billion for the company, officials said.",
                      B="The agency paid $3 million in fees to the lawyers.")
    rows = sorted((g.values[0].value, g.verdict) for g in groups)
    assert rows == [(3_000_000, "single"), (2_600_000_000, "single")]


def test_counts_of_different_owners_are_not_a_discrepancy(annotator):
    # Morsi's count from one outlet (no owner read there) and as "Mursi" from another agree; Shafik's is another count.
    groups = _figures(annotator, A="Morsi won 13,230,131 votes in the run-off, the commission said.",
                      B="Mursi won 13.2 million votes, beating Shafik who garnered 12.3 million votes.")
    rows = sorted((g.what, g.verdict, sorted(v.outlet for v in g.values)) for g in groups)
    assert rows == [("vote · Mursi", "agree", ["A", "B"]), ("vote · Shafik", "single", ["B"])]


def test_outlets_spellings_of_an_owner_are_one_owner():
    from parallax.dossier.figures import _by_owner

    values = [_value(13_230_131, "A"), _value(13_200_000, "B"), _value(12_300_000, "B"), _value(1_000_000, "C")]
    for v, owner in zip(values, ["morsi", "mursi", "shafik", None]):
        v.owner = owner
    owners = {o: sorted(v.outlet for v in vs) for o, vs in _by_owner(values).items()}
    assert owners == {"morsi": ["A", "B"], "shafik": ["B"], None: ["C"]}


def test_sums_in_two_currencies_are_not_a_discrepancy(annotator):
    # One price in two markets: the dollar sums agree, the euro sum stands alone.
    groups = _figures(annotator, A="The electric crossover starts at $44,000, the carmaker said on Sunday.",
                      B="The electric crossover starts at €46,900, the carmaker said on Sunday.",
                      C="The electric crossover starts at 44,000 US dollars, the carmaker said on Sunday.")
    assert sorted((g.verdict, sorted(v.outlet for v in g.values)) for g in groups if g.what == "money (start)") == [
        ("agree", ["A", "C"]), ("single", ["B"])]


def test_a_rounded_number_agrees_with_the_number_it_rounds_and_only_with_it():
    assert verdict([_value(14000, "A"), _value(14400, "B")]) == "agree"  # "14,000" is 14,400 rounded
    assert verdict([_value(13.2e6, "A"), _value(13.23e6, "B")]) == "agree"
    # Two exact-looking numbers that differ are two figures, however close; so is a round one far off.
    assert verdict([_value(524, "A"), _value(517, "B")]) == "differ"
    assert verdict([_value(100, "A"), _value(149, "B")]) == "differ"


def test_one_prison_term_in_years_and_in_months_agrees_and_a_term_sought_is_apart(annotator):
    groups = _figures(
        annotator,
        A="Judge Peter Cahill sentenced Chauvin to 22½ years in prison on Friday.",
        B="Chauvin received a 270-month prison sentence, short of the 30-year sentence prosecutors sought.",
        C="Chauvin was sentenced to 22 and a half years.",
    )
    rows = {g.what: (g.verdict, sorted(v.outlet for v in g.values)) for g in groups}
    assert rows["prison sentence"] == ("agree", ["A", "B", "C"])
    assert rows["prison sentence sought"] == ("single", ["B"])


def test_two_terms_for_one_sentencing_differ_and_a_short_length_is_kept(annotator):
    groups = _figures(annotator, A="The man was jailed for two months.", B="The man was jailed for six months.",
                      C="The sides agreed to a 60-day ceasefire.")
    rows = {g.what: (g.verdict, [v.text for v in g.values]) for g in groups}
    assert rows["prison sentence"] == ("differ", ["two months", "six months"])
    assert rows["ceasefire length"] == ("single", ["60-day"])


def test_numbers_under_a_word_every_outlet_gives_several_of_are_several_things():
    # "nine companies" picked before, "14" in all, "three" bidding: no outlet prints 14 and 3
    # together, yet each outlet's own two numbers show the word names several counts.
    values = [_value(14, "A"), _value(11, "A"), _value(9, "B"), _value(14, "B"), _value(9, "C"), _value(3, "C")]
    assert verdict(values) == "different_scope"
    # One outlet giving a single number can still be at odds with the others.
    assert verdict([_value(14, "A"), _value(9, "A"), _value(12, "B")]) == "differ"


def test_a_sentence_is_reported_elsewhere_only_when_each_of_its_figures_is():
    from parallax.dossier.figures import reported_elsewhere
    from parallax.model import FigureGroup

    def value(number, outlet, sentence, where=None):
        return FigureValue(value=number, text=f"{number:g}", outlet=outlet, article=outlet, where=where, when=None, sentence=sentence)

    killed = FigureGroup(what="people killed", verdict="different_scope", values=[
        value(70, "A", "70 killed, 500 hurt"), value(70, "B", "70 were killed"),
        value(29, "A", "29 killed in Douma", "Douma"), value(29, "B", "29 killed in Homs", "Homs"),
    ])
    hurt = FigureGroup(what="people injured", verdict="single", values=[value(500, "A", "70 killed, 500 hurt")])
    # B's 70 is A's; A's first sentence has a figure of its own (500 hurt); 29 in Douma is not 29 in Homs.
    assert reported_elsewhere([killed, hurt]) == {("B", "70 were killed")}


def test_numbers_grouped_and_paired_as_the_plain_definitions_have_it():
    # The grouping and the side-by-side rule are computed number by number (a large story prints
    # one number hundreds of times); here against their definitions, value by value and pair by pair.
    import random

    from parallax.dossier.figures import _by_number, _numbers_by_outlet, _printed_side_by_side, _same

    def by_number(values):
        groups = []
        for v in values:
            same = next((g for g in groups if _same(g[0].value, v.value)), None)
            groups.append([v]) if same is None else same.append(v)
        return groups

    def side_by_side(values, by_outlet):
        distinct = [g[0].value for g in by_number(values)]
        return all(any(any(_same(a, x) for x in xs) and any(_same(b, x) for x in xs) for xs in by_outlet.values())
                   for i, a in enumerate(distinct) for b in distinct[i + 1:])

    rng = random.Random(4)
    pool = [14000, 14400, 14437, 70, 72, 7, 38, 153, 1.5, 1.52, 2600000000, 3000000]
    outcomes = set()
    for _ in range(300):
        values = [FigureValue(value=rng.choice(pool[: rng.randint(2, len(pool))]), text="", outlet=f"o{rng.randint(1, 4)}",
                              article="a", where=None, when=None, sentence="") for _ in range(rng.randint(1, 12))]
        assert [[id(v) for v in g] for g in _by_number(values)] == [[id(v) for v in g] for g in by_number(values)]
        by_outlet = _numbers_by_outlet(values)
        outcome = _printed_side_by_side(values, by_outlet)
        assert outcome == side_by_side(values, by_outlet)
        outcomes.add(outcome)
    assert outcomes == {True, False}  # both answers were put to the test
