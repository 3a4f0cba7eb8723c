"""The search index: postings, vocabulary and spelling, ranking, autocomplete."""
