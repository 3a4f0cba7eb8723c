-- The folder's digests are each host's own, in its local SQLite file (as the parse cache, see 0002).
SELECT 1;
