-- The parse cache, and its summaries, stay in each host's local SQLite file (see 0002): nothing shared to change.
SELECT 1;
