-- Usage counts per command and server, and the quotations already shown in each channel.
CREATE TABLE usage (
    command   TEXT   NOT NULL,
    guild_id  BIGINT NOT NULL,           -- 0 for direct messages and the console
    uses      BIGINT NOT NULL DEFAULT 0,
    last_used TEXT   NOT NULL,
    PRIMARY KEY (command, guild_id)
);

CREATE TABLE quote_history (
    channel_id BIGINT NOT NULL,
    filter_key TEXT   NOT NULL,          -- the filters the quote was drawn under
    quote_id   TEXT   NOT NULL,
    shown_at   TEXT   NOT NULL,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,  -- the order shown (SQLite's rowid)
    PRIMARY KEY (channel_id, filter_key, quote_id)
);
