-- The parse cache stays in each host's local SQLite file (see 0002): nothing shared to change.
SELECT 1;
