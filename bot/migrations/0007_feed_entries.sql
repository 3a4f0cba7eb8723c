-- The entries each followed feed has listed (a hash of each link), so that each is added once, ever, with one
-- read and one write per poll; a feed's rows go when it is unfollowed. Entries seen before this table (kept in
-- meta, one row each) move here under no feed.
CREATE TABLE feed_entries (
    feed  TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (feed, entry)
);
CREATE INDEX feed_entries_by_entry ON feed_entries (entry);
INSERT OR IGNORE INTO feed_entries (feed, entry) SELECT '', substr(key, 12) FROM meta WHERE key LIKE 'feed-entry:%';
DELETE FROM meta WHERE key LIKE 'feed-entry:%';
