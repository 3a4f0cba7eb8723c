-- What answers read of every cached article without its text: its header, quotations and events, pickled apart
-- from the whole parse so that a large archive opens by reading these alone (bot/archive/warm.py).
ALTER TABLE corpus_cache ADD COLUMN summary BLOB;
