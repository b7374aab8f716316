import gzip
import io
import json

import pytest

from parallax.ingest import read_pages, reader
from parallax.ingest.decode import MAX_PAGE_BYTES
from parallax.model import Failure, Page


def _read(*paths, stdin=None):
    return list(read_pages([str(p) for p in paths], stdin=stdin))


def test_text_file_becomes_one_page_named_after_the_file(tmp_path):
    f = tmp_path / "abc.txt"
    f.write_text("Some headline\n\nA body line.", encoding="utf-8")
    [page] = _read(f)
    assert isinstance(page, Page) and page.id == "abc" and page.format == "text"


def test_folder_is_read_recursively_and_skips_other_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("one page of text", encoding="utf-8")
    (tmp_path / "two.html").write_text("<html><body><p>two</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    pages = _read(tmp_path)
    assert sorted(p.id for p in pages) == ["one", "two"]
    assert {p.format for p in pages} == {"text", "html"}


def test_glob_matches(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text("text " + name, encoding="utf-8")
    assert sorted(p.id for p in _read(tmp_path / "x*.txt")) == ["x1", "x2"]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),  # nothing at all
        (b"   \n\n ", "empty"),  # only whitespace
        (b"\x00\x01\x02PK\x03\x04" * 50, "binary"),  # a zip or image renamed .txt
    ],
)
def test_unreadable_files_fail_with_a_reason_naming_the_file(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    [item] = _read(f)
    assert isinstance(item, Failure)
    assert reason in item.reason and item.source == str(f)


def test_non_utf8_text_is_decoded_not_rejected(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président a déclaré que la réunion était très importante pour l'été.".encode("cp1252"))
    [page] = _read(f)
    assert isinstance(page, Page) and "président" in page.content


def test_missing_path_is_a_failure(tmp_path):
    [item] = _read(tmp_path / "nope.txt")
    assert isinstance(item, Failure) and "no such file" in item.reason


def test_jsonl_broken_line_fails_alone_with_its_line_number(tmp_path):
    f = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"id": "p1", "url": "https://example.com/a", "text": "first page"}),
        '{"id": "p2", "text": "unterminated',
        json.dumps({"id": "p3", "html": "<p>third</p>"}),
        json.dumps({"url": "https://example.com/no-id", "text": "x"}),
        json.dumps({"id": "p5"}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = _read(f)
    pages = [i for i in items if isinstance(i, Page)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [p.id for p in pages] == ["p1", "p3"]
    assert pages[0].url == "https://example.com/a" and pages[1].format == "html"
    assert [f.source.rsplit(":", 1)[1] for f in failures] == ["2", "4", "5"]
    assert failures[0].reason.startswith("not valid JSON")  # the source names the line; the reason does not repeat it


def test_stdin_jsonl():
    data = json.dumps({"id": "s1", "text": "from stdin"}).encode() + b"\n"
    [page] = list(read_pages(["-"], stdin=io.BytesIO(data)))
    assert page.id == "s1"


def test_huge_page_is_cut_and_marked(tmp_path, caplog):
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * (MAX_PAGE_BYTES // 5 + 1000))
    [page] = _read(f)
    assert page.truncated and len(page.content.encode()) <= MAX_PAGE_BYTES
    # The reader stops one byte past the bound: the warning says "more than", not that byte count.
    assert f"more than {MAX_PAGE_BYTES:,} bytes" in caplog.text and str(MAX_PAGE_BYTES + 1) not in caplog.text


def test_gzipped_pages_are_read_by_the_format_under_the_gz(tmp_path):
    (tmp_path / "story.html.gz").write_bytes(gzip.compress(b"<html><body><p>An HTML page.</p></body></html>"))
    (tmp_path / "scrape.txt.gz").write_bytes(gzip.compress(b"A headline\n\nA scraped body line."))
    lines = [json.dumps({"id": "j1", "text": "one"}), json.dumps({"id": "j2", "html": "<p>two</p>"})]
    (tmp_path / "pages.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    pages = _read(tmp_path)  # a folder: the .gz files are taken, not skipped
    assert sorted((p.id, p.format) for p in pages) == [
        ("j1", "text"), ("j2", "html"), ("scrape", "text"), ("story", "html"),
    ]
    assert next(p for p in pages if p.id == "story").content.startswith("<html>")


def test_gzip_without_a_format_suffix_is_sniffed_not_taken_for_a_warc(tmp_path):
    f = tmp_path / "download.gz"
    f.write_bytes(gzip.compress(b"<!doctype html><html><body><p>Body.</p></body></html>"))
    [page] = _read(f)
    assert isinstance(page, Page) and page.format == "html"


def test_broken_gzip_fails_naming_the_file(tmp_path):
    f = tmp_path / "cut.html.gz"
    f.write_bytes(gzip.compress(b"<html><body><p>" + b"text " * 2000 + b"</p></body></html>")[:60])
    [item] = _read(f)
    assert isinstance(item, Failure) and item.source == str(f) and "cannot read" in item.reason


def test_gzip_that_unpacks_past_the_page_limit_is_cut(tmp_path):
    f = tmp_path / "bomb.txt.gz"
    f.write_bytes(gzip.compress(b"word " * (MAX_PAGE_BYTES // 5 + 100_000)))
    [page] = _read(f)
    assert page.truncated and len(page.content.encode()) <= MAX_PAGE_BYTES


def test_jsonl_line_too_long_fails_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 200)
    f = tmp_path / "pages.jsonl"
    lines = [json.dumps({"id": "a", "text": "short"}), json.dumps({"id": "b", "text": "long " * 100}),
             json.dumps({"id": "c", "text": "short again"})]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = _read(f)
    assert [type(i).__name__ for i in items] == ["Page", "Failure", "Page"]
    assert items[1].source == f"{f}:2" and "not read" in items[1].reason
    assert items[2].id == "c"


def test_folder_says_which_files_it_skipped(tmp_path, caplog):
    (tmp_path / "one.txt").write_text("one page of text", encoding="utf-8")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "pages.tar.gz").write_bytes(gzip.compress(b"x"))
    with caplog.at_level("WARNING", logger="parallax.ingest.reader"):
        assert [p.id for p in _read(tmp_path)] == ["one"]
    [record] = caplog.records
    assert "skipped 2 file(s)" in record.getMessage() and ".pdf" in record.getMessage() and ".tar.gz" in record.getMessage()



def test_an_empty_folder_is_said_to_be_empty(tmp_path, caplog):
    (tmp_path / "crawl" / "2026").mkdir(parents=True)
    with caplog.at_level("WARNING", logger="parallax.ingest.reader"):
        assert _read(tmp_path / "crawl") == []
    [record] = caplog.records
    assert "holds no files" in record.getMessage() and "crawl" in record.getMessage()

MARKDOWN = "# Storm hits the coast\n\n* [Home](/)\n* [World](/world)\n\nThe storm hit the coast overnight.\n\n![](https://example.com/a.jpg)\n"


def test_markdown_is_read_as_markdown_by_name_by_its_links_or_by_its_field(tmp_path, caplog):
    (tmp_path / "saved.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "crawled.txt").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "scraped.txt").write_text("Storm hits the coast\nHome\nWorld\nThe storm hit the coast overnight.", encoding="utf-8")
    (tmp_path / "pages.jsonl").write_text(
        json.dumps({"id": "j1", "markdown": MARKDOWN}) + "\n" + json.dumps({"id": "j2", "text": MARKDOWN}) + "\n",
        encoding="utf-8",
    )
    with caplog.at_level("INFO", logger="parallax.ingest.reader"):
        pages = {p.id: p for p in _read(tmp_path)}
    assert {k: p.format for k, p in pages.items()} == {
        "saved": "markdown", "crawled": "markdown", "scraped": "text", "j1": "markdown", "j2": "markdown"}
    assert pages["j1"].content == MARKDOWN  # stored as given: the extract stage writes it out
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "crawled.txt: read as Markdown" in said and "pages.jsonl:2: read as Markdown" in said


def test_an_html_document_saved_as_text_is_read_as_html(tmp_path, caplog):
    page = "<!DOCTYPE html>\n<html lang='en'><head><title>Storm</title></head><body><p>The storm hit.</p></body></html>"
    (tmp_path / "source.txt").write_text("\ufeff<!-- saved by a scraper -->\n" + page, encoding="utf-8")
    (tmp_path / "pages.jsonl").write_text(json.dumps({"id": "j", "text": page}) + "\n", encoding="utf-8")
    # Text that only mentions markup, or a fragment of it, stays text.
    (tmp_path / "about.txt").write_text("<html> is the root element of a page.\n\nIt holds <body>.", encoding="utf-8")
    with caplog.at_level("INFO", logger="parallax.ingest.reader"):
        pages = {p.id: p for p in _read(tmp_path)}
    assert {k: p.format for k, p in pages.items()} == {"source": "html", "j": "html", "about": "text"}
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "source.txt: read as HTML" in said and "pages.jsonl:1: read as HTML" in said


def test_a_page_quoting_a_link_or_two_in_markdown_stays_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nThe README says [install](https://example.com/install) first, then [run](/run).", encoding="utf-8")
    [page] = _read(f)
    assert page.format == "text"
