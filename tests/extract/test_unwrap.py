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
