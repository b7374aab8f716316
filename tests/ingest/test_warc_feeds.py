"""WARC (plain and gzip, truncated) and RSS/Atom input, on archives and feeds the tests build."""

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parallax.ingest import read_pages
from parallax.model import Failure, Page

ARTICLE_HTML = (
    "<html><head><title>Dam bursts after storm</title></head><body><nav>Home | World</nav>"
    "<article><h1>Dam bursts after storm</h1>"
    + "".join(f"<p>Paragraph {i} of the report on the dam that burst after days of heavy rain in the valley.</p>" for i in range(6))
    + "</article><footer>© 2024 Example Media</footer></body></html>"
)


def _write_warc(path: Path, *, gzip: bool, records: list[tuple[str, str, str]]) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers)
            writer.write_record(record)


def test_warc_gz_html_responses_become_pages(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path, gzip=True, records=[
        ("https://news.example.com/2024/05/02/dam", "text/html; charset=utf-8", ARTICLE_HTML),
        ("https://news.example.com/logo.png", "image/png", "PNG"),
        ("https://other.example.org/a", "text/html", ARTICLE_HTML.replace("Dam", "Bridge")),
    ])
    pages = list(read_pages([str(path)]))
    assert [type(p) for p in pages] == [Page, Page]
    assert pages[0].url == "https://news.example.com/2024/05/02/dam" and pages[0].format == "html"
    assert pages[0].fetched_at and "Dam bursts" in pages[0].content


def test_plain_warc_and_folder_discovery(tmp_path):
    _write_warc(tmp_path / "a.warc", gzip=False, records=[("https://x.example/1", "text/html", ARTICLE_HTML)])
    (tmp_path / "notes.gz").write_bytes(b"\x1f\x8b not a warc name")
    pages = list(read_pages([str(tmp_path)]))
    assert len(pages) == 1 and isinstance(pages[0], Page)


def test_truncated_warc_gz_keeps_earlier_records_and_names_the_break(tmp_path):
    path = tmp_path / "cut.warc.gz"
    _write_warc(path, gzip=True, records=[
        ("https://x.example/1", "text/html", ARTICLE_HTML),
        ("https://x.example/2", "text/html", ARTICLE_HTML * 20),
    ])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    items = list(read_pages([str(path)]))
    assert isinstance(items[0], Page) and items[0].url == "https://x.example/1"
    assert isinstance(items[-1], Failure) and "WARC" in items[-1].reason


def test_malformed_record_headers_fail_the_file_not_the_run(tmp_path):
    path = tmp_path / "odd.warc"
    _write_warc(path, gzip=False, records=[("https://x.example/1", "text/html", ARTICLE_HTML)])
    with path.open("ab") as out:  # a response record without WARC-Target-URI, which warcio cannot parse
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\n")
    binary = tmp_path / "noise.warc"
    binary.write_bytes(bytes(range(256)) * 64)
    items = list(read_pages([str(path), str(binary)]))
    assert [type(i) for i in items] == [Page, Failure, Failure]
    assert "unreadable record headers" in items[1].reason
    assert items[2].reason.startswith("truncated or corrupt WARC") and len(items[2].reason) < 250



def test_a_record_longer_than_its_content_length_is_logged_with_its_file_not_printed(tmp_path, capsys, caplog):
    path = tmp_path / "long.warc"
    _write_warc(path, gzip=False, records=[("https://x.example/1", "text/html", ARTICLE_HTML)])
    data = path.read_bytes()
    # Bytes past the first record's Content-Length, before the blank lines that close it.
    end = data.rindex(b"\r\n\r\n")
    path.write_bytes(data[:end] + b"stray bytes" + data[end:])
    _write_warc(tmp_path / "next.warc", gzip=False, records=[("https://x.example/2", "text/html", ARTICLE_HTML)])
    path.write_bytes(path.read_bytes() + (tmp_path / "next.warc").read_bytes())
    with caplog.at_level("WARNING", logger="parallax.ingest.warc"):
        items = list(read_pages([str(path)]))
    assert [i.url for i in items if isinstance(i, Page)] == ["https://x.example/1", "https://x.example/2"]
    assert "Content-Length" not in capsys.readouterr().err
    [record] = caplog.records
    assert str(path) in record.getMessage() and "record 1 " in record.getMessage()

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example</title>
<item><title>Dam bursts after storm</title><link>https://news.example.com/dam</link>
<guid>dam-1</guid><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate>
<description><![CDATA[%s]]></description></item>
<item><title>Empty</title><link>https://news.example.com/empty</link></item>
</channel></rss>""" % "".join(f"<p>Paragraph {i} about the dam that burst after days of rain.</p>" for i in range(5))


def test_rss_entries_become_pages(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_pages([str(path)]))
    page = items[0]
    assert isinstance(page, Page) and page.id == "dam-1" and page.url == "https://news.example.com/dam"
    assert "2024-05-02" in page.content and "Dam bursts after storm" in page.content
    assert isinstance(items[1], Failure) and "no content" in items[1].reason


def test_feed_that_is_not_xml_fails_clearly(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("this is { not a feed at all", encoding="utf-8")
    [item] = list(read_pages([str(path)]))
    assert isinstance(item, Failure) and "not an RSS/Atom feed" in item.reason
    # Malformed XML with a lone surrogate's character reference: feedparser's lenient parser raises.
    path.write_text(RSS.replace("Empty", "&#xD800;").replace("<item>", "<item", 1), encoding="utf-8")
    [item] = list(read_pages([str(path)]))
    assert isinstance(item, Failure) and "not a readable RSS/Atom feed" in item.reason


def test_gzipped_warc_without_a_warc_name_is_read_as_one(tmp_path):
    # A download saved under another name: its unpacked head says WARC, so it is one.
    path = tmp_path / "CC-NEWS-20241002-00042.gz"
    _write_warc(path, gzip=True, records=[("https://news.example.com/dam", "text/html", ARTICLE_HTML)])
    [page] = list(read_pages([str(path)]))
    assert isinstance(page, Page) and page.url == "https://news.example.com/dam"
