-- Each cached article's quotations and events apart from its header (the summary), so that a large archive opens
-- by reading the headers alone and unpacks the rest after it answers (bot/archive/warm.py).
ALTER TABLE corpus_cache ADD COLUMN later BLOB;
