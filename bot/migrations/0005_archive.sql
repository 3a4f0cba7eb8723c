-- The living archive: the articles added through the bot (uploads, pages, feeds, the command line), kept whole,
-- and every change to the archive in order, which each process applies to reach the same archive.
CREATE TABLE archive_articles (
    article_id    TEXT PRIMARY KEY,      -- its id in answers: the safe stem of its file name
    file_name     TEXT NOT NULL,         -- the safe name the parser reads (its suffix: text or web page)
    original_name TEXT NOT NULL,         -- as uploaded, or the page's address
    content       BLOB NOT NULL,         -- the bytes as received
    content_hash  TEXT NOT NULL UNIQUE,  -- blake2b of the bytes: the same article is never added twice
    via           TEXT NOT NULL,         -- upload, url, feed, cli or import
    source        TEXT NOT NULL,         -- the page's or the feed's address, the path given, or the file name
    by_user       INTEGER,               -- the Discord user who added it; NULL for the command line
    by_guild      INTEGER,               -- the server it was added in
    added_at      TEXT NOT NULL
);

CREATE TABLE archive_changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order every process applies changes in
    change_id  TEXT NOT NULL UNIQUE,               -- random: copying a database twice adds each change once
    action     TEXT NOT NULL,                      -- add, remove or restore
    article_id TEXT NOT NULL,
    headline   TEXT NOT NULL,
    via        TEXT NOT NULL,
    by_user    INTEGER,
    by_guild   INTEGER,
    at         TEXT NOT NULL
);

CREATE INDEX archive_changes_by_article ON archive_changes (article_id, seq);
