-- The whole corpus as last loaded (articles, quotes, events and search index), so that a restart with no
-- changed file reads one row instead of parsing or indexing anything.
CREATE TABLE corpus_snapshot (
    corpus_key TEXT PRIMARY KEY,  -- hash of the extractor version, the folder, every file's content hash
    payload    BLOB NOT NULL,     -- zlib-compressed pickle of bot.core.corpus.Corpus
    cached_at  TEXT NOT NULL
);
