"""The line classifier on the seed pages, on changed copies of them, and on edge cases."""

import re

import pytest

from parallax.errors import PageRejected
from parallax.extract import extract
from parallax.extract.headline import clean_title
from parallax.model import Page
from tests.conftest import SEED_A, SEED_B


def _page(text: str, page_id: str = "p", url: str | None = None) -> Page:
    return Page(id=page_id, source=page_id, format="text", content=text, url=url)


@pytest.fixture(scope="module")
def seed_a(extract_options):
    return extract(_page(SEED_A.read_text(encoding="utf-8"), "a"), extract_options)


@pytest.fixture(scope="module")
def seed_b(extract_options):
    return extract(_page(SEED_B.read_text(encoding="utf-8"), "b"), extract_options)


def test_seed_a_title_date_and_clean_start(seed_a):
    assert seed_a.title == "Obama, Putin call for end to Syria bloodshed"
    assert seed_a.published == "2012-06-19" and seed_a.published_from == "page"
    assert seed_a.body[0].startswith("US President Barack Obama and his Russian counterpart")
    body = seed_a.body_text
    assert "consular" not in body.lower()
    assert "Home News" not in body
    assert seed_a.title not in body  # no second copy of the headline


def test_seed_a_keeps_crosshead_and_last_paragraph(seed_a):
    assert any("Attacks worsen in UN absence" in p for p in seed_a.body)
    assert seed_a.body[-1].startswith("More than 14,400 people have been killed")


def test_seed_b_caption_is_neither_title_nor_body(seed_b):
    caption = "US President Barack Obama with Russia's President Vladimir Putin"
    assert seed_b.title != caption
    assert caption not in seed_b.body_text


def test_seed_b_body_ends_with_last_quote_and_drops_chrome(seed_b):
    assert seed_b.body[-1].startswith("“There’s every reason to believe that Assad")
    body = seed_b.body_text
    assert "GMT" not in body and "2018" not in body
    assert "All rights reserved" not in body and "developed by" not in body
    assert "comment" not in body.lower()


def test_seed_b_rejoins_the_broken_sentence(seed_b):
    assert any("urged on Monday an immediate end to violence in the country." in p for p in seed_b.body)


def test_seed_b_date_never_from_related_links_or_footer(seed_b):
    assert seed_b.published is None or not seed_b.published.startswith(("2018", "2021"))


def test_a_page_saved_with_carriage_returns_and_no_break_spaces_reads_as_the_seed(seed_a, extract_options):
    text = SEED_A.read_text(encoding="utf-8").replace("\n", "\r").replace(" ", "\u00a0")
    article = extract(_page(text, "a"), extract_options)
    assert (article.title, article.body, article.published) == (seed_a.title, seed_a.body, seed_a.published)


@pytest.mark.parametrize("inserted", [
    "Share on Facebook Share on Twitter Share via Email",  # a bar of buttons, longer than a short line
    "1 of 12\n\nProtesters gather in Damascus on Monday. (Photo: Reuters)\n\nNext",  # a gallery's counter, caption and button
    "Obama and Putin met for two hours on Monday. REUTERS/Kevin Lamarque",  # an agency's caption, signed at its end
])
def test_furniture_set_into_the_article_is_left_out_and_cuts_nothing(seed_a, extract_options, inserted):
    paragraphs = SEED_A.read_text(encoding="utf-8").split("\n\n")
    at = next(i for i, p in enumerate(paragraphs) if p.startswith("The United States has been frustrated"))
    text = "\n\n".join(paragraphs[:at] + [inserted] + paragraphs[at:])
    article = extract(_page(text, "a"), extract_options)
    assert article.body == seed_a.body


def test_a_headline_naming_sites_is_no_bar_and_a_poll_s_name_no_credit():
    from parallax.extract.lines import describe

    assert not describe("Facebook, Twitter and YouTube executives testify before Congress", 0).is_chrome
    assert not describe("Facebook, Twitter, YouTube and Instagram share data with police", 0).is_chrome
    assert not describe("A new Reuters/Ipsos poll found 40% back the plan, according to Reuters/Ipsos.", 0).credit


@pytest.mark.parametrize("url", [None, "https://www.expatica.com/ru/news/obama-putin-call-for-end-to-syria-bloodshed-1.html"])
def test_without_its_breadcrumb_the_stamped_headline_stands_over_the_article_not_the_banner_above(
        seed_a, extract_options, url):
    # The consular banner's heading and sentence stand two lines above the headline and its date:
    # the sentence had run into the article's block, and its heading had been taken for the headline.
    text = SEED_A.read_text(encoding="utf-8").replace("Home News Obama, Putin call for end to Syria bloodshed\n\n", "")
    article = extract(_page(text, "a", url=url), extract_options)
    assert (article.title, article.body) == (seed_a.title, seed_a.body)


def test_a_page_saved_twice_over_is_its_article_once(seed_a, extract_options):
    # A scraper that saved the page with its print copy: every line is printed twice, and lines
    # printed twice are furniture; the page had been rejected as chrome only.
    text = SEED_A.read_text(encoding="utf-8")
    article = extract(_page(text + "\n\n" + text, "a"), extract_options)
    assert (article.title, article.published) == (seed_a.title, seed_a.published)
    crosshead = "— ‘Attacks worsen in UN absence’ —"  # no paragraph: printed twice, it stays furniture
    assert article.body == [p for p in seed_a.body if p != crosshead]


_TEASERS = [
    ("Egypt braces for result of presidential run-off vote",
     "The count was delayed as both candidates claimed victory and the military council tightened its grip."),
    ("Greek leaders start talks to form coalition government",
     "Party leaders met for a second day on Tuesday as markets waited for a government that can keep the bailout."),
    ("Spain asks euro zone for help to rescue its banks",
     "Ministers said the request would be formalised within days, ending weeks of uncertainty over the loan."),
]


@pytest.mark.parametrize("where", ["below", "above"])
def test_a_box_of_teasers_each_a_headline_over_a_sentence_is_not_the_article(seed_a, extract_options, where):
    box = "\n\n".join(["More stories"] + [line for teaser in _TEASERS for line in teaser])
    text = SEED_A.read_text(encoding="utf-8")
    article = extract(_page(text + "\n\n" + box if where == "below" else box + "\n\n" + text, "a"), extract_options)
    assert (article.title, article.body) == (seed_a.title, seed_a.body)


def test_a_list_under_a_crosshead_with_a_sentence_per_item_stays_the_article(extract_options):
    # The shape of a teaser box (a short label, headlines, a sentence under each), but its label is
    # the article's crosshead, not a box's ("More stories").
    items = [("1. Best picture: Moonlight", "Barry Jenkins’s film about a young man growing up in Miami won after a mix-up on stage."),
             ("2. Best actress: Emma Stone", "Stone won for her role as an aspiring actress in the musical La La Land."),
             ("3. Best actor: Casey Affleck", "Affleck won for his role as a grieving janitor in Manchester by the Sea."),
             ("4. Best director: Damien Chazelle", "At 32, Chazelle became the youngest winner of the award for La La Land.")]
    text = "\n\n".join(["Home | Entertainment", "Oscars 2017: the full list of winners", "By Jane Doe | 27 February 2017",
                       "The 89th Academy Awards were handed out in Los Angeles on Sunday night, in a ceremony that ended "
                       "with the wrong film being announced as best picture.", "The winners",
                       *[line for item in items for line in item], "© 2017 Daily Planet"])
    article = extract(_page(text), extract_options)
    assert all(sentence in article.body for _, sentence in items)


def test_an_article_s_sections_of_one_long_paragraph_each_stay_its_body(extract_options):
    def section(kind: str) -> str:
        return (f"The {kind} gathers every record made while a patient is treated, so that doctors in other hospitals, "
                "their nurses and the patient's own family doctor can read what was found and what was done, and none "
                "of the tests has to be made twice, which saves time and money for the insurers and the hospitals.")

    kinds = ("shared record", "case file", "personal record")
    text = "\n\n".join(["Home | Health | Technology", "Three kinds of patient records, and what each is for",
                       "By Jane Doe | 19 November 2019", "Hospitals keep their patients' records in three ways. " + section("record"),
                       "Three kinds of records"]
                      + [line for kind in kinds for line in (f"What a {kind} holds", section(kind))]
                      + ["© 2019 Health Tech Weekly"])
    article = extract(_page(text), extract_options)
    assert [p for p in article.body if p.startswith("The ")] == [section(kind) for kind in kinds]


_BIO = "Jane Doe is a correspondent for the paper covering Russia and the former Soviet Union. She has reported from Moscow since 2009."


@pytest.mark.parametrize("box, where", [
    ("About the author\n\n" + _BIO, "end"),  # the writer's box under the article
    ("Sign up for our newsletter\n\nGet the day's top stories in your inbox every morning.\n\nEmail address\n\nSign up", "middle"),
])
def test_a_writer_s_box_at_the_end_and_a_sign_up_box_with_its_field_are_not_body(seed_a, extract_options, box, where):
    paragraphs = SEED_A.read_text(encoding="utf-8").split("\n\n")
    at = len(paragraphs) if where == "end" else next(
        i for i, p in enumerate(paragraphs) if p.startswith("The United States has been frustrated"))
    article = extract(_page("\n\n".join(paragraphs[:at] + [box] + paragraphs[at:]), "a"), extract_options)
    assert article.body == seed_a.body


def test_a_paragraph_saying_someone_is_a_reporter_inside_the_article_stays(seed_a, extract_options):
    paragraphs = SEED_A.read_text(encoding="utf-8").split("\n\n")
    at = next(i for i, p in enumerate(paragraphs) if p.startswith("The United States has been frustrated"))
    news = "Mahmoud Doumani is a freelance reporter for several Syrian opposition sites, and he was arrested twice last year."
    article = extract(_page("\n\n".join(paragraphs[:at] + [news] + paragraphs[at:]), "a"), extract_options)
    assert news in article.body and len(article.body) == len(seed_a.body) + 1


def test_a_teaser_box_printed_at_the_top_and_the_foot_stays_furniture(seed_a, extract_options):
    # Each teaser a headline and its standfirst on one line, long enough to read as a paragraph.
    box = "\n\n".join(f"{head} {stand}" for head, stand in _TEASERS)
    text = SEED_A.read_text(encoding="utf-8")
    article = extract(_page(box + "\n\n" + text + "\n\n" + box, "a"), extract_options)
    assert (article.title, article.body) == (seed_a.title, seed_a.body)


def test_a_headline_long_enough_for_prose_over_its_date_is_the_title_not_the_body(extract_options):
    headline = ("‘He died in my hands’: three demonstrators killed in clashes with police and soldiers near "
                "a barricaded fuel plant outside the capital")
    body = [
        "Three people have died during protests against the interim government after violent clashes with the police and the army near a fuel plant.",
        "The public defender's office said another 30 people had been injured in the clashes, and called on the government to withdraw the soldiers.",
        "A doctor on the scene said he had tried to save one of the wounded demonstrators, but failed to do so before an ambulance could reach him.",
    ]
    text = "\n\n".join(["Home", "World News", headline, "20 Nov, 2019 05:47", "Get short URL", headline + " " + body[0],
                       "A cyclist rides past the blocked fuel plant on the outskirts of the capital, November 19, 2019. ©  Reuters / David Mercado",
                       *body, "Ticker       Security         Last  Change Change %"])
    article = extract(_page(text), extract_options)
    assert article.title == headline and article.body[-3:] == body and article.published == "2019-11-20"


def test_a_table_s_header_row_laid_out_with_spaces_is_no_headline():
    from parallax.extract.headline import is_headline_shaped
    from parallax.extract.lines import describe

    assert not is_headline_shaped(describe("Ticker       Security         Last  Change Change %", 0))


def test_without_its_date_the_headline_its_breadcrumb_names_stands_over_the_article(seed_a, extract_options):
    text = SEED_A.read_text(encoding="utf-8").replace("Published on 19/06/2012", "")
    article = extract(_page(text, "a"), extract_options)
    assert (article.title, article.body, article.published) == (seed_a.title, seed_a.body, None)


def test_under_a_headline_the_photo_caption_over_the_lede_is_no_standfirst(seed_b, extract_options):
    # The second seed page opens with its photo's caption; a site printing its headline above it.
    text = "Obama, Putin urge end to Syria violence\n" + SEED_B.read_text(encoding="utf-8")
    article = extract(_page(text, "b"), extract_options)
    assert article.title == "Obama, Putin urge end to Syria violence" and article.body == seed_b.body
    assert [line.label for line in article.lines[:2]] == ["title", "caption"]


def test_the_page_s_title_printed_first_names_the_headline_and_is_not_it(extract_options):
    # Scrapers and Markdown converters print the page's <title> as its first line: it is no rival
    # standing above the headline, and the headline is the line it names, not the standfirst the date stamps.
    headline = "Egypt: Shafiq camp slams Brotherhood for victory claim"
    text = "\n\n".join([
        headline + " | The Daily Planet", headline,
        "The military has, meanwhile, handed itself the lion's share of power over the new president, sharpening the possibility of confrontation.",
        "Updated: Jun 18, 2012, 10:54 AM IST", "Daily Planet Bureau",
        "Cairo: The Muslim Brotherhood says its candidate, Mohammed Morsi, has won Sunday's presidential election run-off.",
        "The camp of his rival, Ahmed Shafiq, said the claim was premature and that the count was still going on in several provinces.",
        "Egyptians had to choose between the Brotherhood's candidate and the last prime minister of the ousted president Hosni Mubarak.",
    ])
    article = extract(_page(text), extract_options)
    assert article.title == headline and article.lines[0].label == "boilerplate"


def test_a_paragraph_printed_again_as_a_pull_quote_stays_in_the_article(seed_a, extract_options):
    paragraphs = SEED_A.read_text(encoding="utf-8").split("\n\n")
    quote = next(p for p in paragraphs if p.startswith("“We are united in the belief"))
    at = next(i for i, p in enumerate(paragraphs) if p.startswith("The one initiative they have agreed on"))
    article = extract(_page("\n\n".join(paragraphs[:at] + [quote] + paragraphs[at:]), "a"), extract_options)
    assert article.body == seed_a.body


@pytest.mark.parametrize("box", [
    "Advertisement\n\nStory continues below advertisement",
    "Sign up for our newsletter\n\nGet the day's top stories in your inbox every morning.\n\nEmail address\n\nSign up",
    "Read more\n\nEgypt braces for result of presidential run-off vote\n\nGreek leaders start talks to form coalition government",
])
def test_a_box_of_furniture_set_into_a_short_article_does_not_cut_its_end_off(extract_options, box):
    paragraphs = [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its supports.",
        "The bridge carries some twelve thousand vehicles a day, and the council said buses and bicycles would still be allowed to cross it for now.",
        "Shop owners on the north bank said the closure would cost them customers, and asked the council to open a temporary crossing before it starts.",
        "The council said repairs would take about two years and cost some forty million euros, most of it paid by the regional government.",
        "A public meeting on the plans will be held at the town hall next Monday evening, the mayor's office said.",
    ]
    text = "\n\n".join(["Home | News | Local", "Council closes harbour bridge to cars after cracks found", "19 June 2012",
                       *paragraphs[:3], box, *paragraphs[3:], "© 2012 Harbour Gazette"])
    article = extract(_page(text), extract_options)
    assert article.body == paragraphs


@pytest.mark.parametrize("stamp", ["Jane Doe | AFP | Updated 2 hours ago", "Listen to article\n\n4 min read"])
def test_a_byline_counting_back_and_a_reading_time_under_the_headline_are_not_body(seed_a, extract_options, stamp):
    text = SEED_A.read_text(encoding="utf-8").replace("Published on 19/06/2012", "Published on 19/06/2012\n\n" + stamp)
    article = extract(_page(text, "a"), extract_options)
    assert (article.title, article.body) == (seed_a.title, seed_a.body)


def test_outlet_from_footer_words_not_file_name(seed_a, seed_b):
    assert seed_a.outlet is None  # the page names no owner
    assert seed_b.outlet and "Today" in seed_b.outlet and seed_b.outlet_from == "page"


def test_outlet_from_the_site_s_furniture_before_its_owner(extract_options):
    text = SEED_B.read_text(encoding="utf-8")
    chrome = "Back to Valley Courier\nValley Courier main menu\n\n"  # printed above the page as a site's header
    article = extract(_page(chrome + text), extract_options)
    assert (article.outlet, article.outlet_from) == ("Valley Courier", "page")  # not the footer's "Arab Today"
    assert "Valley Courier" not in article.body_text


def test_outlet_from_url_wins(extract_options):
    article = extract(_page(SEED_B.read_text(encoding="utf-8"), "b", url="https://www.example-news.co.uk/world/2012/06/19/x"), extract_options)
    assert article.outlet == "example-news.co.uk" and article.outlet_from == "url"


# --- changed pages: the rules must hold with other chrome words -------------------


def test_changed_banner_and_breadcrumb(extract_options):
    text = SEED_A.read_text(encoding="utf-8")
    text = text.replace("Consular assistance in Russia", "Travel insurance deals")
    text = re.sub(r"Russia is currently at war.*EmbassyPages\.", "Planning a trip abroad this summer? Compare the best travel insurance offers from trusted providers today.", text)
    text = text.replace("Home News Obama", "World Middle East Obama")
    text = text.replace("Published on 19/06/2012", "Posted 19.06.2012")
    article = extract(_page(text), extract_options)
    assert article.title == "Obama, Putin call for end to Syria bloodshed"
    assert article.published == "2012-06-19"
    assert article.body[0].startswith("US President Barack Obama")
    assert "insurance" not in article.body_text


def test_changed_footer_and_related_links(extract_options):
    text = SEED_B.read_text(encoding="utf-8")
    text = text.replace("Arabs Today Group SAL", "Daily Planet Media Ltd").replace("Arab Today Media Group", "Daily Planet Media")
    text = re.sub(r"GMT (\d\d:\d\d) 2018", r"UTC \1 2019", text)
    text = text.replace("Send your comments", "Leave a reply").replace("Your comment as a visitor", "Log in to reply")
    article = extract(_page(text), extract_options)
    assert article.body[-1].startswith("“There’s every reason")
    assert "2019" not in article.body_text and "Daily Planet" not in article.body_text
    assert article.outlet == "Daily Planet"


# --- edge cases ---------------------------------------------------------------

PARA = ("The minister said on Tuesday that the talks had made good progress and would continue next week in Geneva, "
        "where delegations from both countries are expected to discuss the remaining questions.")


@pytest.mark.parametrize(
    "lines, kept, dropped",
    [
        # a crosshead between paragraphs stays in the body
        ([PARA, "Talks to resume", PARA.replace("Tuesday", "Wednesday")], ["Talks to resume"], []),
        # share buttons and a copyright footer after the article go
        ([PARA, PARA.replace("minister", "envoy"), "Share on Facebook", "© 2020 Example Media. All rights reserved."], [], ["Share on Facebook", "All rights reserved"]),
        # a page cut mid-sentence keeps its last fragment; a heading after the article's end goes
        ([PARA, PARA.replace("minister", "envoy"), "The envoy added that both sides would meet again in"],
         ["would meet again in"], []),
        ([PARA, PARA.replace("minister", "envoy"), "Upcoming Events"], [], ["Upcoming Events"]),
        # ... a long fragment too, and one below a crosshead; not a link there, nor a comment form
        ([PARA, PARA.replace("minister", "envoy"), "The envoy added that both sides would meet again in Vienna once the experts had finished their"],
         ["once the experts had finished their"], []),
        ([PARA, PARA.replace("minister", "envoy"), "Talks to resume", "The envoy added that both sides would meet again in"],
         ["Talks to resume", "would meet again in"], []),
        ([PARA, PARA.replace("minister", "envoy"), "Talks to resume", "Read it at CNN"], [], ["Read it at CNN"]),
        ([PARA, PARA.replace("minister", "envoy"), "Leave a Reply", "Your email address will not be published. Required fields are marked *"],
         [], ["Leave a Reply", "Required fields"]),
        # a menu line of capitalised words before the article goes
        (["Home World Politics Business Tech Sport Culture Opinion", PARA, PARA.replace("said", "added")], [], ["Home World Politics"]),
        # a link to another article run into a paragraph goes, glued on or not; the text around it stays
        ([PARA + "Also Read - Talks Stall In Vienna As Envoys Leave", PARA.replace("minister", "envoy")],
         [PARA, "The envoy said"], ["Also Read", "Talks Stall"]),
        ([PARA.replace("Geneva,", "Geneva. ALSO READ: Envoys Meet In Oslo AgainThe delegations,")],
         ["in Geneva. The delegations, where"], ["ALSO READ", "Oslo"]),
        ([PARA.replace("said", "also read: the letter, and said")], ["also read: the letter"], []),  # prose, not a link
    ],
)
def test_edge_cases(extract_options, lines, kept, dropped):
    article = extract(_page("\n".join(lines)), extract_options)
    for text in kept:
        assert text in article.body_text
    for text in dropped:
        assert text not in article.body_text


def test_repeated_lines_are_chrome(extract_options):
    text = "\n".join(["Subscribe to our newsletter for daily updates now", PARA, PARA.replace("minister", "chief"), PARA.replace("minister", "aide"), "Subscribe to our newsletter for daily updates now"])
    assert "Subscribe" not in extract(_page(text), extract_options).body_text


@pytest.mark.parametrize(
    "text",
    [
        "Home\nNews\nSport\nWeather\nContact us",  # all chrome, no prose
        "Short teaser line.",  # a stub
    ],
)
def test_page_without_article_is_rejected(extract_options, text):
    with pytest.raises(PageRejected):
        extract(_page(text), extract_options)


@pytest.mark.parametrize("html", [
    "<html><head><title>Only a title</title></head><body></body></html>",
    "<div>" * 20000 + "Hello world " * 300 + "</div>" * 20000,  # nested deeper than lxml parses
])
def test_html_without_body_is_rejected(caplog, html):
    from parallax.extract import ExtractOptions

    page = Page(id="h", source="h", format="html", content=html)
    with pytest.raises(PageRejected):
        extract(page, ExtractOptions(detect_language=False))
    # The rejection is the report's to give, with the file: trafilatura's own log lines
    # ("discarding data: None", "parsed tree length: 1, …") are not repeated.
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]


def test_html_keeps_the_pages_metadata_title_author_site_and_date():
    from parallax.extract import ExtractOptions

    paragraph = "The regional council approved the new flood barrier on Tuesday after a decade of delays and two failed tenders."
    html = (
        "<html><head><title>Council approves flood barrier | Valley Courier</title>"
        '<meta name="author" content="Jane Okafor">'
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta property="og:title" content="Council approves flood barrier">'
        '<meta property="article:published_time" content="2024-03-12T09:30:00Z">'
        "</head><body><nav>Home | News | Sport</nav><article><h1>Council approves flood barrier</h1>"
        + "".join(f"<p>{paragraph} Paragraph {i}.</p>" for i in range(5))
        + "</article><footer>Copyright 2019 Valley Courier</footer></body></html>"
    )
    article = extract(Page(id="h", source="h", format="html", content=html), ExtractOptions(detect_language=False))
    assert article.title == "Council approves flood barrier"
    assert article.byline == "Jane Okafor"
    assert (article.outlet, article.outlet_from) == ("Valley Courier", "page")  # no URL to name it
    assert (article.published, article.published_from) == ("2024-03-12", "page")  # not the footer's 2019
    assert article.body[0].startswith("The regional council") and not any("Home" in p for p in article.body)


def test_html_paragraphs_that_speak_for_the_site_are_not_body():
    from parallax.extract import ExtractOptions

    paragraph = "The regional council approved the new flood barrier on Tuesday after a decade of delays and two failed tenders."
    furniture = ["Read more: Valley floods cost farmers millions", "Subscribe to our newsletter for the valley's news every morning.",
                 "© 2024 Valley Courier. All rights reserved."]
    html = ("<html><body><article><h1>Council approves flood barrier</h1>"
            + "".join(f"<p>{paragraph} Paragraph {i}.</p>" for i in range(3))
            + "".join(f"<p>{line}</p>" for line in furniture)
            + "".join(f"<p>{paragraph} Paragraph {i}.</p>" for i in range(3, 5)) + "</article></body></html>")
    article = extract(Page(id="h", source="h", format="html", content=html), ExtractOptions(detect_language=False))
    assert len(article.body) == 5 and not any("Read more" in p or "Subscribe" in p or "©" in p for p in article.body)


def test_non_english_page_is_kept_and_marked(extract_options):
    text = "\n".join([
        "Le sommet s'achève sans accord",
        "Les deux présidents se sont rencontrés mardi à Genève pour des discussions qui ont duré près de quatre heures, sans annoncer d'accord.",
        "Selon les délégations, les entretiens ont néanmoins permis de rétablir un dialogue régulier entre les deux pays au niveau des ministres.",
    ])
    article = extract(_page(text), extract_options)
    assert article.language == "fr" and article.body


BODY = [
    "The harbour authority closed the northern quay on Tuesday after a crane collapsed onto a moored cargo ship.",
    "Nobody was hurt, the authority said, but inspectors will examine every crane on the quay before it reopens.",
    "Dock workers said the crane had been due for replacement last year and had broken down twice this spring.",
]
HEADLINE = "Crane collapses onto cargo ship at northern quay"


def _inside_article(extract_options, *lines: str):
    """The crane article with ``lines`` set between its first and second paragraphs."""
    return extract(_page("\n".join([HEADLINE, BODY[0], *lines, *BODY[1:]])), extract_options)


def _with_lines_below(extract_options, below: list[str]):
    """The crane article under its headline, with ``below`` after its last paragraph."""
    return extract(_page("\n".join([HEADLINE, *BODY, *below])), extract_options)


def test_a_headline_printed_twice_is_the_title_even_when_it_reads_like_prose(extract_options):
    headline = "Crane Falls On Cargo Ship! Quay Closed! What Happens Next?"
    text = "\n".join(["Harbour News", headline, "March 4, 2025", headline.lower().capitalize(), *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline
    assert article.body[0].startswith("The harbour authority")


def test_the_sites_appeals_for_money_or_ads_are_not_the_title_or_body(extract_options):
    appeal = "Your support helps us to tell the story"
    adblock = "By allowing ads to appear on this site, you support the local businesses who, in turn, support journalism."
    paywall = "Unlike many other outlets, we choose not to lock readers out of our reporting with paywalls."
    text = "\n".join([adblock, HEADLINE, appeal, *BODY, paywall])
    article = extract(_page(text), extract_options)
    assert article.title == HEADLINE
    assert appeal not in article.body_text and adblock not in article.body_text and paywall not in article.body_text


def test_the_site_asking_to_be_followed_or_its_app_downloaded_is_not_body(extract_options):
    below = ["Follow us on Twitter and Facebook for the latest news.", "Download our app for iOS and Android"]
    article = _with_lines_below(extract_options, below)
    assert article.body == BODY


def test_news_of_an_app_or_of_a_follow_stays_body(extract_options):
    lines = ["The company said 40 million people had downloaded the app since March.",
             "Police asked drivers to follow the diversion signs on the coast road."]
    assert extract(_page("\n".join([HEADLINE, *BODY, *lines])), extract_options).body == [*BODY, *lines]


def test_a_newsletter_s_sign_up_is_not_body_but_news_about_one_is(extract_options):
    signup = "Get the day's top stories delivered to your inbox every morning: subscribe to our newsletter."
    article = extract(_page("\n".join([HEADLINE, *BODY, signup])), extract_options)
    assert article.body[-1] == BODY[-1]
    news = "The port authority said it would subscribe to the shipping board's safety newsletter from now on."
    assert extract(_page("\n".join([HEADLINE, *BODY, news])), extract_options).body[-1] == news


def test_a_sites_note_on_its_affiliate_links_is_not_body(extract_options):
    note = "This post may contain affiliate links: if you buy through them, we may earn a small commission."
    article = extract(_page("\n".join([HEADLINE, note, *BODY])), extract_options)
    assert article.body[0] == BODY[0] and "affiliate" not in article.body_text


def test_prose_naming_who_developed_or_powers_something_is_no_copyright_notice(extract_options):
    prose = ("The new cranes, developed by a Dutch engineering firm and powered by electric motors, will be "
             "installed on the northern quay next spring, the authority said.")
    article = extract(_page("\n".join([HEADLINE, *BODY, prose, "Site developed by Harbour Digital", "Powered by WordPress"])),
                      extract_options)
    assert article.body[-1] == prose and "WordPress" not in article.body_text and "Harbour Digital" not in article.body_text


def test_a_promo_label_glued_to_its_link_is_not_body(extract_options):
    promo = "WATCH:Highlights of the rescue at the northern quay"
    update = "UPDATE: The harbour authority said on Friday evening that the quay would reopen on Monday."
    article = _inside_article(extract_options, promo, update)
    assert promo not in article.body_text
    assert update in article.body_text  # a label with its space is the article's own


def test_a_youre_reading_label_is_not_part_of_the_title(extract_options):
    text = "\n".join(["You're reading: " + HEADLINE, *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_captions_that_point_at_the_picture_or_stand_above_a_credit_are_not_body(extract_options):
    pictured = "The harbour master, 58, is pictured at the quay on Tuesday morning after the collapse."
    above_credit = "Inspectors walk along the northern quay beside the fallen crane."
    credited = "Divers search the water beside the ship. Photo: Harbour Press"
    article = _inside_article(extract_options, pictured, above_credit, "(Harbour TV)", credited)
    assert pictured not in article.body_text and above_credit not in article.body_text and credited not in article.body_text
    assert all(p in article.body_text for p in BODY)


def test_a_verbless_line_above_a_caption_is_the_photo_s_title_and_no_body(extract_options):
    title = "The harbour master at the northern quay on Tuesday."
    caption = "The harbour master walks along the northern quay beside the fallen crane on Tuesday."
    article = _inside_article(extract_options, title, caption, "(Harbour TV)")
    assert title not in article.body_text and caption not in article.body_text
    assert all(p in article.body_text for p in BODY)
    said = "The harbour master said the quay would stay closed until the end of the month."  # a verb: prose
    article = _inside_article(extract_options, said, caption, "(Harbour TV)")
    assert said in article.body_text


def test_news_about_ad_blockers_memberships_or_appeals_stays_in_the_body(extract_options):
    reported = [
        "Ad blocker use rose by a tenth last year, according to an industry survey published on Monday.",
        "Finland applied to become a member of the alliance on Wednesday, officials in Helsinki said.",
        "“Your donation helps families rebuild,” the charity said in a statement on Tuesday evening.",
        "The newspaper put its website behind a paywall in 2019 and has since doubled its subscribers.",
    ]
    article = _inside_article(extract_options, *reported)
    assert all(line in article.body_text for line in reported)


def test_party_labels_and_past_pictures_are_not_captions(extract_options):
    reported = [
        "Sen. Ted Cruz (R) said on Tuesday that the harbour bill would not pass the chamber this year.",
        "The crane operator was pictured on CCTV leaving the quay shortly before the collapse, police said.",
    ]
    article = _inside_article(extract_options, *reported)
    assert all(line in article.body_text for line in reported)


def test_a_list_the_article_ends_with_stays_whole(extract_options):
    # Award names are not photo credits ("Best Picture:"), the lead-in is body, and
    # the list runs to its last item, past the last line long enough to be prose.
    lead = "The list of winners for the awards presented on Sunday evening by the national academy of film:"
    winners = ["Best Picture: “The Harbour.”", "Actor: Sam Lowe, “North Quay.”", "Actress: Ana Ruiz, “The Long Tide.”",
               "Director: Lena Berg, “The Harbour,” a film shot entirely at night.", "Original Song: “Low Water.”",
               "Documentary: “Cranes.”"]
    article = extract(_page("\n".join(["Harbour film wins top award", *BODY, lead, *winners])), extract_options)
    assert lead in article.body_text
    assert all(w in article.body_text for w in winners)


def test_a_list_under_a_lead_in_joins_the_paragraphs_around_it(extract_options):
    # Items parted by a hyphen, as a text browser prints a bulleted list ("* … - …").
    lead = "Four laws already govern how the port keeps its records, each for a part of the work:"
    items = ["* Section 12 of the Harbour Act - the cargo log", "* Section 14 of the Harbour Act - the crane log",
             "* Section 3 of the Safety Code - the incident book", "* Section 9 of the Safety Code - the pilot's log"]
    article = extract(_page("\n".join([HEADLINE, *BODY, lead, *items, *MORE_BODY])), extract_options)
    assert article.body[-1] == MORE_BODY[-1] and all(item[2:] in article.body_text for item in items)


def test_a_numbered_list_the_article_ends_with_stays_whole_a_numbered_box_below_it_does_not(extract_options):
    # A shopping list's items name products, not sentences, with a link under each; a
    # numbered "most read" box under an article has no lead-in and starts no list.
    lead = "Here are the deals on harbour models worth a look before the weekend sale ends:"
    items = ["1) Lego Harbour Crane 75188 Container Edition", "2) Polistil 960574 Quay Railway Set",
             "3) Ravensburger Harbour Puzzle (1000 Pieces) – Night Edition", "4) MODEL SHIP KIT TUGBOAT WITH LIGHTS AND SOUND USB"]
    links = ["http://amzn.to/2iJFhRj", "http://amzn.to/2hZfWFJ", "http://amzn.to/2hWw372", "http://amzn.to/2hWEIX7"]
    listed = extract(_page("\n".join(["Harbour film wins top award", *BODY, lead,
                                      *(line for pair in zip(items, links) for line in pair), "Share this article"])),
                     extract_options)
    assert all(item in listed.body for item in items)
    assert not any("amzn.to" in p for p in listed.body) and "Share this article" not in listed.body_text
    boxed = _with_lines_below(extract_options, ["Most read", "1. Ferry strike ends after talks", "2. Harbour reopens after repairs",
                                                "3. Tide tables for the week"])
    assert "Ferry strike" not in boxed.body_text


def test_a_date_printed_under_the_article_is_its_date_a_related_links_date_is_not(extract_options):
    under = _with_lines_below(extract_options, ["March 4, 2025", "Harbours"])
    assert under.published == "2025-03-04" and under.published_from == "page"
    related = _with_lines_below(extract_options, ["Related stories", "Harbour reopens after repairs to the southern quay", "March 1, 2025"])
    assert related.published is None
    dated_list = _with_lines_below(
        extract_options, ["March 4, 2025", "Harbour reopens after repairs March 1, 2025", "Ferry strike ends February 27, 2025"],
    )
    assert dated_list.published is None


CRANE_URL = "https://harbour-news.example/2025/03/04/crane-collapses-onto-cargo-ship-at-northern-quay/"
COMMENTS = [
    "Share this article",
    "Facebook",
    "Twitter",
    "Comments (3)",
    "Sign in to comment",
    "dockwatcher",
    "I have walked past that quay every morning for twenty years and the cranes have always looked as if they would not survive another winter, so nobody here is surprised.",
    "portcity_resident",
    "The authority keeps promising new equipment at every council meeting and every year the money goes somewhere else, which is exactly how accidents like this one end up happening.",
    "old_stevedore",
    "When I worked the northern quay we inspected every crane each month and wrote up every fault, and I would like to know when the last real inspection of this one took place.",
]


def test_the_article_is_under_the_headline_its_url_spells_not_the_longer_thread_below(extract_options):
    unheaded = [line for line in COMMENTS if line != "Comments (3)"]
    text = "\n".join(["Harbour News", HEADLINE, *BODY, *unheaded])
    # Without the URL, and with no line opening the thread, the thread, the longest prose, is
    # taken for the article (its headline above pulls the article's own paragraphs in too).
    assert "I have walked past" in extract(_page(text), extract_options).body_text
    article = extract(_page(text, url=CRANE_URL), extract_options)
    assert article.title == HEADLINE
    assert article.body[0] == BODY[0] and "dockwatcher" not in article.body_text and "twenty years" not in article.body_text


def test_without_a_url_the_article_is_above_the_line_that_opens_the_comment_thread(extract_options):
    text = "\n".join(["Harbour News", HEADLINE, *BODY, *COMMENTS])
    article = extract(_page(text), extract_options)
    assert article.title == HEADLINE and article.body[0] == BODY[0]
    assert "twenty years" not in article.body_text and "dockwatcher" not in article.body_text


def test_a_sites_request_to_accept_its_cookies_is_not_body(extract_options):
    cookies = "We use cookies to give you the best experience on our website; by continuing you accept our use of cookies."
    article = extract(_page("\n".join([HEADLINE, *BODY, cookies])), extract_options)
    assert article.body[-1] == BODY[-1] and "cookies" not in article.body_text
    reported = "Regulators fined the port's website for its use of cookies without asking visitors first, the authority said."
    assert extract(_page("\n".join([HEADLINE, *BODY, reported])), extract_options).body[-1] == reported


def test_a_headline_with_a_furniture_word_is_the_title_when_the_url_spells_it(extract_options):
    # "shares" and "Home" are share-bar and menu words; here they are the news.
    headline = "Home Depot sales miss, shares plunge"
    url = "https://markets.example/2019/11/19/home-depot-sales-miss-shares-plunge"
    text = "\n".join(["Markets", "Share", headline, "By Ana Ruiz", *BODY])
    assert extract(_page(text, url=url), extract_options).title == headline


@pytest.mark.parametrize("headline", ["Home Depot sales miss, shares plunge", "Facebook fined over privacy breach"])
@pytest.mark.parametrize("stamps", [["By Ana Ruiz"], ["The company's results came out on Tuesday morning.", "Facebook", "Twitter", "Email", "Print", "By Ana Ruiz"]])
def test_without_a_url_a_headline_with_a_furniture_word_is_the_title_when_stamped(extract_options, headline, stamps):
    # Signed right under it, or past its standfirst and a share bar; a menu's "Share" or "Privacy Policy" is not.
    text = "\n".join(["Markets", "Share", "Privacy Policy", headline, *stamps, *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_without_a_url_a_short_line_mostly_of_furniture_words_over_a_byline_is_no_title(extract_options):
    text = "\n".join(["Share this on Facebook", "By Ana Ruiz", HEADLINE, *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_menu_printed_twice_gives_no_headline_printed_twice(extract_options):
    # The menu for phones and the menu for screens: "Work with us" is printed twice, each time under
    # "Our team", as a headline printed twice (the page's title and the article's heading) is not.
    menu = ["Who we are", "Our team", "Work with us", "Press Center"]
    headline = "Introducing Ana Ruiz, our new harbour master"
    text = "\n".join(["Harbour News", *menu, "Harbour software for ports, their crews and their customers, in one place.",
                      "Solutions", *menu, "twitter linkedin facebook", headline, "Browse All Posts", *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_a_tag_line_sharing_the_url_words_does_not_pull_the_article(extract_options):
    # "Crane Cargo Ship Northern Quay" is a tag line: only a teaser stands under it.
    text = "\n".join([HEADLINE, *BODY, "Share this article", "Tags", "Crane Cargo Ship Northern Quay",
                      "More stories", "Ferry timetable changes for the summer season announced."])
    article = extract(_page(text, url=CRANE_URL), extract_options)
    assert article.body[0] == BODY[0] and "Ferry timetable" not in article.body_text


def test_slug_words_read_the_headline_part_of_a_url():
    from parallax.extract.slugs import slug_words, spells_slug

    slug = slug_words(CRANE_URL)
    assert {"crane", "collapses", "cargo", "ship", "northern", "quay"} <= slug and "2025" not in slug
    assert slug_words("https://example.com/news/article.php?id=12345") == frozenset()
    assert slug_words("https://example.com/story/924080/crane-falls.html") == frozenset()  # two words: no headline
    assert spells_slug("Crane collapses onto cargo ship at northern quay", slug)
    assert not spells_slug("Harbour authority closes the northern quay for the day after the storm", slug)


def test_a_bulleted_link_box_between_headline_and_body_is_not_body(extract_options):
    text = "\n".join([HEADLINE, BODY[0], "• Ferry timetable changes", "• Quay workers vote to strike", *BODY[1:]])
    article = extract(_page(text), extract_options)
    assert "Ferry timetable" not in article.body_text and "Quay workers" not in article.body_text
    assert article.body[-1] == BODY[-1]


MORE_BODY = [
    "Inspectors from the national safety board arrived on Wednesday morning and spent the day on the quay, photographing the base of the crane and taking samples of the steel.",
    "The shipping line said the cargo ship had suffered damage to two holds and would stay in port for at least a week while its containers were moved to another vessel.",
    "The authority said it would publish the inspectors' first findings within a month and that the quay would not reopen before every crane on it had been checked.",
    "Traders at the fish market beside the quay said they had lost two days of business and asked the authority to open a temporary landing stage further along the harbour.",
]
TRENDING = ["Trending News", "Ferry timetable changes for summer", "Quay workers vote to strike",
            "New bridge opens to traffic", "Harbour festival returns in June"]


def test_a_box_of_links_set_into_the_article_does_not_cut_it(extract_options):
    text = "\n".join([HEADLINE, *BODY, MORE_BODY[0], *TRENDING, *MORE_BODY[1:], "© 2025 Harbour News"])
    article = extract(_page(text), extract_options)
    assert article.body[0] == BODY[0] and article.body[-1] == MORE_BODY[-1]
    assert "Trending" not in article.body_text and "Ferry timetable" not in article.body_text


def test_a_long_box_of_its_section_s_headlines_set_into_the_article_does_not_cut_it(extract_options):
    # Seven lines of a box closed by its link to the section: longer than a box of furniture may be,
    # and the article's first part (its first three paragraphs) is shorter than the rest.
    box = ["Harbour Crane Collapse More", "Live updates: inspectors reach the northern quay",
           "Ferry timetable changes for the summer season", "Quay workers vote to strike over safety",
           "What we know about the crane that fell", "Shipping line counts the cost of the collapse",
           "More in Harbour Crane Collapse"]
    text = "\n".join(["Harbour News", HEADLINE, "By Jane Doe", "March 4, 2025", *BODY, *box,
                      "Here is what the inspectors found:", *MORE_BODY, "© 2025 Harbour News"])
    article = extract(_page(text), extract_options)
    assert article.title == HEADLINE
    assert article.body[0] == BODY[0] and article.body[-1] == MORE_BODY[-1]
    assert not any(line in article.body_text for line in box)


def test_the_same_photo_text_printed_under_every_photo_parts_no_paragraphs(extract_options):
    # A text browser prints each image's alt text; a blog gives all its photos the same one.
    photo = ["Crane collapse at the northern quay, harbour news photo", "#harbour #cranes"]
    paragraphs = [*BODY, *MORE_BODY]
    lines = [HEADLINE, "By Jane Doe", paragraphs[0]]
    for paragraph in paragraphs[1:]:
        lines += [*photo, paragraph]
    article = extract(_page("\n".join([*lines, "© 2025 Harbour News"])), extract_options)
    assert article.body == paragraphs


PLAYER = ["Now Playing", "Divers search the harbour after the collapse", "2:31", "Up Next",
          "What we know about the quay's cranes", "1:45"]


@pytest.mark.parametrize("where", ["under the headline", "inside"])
def test_a_video_player_s_list_of_titles_and_lengths_is_not_body_and_cuts_nothing(extract_options, where):
    paragraphs = [*BODY, *MORE_BODY[:1]]
    if where == "under the headline":
        lines = [HEADLINE, "By Jane Doe", *PLAYER, *paragraphs]
    else:
        lines = [HEADLINE, "By Jane Doe", *paragraphs[:2], *PLAYER, *paragraphs[2:]]
    article = extract(_page("\n".join(lines)), extract_options)
    assert article.title == HEADLINE and article.body == paragraphs


def test_a_video_page_s_headline_over_its_player_s_clock_stays_the_title(extract_options):
    lines = ["WATCH: Divers search the harbour after the crane collapse", "0:00", "2:31", "By Jane Doe", *BODY]
    assert extract(_page("\n".join(lines)), extract_options).title == "WATCH: Divers search the harbour after the crane collapse"


@pytest.mark.parametrize("label", ["Sponsored Stories", "Promoted Content", "Around the Web", "Recommended by Outbrain"])
def test_an_ad_network_s_box_of_paid_links_set_into_the_article_cuts_nothing(extract_options, label):
    box = [label, "Doctors stunned by this simple trick to lose belly fat",
           "The 20 most beautiful beaches you have never heard of", "This new gadget is taking the country by storm"]
    # The article goes on under the box for fewer words than a box of headlines is let through for.
    text = "\n".join([HEADLINE, *BODY, *MORE_BODY[2:], *box, *MORE_BODY[:2], "© 2025 Harbour News"])
    assert extract(_page(text), extract_options).body == [*BODY, *MORE_BODY[2:], *MORE_BODY[:2]]


def test_a_standfirst_without_a_full_stop_under_the_headline_is_not_the_title(extract_options):
    dek = "Inspectors will examine every crane on the quay before it reopens, and the shipping line counts the cost"
    text = "\n".join(["Harbour News", HEADLINE, dek, *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_standfirst_under_a_headline_printed_twice_is_not_the_title(extract_options):
    # One text node a line: the headline's link and its heading both print it; the byline signs the standfirst.
    dek = "Inspectors will examine every crane on the quay before it reopens, and the shipping line counts the cost"
    text = "\n".join(["Menu", "Up next:", HEADLINE, HEADLINE, dek, "by", "Jane Doe", "Nov 18, 2019", *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_standfirst_under_a_label_under_the_headline_is_not_the_title(extract_options):
    dek = "The quay's closure has only fuelled the dispute. It is up to the authority to settle it, as others should tell it"
    text = "\n".join(["Opinion", "Harbour", HEADLINE, "Editorial", dek, "Mon 18 Nov 2019", "18.54 GMT",
                      "Share on Facebook", "Share on Twitter", *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_linked_name_s_card_is_cut_out_of_its_paragraph(extract_options):
    # The card pops up over the name: the name again, glued, its latest headlines, and its link "MORE".
    card = ("Jane RoeJane RoeHarbour board votes on new cranes | Port strike talks resume Roe asks council "
            "for inquiry into the collapse MORE")
    paragraph = "The harbour authority closed the northern quay on Tuesday, its chair, Jane Roe (Ind.), said after a crane collapsed."
    text = "\n".join([HEADLINE, paragraph.replace("Jane Roe (Ind.)", card + " (Ind.)"), *BODY[1:]])
    assert extract(_page(text), extract_options).body == [paragraph, *BODY[1:]]


def test_a_search_form_s_options_each_printed_twice_are_no_headline(extract_options):
    # One text node a line: each option's label and its value; the first option has other lines above it,
    # and a teaser's question under the form reads as its paragraph.
    options = ["Exact matches only", "Search in title", "Search in content", "Search in pages"]
    headline = "Port authority faces questions over ageing equipment"
    text = "\n".join(["Careers", "Generic selectors", *[o for o in options for _ in range(2)], "City Talk",
                      "Is there still a pulse in the market for new listings?", headline, "Jane Doe", "Jane Doe",
                      "Wednesday 20 November 2019 9:22 am", "Share", *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_a_long_headline_under_a_box_of_headlines_is_no_standfirst(extract_options):
    long_headline = "Crane collapses onto cargo ship at northern quay as inspectors warn every other crane may be unsafe"
    trending = ["Trending", "Ferry timetable changes for the winter months", "Harbour master resigns over safety report",
                "Port strike enters its second week as talks stall"]
    text = "\n".join([*trending, "", long_headline, *BODY])
    assert extract(_page(text), extract_options).title == long_headline


def test_a_long_headline_under_a_kicker_is_no_standfirst(extract_options):
    long_headline = "Crane collapses onto cargo ship at northern quay as inspectors warn every other crane may be unsafe"
    text = "\n".join(["Harbour Crane Collapse Live Updates", long_headline, *BODY])
    assert extract(_page(text), extract_options).title == long_headline


def test_a_headline_printed_only_as_the_page_s_title_loses_the_site_s_name(extract_options):
    text = "\n".join([HEADLINE + " | Harbour News", "By Jane Doe", *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_title_s_own_words_after_a_bar_stay():
    assert clean_title("Milan Design Week 2018 | Michael Anastassiades’ light installation for FLOS") == (
        "Milan Design Week 2018 | Michael Anastassiades’ light installation for FLOS")
    assert clean_title("Opinion | Is Football Violence a Crime?") == "Opinion | Is Football Violence a Crime?"
    assert clean_title("Best tech gadgets of 2019 | ZDNet") == "Best tech gadgets of 2019"


def test_a_date_printed_over_the_headline_leaves_it_the_page_s_first_line(extract_options):
    # Some sites print the date over the headline; the line under it (a teaser, a caption's title) is no headline.
    lines = ["March 4, 2025", HEADLINE, "Share", "Divers search the water beside the ship after the crane fell", *BODY]
    assert extract(_page("\n".join(lines)), extract_options).title == HEADLINE


def test_a_present_tense_sentence_over_a_credit_alone_is_the_photo_s_caption(extract_options):
    caption = "Divers search the water beside the cargo ship after the crane's collapse on Tuesday."
    article = _inside_article(extract_options, caption, "Photo: Getty Images")
    assert article.body == BODY


def test_a_paragraph_over_a_screen_reader_s_photo_label_stays_body(extract_options):
    # "Image copyright …" opens the photo under it; the line above is the article's.
    said = "The authority has consistently denied being careless with the cranes."
    article = _inside_article(extract_options, said, "Image copyright Getty Images",
                              "Image caption Divers search the water beside the cargo ship")
    assert said in article.body and not any("Divers" in p for p in article.body)


VIDEO_RAIL = [
    "© 2025 Harbour News. All rights reserved.", "Watch", "Latest video", "Harbour festival returns",
    "The festival brings boats, bands and food stalls to every quay of the old harbour for three days, and this year the organisers expect more visitors than ever before after two quiet years.",
    "2H ago 03:12", "Ferry crews rehearse rescue",
    "Crews from all three ferry lines spent the morning practising how to bring passengers ashore from a stranded ship, with lifeboats, ladders and a helicopter from the coast guard joining in.",
    "5H ago 02:47", "Fish market opens at dawn",
    "Traders have moved the opening of the market to five in the morning so that restaurants can buy before the trawlers leave again, a change most of them say they have wanted for years.",
    "7H ago 04:05", "Lighthouse keeper retires",
    "After forty years of climbing the hundred and twelve steps every evening, the last keeper of the harbour lighthouse hands over to an automatic lamp and a remote camera next week.",
    "9H ago 01:58",
]


def test_without_a_url_the_article_a_box_cuts_in_two_outweighs_a_longer_rail_of_teasers(extract_options):
    # Each half of the article is shorter than the rail of video teasers below it; together they are longer.
    text = "\n".join([HEADLINE, *BODY, *TRENDING, *MORE_BODY, *VIDEO_RAIL])
    article = extract(_page(text), extract_options)
    assert article.body[0] == BODY[0] and article.body[-1] == MORE_BODY[-1]
    assert "festival" not in article.body_text and "Trending" not in article.body_text


def test_a_post_embedded_in_the_article_does_not_end_it_and_its_date_is_not_the_article_s(extract_options):
    tweet = ["Crane down.", "Quay shut. https://t.co/AbC123xyz", "— Harbour Watch (@harbourwatch) March 2, 2025"]
    text = "\n".join([HEADLINE, *BODY, *tweet, *MORE_BODY, "© 2025 Harbour News"])
    article = extract(_page(text), extract_options)
    assert article.body[0] == BODY[0] and article.body[-1] == MORE_BODY[-1]
    assert "— Harbour Watch (@harbourwatch) March 2, 2025" in article.body  # the post is quoted, with its author
    at_end = extract(_page("\n".join([HEADLINE, *BODY, *tweet, "Related stories", "Ferry strike ends"])), extract_options)
    assert at_end.body[-1] == tweet[-1] and at_end.published is None


def test_labelled_links_to_other_articles_are_not_body_and_do_not_cut_it(extract_options):
    links = ["Read more: Ferry timetable changes for the summer season", "[Related: Quay workers vote to strike over pay]",
             "Share All sharing options for: " + HEADLINE]
    gallery = ["Image 1 of 12", "Back to Gallery"]
    text = "\n".join([HEADLINE, *gallery, *BODY, *links, *MORE_BODY, "© 2025 Harbour News"])
    article = extract(_page(text), extract_options)
    assert article.body[0] == BODY[0] and article.body[-1] == MORE_BODY[-1]
    assert "Ferry timetable" not in article.body_text and "Quay workers" not in article.body_text
    assert "Image 1 of" not in article.body_text and "Gallery" not in article.body_text


def test_a_newsletter_box_below_a_box_after_the_article_stays_out(extract_options):
    # Short lines, then a few short sentences: not the article going on under a box.
    below = [*TRENDING, "Get the harbour's news, the shipping times and the weather in your inbox every morning.",
             "No spam, we promise: you can unsubscribe at any time and we will never share your address with anyone.",
             "Harbour News is part of Coastal Media Group, an independent publisher of local news across the region."]
    article = _with_lines_below(extract_options, below)
    assert article.body[-1] == BODY[-1]


def test_photos_set_into_the_article_break_nothing_and_their_labels_make_them_captions(extract_options):
    photos = ["Image copyright Getty Images", "Image caption The crane lies across the ship's deck",
              "Image copyright Reuters", "Image caption Inspectors on the northern quay on Wednesday"]
    article = extract(_page("\n".join([HEADLINE, *MORE_BODY, *photos, *BODY])), extract_options)
    assert article.body[0] == MORE_BODY[0] and article.body[-1] == BODY[-1]
    assert "Image caption" not in article.body_text and "Getty" not in article.body_text
    assert [line.label for line in article.lines if line.text.startswith("Image caption")] == ["caption", "caption"]


def test_a_credit_label_and_a_photographer_s_credit_are_captions(extract_options):
    photo = ["The crane on the deck of the cargo ship.", "Credit...", "Ana Ruiz/Harbour News"]
    article = extract(_page("\n".join([HEADLINE, *BODY, *photo, *MORE_BODY])), extract_options)
    assert article.body[-1] == MORE_BODY[-1] and "Credit" not in article.body_text and "Ana Ruiz/" not in article.body_text


@pytest.mark.parametrize("photos", [
    ["Image copyright @harbourwatch @harbourwatch", "Report", "Image copyright @portauthority @portauthority",
     "Report", "Image copyright @dockers @dockers", "Report"],
    # One text node a line: the credit's link on a line of its own between the credit and its button.
    ["Image Copyright @harbourwatch", "@harbourwatch", "Report", "Image Copyright @portauthority", "@portauthority", "Report"],
])
def test_buttons_between_photo_credits_do_not_cut_the_article(extract_options, photos):
    article = extract(_page("\n".join([HEADLINE, *BODY, *photos, *MORE_BODY, "© 2025 Harbour News"])), extract_options)
    assert article.body[0] == BODY[0] and article.body[-1] == MORE_BODY[-1] and "Report" not in article.body


def test_the_article_start_above_an_advert_joins_as_its_end_below_would(extract_options):
    text = "\n".join(["Harbour News", "Home", "Ports", *MORE_BODY[:2], "Advertisement",
                      "Watch the crane fall", *MORE_BODY[2:], *BODY])
    article = extract(_page(text), extract_options)
    assert article.body[0] == MORE_BODY[0] and article.body[-1] == BODY[-1]


def test_a_verbless_headline_of_names_is_the_title_when_the_url_spells_it(extract_options):
    # Read alone, a string of names above the body is a photo caption; the URL says it is the headline.
    headline = "Obama And Putin In Los Cabos"
    text = "\n".join(["World News", headline, *BODY])
    assert extract(_page(text), extract_options).title != headline
    url = "https://news.example/2012/06/19/obama-and-putin-in-los-cabos"
    assert extract(_page(text, url=url), extract_options).title == headline


SHARE_BAR = ["Share this story", "Share on Facebook", "Share on Twitter", "Share All sharing options", "Reddit",
             "Pocket", "Flipboard", "Email", "Print", "Comments"]


def test_the_headline_is_found_above_a_long_share_bar_a_byline_and_labels(extract_options):
    # Page furniture between headline and body is not a rival headline, however many lines it takes.
    text = "\n".join(["Harbour News", "Ports", HEADLINE, "By Ana Ruiz", "Updated March 4, 2025, 10:28am",
                      *SHARE_BAR, "KEY POINTS", "5 Min Read", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == HEADLINE and article.published == "2025-03-04"


def test_a_headline_in_title_case_is_no_menu(extract_options):
    headline = "The Early Reviews For The New Harbour Cranes Are In — And They Are Not What The Port Hoped For"
    text = "\n".join(["Home News Ports Ships Weather Sport Business Opinion Video Photos Podcasts Jobs Events Shop Login",
                      headline, "By Ana Ruiz", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline and "Podcasts" not in article.body_text


def test_a_menu_printed_twice_item_by_item_gives_no_headline(extract_options):
    # A search box's options, each printed twice (for phones and for screens): not a headline printed twice.
    menu = ["Exact matches only", "Exact matches only", "Search in title", "Search in title", "Search in content",
            "Search in content", "Search in excerpt", "Search in posts", "Search in posts", "Search in pages", "Search in pages"]
    text = "\n".join(["Harbour News", *menu, "Port Talk", "Are the harbour's cranes too old to be safe?", "March 4, 2025",
                      HEADLINE, "Ana Ruiz", "Share", *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_line_naming_the_author_in_passing_makes_no_breadcrumb_of_his_name(extract_options):
    # "Recent from Ana Ruiz Blanco" ends with the author's name, as a breadcrumb ends with a headline.
    headline = "Chaos at the harbour as an old crane gives way"
    text = "\n".join(["Harbour News", "Recent from Ana Ruiz Blanco", "Ferry timetable changes for summer", "Ports",
                      headline, "Ana Ruiz Blanco", "Tuesday 5:30PM", *BODY])
    assert extract(_page(text), extract_options).title == headline
    crumbs = "\n".join(["Harbour News", "Home News Ports " + headline, "Ports", headline, *BODY])
    assert extract(_page(crumbs), extract_options).title == headline


def test_a_title_case_headline_ending_with_a_quote_is_no_paragraph(extract_options):
    # Its closing mark reads as a sentence's end, and it stands at the top of the article's block.
    headline = "Harbour Chief On The Crane Collapse: ‘We Were Warned Years Ago’"
    text = "\n".join(["Harbour News", "Ports", "Ships", headline, *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline and article.body[0] == BODY[0]


def test_the_headline_opening_the_article_s_block_is_the_title_when_the_url_spells_it(extract_options):
    headline = "BREAKING: Crane collapses onto cargo ship at northern quay, harbour authority closes it for the week"
    text = "\n".join(["Harbour News", "Tweet", headline, *BODY])
    article = extract(_page(text, url=CRANE_URL), extract_options)
    assert article.title == headline and article.body[0] == BODY[0]


def test_labels_and_a_byline_printed_twice_are_not_the_title(extract_options):
    text = "\n".join(["Harbour News", "Associated Press March 4, 2025, 9:02 AM", "Associated Press March 4, 2025, 9:02 AM",
                      "Get short URL", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title is None and article.published == "2025-03-04"


def test_a_share_label_ending_with_the_headline_is_not_the_title(extract_options):
    text = "\n".join([HEADLINE, "By Ana Ruiz", "Share All sharing options for: " + HEADLINE, "Reddit", "Email", *BODY])
    assert extract(_page(text, url=CRANE_URL), extract_options).title == HEADLINE


def test_the_date_is_the_article_s_not_the_masthead_s_nor_the_last_update(extract_options):
    text = "\n".join(["Wed, Nov 20, 2019", "Harbour News", "Ports", HEADLINE, "Updated: Sat 8:31 PM, Nov 16, 2019",
                      "Posted: Fri 6:45 PM, Nov 15, 2019", *BODY])
    assert extract(_page(text), extract_options).published == "2019-11-15"


def test_a_share_bar_glued_to_its_byline_is_not_the_title(extract_options):
    # The bar's buttons and the byline printed as one long line: the call at its head marks it.
    text = "\n".join(["Harbour News", "Ports", "Breaking News", "Ferry timetable changes for summer, the operator says", HEADLINE,
                      "March 4", "10:28", "2025", "Print This Article Share it With Friends by Harbour News Weekly",
                      "0 Comments", *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_table_s_header_row_is_not_the_title(extract_options):
    # A browser prints a table's cells apart by tabs; no headline has a tab in it.
    text = "\n".join(["Harbour News", "Ports", "Which cranes moved the most: Week 11", "Pos\tCrane\tLifts\t%\tTons",
                      "1\tNorth 2\t312\t41\t9,800", *BODY])
    assert extract(_page(text), extract_options).title == "Which cranes moved the most: Week 11"


def test_a_you_are_here_breadcrumb_is_not_the_title(extract_options):
    text = "\n".join(["Harbour News", "you are here: HomeNewsPorts", *BODY])
    assert extract(_page(text), extract_options).title is None


def test_the_date_beside_a_headline_printed_twice_is_no_menu_item(extract_options):
    # The headline's second copy reads as chrome; the date line between it and a menu is the article's all the same.
    text = "\n".join(["Harbour News", "Ports", "Ships", "Weather", "you are here: HomeNewsPorts",
                      "Last Updated : Mar 4, 2025 01:41 PM IST | Source: Harbour News", HEADLINE, *BODY, "More news", HEADLINE])
    url = "https://harbour-news.example/ports/crane-collapses-onto-cargo-ship-at-northern-quay"  # no date in it
    article = extract(_page(text, url=url), extract_options)
    assert article.title == HEADLINE and article.published == "2025-03-04"
    assert [line.label for line in article.lines if line.text.startswith("Last Updated")] == ["meta"]


def test_the_headline_is_the_line_its_date_stands_under_not_a_line_between_date_and_body(extract_options):
    headline = "Harbour and Port Police: Old Cranes Blocking the Northern Quay"
    text = "\n".join(["Harbour News", "Breaking News", "Ports", headline, "March 4, 2025", "Share",
                      "The harbour authority and the port police", *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_a_standfirst_above_the_byline_is_not_the_headline_above_it(extract_options):
    # The byline stands under the standfirst, but a headline stands right above that.
    text = "\n".join(["Harbour News", "Ports", HEADLINE, "New, 15 comments", "A look back at a troubled season for the port",
                      "By Ana Ruiz Mar 4, 2025, 7:53pm EST", "Share this story", *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_a_box_of_appeals_is_not_body_and_an_appeal_run_into_the_article_leaves_its_text(extract_options):
    # The box's middle line names no request, but speaks to the reader between two that do.
    middle = ("From port safety to climate change, Harbour News is on the quay when the story is developing, and "
              "whether it is investigating the shipping lines or the harbour board, we know how important it is to "
              "sort out the facts from the messaging.")
    box = ["Your support helps us to tell the story", middle,
           "At such a critical moment, we need reporters on the ground. Your donation allows us to keep sending them."]
    run_on = "Your support makes all the difference." + BODY[1]  # no space: the box's last line and the article's
    text = "\n".join([HEADLINE, BODY[0], *box, run_on, BODY[2]])
    article = extract(_page(text), extract_options)
    assert article.body == [BODY[0], run_on, BODY[2]]


def test_a_date_in_figures_alone_is_a_meta_line_not_a_counter(extract_options):
    # No letters at all, as share counts and separators have; but a date.
    text = "\n".join(["Harbour News", "Ports", HEADLINE, "3/4/2025", "Updated:", "3/4/2025", "12", *BODY])
    article = extract(_page(text), extract_options)
    assert [line.label for line in article.lines if line.text == "3/4/2025"] == ["meta", "meta"]
    assert article.published == "2025-03-04"
    assert [line.label for line in article.lines if line.text == "12"] == ["boilerplate"]


def test_an_agency_s_name_alone_signs_the_story(extract_options):
    text = "\n".join(["Harbour News", HEADLINE, "AFP", "CAIRO", *BODY])
    article = extract(_page(text), extract_options)
    assert [line.label for line in article.lines if line.text == "AFP"] == ["meta"]
    assert article.body == BODY


def test_a_caption_ending_with_its_credit_in_square_brackets_is_no_body(extract_options):
    caption = "Dock workers watch the crane being lifted off the ship at the northern quay, March 4, 2025. [Photo/Xinhua]"
    article = extract(_page("\n".join([HEADLINE, caption, *BODY])), extract_options)
    assert article.body == BODY and [line.label for line in article.lines if line.text == caption] == ["caption"]


def test_a_headline_flagged_breaking_is_no_dateline(extract_options):
    # "CAIRO: …" opens a lede; "BREAKING: …" flags a headline, and names no place.
    headline = "BREAKING: Crane collapses onto cargo ship at northern quay, harbour closed"
    text = "\n".join(["Harbour News", "Ports", "Ships", "March 4, 2025 at 4:02 pm", "Tweet", headline, *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline and article.body == BODY


def test_a_question_headline_is_no_paragraph(extract_options):
    headline = "Old cranes on a busy quay; is it time to replace them all?"
    text = "\n".join(["Harbour News", "Ports", "Ships", "Last Updated : Mar 4, 2025 01:41 PM", headline, *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_a_title_case_headline_of_names_is_the_title_when_its_date_stands_under_it(extract_options):
    # Verbless to the tagger and full of names, as a photo caption is; but signed as a headline is.
    headline = "Harbour Board Names Port Veteran Ana Ruiz Chief Safety Officer"
    text = "\n".join(["Harbour News", "About", "Blog", "Contact Us", "Menu", headline, "March 4, 2025", *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_a_line_printed_at_the_top_and_the_foot_of_the_page_is_not_the_title(extract_options):
    # The site's slogan heads the page and closes it: its first real line, but no headline. The
    # verbless headline has too little support to be taken instead: better none than the slogan.
    slogan = "Independent news, funded by our readers"
    headline = "The Harbour view on cranes: a port on the brink"
    text = "\n".join(["Skip to main content", slogan, "Contribute", "Subscribe", "News", "Opinion", "Sport", headline,
                      "Editorial", *BODY, "Most popular", "News", "Opinion", "Sport", slogan])
    assert extract(_page(text), extract_options).title is None


def test_a_kicker_above_the_date_leaves_the_byline_to_the_headline(extract_options):
    # kicker / date / headline / byline: the line right above the headline is the date, not a
    # rival, so the byline under the headline counts for it as the date counts for the kicker.
    headline = "Quay shut for a week after accident, inspectors called"
    text = "\n".join(["Harbour News", "Ports", "Share", "Email", "Cranes on the Northern Quay", "Published 22 hours ago",
                      headline, "By Ana Ruiz | Harbour News", "Facebook", "Twitter", *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_a_caption_above_its_credit_is_not_the_headline_above_the_wire_services_line(extract_options):
    # The credit names an agency as a byline does, but stamps no date: the names above it stay a caption.
    headline = "Tuesday's harbour news: northern quay shut after a crane falls onto a ship"
    text = "\n".join(["Welcome to Harbour News", "Learn More", headline, "Harbour News wire services",
                      "Northern Quay Crane Inspector Ana Ruiz", "Al Goldis, Associated Press", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline
    assert [line.label for line in article.lines if line.text == "Harbour News wire services"] == ["meta"]


def test_the_date_under_a_caption_between_headline_and_body_is_found_the_caption_s_is_not(extract_options):
    # A long caption joins the article's block; the byline and date under it still stand at its head.
    caption = ("Inspectors walk along the northern quay after the collapse of the old crane, which had been "
               "due for replacement last year, on Monday, March 3, 2025.")
    text = "\n".join(["Harbour News", "Ports", HEADLINE, caption, "(Ana Ruiz / Harbour News)", "By Ana Ruiz",
                      "March 4, 2025", "Facebook", "Twitter", "Email", *BODY])
    assert extract(_page(text), extract_options).published == "2025-03-04"
    undated = "\n".join(["Harbour News", "Ports", HEADLINE, caption, "(Ana Ruiz / Harbour News)", *BODY])
    assert extract(_page(undated), extract_options).published is None


def test_a_long_published_and_updated_stamp_is_meta_and_gives_the_publication_date(extract_options):
    stamp = "PUBLISHED: March 4, 2025 at 8:59 pm | UPDATED: March 5, 2025 at 10:16 pm"
    text = "\n".join(["Harbour News", "Ports", HEADLINE, "By Ana Ruiz | Harbour News", stamp, *BODY])
    article = extract(_page(text), extract_options)
    assert article.published == "2025-03-04" and article.body == BODY
    assert [line.label for line in article.lines if line.text == stamp] == ["meta"]


def test_a_sign_up_box_inside_the_article_is_not_its_text(extract_options):
    box = ["Harbour News Emails",
           "Get port news alerts and special reports. The stories that matter, delivered weekday mornings.",
           "SUBSCRIBE"]
    assert _inside_article(extract_options, *box).body == BODY


def test_a_section_s_label_over_a_signed_headline_is_a_kicker_not_the_title(extract_options):
    headline = "Old crane falls onto a moored cargo ship and shuts the busiest berth of the port for a week"
    # A share bar and a video's title under the byline: the headline has no line of prose right under it.
    text = "\n".join(["Facebook", "Twitter", "Cranes and the Quay", "Published 2 hours ago", headline,
                      "By Ana Ruiz | Harbour News", "Facebook", "Twitter", "Print", "Email", "close", "Video",
                      "Harbour News Flash top port headlines for March 4", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline and headline not in article.body and article.body[-3:] == BODY


@pytest.mark.parametrize("pieces", [["March 4", "15:23", "2025"], ["4", "MAR", "2025"]])
def test_a_date_printed_a_piece_a_line_under_the_headline_dates_the_article(extract_options, pieces):
    text = "\n".join(["Harbour News", "Ports", HEADLINE, *pieces, "0 Comments", *BODY])
    assert extract(_page(text), extract_options).published == "2025-03-04"


def test_the_stamp_under_a_standfirst_and_a_newsletter_box_dates_the_article(extract_options):
    # The standfirst and the box's lines read as the body's first lines; the stamp stands under them.
    standfirst = "The port's move aims to keep the old crane from becoming a landmark nobody can maintain."
    text = "\n".join(["Ports", HEADLINE, standfirst, "Harbour News Emails",
                      "Get the port's news and special reports. The stories that matter, delivered weekday mornings.",
                      "SUBSCRIBE", "March 4, 2025, 9:28 AM UTC", "By Ana Ruiz", *BODY])
    assert extract(_page(text), extract_options).published == "2025-03-04"


def test_a_stamp_without_its_year_is_of_the_year_of_the_page_s_copyright(extract_options):
    text = "\n".join(["Harbour News", "Ports", HEADLINE, "Updated Mar 5, 9:41 AM; Posted Mar 4, 8:19 PM", *BODY,
                      "© 2025 Harbour News. All rights reserved."])
    assert extract(_page(text), extract_options).published == "2025-03-04"
    no_notice = "\n".join(["Harbour News", "Ports", HEADLINE, "Updated Mar 5, 9:41 AM; Posted Mar 4, 8:19 PM", *BODY])
    assert extract(_page(no_notice), extract_options).published is None


def test_without_a_url_the_article_under_a_signed_headline_outweighs_a_longer_author_box(extract_options):
    # The box about the author runs longer than the article, but no headline with a date stands over it.
    box = ["About the author",
           "Ana Ruiz has covered the harbour, its ships and the people who work on its quays for more than twenty "
           "years, first for the Coast Courier and then for Harbour News, where she also edits the weekly shipping "
           "column and the tide tables that readers have come to rely on.",
           "Before that she worked as a deckhand on the northern ferries, studied naval engineering for two years "
           "and wrote a history of the old port that the harbour museum still sells in its shop by the entrance."]
    text = "\n".join(["Harbour News", "Ports", HEADLINE, "March 4, 2025", *BODY, "Share", "Email", "Print", "Tags",
                      "Ports", "Ships", "Weather", *box])
    article = extract(_page(text), extract_options)
    assert article.body == BODY and article.title == HEADLINE


def test_a_call_to_click_is_not_the_title(extract_options):
    text = "\n".join(["Harbour News", "Ports", "Posted: Fri 6:45 PM, Mar 4, 2025", "CLICK FOR FULL CLOSED QUAYS LIST", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title is None and article.published == "2025-03-04"


def test_words_are_counted_in_scripts_that_write_no_spaces():
    from parallax.extract import ExtractOptions, word_count

    sentence = "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。"
    assert word_count(sentence) >= 20 and word_count("The mayor opened the bridge.") == 5
    html = ("<html><head><title>商品の改造が商標法違反に</title></head><body><article><h1>商品の改造が商標法違反に</h1>"
            + "".join(f"<p>{sentence}</p>" for _ in range(3)) + "</article></body></html>")
    article = extract(Page(id="ja", source="ja", format="html", content=html), ExtractOptions(detect_language=False))
    assert article.body and "逮捕" in article.body_text  # was rejected: "article body too short (3 words …)"


_SUMMIT = [
    "HELSINKI -- President Donald Trump cast doubt on the conclusion of U.S. intelligence agencies that Russia "
    "interfered in the 2016 election, saying after his summit with Russian President Vladimir Putin that the "
    "Russian leader gave him a very powerful denial.",
    "After Putin said his government played no role in the election, Trump offered no push-back and went on "
    "to condemn the Justice Department's investigation of Russian interference.",
    "Trump's meeting with Putin was his first time sharing the international stage with a man he has described "
    "as an important competitor, but whom he has also praised as a strong leader.",
]


def test_a_present_tense_line_naming_a_day_above_the_dateline_is_the_opening_photos_caption(extract_options):
    caption = ("President Donald Trump and Russian President Vladimir Putin shake hands during a joint news "
               "conference at the Presidential Palace on Monday in Helsinki.")
    article = extract(_page("\n\n".join(["Trump backs Putin on election meddling", caption, *_SUMMIT])), extract_options)
    assert article.body[0] == _SUMMIT[0] and caption not in article.body_text
    # What is to come, told in the present ("are expected to resume"), is the article's.
    deck = "Talks between the two delegations are expected to resume on Monday in Geneva."
    article = extract(_page("\n\n".join(["Trump backs Putin on election meddling", deck, *_SUMMIT])), extract_options)
    assert article.body[0] == deck


def test_a_headline_ending_as_a_sentence_is_the_title_when_a_stamp_stands_under_it(extract_options):
    headline = "Harbour doubles down on its slogan ‘Safe quays. Open port.’ It just might work."
    menu = ["Customize Your Weather", "Set Your Location:", "Enter City and State or Zip Code", "Sign In", "Search"]
    text = "\n".join([*menu, "Harbour News", headline, "Updated Mar 4, 9:41 AM; Posted Mar 3, 8:19 PM", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline and article.body[0] == BODY[0]


def test_a_standfirst_ending_as_a_sentence_above_the_byline_is_not_the_title(extract_options):
    standfirst = "Inspectors will examine every crane on the quay before it reopens next week."
    text = "\n".join(["Harbour News", HEADLINE, standfirst, "By Jane Doe, March 4, 2025", *BODY])
    assert extract(_page(text), extract_options).title == HEADLINE


def test_the_headline_the_url_spells_far_above_the_body_is_the_title_when_only_furniture_stands_between(extract_options):
    url = "https://harbour.example/news/crane-collapses-onto-cargo-ship-at-northern-quay.html"
    finder = ["FIND YOUR NEXT SHIP", "Choose a shipyard", *(f"Shipyard {n}" for n in range(50))]
    related = [line for n in range(12) for line in ("MORE STORIES", f"Tugboat number {n} returns to the southern dock", f"March {n + 1}, 2016")]
    text = "\n".join(["Harbour News", HEADLINE, "By Ana Ruiz", *finder, *related, *BODY])
    article = extract(_page(text, url=url), extract_options)
    assert article.title == HEADLINE and article.body[0] == BODY[0]
    # A paragraph between is an article of its own there: the headline is not looked for above it.
    other = "The southern dock reopened on Monday after a month of repairs to its cranes and its quay wall, the authority said."
    text = "\n".join(["Harbour News", HEADLINE, "By Ana Ruiz", *finder, other, *related, *BODY])
    assert extract(_page(text, url=url), extract_options).title != HEADLINE


def test_a_call_to_action_is_no_headline_even_when_the_url_spells_it(extract_options):
    url = "https://harbour.example/news/full-crane-inspection-results-474349633.html"
    text = "\n".join(["Harbour News", "Crane inspection results for the northern quay", "Posted: Mar 4, 2025",
                      "CLICK FOR FULL CRANE INSPECTION RESULTS", *BODY])
    assert extract(_page(text, url=url), extract_options).title == "Crane inspection results for the northern quay"



def test_a_long_byline_stamp_with_its_topic_dates_the_article(extract_options):
    stamp = "By Ana Ruiz | March 4, 2025 -- 19:14 GMT (19:14 GMT) | Topic: Harbours and Shipping"
    article = extract(_page("\n".join(["Harbour News", HEADLINE, stamp, *BODY])), extract_options)
    assert article.published == "2025-03-04" and stamp not in article.body_text
    # A paragraph that opens with "By" and a date is the article's own.
    lede = "By March 4, 2025, the harbour authority had closed the northern quay and called in the crane's makers."
    article = extract(_page("\n".join([HEADLINE, lede, *BODY])), extract_options)
    assert article.body[0] == lede


def test_a_stamp_counting_back_dates_the_article_from_its_fetch_time(extract_options):
    text = "\n".join(["Harbour News", HEADLINE, "Published 22 hours ago", *BODY])
    fetched = Page(id="p", source="p", format="text", content=text, fetched_at="2019-11-20T10:00:00Z")
    article = extract(fetched, extract_options)
    assert (article.published, article.published_from) == ("2019-11-19", "page")
    assert extract(_page(text), extract_options).published is None  # no fetch time: no day
    # A date the page prints is surer than one counted back.
    dated = "\n".join(["Harbour News", HEADLINE, "Published 22 hours ago", "March 4, 2025", *BODY])
    assert extract(Page(id="p", source="p", format="text", content=dated, fetched_at="2025-03-09T10:00:00Z"),
                   extract_options).published == "2025-03-04"


def test_a_breadcrumb_trail_under_the_headline_is_furniture(extract_options):
    text = "\n".join(["Harbour News", "Crane collapse on the northern quay", "NEWS > Harbour > Cranes",
                      "March 4, 2025 | BY: Harbour Desk", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == "Crane collapse on the northern quay" and article.published == "2025-03-04"
    assert "NEWS >" not in article.body_text


def test_a_short_line_led_by_a_date_is_a_stamp_not_the_headline(extract_options):
    stamp = "21/06/2014 Tony Carter All, Harbours, Crane Reviews, News"
    spec = "Tested by: Ana Ruiz Price: 49.95 Euro More info: www.harbour.example/cranes"
    text = "\n".join(["Harbour Monthly", "Back Street Harbours", "Crane collapse on the northern quay", stamp, spec, *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == "Crane collapse on the northern quay" and article.published == "2014-06-21"


def test_a_verbless_headline_stamped_past_its_standfirst_is_the_title(extract_options):
    headline = "The harbour's view on the northern quay: a port on the brink"
    standfirst = ("The authority's delays have only deepened the crisis on the quay. It is up to the board to act now, "
                  "as others should tell it, before the winter storms come")
    text = "\n".join(["Opinion", "Harbours", headline, "Editorial", standfirst, "Mon 4 Mar 2025 18.54 GMT", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == headline and article.published == "2025-03-04"



def test_a_teaser_printed_twice_under_a_stamped_headline_is_not_the_headline(extract_options):
    # The related box's first teaser tells the same news as the lede, and the box prints it twice.
    headline = "Crane collapse shuts the northern quay as a cargo ship is hit"
    teaser = "Harbour authority closes northern quay after crane collapses onto moored cargo ship"
    text = "\n".join(["NEWS", headline, "By Ana Ruiz", "March 4, 2025 | 4:10pm", "Enlarge Image", "More On:", "cranes",
                      teaser, "Origin of the port's oldest crane traced to a Glasgow yard",
                      "Crane-ridden quays force cancellation of the harbour festival", teaser, *BODY])
    assert extract(_page(text), extract_options).title == headline


def test_a_run_of_links_printed_with_their_pictures_text_is_no_paragraph(extract_options):
    # A text browser prints a "Most popular" box of links as one wrapped paragraph, each link with
    # its picture's text (here the page's own headline) beside it: it had been taken for the article.
    links = ("1 Crane collapses onto cargo ship at the northern quay Port strike enters its second week as "
             "talks stall 2 Crane collapses onto cargo ship at the northern quay Harbour master resigns "
             "over safety report 3 Crane collapses onto cargo ship at the northern quay Ferry timetable "
             "changes for the winter")
    back_to_back = ("Best ferry deals for the winter months this year Best ferry deals for the winter months "
                    "this year")
    text = "\n".join([HEADLINE, "Most Popular Today", links, back_to_back, *BODY, *MORE_BODY])
    article = extract(_page(text), extract_options)
    assert article.body[0] == BODY[0] and "Port strike" not in article.body_text and "ferry deals" not in article.body_text
    # A paragraph that quotes a phrase again further on is a paragraph.
    quoting = ("The union said the cranes were unsafe to operate in high winds, and the port said the cranes "
               "were unsafe to operate in high winds only when the gusts passed fifty knots.")
    article = extract(_page("\n".join([HEADLINE, *BODY, quoting, *MORE_BODY])), extract_options)
    assert quoting in article.body


def test_a_sticky_bar_s_headline_beside_a_subscribe_button_is_no_pitch(extract_options):
    # A scraper keeps the bar a page shows once scrolled: the section, the headline, a button.
    bar = ["Ports", "|", HEADLINE, "Subscribe", "Log In", "Advertisement"]
    article = extract(_page("\n".join([*bar, HEADLINE, "By Ana Ruiz", *BODY])), extract_options)
    assert article.title == HEADLINE and article.body == BODY


def test_the_section_an_article_is_filed_to_is_furniture_not_its_headline(extract_options):
    text = "\n".join(["Harbour News", "Ports", HEADLINE, "Ana Ruiz", "Monday 6:30PM", "Filed to: Port safety", *BODY])
    article = extract(_page(text), extract_options)
    assert article.title == HEADLINE and "Filed to" not in article.body_text


def test_a_hyphen_parts_a_list_item_only_after_a_bullet():
    # A page's title with a hyphen is no item of a list (an item joins the blocks around it).
    from parallax.extract.lines import describe
    from parallax.extract.plaintext import is_list_item

    assert is_list_item(describe("* Section 68 of the Harbour Act - the crane log", 0))
    assert not is_list_item(describe(f"{HEADLINE} | Harbour News - latest news and breaking stories | HN", 0))


def test_a_photo_s_file_name_where_its_text_would_be_is_the_photo_not_a_break(extract_options):
    # A text browser prints an image without alt text by its file name.
    photo = ["crane-quay-2.jpg crane-quay-2.jpg", "Ana Ruiz/Harbour News", "The crane after the fall"]
    article = extract(_page("\n".join([HEADLINE, *BODY, *photo, *MORE_BODY])), extract_options)
    assert article.body[0] == BODY[0] and article.body[-1] == MORE_BODY[-1] and ".jpg" not in article.body_text


def test_a_link_s_tag_in_brackets_is_no_photo_credit():
    from parallax.extract.lines import describe

    assert not describe("Harbour master resigns over safety report [VIDEO]", 0).is_caption
    assert describe("Inspectors on the quay (Image: GETTY)", 0).is_caption


def test_a_teaser_cut_off_after_a_comma_ends_no_sentence():
    from parallax.extract.lines import describe

    teaser = describe("Two inspectors on the northern quay have been told to stop work on the cranes,...", 0)
    assert not teaser.ends_sentence and not teaser.is_prose
    assert describe("Two inspectors on the northern quay have been told to stop work on the cranes.", 0).is_prose


# Chinese and Japanese write no spaces between words: a paragraph is not one word.
JAPANESE_PAGE = ['ホーム', 'ニュース', '経済', 'スポーツ', 'エンタメ', 'ログイン', '港湾クレーンが貨物船に倒壊、北埠頭を閉鎖', '2019年11月19日 10時31分', '港湾局は19日、北埠頭のクレーンが停泊中の貨物船の上に倒れたことを受け、同埠頭を閉鎖したと発表した。けが人はいなかった。', '港湾局によると、事故は18日午後に発生した。検査官が埠頭にあるすべてのクレーンを点検し、安全が確認されるまで再開しないという。', '港湾労働者らは、倒れたクレーンは昨年交換される予定だったが、今年の春に二度故障していたと話している。', '海運会社は、貨物の積み下ろしが少なくとも一週間遅れる見通しだと明らかにした。市長は「原因を徹底的に調べる」と述べた。', '関連記事', '台風で港の営業を一時停止', '新しいフェリーの時刻表を発表', 'シェア', 'ツイート', '© 2019 港湾新聞社 All rights reserved.']
THAI_PAGE = ['หน้าแรก', 'ข่าว', 'กีฬา', 'บันเทิง', 'เข้าสู่ระบบ', 'เครนถล่มทับเรือสินค้า ปิดท่าเรือด้านเหนือ', '19 พ.ย. 2562 10:31 น.', 'การท่าเรือแถลงเมื่อวันอังคารว่า ได้ปิดท่าเรือด้านเหนือหลังจากเครนล้มทับเรือสินค้าที่จอดเทียบท่าอยู่ ไม่มีผู้ได้รับบาดเจ็บ', 'เจ้าหน้าที่จะตรวจสอบเครนทุกตัวในท่าเรือก่อนที่จะเปิดให้บริการอีกครั้ง ซึ่งคาดว่าจะใช้เวลาอย่างน้อยหนึ่งสัปดาห์', 'คนงานท่าเรือกล่าวว่า เครนตัวนี้มีกำหนดจะเปลี่ยนใหม่ตั้งแต่ปีที่แล้ว และเคยเสียมาแล้วสองครั้งในฤดูใบไม้ผลินี้', 'บริษัทเดินเรือระบุว่า การขนถ่ายสินค้าจะล่าช้าออกไปอย่างน้อยหนึ่งสัปดาห์ และกำลังหาท่าเรืออื่นเพื่อรองรับ', 'ข่าวที่เกี่ยวข้อง', 'แชร์', '© 2019 หนังสือพิมพ์ท่าเรือ สงวนลิขสิทธิ์']  # (its date in the Buddhist era: 2562 is 2019)
HINDI_PAGE = ['होम', 'देश', 'विदेश', 'खेल', 'मनोरंजन', 'लॉग इन', 'बंदरगाह पर क्रेन मालवाहक जहाज पर गिरी, उत्तरी घाट बंद', '19 नवंबर 2019', 'बंदरगाह प्राधिकरण ने मंगलवार को बताया कि उत्तरी घाट पर एक क्रेन खड़े मालवाहक जहाज पर गिर गई।', 'इस हादसे में कोई घायल नहीं हुआ, लेकिन घाट को जांच पूरी होने तक बंद रखा जाएगा।', 'मजदूरों ने कहा कि क्रेन को पिछले साल बदला जाना था और इस साल दो बार खराब हो चुकी थी।', 'जहाज कंपनी ने कहा कि माल उतारने में कम से कम एक सप्ताह की देरी होगी।', 'संबंधित खबरें', 'तूफान के कारण बंदरगाह अस्थायी रूप से बंद', 'शेयर करें', '© 2019 बंदरगाह समाचार सर्वाधिकार सुरक्षित']
CHINESE_PAGE = ['首页', '新闻', '财经', '体育', '登录', '港口起重机倒塌砸中货船 北码头关闭', '2019年11月19日 10:31 来源：港口日报', '港务局19日表示，北码头一台起重机倒塌，砸中一艘停靠的货船，码头已经关闭。事故没有造成人员受伤。', '据港务局介绍，事故发生在18日下午。检查人员将对码头上所有起重机进行检查，确认安全之前码头不会重新开放。', '码头工人说，倒塌的起重机原定去年更换，今年春天还曾两次发生故障。', '航运公司表示，货物装卸至少将推迟一周。市长说：“我们将彻底调查原因。”', '相关新闻', '台风导致港口暂停营业', '渡轮公布新时刻表', '分享', '© 2019 港口日报 版权所有']


@pytest.mark.parametrize("lines, title_at, body_at, published, owner", [
    (JAPANESE_PAGE, 6, (8, 12), "2019-11-19", "港湾新聞社"),
    (CHINESE_PAGE, 5, (7, 11), "2019-11-19", "港口日报"),
    (HINDI_PAGE, 6, (8, 12), "2019-11-19", "बंदरगाह समाचार"),
    (THAI_PAGE, 5, (7, 11), "2019-11-19", "หนังสือพิมพ์ท่าเรือ"),
])
def test_a_page_in_another_script_gives_its_article(lines, title_at, body_at, published, owner, extract_options):
    # Hindi ends its sentences with a danda, "।", and prints its months' names; Thai spaces its phrases,
    # not its words, and ends no sentence with a mark. The English tagger judges none of their headlines.
    article = extract(_page("\n".join(lines)), extract_options)
    assert article.title == lines[title_at]
    assert article.body == lines[body_at[0]: body_at[1]]
    assert article.published == published
    assert article.outlet == owner


def test_chinese_and_japanese_words_are_counted_without_spaces():
    from parallax.extract.lines import word_count
    assert word_count("Crane collapses onto cargo ship") == 5
    assert word_count("港湾局は19日、北埠頭を閉鎖した。") == 8  # runs of 4, 1 and 8 characters, and "19"
    assert word_count("ニュース") == 2
