import io
import json

import pytest

from parallax.ingest import read_pages
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
    assert "line 2" in failures[0].reason


def test_stdin_jsonl():
    data = json.dumps({"id": "s1", "text": "from stdin"}).encode() + b"\n"
    [page] = list(read_pages(["-"], stdin=io.BytesIO(data)))
    assert page.id == "s1"


def test_huge_page_is_cut_and_marked(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * (MAX_PAGE_BYTES // 5 + 1000))
    [page] = _read(f)
    assert page.truncated and len(page.content.encode()) <= MAX_PAGE_BYTES
