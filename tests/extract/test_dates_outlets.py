from datetime import date

import pytest

from parallax.extract.dates import date_from_url, find_dates, find_month_days, latest_year, served_ago, served_time
from parallax.extract import ExtractOptions, extract
from parallax.extract.outlets import outlet_from_lines, outlet_from_page, outlet_from_url, site_from_lines
from parallax.model import Page


@pytest.mark.parametrize(
    "text, expected, kwargs",
    [
        ("Published on 19/06/2012", date(2012, 6, 19), {}),  # day first, unambiguous
        ("06/19/2012", date(2012, 6, 19), {}),  # month first, unambiguous
        ("05/06/2012", date(2012, 6, 5), {"day_first": True}),  # ambiguous, page habit decides
        ("05/06/2012", date(2012, 5, 6), {"day_first": False}),
        ("Tuesday, June 19, 2012 7:25 PM", date(2012, 6, 19), {}),
        ("19th June 2012", date(2012, 6, 19), {}),
        ("2012-06-19T10:00:00Z", date(2012, 6, 19), {}),
        ("By Tess Bonn - 11/19/19 06:56 AM EST", date(2019, 11, 19), {}),  # a US byline's two-digit year
        ("Adam Clark Estes11/13/19 11:00AM", date(2019, 11, 13), {}),  # glued to the name
        ("21:17 18.11.2019Get short URL", date(2019, 11, 18), {}),
        ("Von Moritz Bachmann publiziert am 25. September 2018", date(2018, 9, 25), {}),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", date(2010, 10, 22), {}),
        ("Текст: Венера Ерофеева·24 сентября 2018", date(2018, 9, 24), {}),
        ("publié le 12 mars 2019", date(2019, 3, 12), {}),
        ("Posted on Maret 30, 2015 by Admin", date(2015, 3, 30), {}),  # a blog template's order, Indonesian names
        ("PUBLISHED WED, NOV 20 20194:29 AM ESTUPDATED AN HOUR AGO", date(2019, 11, 20), {}),  # the time glued on
        ("公開日：2019年11月19日 10:31", date(2019, 11, 19), {}),  # Japanese, Chinese
        ("입력 2019년 11월 19일 10:31", date(2019, 11, 19), {}),  # Korean
        ("Last updated 19-Nov-2019", date(2019, 11, 19), {}),
        ("19 नवंबर 2019, 10:31 IST", date(2019, 11, 19), {}),  # Hindi
        ("Güncelleme: 19 Kasım 2019 10:31", date(2019, 11, 19), {}),  # Turkish
        ("19 نوفمبر 2019", date(2019, 11, 19), {}),  # Arabic
        ("วันที่ 19 พ.ย. 2562 เวลา 10:31 น.", date(2019, 11, 19), {}),  # Thai: the Buddhist era's year
        ("١٩ نوفمبر ٢٠١٩", date(2019, 11, 19), {}),  # Arabic-Indic digits
        ("公開日：２０１９年１１月１９日", date(2019, 11, 19), {}),  # full-width digits
    ],
)
def test_find_dates(text, expected, kwargs):
    assert find_dates(text, **kwargs)[0].date == expected


def test_days_without_their_year_take_the_year_given():
    assert [d.date for d in find_month_days("Updated Nov 19, 9:41 AM;Posted 18 Nov, 8:19 PM", 2019)] == [
        date(2019, 11, 19), date(2019, 11, 18)]
    assert find_month_days("Nov 18, 2019", 2019) == [] and find_month_days("Feb 30", 2019) == []
    assert latest_year(["© 2005–2019 Harbour News", "Founded 1998"]) == 2019


def test_no_date_in_prose_numbers():
    assert find_dates("He scored 3 goals in 45 minutes before 12,000 fans") == []
    assert find_dates("Update to version 1.2.19, or 3-1-19 in the table, at /11/19/19/") == []
    assert find_dates("The 3 Mars 2020 missions launched in July") == []  # the planet, not French March
    assert find_dates("Install v1.2-may-2024 or 2019年13月1日") == []


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.example.com/news/2012/06/19/story-slug", date(2012, 6, 19)),
        ("https://www.example.com/news/2018/jul/17/slug/", date(2018, 7, 17)),
        ("https://example.com/politics/slug-20180717-1/", date(2018, 7, 17)),
        ("https://example.com/2018/07/slug", None),  # no day: not a date
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("http://edition.cnn.com/x", "cnn.com"),
        ("https://news.example.org/a", "news.example.org"),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_from_url(url, expected):
    assert outlet_from_url(url) == expected


def test_outlet_from_footer_lines():
    lines = ["© 2021 The Metro Herald Ltd. All rights reserved.", "Copyright 2021 Metro Herald"]
    assert outlet_from_lines(lines) == "Metro Herald"
    assert outlet_from_lines(["Nothing to see here"]) is None


@pytest.mark.parametrize(
    "lines, outlet",
    [
        (["Copyright Policy", "Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved."], "Dow Jones"),
        (["© Copyright 2019, The Spokesman-Review | Community Guidelines | Terms of Service"], "Spokesman-Review"),
        (["© Copyright Gannett 2018"], "Gannett"),
        (["© 2000 - 2019 Al Bawaba (www.albawaba.com)"], "Al Bawaba"),
        (["copyright Inexhibit 2019 - ISSN: 2283-5474"], "Inexhibit"),
        (["© 2019 The Republic unless otherwise noted. All rights reserved."], "Republic"),
        (["© Reuters", "© ScienceAlert Pty Ltd. All rights reserved."], "ScienceAlert"),  # a photo credit, then the notice
        (["@2016 - PenciDesign. Designed and Developed by PenciDesign"], None),  # the web agency
        (["Maintained and developed by Arabs Today Group SAL."], "Arabs Today"),
        # Names in scripts without capitals, and "all rights reserved" in their languages.
        (["© 2019 港口日报 版权所有"], "港口日报"),
        (["© 2019 बंदरगाह समाचार सर्वाधिकार सुरक्षित"], "बंदरगाह समाचार"),
        (["© 2019 جريدة الميناء جميع الحقوق محفوظة"], "جريدة الميناء"),
        (["© 2019 the harbour club", "Developed by 3D Studio"], None),  # lower case, or not a name
    ],
)
def test_a_footer_s_owner_is_read_without_its_furniture(lines, outlet):
    assert outlet_from_lines(lines) == outlet


@pytest.mark.parametrize(
    "chrome, site",
    [
        (["Follow The Verge online:", "The Verge homepage", "Subscribe to our newsletter"], "The Verge"),
        (["About SFGATE", "Contact SFGATE", "SFGate Newsletters", "About Us"], "SFGATE"),
        (["Never miss an update Follow @AppleInsider", "Subscribe to AppleInsider on YouTube"], "AppleInsider"),
        (["Senior editor at Gizmodo.", "Back to Gizmodo"], "Gizmodo"),
        # Named one way only, however often: a menu item, a contact, a show, a writer's handle.
        (["About Life", "About Life", "Contact Info"], None),
        (["Contact Editor Jane"], None),
        (["Pick Six Podcast", "Pick Six Newsletter", "NFL Shop"], None),
        (["Follow @janedoe", "More from @janedoe"], None),
        (["About Us", "Contact Us", "Back to Top", "Follow Facebook", "Follow Twitter"], None),
        (["Support NASCAR’s Denny Hamlin", "About NASCAR’s Denny Hamlin"], None),  # a phrase, not a name
        (["Subscribe to Barron's", "About Barron's"], "Barron's"),
        # The site's own products and its address printed as a word count as ways of naming it.
        (["Acme Daily Careers", "Acme Daily Events", "Acme Daily Store"], "Acme Daily"),
        (["AcmeNews.com", "Acme News Apps", "World"], "Acme News"),
        (["Copyright © 2004- Gadgetry.com, LLC.", "Advertise on Gadgetry"], "Gadgetry"),
        (["Subscribe to Gadgetry Magazine", "Gadgetry Newsletters"], "Gadgetry"),
        # An address alone, however often, or one in a link's path or an email address, does not.
        (["AcmeNews.com", "Source: AcmeNews.com", "Follow @AcmeNews"], None),
        (["Blog at WordPress.com.", "jane@acmenews.com", "acmenews.com/2019/story", "Acme News Jobs"], None),
    ],
)
def test_a_site_is_named_by_its_own_furniture_in_two_ways(chrome, site):
    assert site_from_lines(chrome) == site


def test_a_footer_printed_above_the_article_names_its_owner_but_a_photo_credit_does_not():
    article = [
        "Harbour bridge to close for repairs",
        "The city's harbour bridge will close for six weeks from March while engineers replace its deck, the council said on Tuesday.",
        "Drivers will be sent over the river's two other crossings, which the council expects to be busy at peak hours.",
        "The work, budgeted at 40 million dollars, was postponed twice, most recently because of a shortage of steel.",
    ]
    column = ["About us", "© 2019 Acme Herald Ltd. All rights reserved.", "Contact"]
    page = Page(id="p", source="p", format="text", content="\n\n".join(column + article + ["Share", "Comments"]))
    assert extract(page, ExtractOptions(detect_language=False)).outlet == "Acme Herald"
    credited = Page(id="q", source="q", format="text", content="\n\n".join(["Photo © Jane Doe"] + article))
    assert extract(credited, ExtractOptions(detect_language=False)).outlet is None


def test_the_site_s_own_name_comes_before_its_publisher_s():
    chrome = ["The Verge main menu", "Follow The Verge online:"]
    footer = ["© 2019 Vox Media, LLC. All Rights Reserved"]
    assert outlet_from_page(chrome, footer) == "The Verge"
    assert outlet_from_page(["The Verge main menu"], footer) == "Vox"  # named once: the owner stands


@pytest.mark.parametrize(
    "text, code",
    [
        ("The minister said on Tuesday that the talks had made good progress and would continue next week.", "en"),
        ("Le président a déclaré mardi que les négociations avaient bien avancé et se poursuivraient la semaine prochaine.", "fr"),
        ("", None),  # nothing to tell from
    ],
)
def test_language_detection(text, code):
    from parallax.extract import detect_language

    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published 22 hours ago", date(2019, 11, 19)),
        ("Updated an hour ago", date(2019, 11, 20)),
        ("3 days ago", date(2019, 11, 17)),
        ("5 mins ago", date(2019, 11, 20)),
        ("2 weeks ago", date(2019, 11, 6)),
        ("2 months ago", None),  # names no day
        ("ago", None),
    ],
)
def test_a_stamp_counting_back_is_read_against_the_fetch_time(text, expected):
    found = served_ago(text, served_time("2019-11-20T10:00:00Z"))
    assert (found.date if found else None) == expected


def test_a_fetch_time_is_read_from_iso_8601_or_not_at_all():
    assert served_time("2019-11-20T10:00:00Z").hour == 10
    assert served_time("2019-11-20") is not None
    assert served_time("last Tuesday") is None and served_time(None) is None
