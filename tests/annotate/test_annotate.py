from datetime import date

import pytest
from spacy.tokens import Span

from parallax.annotate import redate
from parallax.annotate.entities import canonical_names, clean_name, whole_name, without_legal_form
from parallax.annotate.figures import parse_number
from parallax.annotate.nlp import forget_ents
from parallax.annotate.quote_spans import QuoteSpan
from parallax.annotate.speakers import resolve_subject
from parallax.annotate.timex import resolve_times, resolve_weekday
from parallax.model import Article


def _annotate(annotator, paragraphs, published="2012-06-19"):
    article = Article(id="t", source="t", title=None, body=paragraphs, published=published)
    return next(iter(annotator([article]))).annotations


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("Troops shelled the city on Monday.", "2012-06-19", "2012-06-18"),  # Tuesday page, past tense
        ("The mission suspended its work at the weekend.", "2012-06-19", "2012-06-16"),
        ("Mood had on Sunday urged the parties to stop.", "2012-06-19", "2012-06-17"),
        ("He will brief the council on Friday.", "2012-06-19", "2012-06-22"),  # future tense looks ahead
        ("Official results are not expected until Thursday.", "2012-06-18", "2012-06-21"),
        ("The revolt erupted in March 2011.", "2012-06-19", "2011-03-01"),
        ("Saleh left power in February.", "2012-06-19", "2012-02-01"),
        ("The vote was held yesterday.", "2012-06-19", "2012-06-18"),
        # an anniversary piece dates its event by the publication day
        ("Barcelona won the final at Wembley on this day in 2011.", "2022-05-28", "2011-05-28"),
        ("Ten years ago today, the ship went down off the coast.", "2022-06-19", "2012-06-19"),
        # a day said to be last year's, though weeks ahead of the publication day this year
        ("The ship went down on May 25 last year.", "2021-04-20", "2020-05-25"),
        # Chinese and Japanese: the day of the month alone, or with its month, and "yesterday" in a word
        ("事故は18日午後に発生した。", "2019-11-19", "2019-11-18"),
        ("港务局30日表示，码头已经关闭。", "2019-12-02", "2019-11-30"),  # the nearest month's 30th
        ("会議は11月2日に開かれた。", "2019-11-19", "2019-11-02"),
        ("昨日の会見で述べた。", "2019-11-19", "2019-11-18"),
        ("경찰은 18일 오후 사고가 발생했다고 밝혔다.", "2019-11-19", "2019-11-18"),  # Korean
        ("회의는 11월 2일 열렸다.", "2019-11-19", "2019-11-02"),
    ],
)
def test_relative_dates_resolve_against_publication(sentence, published, expected):
    dated = [t for t in resolve_times([sentence], published) if t.kind == "date"]
    assert dated and dated[0].date == expected


def test_a_day_named_after_last_year_is_last_year_s():
    times = resolve_times(["A man whose fatal arrest last year on May 25 was captured on video."], "2021-04-20")
    assert [(t.text, t.date) for t in times] == [("last year", "2020-01-01"), ("May 25", "2020-05-25")]


@pytest.mark.parametrize("sentence", ["a 15-month uprising", "after two hours of talks", "for the past five days"])
def test_durations_are_not_dates(sentence):
    times = resolve_times([sentence], "2012-06-19")
    assert times and all(t.kind == "duration" and t.date is None for t in times)


def test_weekday_without_publication_date_stays_unresolved():
    [t] = resolve_times(["They met on Monday."], None)
    assert t.kind == "unresolved" and t.date is None


def test_same_weekday_past_is_the_day_itself():
    assert resolve_weekday(date(2012, 6, 19), 1, forward=False) == date(2012, 6, 19)


def test_joint_statement_quote_has_both_speakers(annotator):
    ann = _annotate(annotator, [
        "US President Barack Obama and Russian President Vladimir Putin met in Mexico on Monday.",
        "“We call for an immediate cessation of all violence,” the two leaders said in a statement.",
    ])
    [quote] = ann.quotes
    assert quote.speakers == ["Barack Obama", "Vladimir Putin"]


def test_the_leaders_are_the_subjects_not_the_partner_named_after_them(annotator):
    ann = _annotate(annotator, [
        "Barack Obama met Vladimir Putin in Mexico on Monday.",
        "Obama said that both he and Putin agreed on the need for talks and pledged to work with Kofi Annan to end the crisis.",
        "In their joint statement, the leaders said the future must be worked out in the “framework of Syria’s sovereignty.”",
    ])
    [quote] = ann.quotes
    assert quote.speakers == ["Barack Obama", "Vladimir Putin"]


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        # pronoun after the quote resolves to the last person named
        (["Senator John McCain spoke at a think tank in Washington on Monday.",
          "“We are now seeing a rapid increase in attacks,” he said."], "John McCain"),
        # speaker before the quote, with a colon
        (["Prime Minister Jane Holt told reporters: “We will not give in to threats.”"], "Jane Holt"),
        # an organisation speaks
        (["“Shelling renewed in the city overnight,” said the Syrian Observatory for Human Rights."], "Syrian Observatory for Human Rights"),
        # a short name resolves to the fullest name in the article
        (["Navi Pillay, the UN rights chief, spoke in Geneva.",
          "“Such actions amount to crimes against humanity,” Pillay told the council."], "Navi Pillay"),
        # a possessor is not the speaker: the role noun is
        (["Daniel Hart’s lawyer argued that the sentence “is far too harsh for a first offence.”"], "Daniel Hart’s lawyer"),
        (["“No agreement is expected before the summit,” said the minister’s spokesman, Tomas Novak."], "Tomas Novak"),
        # a subject after its verb, inside a long noun phrase the parser may misread
        (["“We will rebuild every house in the valley,” promised the tireless and admired governor Alvarez on Friday."], "Alvarez"),
        # reported speech ending the paragraph before a quote that stands alone
        (["Maria Lopez said that she would appeal the ruling.",
          "“This decision ignores all the evidence we presented to the court.”"], "Maria Lopez"),
        # two speakers in one sentence, each with a colon
        (["Ahmed Karimi said: “We are ready to talk to them”; Laura Jensen added: “Talks must start this very week.”"],
         "Laura Jensen"),
        # "it" is the named subject just before, even one the tagger does not know as an organisation
        (["In a statement, Brightwater Logistics, which took the contract over from Royal Mail, apologised for "
          "the delays, which it said were caused by “a failure in our main sorting centre last night”."],
         "Brightwater Logistics"),
        # the parser cuts '"...!" the crowd chanted' after the quote: the lower-case rest is its frame
        (["Supporters had waited outside the courthouse since the early morning.",
          "“Justice for the family! Justice for the family!” the protesters chanted as drivers honked their horns "
          "and people danced in the blocked streets around the square."], "protesters"),
        # a title as subject is the person last named with that title
        (["Health Minister Karin Olsen opened the new hospital wing on Monday.",
          "Staff applauded as the doors opened to the first patients.",
          "“This wing will cut waiting times in half for the whole region,” the minister said."], "Karin Olsen"),
        # "she" is the subject of the last sentence, not a name it mentions in passing
        (["Anna Weber, holding a photograph of Peter Braun, asked the council to act.",
          "“We cannot wait another winter for this,” she said."], "Anna Weber"),
        # a vox pop: the name after a dash behind the quote (no-break spaces around it), not the one before
        (["Readers told us what they thought of the new tram line.",
          "“It takes me twenty minutes less to get to work every single day.”\u00a0― Lena Fischer",
          "“The stops are too far apart for anyone who walks with a cane.”\u00a0― Oskar P. Lindqvist."],
         "Oskar P. Lindqvist"),
        # curly to open, straight to close: the quote ends there and its attribution is read
        (["Protesters gathered outside the ministry on Tuesday.",
          '“The budget cuts will close half the clinics in the north," Health Minister Karin Olsen said in a statement.'],
         "Karin Olsen"),
        # and straight to open, curly to close
        (["Doctors were quick to criticise the show's host.",
          '"He has a huge platform, with a whole network behind him,” said Dana Ortiz, a professor of surgery. '
          '“He cannot simply ignore the facts.”'],
         "Dana Ortiz"),
        # a transcript's speaker label, in capitals, opening the quoted turn
        (["Vice-presidential candidate Mike Pence spoke to Fox News Sunday.",
          '"PENCE: Well, look, this is serious business and the voters know exactly what is at stake."'],
         "Mike Pence"),
        # a participle describing a name: that name speaks
        (["A new ad from the Adler campaign went on air on Monday.",
          "The spot uses a clip of Tom Baker asking, “Why aren’t I twenty points ahead, you might ask?”"],
         "Tom Baker"),
        # "he" after a quoted speaker the tagger did not take for a person: that speaker goes on
        (["“Today the committee met and advised me that the outbreak is an emergency. I have accepted that "
          "advice,” Tedros posted on his X handle.",
          "He added, “The spread of a new strain in the east is very worrying for all of us.”"], "Tedros"),
        # "he" after a quote of someone's, when no person is a subject since: that speaker goes on,
        # not a name mentioned in passing ("Universal’s music division")
        (["“The script just said that she sings an incredible song,” Tom Harper said. “I had faith that we "
          "could figure it out. It was worrying. We had weeks left.” The demos came from Danny Boyle’s old studio, "
          "but none of them clicked.",
          "At the last minute a sample came in. “It grabbed me by the heart the moment I heard it,” he said."], "Tom Harper"),
        # a verb of judging aloud frames the quote
        (["Marco Silva was asked about the defeat after the match.",
          "When reporters noted his side had lost four in a row, Silva boasted, “We were still the better team today.”"],
         "Marco Silva"),
        # ... and one the sentence's other speech verb, in a clause of its own, does not govern
        (["After Putin said his government played no role in the hacking, Trump went on to condemn the "
          "inquiry into Russian interference as “a disaster for our country.”"], "Trump"),
        # "the statement said": whoever said something in a statement, or issued one, before
        (["Two service members were killed in a helicopter crash, the US military said in a statement on Wednesday.",
          "“The cause of the crash is under investigation, and nothing points to enemy fire,” the statement said."],
         "US military"),
        # a name inside the subject's phrase speaks only when the subject is its spokesman, or is that name
        (["“The vote was rigged from the start,” an aide to Shafiq told AFP."], "aide to Shafiq"),
        (["“Don't hide things like this from the public,” one Weibo commenter said."], "one Weibo commenter"),
        (["“The family wants justice for George now,” a lawyer for the Floyd family, Ben Crump, said."], "Ben Crump"),
        (["“The ministry will review all the contracts,” a spokeswoman for the Health Ministry said."], "Health Ministry"),
        # "according to" names the agency that reports; the one who says the words speaks
        (["According to AFP, one user on Weibo, which is China’s answer to Twitter, posted: "
          "“I just want to know how these two came to Beijing in the first place.”"], "one user on Weibo"),
        (["“The talks collapsed late on Friday night after hours of argument,” according to police."], "police"),
        # a name the tagger ran into its organisation's, as one organisation: the name ends it
        (["The chief of the World Health Organization Tedros Adhanom Ghebreyesus on Saturday declared the virus "
          "a global emergency. “For the moment this is an outbreak that is concentrated in a few places,” "
          "Ghebreyesus added."], "Tedros Adhanom Ghebreyesus"),
        # a phrase in scare quotes does not hide the sentence naming the speaker of the quote after it
        (["Gianna said that if she could say one thing to her dad it would be, “I miss you and I love you.”",
          "Floyd’s nephew Brandon Williams spoke in person, saying it was “humanly impossible” to convey what his family feels.",
          "“You may see us cry, but the full extent of our pain is beyond words.”"], "Brandon Williams"),
        # a thing is no speaker when a name's speech verb governs the quote too
        (["Russian President Vladimir Putin met Donald Trump in Helsinki on Monday.",
          "Putin, a former KGB agent, scoffed at the notion that the Russian security services try to gather "
          "incriminating materials on businessmen, saying: “Do you really believe that we try to shadow every businessman?”"],
         "Vladimir Putin"),
        # a gerund without a subject of its own speaks for the subject of its clause
        (["Dr. Mehmet Oz is a television host.",
          "He appeared at a 2014 Senate hearing for his role in promoting weight-loss aids on his show and for saying "
          "that green coffee extract was a “magic weight loss cure for every body type.”"], "Mehmet Oz"),
        # a programme's title in quotation marks is no subject, however parsed; the name before its appositive speaks
        (["Retired Lt. Gen. Michael Flynn praised the candidate on Thursday.",
          "“He's absolutely right. There's a severe disconnect between this White House and frankly the president "
          "and our military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”"],
         "Michael Flynn"),
        # "the group" is the body the sentence before has for its subject, not the quote's own subject
        (["The Muslim Brotherhood has declared that its candidate, Mohammed Morsi, won Egypt's presidential election.",
          "Morsi \"is the first civilian, popularly elected Egyptian president,\" the group says on its website."],
         "Muslim Brotherhood"),
    ],
)
def test_speaker_attribution(annotator, paragraphs, speaker):
    ann = _annotate(annotator, paragraphs)
    assert ann.quotes and ann.quotes[-1].speakers == [speaker]


def test_straight_to_open_and_curly_to_close_ends_the_quote_when_the_next_one_opens_straight(annotator):
    ann = _annotate(annotator, [
        "Sondland was known for saying he was in charge of Ukraine, said another witness, Fiona Hill.",
        '"And I asked, well, on whose authority?” said Hill, who will testify Thursday. "And he said, the President."',
    ])
    assert [(q.text, q.speakers) for q in ann.quotes] == [
        ("And I asked, well, on whose authority?", ["Fiona Hill"]), ("And he said, the President.", ["Fiona Hill"])]


def test_unclosed_quote_runs_to_end_of_paragraph(annotator):
    ann = _annotate(annotator, [
        "The mayor spoke to residents on Monday.",
        "“Whereas the city once had a plan, it now appears to have none at all.",
        "“There is every reason to believe it will get worse,” she said.",
    ])
    texts = [q.text for q in ann.quotes]
    assert any(t.startswith("Whereas the city once had a plan") for t in texts)


def test_a_crosshead_quoting_a_phrase_is_no_quote_but_a_quote_cut_short_is(annotator):
    ann = _annotate(annotator, [
        "The mayor spoke to residents on Monday.",
        "— ‘Attacks worsen in UN absence’ —",
        "“Can you find players like Xavi and Iniesta and",
    ])
    texts = [q.text for q in ann.quotes]
    assert not any("Attacks worsen" in t for t in texts)
    assert any(t.startswith("Can you find players") for t in texts)


def test_a_dash_inside_a_sentence_names_no_speaker(annotator):
    ann = _annotate(annotator, [
        "“The plant will be closed by the end of the year” — a promise Governor Reyes has made twice before."])
    assert ann.quotes and ann.quotes[0].cue != "dash"


def test_a_dash_before_a_name_is_not_part_of_it():
    assert clean_name("― Pamela Padilla", "PERSON") == "Pamela Padilla"
    assert clean_name("Bashar al-Assad", "PERSON") == "Bashar al-Assad"


def test_an_acronym_in_brackets_cut_open_goes_whole():
    assert clean_name("the World Health Organization (WHO)", "ORG") == "World Health Organization"
    assert clean_name("Acme (UK) Holdings", "ORG") == "Acme (UK) Holdings"


def test_a_label_in_capitals_naming_no_one_is_no_speaker(annotator):
    ann = _annotate(annotator, ["The mayor posted on Monday night.",
                                "“BREAKING: the council has voted to close the old bridge for good.”"])
    assert ann.quotes and ann.quotes[-1].cue != "transcript"


def test_figures_count_people_killed_with_qualifier_and_date(annotator):
    ann = _annotate(annotator, ["Activists in Douma said 29 people were killed on Monday, and more than 70 people died across the country."])
    by_value = {f.value: f for f in ann.figures}
    assert by_value[29].what == "people killed" and by_value[29].when == "2012-06-18" and by_value[29].where == "Douma"
    assert by_value[70].qualifier == "more than" and by_value[70].what == "people killed"


def test_a_figure_is_not_dated_by_a_clause_about_something_else(annotator):
    sentence = ("A jury found the officer guilty on all three counts in the death of a man whose fatal arrest "
                "last year on May 25 was captured on video.")
    ann = _annotate(annotator, [sentence])
    assert [(f.value, f.when) for f in ann.figures] == [(3, None)]
    ann = _annotate(annotator, ["The ministry said on Monday that 29 people had died in the floods, which began on Saturday."])
    assert [(f.value, f.when) for f in ann.figures] == [(29, "2012-06-18")]
    # The same when a story supplies the publication date later (``redate``, no parse at hand).
    undated = next(iter(annotator([Article(id="t", source="t", title=None, body=[sentence])])))
    redated = redate(undated, "2021-04-20")
    assert [t.date for t in redated.annotations.times if t.granularity == "day"] == ["2020-05-25"]
    assert [(f.value, f.when) for f in redated.annotations.figures] == [(3, None)]


@pytest.mark.parametrize(
    "sentence, number, what",
    [
        ("Morsi won 51.7 percent of the vote, the commission said.", 51.7, "vote (%)"),
        ("Turnout was 51.8 percent, the commission said.", 51.8, "turnout (%)"),
        ("The election saw a 51.8 percent turnout.", 51.8, "turnout (%)"),
        ("Morsi won 13.2 million votes or 51.7 percent, the commission said.", 51.7, "vote (%)"),
        ("Car sales in the region plunged 10 percent last month.", 10, "sale (%)"),
        ("HP signed a $334 million deal with the firm.", 334_000_000, "money (deal)"),
        ("The film was made for $1.6m in Miami.", 1_600_000, "money (make)"),  # spaCy labels "1.6" alone
        ("The deal is worth £3bn to the company.", 3_000_000_000, "money (deal)"),
        ("Messi scored 38 of the 153 goals this season.", 38, "goal"),
        ("Officials said 29 were killed in the blast.", 29, "people killed"),
        ("Storm Kills Three People Across Northern Texas", 3, "people killed"),  # Title Case capitalises counts
        ("Two Americans were arrested near the border on Monday, police said.", 2, "americans arrested"),
        ("About 300 staff lost their jobs at the plant.", 300, "staff"),
        ("The family drove a 30-mile stretch of the coast.", 30, "mile"),
    ],
)
def test_a_figure_is_named_for_what_it_counts(annotator, sentence, number, what):
    assert {f.value: f.what for f in _annotate(annotator, [sentence]).figures}.get(number) == what


@pytest.mark.parametrize(
    "sentence, number, owner",
    [
        ("Mohamed Morsi received 13,230,131 votes, while Ahmed Shafiq got 12.3 million votes.", 12_300_000, "shafiq"),
        ("Messi, who had 38 of Barcelona's 153 goals this season, scored again.", 38, "messi"),
        ("Messi, who had 38 of Barcelona's 153 goals this season, scored again.", 153, "barcelona"),
        ("Morsi won 51.7 percent of the vote.", 51.7, "morsi"),
        ("Officials said 29 people were killed in the blast.", 29, None),  # officials count, they own nothing
    ],
)
def test_a_count_names_whose_it_is(annotator, sentence, number, owner):
    assert {f.value: f.owner for f in _annotate(annotator, [sentence]).figures}[number] == owner


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("Having led the nominations with 13, the film won again.", 13),  # names nothing it counts
        ("The film won three, including best director.", 3),
        ("Juror number 91 answered the judge.", 91),  # a label, not a count
        ("Barcelona won the final with a thumping 3-1 win at Wembley.", 3),  # a score
        ("The three-time champion retired on Monday.", 3),
        ("It had lost out to Three Billboards at both the Golden Globes and the Baftas.", 3),  # a film's title
        ("The best actress award went to Frances McDormand for “Three Billboards Outside Ebbing, Missouri.”", 3),
        ("Frances McDormand beats Saoirse Ronan to best actress for her ‘Three Billboards’ role", 3),
        ("Actress: Frances McDormand, “Three Billboards Outside Ebbing, Missouri.”", 3),  # a list line, no lower case
        ("The rally drew protesters who cited a 52 percent rise in rents.", 52),  # a share of nothing named
        ("Shafiq, the former prime minister, won 48.27 percent.", 48.27),  # the winner's share, not a share of him
        ("It accelerates from 0-60 mph in 2.3 seconds.", 0),  # a benchmark, not a speed
        ("The car goes from zero to 60 mph in 3.1 seconds.", 60),  # the top of a scale from zero
        ("It reaches 0 to 100 km/h in 4 seconds.", 100),
    ],
)
def test_a_number_that_counts_nothing_named_is_no_figure(annotator, sentence, number):
    assert number not in {f.value for f in _annotate(annotator, [sentence]).figures}


@pytest.mark.parametrize(
    "text, value",
    [("14,400", 14400), ("1.5 million", 1_500_000), ("twenty five", 25), ("$334 million", 334_000_000),
     ("$1.6m", 1_600_000), ("£3bn", 3_000_000_000), ("between 51 and 52 percent", 51), ("10-15", 10), ("30-mile", 30),
     ("between $6.5-$10m.", 6_500_000), ("two to three million", 2_000_000), ("two hundred", 200),
     ("22½", 22.5), ("22 and a half", 22.5), ("two and a half", 2.5)],
)
def test_numbers_are_read_as_news_writes_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "sentence, text, months, what",
    [
        ("Judge Peter Cahill sentenced the former officer to 22½ years in prison for murder.", "22½ years", 270,
         "prison sentence"),
        ("Chauvin received a 270-month prison sentence on Friday.", "270-month", 270, "prison sentence"),
        ("She was jailed for six months.", "six months", 6, "prison sentence"),
        ("Prosecutors sought a 30-year sentence for the officer.", "30-year", 360, "prison sentence sought"),
        ("He faces up to 20 years in prison if convicted.", "up to 20 years", 240, "maximum prison sentence"),
        ("Prosecutors sought 30 years, with the maximum sentence being 40 years.", "40 years", 480,
         "maximum prison sentence"),
        ("The charge carries a maximum sentence of five years.", "five years", 60, "maximum prison sentence"),
        ("The two sides agreed to a 90-day ceasefire on Monday.", "90-day", 90 / 30.4375, "ceasefire length"),
        ("Maroon signed a one-year contract with the Lightning.", "one-year", 12, "contract length"),
    ],
)
def test_a_length_of_time_that_news_compares_is_a_figure_in_months(annotator, sentence, text, months, what):
    (figure,) = [f for f in _annotate(annotator, [sentence]).figures if f.text == text]
    assert figure.what == what and figure.value == pytest.approx(months)


@pytest.mark.parametrize(
    "sentence",
    [
        "He served as mayor for 12 years before the scandal.",  # background, not a figure outlets compare
        "The 26-year-old was handed the keys to the Tardis.",  # an age
        "The strike ended after a 30-year career of the union's leader.",
        "Yields rose to a 10-year high on Monday.",
        "Guidelines call for a sentence of between 20 and 25 years.",  # a range: no one's term
        "Turnout was the lowest in the past 12 months.",
    ],
)
def test_other_lengths_of_time_are_no_figures(annotator, sentence):
    assert not [f for f in _annotate(annotator, [sentence]).figures if "sentence" in f.what or "length" in f.what]


def test_a_benchmark_from_zero_leaves_the_speed_beside_it(annotator):
    ann = _annotate(annotator, ["The Model S accelerates from 0-60 mph in 2.3 seconds and has a top speed of 155 mph."])
    assert [(f.value, f.what) for f in ann.figures] == [(155, "mph")]


def test_numbers_in_a_table_row_are_no_figures(annotator):
    ann = _annotate(annotator, ["The standings after the race:", "| 5 | Joey Logano | 2380 | 12 | 21 |"])
    assert not ann.figures


def test_entities_are_canonical_within_the_article(annotator):
    ann = _annotate(annotator, ["US President Barack Obama met Vladimir Putin.", "Obama said the talks went well."])
    obama = {m.canonical for m in ann.entities if m.text in ("Obama", "Barack Obama")}
    assert obama == {"Barack Obama"}


@pytest.mark.parametrize("words, pos, name, whole", [
    # The tagger's split, as spaCy's English model makes it: "Group of" (ORG) before "20" (CARDINAL).
    ("at the Group of 20 summit", "ADP DET PROPN ADP NUM NOUN", (1, 4), "the Group of 20"),
    ("in the Democratic Republic of the Congo", "ADP DET PROPN PROPN ADP DET PROPN", (1, 6),
     "the Democratic Republic of the Congo"),
    # After "and" or "for" another name follows: the mention loses the word, gains nothing.
    ("won the League Cup and Champions League", "VERB DET PROPN PROPN CCONJ PROPN PROPN", (1, 5), "the League Cup"),
    ("traded by the Carolina Hurricanes for Victor Rask", "VERB ADP DET PROPN PROPN ADP PROPN PROPN", (2, 6),
     "the Carolina Hurricanes"),
    # A whole name is left alone, a capitalised last word too.
    ("the Bank of England raised", "DET PROPN ADP PROPN VERB", (0, 4), "the Bank of England"),
])
def test_a_name_cut_a_word_early_is_made_whole(nlp, words, pos, name, whole):
    from spacy.tokens import Doc, Span

    doc = Doc(nlp.vocab, words=words.split(), pos=pos.split())
    assert whole_name(Span(doc, *name, label="ORG")).text == whole


def test_a_capitalised_word_the_text_writes_in_lower_case_is_no_name(nlp):
    from spacy.tokens import Doc

    from parallax.annotate.entities import mentions_from_doc

    # As the parser tags a sentence's first word: "Monkeypox" an organisation, though the
    # text writes "monkeypox" everywhere else. "Apple" inside a sentence is a name, and
    # "WHO" is no "who".
    words = "Monkeypox spreads . Doctors who saw monkeypox told Apple . Apple and WHO agreed".split()
    ents = ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "B-ORG", "O", "B-ORG", "O"]
    starts = [w in (0, 3, 10) for w in range(len(words))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts, ents=ents)
    mentions = mentions_from_doc(doc, {i: 0 for i in range(len(words))})
    assert [m.canonical for m in mentions] == ["Apple", "Apple", "WHO"]


def test_a_surname_the_parser_tags_an_organisation_is_the_person_whose_full_name_it_ends(nlp):
    from spacy.tokens import Doc

    from parallax.annotate.entities import settle_labels

    # As the parser tags by sentence: "Trump" a person once, an organisation next; "United"
    # ends "Manchester United", tagged a person once, but is never a person alone.
    words = "Donald Trump spoke . Trump left . Trump said no . Manchester United won . United lost".split()
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "B-ORG", "O", "O", "O",
            "B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    settle_labels(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Donald Trump", "PERSON"), ("Trump", "PERSON"), ("Trump", "PERSON"), ("Manchester United", "PERSON"),
        ("United", "ORG"),
    ]


def test_the_entities_read_once_are_spacys_and_follow_a_relabelling(nlp):
    from spacy.tokens import Doc

    from parallax.annotate.entities import settle_labels
    from parallax.annotate.nlp import doc_ents, ents_in

    words = "Donald Trump spoke in Paris . Trump left . Trump said no to Rome and Berlin .".split()
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "B-PERSON", "O", "O", "B-ORG", "O", "O", "O",
            "B-GPE", "O", "B-GPE", "O"]
    starts = [1 if i == 0 or words[i - 1] == "." else 0 for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, ents=ents, sent_starts=starts)
    assert doc_ents(doc) == doc.ents
    for span in [*doc.sents, doc[3:10], doc[5:6], doc[0:1], doc[17:17]]:
        assert ents_in(span) == list(span.ents), span.text
    settle_labels(doc)  # sets doc.ents: "Trump" the organisation becomes the person
    assert [e.label_ for e in doc_ents(doc)] == [e.label_ for e in doc.ents] and doc_ents(doc)[3].label_ == "PERSON"


def test_a_name_after_the_kind_of_a_place_and_of_is_a_place(nlp):
    from spacy.tokens import Doc

    from parallax.annotate.entities import mentions_from_doc

    # As the small model tags them: "Tartus" an organisation, "Bandar Abbas" a person; a company
    # "of" follows no kind of place, and a place tagged so stays one.
    words = "warships sailed to the port of Tartus and the city of Bandar Abbas , shares of Apple fell in the province of Aceh".split()
    ents = ["O"] * 6 + ["B-ORG", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O", "O", "O",
                        "O", "O", "B-GPE"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    mentions = mentions_from_doc(doc, {t.i: 0 for t in doc})
    assert [(m.text, m.label) for m in mentions] == [
        ("Tartus", "GPE"), ("Bandar Abbas", "GPE"), ("Apple", "ORG"), ("Aceh", "GPE")]


@pytest.mark.parametrize("name, label, clean", [
    ("Electronic Data Systems Corp.", "ORG", "Electronic Data Systems"),
    ("Hewlett-Packard Co.", "ORG", "Hewlett-Packard"),
    ("EYP Mission Critical Facilities, Inc.", "ORG", "EYP Mission Critical Facilities"),
    ("Volkswagen AG", "ORG", "Volkswagen"),
    # A name that is all legal form keeps it; a word inside a name is none; a place keeps its state.
    ("Co", "ORG", "Co"),
    ("Cooper Industries", "ORG", "Cooper Industries"),
    ("Reno, NV", "GPE", "Reno, NV"),
])
def test_a_company_is_named_without_its_legal_form(name, label, clean):
    # Outlets write it or leave it out: the linker and the dossier take the two forms as one company.
    assert without_legal_form(clean_name(name, label), label) == clean


def test_a_companys_initials_still_find_its_name_with_the_legal_form(annotator):
    ann = _annotate(annotator, [
        "Taiwan Semiconductor Manufacturing Co. shares rose on Monday after the chipmaker raised its forecast.",
        "TSMC said demand for its chips had never been stronger, and TSMC expects record sales.",
    ])
    names = {m.text: m.canonical for m in ann.entities if m.label == "ORG"}
    assert names["TSMC"] == names["Taiwan Semiconductor Manufacturing Co."] == "Taiwan Semiconductor Manufacturing"


def test_an_entity_list_has_no_name_cut_on_of(annotator):
    ann = _annotate(annotator, [
        "Obama met Putin on the sidelines of the Group of 20 summit in Los Cabos, Mexico, on Monday.",
    ])
    names = {m.canonical for m in ann.entities}
    assert "Group of 20" in names
    assert not any(n.endswith((" of", " and")) for n in names)


@pytest.mark.parametrize("first, second", [("George Floyd", "Terrence Floyd"), ("Terrence Floyd", "George Floyd")])
def test_a_surname_two_people_share_is_the_one_named_first(first, second):
    # Whichever order a set would hold them in, the article's order decides.
    canon = canonical_names([(first, "PERSON"), (second, "PERSON"), ("Floyd", "PERSON")])
    assert canon[("Floyd", "PERSON")] == first
    assert canon[(second, "PERSON")] == second


def test_given_name_first_second_mention_is_the_same_person(annotator):
    ann = _annotate(annotator, [
        "World Health Organization chief Tedros Adhanom Ghebreyesus spoke in Geneva on Saturday.",
        "“The risk is moderate globally,” Tedros told reporters.",
    ])
    assert {m.canonical for m in ann.entities if m.text == "Tedros"} <= {"Tedros Adhanom Ghebreyesus"}
    assert ann.quotes[-1].speakers == ["Tedros Adhanom Ghebreyesus"]


def test_someone_named_between_two_quotes_takes_the_second(annotator):
    ann = _annotate(annotator, [
        "“The talks were constructive,” Putin said. Biden said they would try to find areas of cooperation. "
        "“It is always better to meet face to face.”",
    ])
    by_text = {q.text[:12]: q.speakers for q in ann.quotes}
    assert by_text["The talks we"] == ["Putin"] and by_text["It is always"] == ["Biden"]


def test_titles_of_films_quoted_in_a_list_are_no_quotes_but_a_slogan_someone_chants_is(annotator):
    ann = _annotate(annotator, [
        "Winners of the 90th Academy Awards:",
        "Best Picture: “The Shape of Water.”",
        "Adapted Screenplay: “Call Me by Your Name.”",
        "“Make America Great Again,” the crowd chanted as Donald Trump arrived.",
        "“WE WILL NOT GO BACK TO WORK,” the strikers shouted outside.",
    ])
    assert [q.text for q in ann.quotes] == ["Make America Great Again", "WE WILL NOT GO BACK TO WORK"]


def test_according_to_reports_names_no_speaker_but_a_report_by_an_agency_does(annotator):
    ann = _annotate(annotator, [
        "According to reports, the trial is one of the most watched in years, “setting off a national reckoning on policing.”",
        "According to a report by Reuters, the talks were “close to collapse after a long night of argument.”",
    ])
    assert [q.speakers for q in ann.quotes] == [[], ["Reuters"]]


def test_a_work_a_participle_names_is_no_quote_of_the_thing_it_names_but_a_thing_called_so_by_someone_is(annotator):
    ann = _annotate(annotator, [
        "One of the cards, a poem called “Winter Solstice, Camelot Station,” went on to win the World Fantasy Award.",
        "Senator Mark Reyes called the new budget “a disgrace to every taxpayer in this state.”",
    ])
    assert [(q.text, q.speakers) for q in ann.quotes] == [("a disgrace to every taxpayer in this state.", ["Mark Reyes"])]


def test_a_short_quote_said_as_a_sentence_of_its_own_is_a_quote_but_a_phrase_in_scare_quotes_is_not(annotator):
    ann = _annotate(annotator, [
        "Maria Lopez watched the count on television. “You winning?” Lopez asked her husband.",
        "“I love you,” Daniel Reyes told the crowd.",
        "Reyes called the proposal a “total disgrace.” He also criticised the “phony system,” in a speech.",
        "Best Picture: “Moonlight.”",
    ])
    assert [(q.text, q.speakers) for q in ann.quotes] == [
        ("You winning?", ["Maria Lopez"]), ("I love you", ["Daniel Reyes"]),
    ]


def test_a_quote_broken_by_its_attribution_is_one_quote(annotator):
    ann = _annotate(annotator, [
        "“My hope,” Barack Obama said, “is that maybe as ex-president I can have a little more influence.”",
        "“I would,” Melanie Kaye said. “I would, Donald, and I will vote.”",
        "Trump said Machado was “disgusting,” “a con” and worse.",
        "“We will not,” Sen. Lindsey Graham said, “let this nomination go through.”",
    ])
    assert [(q.text, q.speakers) for q in ann.quotes] == [
        ("My hope is that maybe as ex-president I can have a little more influence.", ["Barack Obama"]),
        ("I would", ["Melanie Kaye"]),
        ("I would, Donald, and I will vote.", ["Melanie Kaye"]),
        ("We will not let this nomination go through.", ["Lindsey Graham"]),
    ]


def test_straight_single_marks_quote_as_british_tabloids_print_them(annotator):
    ann = _annotate(annotator, [
        "Chauvin said he was 'unable to give a full formal statement'.",
        "'But briefly, I do want to give my condolences to the Floyd family,' Chauvin said.",
        "'The public will never know the man he is,' Pawlenty said. 'Though I haven't spoken publicly I have always supported him.'",
    ])
    assert [(q.text, q.speakers) for q in ann.quotes] == [
        ("unable to give a full formal statement", ["Chauvin"]),
        ("But briefly, I do want to give my condolences to the Floyd family", ["Chauvin"]),
        ("The public will never know the man he is", ["Pawlenty"]),
        ("Though I haven't spoken publicly I have always supported him.", ["Pawlenty"]),
    ]


def test_a_count_of_days_in_chinese_or_japanese_is_no_date():
    assert [t for t in resolve_times(["工事は3日間続き、10日以上かかる見通し。"], "2019-11-19") if t.kind == "date"] == []
    assert [t for t in resolve_times(["공사는 3일간 계속된다."], "2019-11-19") if t.kind == "date"] == []


def test_apostrophes_are_no_straight_single_quotes():
    from parallax.annotate.quote_spans import find_quote_spans

    def spans(text):
        return [text[s.start:s.end] for s in find_quote_spans(text, [0])]

    assert spans("In the '90s the players' union and its members' pay were news, and Nobody's sure it's over.") == []
    # A scare quote closes (too short to be a quote later); a mark left open is an apostrophe, not a quote to the end.
    assert spans("The 'deep state' talk went on for 'many long weeks of the campaign.") == ["deep state"]


def test_japanese_and_chinese_quote_between_corner_brackets():
    from parallax.annotate.quote_spans import find_quote_spans

    text = "市長は「原因を『徹底的に』調べる」と述べた。"
    assert [text[s.start:s.end] for s in find_quote_spans(text, [0])] == ["原因を『徹底的に』調べる"]


def test_a_text_quoting_with_double_marks_keeps_single_ones_for_titles_and_inner_quotes():
    from parallax.annotate.quote_spans import find_quote_spans

    text = "'All Bets Are Off,' the column was titled. \"He said, 'If we do nothing, all bets are off,' and left,\" Brinkley said."
    assert [text[s.start:s.end] for s in find_quote_spans(text, [0])] == ["He said, 'If we do nothing, all bets are off,' and left,"]


def test_an_article_in_another_language_keeps_its_quotes_and_words_but_not_the_english_models_names(annotator):
    body = ["Например, мэр Москвы Сергей Собянин сказал: «Мы откроем новый мост в понедельник», сообщает ТАСС. "
            "Около 120 человек пострадали."]
    russian = next(iter(annotator([Article(id="r", source="r", title=None, body=body, language="ru")]))).annotations
    assert russian.entities == [] and russian.figures == []
    assert [(q.text, q.speakers) for q in russian.quotes] == [("Мы откроем новый мост в понедельник", [])]
    assert "собянин" in russian.terms
    english = _annotate(annotator, ["The mayor, Sergei Sobyanin, said: “We will open the new bridge on Monday.” About 120 people were hurt."])
    assert english.entities and english.figures  # unknown or English: as before


def test_a_japanese_article_keeps_its_quote_counted_in_its_own_words(annotator):
    body = ["市長は19日、記者団に対し「事故の原因を徹底的に調べる」と述べた。港は一週間閉鎖される。"]
    japanese = next(iter(annotator([Article(id="j", source="j", title=None, body=body, language="ja")]))).annotations
    # Thirteen characters and no space: one "word" by spaces, seven by the script's own measure.
    assert [q.text for q in japanese.quotes] == ["事故の原因を徹底的に調べる"]
    # The full stop "。" ends a sentence, as ". " does.
    assert japanese.sentences == ["市長は19日、記者団に対し「事故の原因を徹底的に調べる」と述べた。", "港は一週間閉鎖される。"]


def test_a_dossier_task_imports_neither_spacy_nor_the_pipeline():
    # A Ray task that builds dossiers (scale/dossiers.py) starts a fresh process: spaCy would be a
    # second of it, and the pipeline's extraction and database a third of one more.
    import subprocess
    import sys

    code = ("import sys; from parallax.scale.dossiers import build_dossiers; from parallax.annotate import redate; "
            "from parallax.dossier import story_dossier; print(sorted({'spacy', 'parallax.pipeline'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("hash_seed", ["0", "3"])
def test_a_surname_two_people_share_means_the_first_named_in_any_process(hash_seed):
    # Before, the choice followed a set's order, which each process's string hashing changes:
    # these two seeds gave "Tim Scott" and "Bobby Scott", and the dossiers of two runs differed.
    import os
    import subprocess
    import sys

    code = ("from parallax.annotate.speakers import fullest_person; "
            "print(fullest_person('Scott', {'Tim Scott': 'Tim Scott', 'Bobby Scott': 'Bobby Scott', 'Scott': 'Scott'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": hash_seed}).stdout
    assert out.strip() == "Tim Scott"


def test_a_body_named_two_sentences_back_is_not_what_the_agency_stands_for(annotator):
    # The sentence right before names officials, not a body, for its subject: "the agency" stays as written.
    paragraphs = ["A Government Accountability Office report found that the money could not be traced.",
                  "Officials at Homeland Security Investigations, a division of Immigration and Customs Enforcement, "
                  "said they were concerned. In a 2013 memo, the agency suggested that the program end because "
                  "\"there are no safeguards that can be put in place.\""]
    item = next(iter(annotator([Article(id="a", source="t", title=None, body=paragraphs)])))
    assert [q.speakers for q in item.annotations.quotes] == [["agency"]]


def test_a_descriptor_the_parser_tags_a_person_stands_for_the_person_named_before_not_itself(nlp):
    # "The Scot" tagged a person and the subject of its own sentence: the last named subject is
    # still Ferguson, whom it describes.
    text = "Alex Ferguson left Berbatov out of his squad. The Scot added: “We tried to play the way we normally play.”"
    doc = nlp(text)
    scot = next(t for t in doc if t.text == "Scot")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, scot.i, scot.i + 1, label="PERSON")]
    forget_ents(doc)
    opening = text.index("“") + 1
    span = QuoteSpan(start=opening, end=text.index("”"), paragraph=0, closed=True)
    assert resolve_subject(doc, scot, span, {}, list(doc.sents)) == ["Alex Ferguson"]


def test_the_headline_reader_judges_only_lines_in_latin_letters(nlp):
    from parallax.annotate import make_headline_reader

    read = make_headline_reader(nlp)
    has_verb, proper_share, _ = read("US President Barack Obama with Russia's President Vladimir Putin")
    assert not has_verb and proper_share > 0.5  # a caption: names, no verb
    # A line in another script is nothing the English tagger can read: no caption's verdict either way.
    assert read("เครนถล่มทับเรือสินค้า ปิดท่าเรือด้านเหนือ") == (True, 0.0, False)
    assert read("Мастера вкуса: 23 самых крутых фудблогера") == (True, 0.0, False)
