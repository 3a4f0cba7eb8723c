"""The search index on disk: a tantivy index fed the vocabulary's own terms, its log and saved query side."""
