"""Hard-wrapped text (lynx -dump, w3m, html2text) read as the paragraphs it was wrapped from."""

import textwrap

import pytest

from parallax.extract import extract
from parallax.extract.unwrap import unwrap, wrap_width
from parallax.model import Page
from tests.conftest import SEED_A, SEED_B

PARAGRAPH = (
    "Rescue teams pulled three survivors from the rubble of the collapsed market overnight, state media "
    "reported, as aftershocks shook the region and the search for dozens still missing went on into a "
    "second day with heavy machinery brought in from the capital."
)


def _wrapped(text: str, width: int, *, blank_lines: bool) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(textwrap.wrap(line, width) or [""])
        if blank_lines:
            out.append("")
    return "\n".join(out)


def test_the_width_shows_in_wrapped_text_and_not_in_a_paragraph_a_line():
    text = SEED_A.read_text(encoding="utf-8")
    assert wrap_width(text.split("\n")) is None
    width = wrap_width(_wrapped(text, 72, blank_lines=False).split("\n"))
    assert width is not None and 66 <= width <= 72
    assert wrap_width(["Home", "News", "Sport", "A short line of a few words"]) is None


def test_a_wrapped_paragraph_is_joined_and_what_follows_it_is_not():
    lines = textwrap.wrap(PARAGRAPH, 60) * 3  # three paragraphs, no blank line between them
    menu = ["", "Share this article", "* Facebook", "* Twitter", "", "Most read"]
    out = unwrap(lines + menu)
    assert out[-len(menu):] == menu
    # Each copy ends short of the width, so the next copy starts a line of its own.
    assert out[:-len(menu)] == [PARAGRAPH] * 3


def test_a_paragraph_of_thousands_of_lines_comes_back_whole():
    # Joined once, from its pieces: line by line, each join copied the paragraph so far.
    long = " ".join([PARAGRAPH] * 400)
    lines = textwrap.wrap(long, 60)
    assert len(lines) > 1000
    assert unwrap(lines + ["", "Most read"]) == [long, "", "Most read"]


def test_a_list_item_starts_its_own_line_under_a_full_line():
    full = textwrap.wrap(PARAGRAPH, 60)[0]
    lines = textwrap.wrap(PARAGRAPH, 60) * 2 + [full, "* Facebook"]
    assert unwrap(lines)[-1] == "* Facebook"


def test_a_word_broken_at_its_hyphen_is_one_word_again():
    text = "The talks between the two sides on the ceasefire in the country broke down over the " \
           "role of President Bashar al-Assad, whose forces shelled the city again on Monday morning."
    lines = textwrap.wrap(text, 60) * 4
    assert any(line.endswith("al-") for line in lines)  # textwrap breaks after a hyphen
    assert unwrap(lines) == [text] * 4


@pytest.mark.parametrize("seed", [SEED_A, SEED_B], ids=["seed_a", "seed_b"])
@pytest.mark.parametrize("width", [72, 80, 100])
def test_a_wrapped_page_reads_as_the_page(extract_options, seed, width):
    text = seed.read_text(encoding="utf-8")
    plain = extract(Page(id="p", source="p", format="text", content=text), extract_options)
    # Paragraphs parted by blank lines, as lynx and html2text write them: the same article.
    parted = extract(Page(id="p", source="p", format="text", content=_wrapped(text, width, blank_lines=True)), extract_options)
    assert (parted.title, parted.published, parted.body) == (plain.title, plain.published, plain.body)
    # One after the other: a paragraph whose last line happens to end near the width runs into
    # the next one (nothing tells the two apart), but not a word is lost or gained.
    run_on = extract(Page(id="p", source="p", format="text", content=_wrapped(text, width, blank_lines=False)), extract_options)
    assert (run_on.title, run_on.published) == (plain.title, plain.published)
    assert " ".join(run_on.body) == " ".join(plain.body)


# A Japanese page as ``lynx -dump -width=78`` saves it (the page written for this test): each paragraph
# broken between any two characters, once in the middle of a number ("1" / "8日午後").
JAPANESE_DUMP = ['         港湾クレーンが貨物船に倒壊、北埠頭を閉鎖', '', '   2019年11月19日', '', '   港湾局は19日、北埠頭のクレーンが停泊中の貨物船の上に倒れたことを受け、同埠頭を閉鎖したと発表した。けが人はいなかった。港湾局は19日、北', '   埠頭のクレーンが停泊中の貨物船の上に倒れたことを受け、同埠頭を閉鎖したと発表した。けが人はいなかった。港湾局は19日、北埠頭のクレーンが停', '   泊中の貨物船の上に倒れたことを受け、同埠頭を閉鎖したと発表した。けが人はいなかった。', '', '   港湾局によると、事故は18日午後に発生した。検査官が埠頭にあるすべてのクレーンを点検し、安全が確認されるまで再開しないという。港湾局による', '   と、事故は18日午後に発生した。検査官が埠頭にあるすべてのクレーンを点検し、安全が確認されるまで再開しないという。港湾局によると、事故は1', '   8日午後に発生した。検査官が埠頭にあるすべてのクレーンを点検し、安全が確認されるまで再開しないという。', '', '   港湾労働者らは、倒れたクレーンは昨年交換される予定だったが、今年の春に二度故障していたと話している。港湾労働者らは、倒れたクレーンは昨年交', '   換される予定だったが、今年の春に二度故障していたと話している。港湾労働者らは、倒れたクレーンは昨年交換される予定だったが、今年の春に二度故', '   障していたと話している。', '', '   海運会社は、貨物の積み下ろしが少なくとも一週間遅れる見通しだと明らかにした。市長は「原因を徹底的に調べる」と述べた。海運会社は、貨物の積み', '   下ろしが少なくとも一週間遅れる見通しだと明らかにした。市長は「原因を徹底的に調べる」と述べた。海運会社は、貨物の積み下ろしが少なくとも一週', '   間遅れる見通しだと明らかにした。市長は「原因を徹底的に調べる」と述べた。', '']


def test_chinese_and_japanese_paragraphs_are_joined_without_a_space():
    paragraphs = [line.strip() for line in unwrap(JAPANESE_DUMP) if line.strip()]
    assert len(paragraphs) == 6  # the headline, the date and four paragraphs
    assert all(" " not in p for p in paragraphs[2:]) and "18日午後" in paragraphs[3]
    assert all(p.endswith("。") for p in paragraphs[2:])
