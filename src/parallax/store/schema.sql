-- Parallax schema (SQLite). One script for the app and the tests.
CREATE TABLE IF NOT EXISTS pages (
    id           TEXT PRIMARY KEY,
    source       TEXT NOT NULL,
    format       TEXT NOT NULL,
    url          TEXT,
    fetched_at   TEXT,
    content      TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    truncated    INTEGER NOT NULL DEFAULT 0,
    ingested_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS pages_content_hash ON pages(content_hash);
CREATE INDEX IF NOT EXISTS pages_url ON pages(url);

CREATE TABLE IF NOT EXISTS articles (
    id                TEXT PRIMARY KEY REFERENCES pages(id),
    url               TEXT,
    outlet            TEXT,
    title             TEXT,
    published         TEXT,
    published_from    TEXT,
    story             INTEGER NOT NULL,
    syndication_group TEXT,
    record            TEXT NOT NULL,  -- the AnnotatedArticle as JSON
    features          TEXT NOT NULL   -- what the linker needs to rebuild its state
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);

CREATE TABLE IF NOT EXISTS stories (
    id              INTEGER PRIMARY KEY,
    headline        TEXT,
    n_articles      INTEGER NOT NULL,
    outlets         TEXT NOT NULL,  -- JSON list
    event_date      TEXT,
    first_published TEXT,
    last_published  TEXT,
    dossier         TEXT NOT NULL,  -- the Dossier as JSON
    updated_at      TEXT NOT NULL,
    sort_key        TEXT NOT NULL DEFAULT ''  -- event date, else first publication: the list's order
);
CREATE INDEX IF NOT EXISTS stories_sort ON stories(sort_key DESC, id DESC);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, story UNINDEXED, title, body);

-- Lines seen near the edges of an outlet's plain-text pages, with the story of
-- each page: a line in many stories of one outlet is that outlet's chrome.
CREATE TABLE IF NOT EXISTS outlet_lines (
    outlet   TEXT NOT NULL,
    line_key TEXT NOT NULL,
    story    INTEGER NOT NULL,
    PRIMARY KEY (outlet, line_key, story)
) WITHOUT ROWID;

-- Stories merged into another by the linker's repair pass: old id -> the story it joined.
CREATE TABLE IF NOT EXISTS story_aliases (
    id     INTEGER PRIMARY KEY,
    target INTEGER NOT NULL
);

-- What the story list filters on, kept beside each dossier.
CREATE TABLE IF NOT EXISTS story_outlets (
    story  INTEGER NOT NULL,
    outlet TEXT NOT NULL,
    PRIMARY KEY (story, outlet)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_outlets_outlet ON story_outlets(outlet);

CREATE TABLE IF NOT EXISTS story_entities (
    story    INTEGER NOT NULL,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (story, name, type)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_entities_name ON story_entities(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS stories_dates ON stories(event_date, first_published);
