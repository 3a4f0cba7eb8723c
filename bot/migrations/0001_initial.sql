-- Usage counts per command and server, and the quotations already shown in each channel.
CREATE TABLE usage (
    command   TEXT    NOT NULL,
    guild_id  INTEGER NOT NULL,          -- 0 for direct messages and the console
    uses      INTEGER NOT NULL DEFAULT 0,
    last_used TEXT    NOT NULL,
    PRIMARY KEY (command, guild_id)
);

CREATE TABLE quote_history (
    channel_id INTEGER NOT NULL,
    filter_key TEXT    NOT NULL,          -- the filters the quote was drawn under
    quote_id   TEXT    NOT NULL,
    shown_at   TEXT    NOT NULL,
    PRIMARY KEY (channel_id, filter_key, quote_id)
);
