"""The plain-text path on the development corpus's pages as other sites lay them out.

Each of the 73 pages is altered the way other sites build theirs, and the body
extracted from it is scored against the page's own gold body (token 4-gram
shingles, as ``html_extraction.py`` scores): a box of other stories' teasers
(headline over a one-sentence standfirst) under the article or above it, a share
bar, an advert's label, a newsletter box, a box of related links, a photo gallery, a video
player's list, a caption over its credit or an advertising network's paid links set into it (the player under the headline too), the
site asking to be followed and its app under it, a byline counting back and a reading time under the headline, the writer's box under it, a paragraph printed again as a pull
quote, the page's <title> printed as its first line, the page saved twice over (a
print or AMP copy under it), and non-ASCII spaces with carriage-return line ends.
Each with and without the page's URL.

The insertions are the ones the extraction rules of 29 and 30 November 2026 were
written for, from the first seed page (29 November) or these pages (30 November) altered so; these figures say how the rules
carry from that page to 73 real ones, not how they hold on layouts never seen
(``plaintext_unseen.py`` measures that). Every page gets the same inserted text,
so nothing here is a sample of what sites print.
Run: ``python benchmarks/layouts.py``.
"""

from __future__ import annotations

import time

from common import gold_lines, load_dev, machine, write_result
from html_extraction import score

from parallax.annotate import load_model, make_headline_reader
from parallax.errors import PageRejected
from parallax.extract import ExtractOptions, extract
from parallax.model import Page

TEASERS = [
    ("Egypt braces for result of presidential run-off vote",
     "The count was delayed as both candidates claimed victory and the military council tightened its grip."),
    ("Greek leaders start talks to form coalition government",
     "Party leaders met for a second day on Tuesday as markets waited for a government that can keep the bailout."),
    ("Spain asks euro zone for help to rescue its banks",
     "Ministers said the request would be formalised within days, ending weeks of uncertainty over the loan."),
    ("Floods leave thousands homeless in northern India",
     "Rescue teams used boats to reach villages cut off by the swollen river, officials said on Tuesday evening."),
]
BIO = ("About the author\nJane Doe is a correspondent for the paper covering politics and the courts. "
       "She has reported from Washington since 2009.")
BAR = "Share on Facebook Share on Twitter Share via Email"
GALLERY = "1 of 12\nProtesters gather outside the parliament building on Monday. (Photo: Reuters)\nNext"
NEWSLETTER = "Sign up for our newsletter\nGet the day's top stories in your inbox every morning.\nEmail address\nSign up"
PLAYER = "Now Playing\nLeaders meet for talks behind closed doors\n2:31\nUp Next\nWhat we know about the summit so far\n1:45"
FOLLOW = "Follow us on Twitter and Facebook for the latest news.\nDownload our app for iOS and Android"
ADS = ("Sponsored Stories\nDoctors stunned by this simple trick to lose belly fat\n"
       "The 20 most beautiful beaches you have never heard of\nThis new gadget is taking the country by storm")
CAPTION = "The two leaders shake hands before the start of their talks at the presidential palace on Monday.\nPhoto: Getty Images"


def _box(label: str) -> str:
    return "\n".join([label] + [line for teaser in TEASERS for line in teaser])


def _lines_and_body(page: dict) -> tuple[list[str], list[int]]:
    pairs = gold_lines(page)
    return [line for line, _ in pairs], [i for i, (_, label) in enumerate(pairs) if label == "body"]


def _after_body(page: dict, inserted: str) -> str:
    lines, body = _lines_and_body(page)
    return "\n".join(lines[: body[-1] + 1] + [inserted] + lines[body[-1] + 1:]) if body else page["text"]


def _around_title(page: dict, above: tuple[str, ...] = (), below: tuple[str, ...] = ()) -> str:
    """The page with lines set over and under its headline (the page as it is when it has none)."""
    pairs = gold_lines(page)
    title = next((i for i, (_, label) in enumerate(pairs) if label == "title"), None)
    if title is None:
        return page["text"]
    lines = [line for line, _ in pairs]
    return "\n".join(lines[:title] + list(above) + [lines[title]] + list(below) + lines[title + 1:])


def _after_title(page: dict, inserted: str) -> str:
    return _around_title(page, below=(inserted,))


def _inside_body(page: dict, inserted: str) -> str:
    lines, body = _lines_and_body(page)
    if len(body) < 4:
        return page["text"]  # too short to set anything into
    at = body[len(body) // 2]
    return "\n".join(lines[:at] + [inserted] + lines[at:])


def _pull_quote(page: dict) -> str:
    """The shortest inner paragraph printed again a few paragraphs on, as a pull quote."""
    lines, body = _lines_and_body(page)
    if len(body) < 6:
        return page["text"]
    quote = min(body[1:-1], key=lambda i: len(lines[i]))
    at = next(i for i in body[len(body) // 2:] if i != quote and i != quote + 1)
    return "\n".join(lines[:at] + [lines[quote]] + lines[at:])


def _page_title(page: dict) -> str:
    """The page's <title> (its headline and the site's name) printed as its first line."""
    return f"{page['title']} | The Daily Planet\n{page['text']}" if page.get("title") else page["text"]


# Body F1 with and without the URL, the same script on the code before the evening's rules of
# 29 November 2026 (commit 1a02708), recorded once: the rules this benchmark follows came after it.
BEFORE = {
    "as it is": (0.99, 0.99),
    "teasers under the article": (0.755, 0.754),
    "teasers above the page": (0.807, 0.772),
    "a share bar inside": (0.963, 0.963),
    "an advert's label inside": (0.934, 0.942),
    "a newsletter box inside": (0.906, 0.913),
    "related links inside": (0.934, 0.941),
    "a photo gallery inside": (0.964, 0.966),
    "a byline and reading time under the headline": (0.97, 0.97),
    "the writer's box under it": (0.915, 0.915),
    "a pull quote inside": (0.968, 0.968),
    "the page's title first": (0.976, 0.975),
    "saved twice over": (0.093, 0.093),
    "no-break spaces, CR line ends": (0.828, 0.828),
}
# ... and for the layouts added on 30 November 2026, the code before that day's rules (commit b81539f).
BEFORE_30 = {
    "a video player under the headline": (0.962, 0.968),
    "a video player inside": (0.919, 0.937),
    "a caption over its credit inside": (0.949, 0.949),
    "follow us and our app under it": (0.938, 0.938),
    "an ad network's paid links inside": (0.934, 0.941),
}

LAYOUTS = {
    "as it is": lambda page: page["text"],
    "teasers under the article": lambda page: _after_body(page, _box("More stories")),
    "teasers above the page": lambda page: _box("Top Stories") + "\n" + page["text"],
    "a share bar inside": lambda page: _inside_body(page, BAR),
    "an advert's label inside": lambda page: _inside_body(page, "Advertisement\nStory continues below advertisement"),
    "a newsletter box inside": lambda page: _inside_body(page, NEWSLETTER),
    "related links inside": lambda page: _inside_body(page, "Read more\n" + "\n".join(h for h, _ in TEASERS[:3])),
    "a photo gallery inside": lambda page: _inside_body(page, GALLERY),
    "a byline and reading time under the headline": lambda page: _after_title(page, "Jane Doe | Reuters | Updated 2 hours ago\n4 min read"),
    "the writer's box under it": lambda page: _after_body(page, BIO),
    "a pull quote inside": _pull_quote,
    "the page's title first": _page_title,
    "saved twice over": lambda page: page["text"] + "\n" + page["text"],
    "no-break spaces, CR line ends": lambda page: page["text"].replace(" ", "\u00a0").replace("\n", "\r"),
    "a video player under the headline": lambda page: _after_title(page, PLAYER),
    "a video player inside": lambda page: _inside_body(page, PLAYER),
    "a caption over its credit inside": lambda page: _inside_body(page, CAPTION),
    "follow us and our app under it": lambda page: _after_body(page, FOLLOW),
    "an ad network's paid links inside": lambda page: _inside_body(page, ADS),
}


def _page_title_only(page: dict) -> str:
    """The headline printed only in the page's title, the site's name after a bar, and no heading."""
    return page["title"] + " | The Daily Planet\n" + "\n".join(line for line, label in gold_lines(page) if label != "title")


DEK = "The leaders met for the first time in years, and the talks went on longer than planned"
TRENDING = ("Trending", "Egypt braces for result of presidential run-off vote",
            "Greek leaders start talks to form coalition government", "Spain asks euro zone for help to rescue its banks")
# Headline right (exactly the gold title) on the pages whose gold has a title line, without the URL;
# and the same on the code before the rules of 30 November 2026 (b81539f).
TITLE_LAYOUTS = {
    "the headline only in the page's title": _page_title_only,
    "a section's label over it, a standfirst without a full stop under it":
        lambda page: _around_title(page, above=("World News",), below=(DEK,)),
    "a date printed over it": lambda page: _around_title(page, above=("Tuesday, June 19, 2012",)),
    "a box of trending headlines right over it": lambda page: _around_title(page, above=TRENDING),
}
TITLE_BEFORE_30 = {"the headline only in the page's title": 2,
                   "a section's label over it, a standfirst without a full stop under it": 9,
                   "a date printed over it": 34,
                   "a box of trending headlines right over it": 32}


def main() -> dict:
    pages = load_dev()
    gold = {page["id"]: "\n".join(line for line, label in gold_lines(page) if label == "body") for page in pages}
    options = ExtractOptions(detect_language=False, read_headline=make_headline_reader(load_model()))
    results: dict = {}
    start = time.perf_counter()
    for name, alter in LAYOUTS.items():
        for with_url in (True, False):
            bodies = {}
            for page in pages:
                altered = Page(id=page["id"], source=page["id"], format="text", content=alter(page),
                               url=page["url"] if with_url else None)
                try:
                    bodies[page["id"]] = "\n".join(extract(altered, options).body)
                except PageRejected:
                    bodies[page["id"]] = ""
            results.setdefault(name, {})["url" if with_url else "no_url"] = score(bodies, gold)
    titled = [page for page in pages if page.get("title") and any(label == "title" for _, label in gold_lines(page))]
    titles: dict = {}
    for name, alter in TITLE_LAYOUTS.items():
        right = 0
        for page in titled:
            try:
                right += extract(Page(id=page["id"], source=page["id"], format="text", content=alter(page)), options).title == page["title"]
            except PageRejected:
                pass
        titles[name] = right
    data = {"machine": machine(), "pages": len(pages), "layouts": results, "titled_pages": len(titled), "titles": titles,
            "seconds": round(time.perf_counter() - start, 1)}
    title_rows = "".join(f"| {name} | {n} of {len(titled)} | {TITLE_BEFORE_30[name]} of {len(titled)} |\n" for name, n in titles.items())
    m = data["machine"]
    rows = "".join(
        f"| {name} | {r['url']['f1']} ({r['url']['precision']} · {r['url']['recall']}) "
        f"| {r['no_url']['f1']} ({r['no_url']['precision']} · {r['no_url']['recall']}) "
        f"| {' / '.join(map(str, BEFORE[name])) if name in BEFORE else '–'} "
        f"| {' / '.join(map(str, BEFORE_30[name])) if name in BEFORE_30 else '–'} |\n"
        for name, r in results.items()
    )
    markdown = f"""# The development corpus laid out as other sites lay out theirs

Machine: {m['cpu']} · {m['cores']} cores · {m['memory']} · Python {m['python']} · {m['date']}

{len(pages)} pages, each altered as below; body F1 (P · R) against the page's own gold body, token 4-gram
shingles. See the module docstring for what is inserted, and why these are not figures on unseen layouts.

| layout | with the URL | without it | before the evening's rules of 29 November (with / without) | before the rules of 30 November |
| --- | --- | --- | --- | --- |
{rows}
Headlines without the URL, on the {len(titled)} pages whose gold has a title line (exactly the gold title):

| layout | headline right | before the rules of 30 November (b81539f) |
| --- | --- | --- |
{title_rows}
The last five layouts of the first table and the first three of the second came on 30 November 2026 with the rules written for them (a video player's list
of titles and lengths, a present-tense caption over its credit, the site asking to be followed or its
app downloaded, an advertising network's box of paid links, a standfirst without a full stop under its
headline, a site's name after a title's bar, a date over the headline); their "before" is the code of commit b81539f.
The second table's last layout came on the evening of 30 November: the standfirst rule of that day had cost
it two pages (32 -> 30 of 43 at 7f1d3bc, the page's long headline read as the standfirst of the box's last
headline) until a standfirst's headline had to stand alone; the rest of its misses take a headline of the
box, or the page's standfirst for its headline, as nothing but the box's label tells the box from the page. The first "before" is the same script on the code of commit 1a02708: the teaser boxes had run on as the article
(P 0.61 under it), boxes set into an article cut off its shorter part, the writer's box was its last
paragraph, a page saved twice over was rejected as chrome only (each line printed twice), and a page
with carriage returns alone was one line.
Saved twice over, the pages still short of their body are short ones (less than 80 words printed twice,
which the rule asks for: a site's blurb is printed in its header and its footer too) or ones with prose
printed once beside the copies.
"""
    write_result("layouts", data, markdown)
    return data


if __name__ == "__main__":
    main()
