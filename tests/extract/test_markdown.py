"""Pages saved as Markdown (html2text, markdownify, a crawler's .md) read as a browser shows them."""

import textwrap

import pytest

from parallax.extract import extract
from parallax.extract.markdown_text import markdown_headline, markdown_text
from parallax.model import Page
from tests.conftest import SEED_A, SEED_B


def test_markdown_is_written_out_a_block_a_line_without_its_markup():
    markdown = (
        "[ Example News ](/)\n\n"
        "  * [World](/world)\n  * [Sport](/sport)\n\n"
        "# Storm hits the coast\n\n"
        "By **Jane Doe** | [Weather](/tag/weather)\n\n"
        "![A flooded street](https://example.com/flood.jpg)\n\n"
        "The storm hit the coast overnight, *state media* reported, and\n"
        "rescue teams pulled [three survivors](https://example.com/a) from the rubble.\n\n"
        "| Town | Dead |\n| --- | --- |\n| Alpha | 3 |\n"
    )
    assert markdown_text(markdown).split("\n") == [
        "Example News", "",
        "World", "Sport",
        "Storm hits the coast", "",
        "By Jane Doe | Weather", "",
        "The storm hit the coast overnight, state media reported, and rescue teams pulled three survivors from the rubble.", "",
        "Town\tDead", "Alpha\t3",
    ]


def test_an_image_of_any_address_and_a_link_around_blocks_read_as_a_browser_shows_them():
    # markdown-it refuses data: addresses but for a few image types, and a link around a card's
    # blocks (markdownify writes one) is no link to CommonMark: neither may leave markup as text.
    markdown = (
        "The storm hit the coast overnight.\n\n"
        "![Storm over the coast #ad](data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E)\n\n"
        "Most Popular\n\n"
        " [1\n\n![](data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP)\nFerry timetable changes](https://example.com/ferry) \n"
        "[2\n\n![](data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP)\nQuay workers vote to strike](https://example.com/quay)\n"
    )
    lines = [line for line in markdown_text(markdown).split("\n") if line]
    assert lines == ["The storm hit the coast overnight.", "Most Popular", "1", "Ferry timetable changes", "2",
                     "Quay workers vote to strike"]


def test_the_headline_is_the_one_long_top_heading():
    assert markdown_headline("# Storm hits the coast of Chile\n\ntext") == "Storm hits the coast of Chile"
    assert markdown_headline("# Example News\n\ntext") is None  # a site's name set as its heading
    assert markdown_headline("# Storm hits the coast of Chile\n\n# Storm hits the coast of Peru") is None
    assert markdown_headline("## Storm hits the coast of Chile") is None


def _as_markdown(text: str, title: str) -> str:
    """A plain page as a Markdown crawler saves it: its short lines links in lists, its headline a
    heading, its paragraphs wrapped at 80 columns."""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line == title:
            out.append(f"# {line}\n")
        elif len(line.split()) < 6:
            out.append(f"  * [{line}](/section/{len(out)})")
        else:
            out.append("\n" + textwrap.fill(line, 80) + "\n")
    return "\n".join(out)


@pytest.mark.parametrize("seed", [SEED_A, SEED_B], ids=["seed_a", "seed_b"])
def test_a_page_saved_as_markdown_reads_as_the_page(extract_options, seed):
    text = seed.read_text(encoding="utf-8")
    plain = extract(Page(id="p", source="p", format="text", content=text), extract_options)
    markdown = _as_markdown(text, plain.title or "")
    saved = extract(Page(id="p", source="p", format="markdown", content=markdown), extract_options)
    assert (saved.title, saved.published, saved.body) == (plain.title, plain.published, plain.body)


def test_markdown_read_as_plain_text_loses_the_article(extract_options):
    text = SEED_A.read_text(encoding="utf-8")
    plain = extract(Page(id="p", source="p", format="text", content=text), extract_options)
    raw = extract(Page(id="p", source="p", format="text", content=_as_markdown(text, plain.title or "")), extract_options)
    assert (raw.title, raw.body) != (plain.title, plain.body)
