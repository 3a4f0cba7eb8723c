-- What each corpus folder file held when last read (its size and modification time, and the digest of its
-- bytes), so that a start need not read every file again to know which changed.
CREATE TABLE folder_digests (
    file_name TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    mtime_ns  INTEGER NOT NULL,
    digest    TEXT NOT NULL
);

-- The whole corpus pickled as last loaded, which the summaries above and the search index on disk replace.
DROP TABLE IF EXISTS corpus_snapshot;
