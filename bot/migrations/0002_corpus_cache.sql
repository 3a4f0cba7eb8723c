-- Parsed and extracted articles kept between runs, so a restart does not parse the corpus again.
CREATE TABLE corpus_cache (
    file_name         TEXT PRIMARY KEY,  -- the article file's name inside the corpus folder
    content_hash      TEXT NOT NULL,     -- blake2b of the file's bytes: an edited file misses
    extractor_version TEXT NOT NULL,     -- hash of the parsing and extraction code: new code misses
    payload           BLOB NOT NULL,     -- pickled (Article, quotes, events)
    cached_at         TEXT NOT NULL
);
