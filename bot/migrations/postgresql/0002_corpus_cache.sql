-- The parsed-corpus cache stays in a local SQLite file on each host (a speed-up, not shared state), so this
-- number only keeps the two dialects' versions in step.
SELECT 1;
