-- Small facts the bot keeps between runs, e.g. the hash of the last command set it synced.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
