"""The command table: every slash command declared once, read by the App, the glue, the console and /help."""

from __future__ import annotations

from bot.handlers import answers, archive, config
from bot.invocation import Command, Option

GROUPS = {
    "article": "Find and read articles",
    "quote": "Quotations from the articles",
    "corpus": "The article archive itself",
    "config": "This server's settings for the bot",
    "corpus feed": "RSS and Atom feeds whose new articles are added",
}

_ARTICLE = "Headline or id of the article"

TABLE: tuple[Command, ...] = (
    Command(
        "article search",
        "Find the articles that best answer a question",
        answers.article_search,
        options=(
            Option("query", "Words to look for; typos are fine", required=True, max_length=200, complete="query"),
            Option("start", "Published on or after (e.g. 2022, Sep 2022, 2022-09-05)"),
            Option("end", "Published on or before"),
            Option("publication", "Only articles from this publication", complete="publication"),
        ),
        user_cooldown=True,
        help="Find the articles that answer a question; typos and spellings like Kiev are fine.",
        examples=("/article search query: kharkiv counter-offensive", "/article search query: missiles start: 2024"),
    ),
    Command(
        "article show",
        "One article: summary, quotes and dated events",
        answers.article_show,
        options=(Option("article", _ARTICLE, required=True, max_length=200, complete="article"),),
        help="One article: summary, quotes and dated events.",
        examples=("/article show article: Ukraine’s coming counter-offensive",),
    ),
    Command(
        "article list",
        "What the archive holds, newest first",
        answers.article_list,
        options=(
            Option("publication", "Only articles from this publication", complete="publication"),
            Option("start", "Published on or after (e.g. 2022, Sep 2022, 2022-09-05)"),
            Option("end", "Published on or before"),
        ),
        user_cooldown=True,
        help="Every article in the archive, newest first, a page at a time; narrow it by publication or dates.",
        examples=("/article list", "/article list publication: The Economist start: 2023"),
    ),
    Command(
        "quote random",
        "A real quotation with who said it and where",
        answers.quote_random,
        options=(
            Option("speaker", "Only quotations by this person or body", complete="speaker"),
            Option("article", "Only from this article", complete="article"),
            Option("topic", "A word or phrase the quotation must be about"),
        ),
        user_cooldown=True,
        help="A real quotation with its speaker; no repeats in a channel until all were shown.",
        examples=("/quote random speaker: Zelensky", "/quote random topic: breakthrough"),
    ),
    Command(
        "quote search",
        "Quotations with these words, best match first, with who said them",
        answers.quote_search,
        options=(
            Option("text", "Words of the quotation; typos are fine", required=True, max_length=200),
            Option("speaker", "Only quotations by this person or body", complete="speaker"),
        ),
        user_cooldown=True,
        help="Find a quotation by its words: who said it, and in which article.",
        examples=("/quote search text: volatile landscape",),
    ),
    Command(
        "quote daily",
        "The quotation of the day: the same for everyone in this server today",
        answers.quote_daily,
        help="One quotation a day for the whole server (UTC days); none repeats until all were shown.",
        examples=("/quote daily",),
    ),
    Command(
        "timeline",
        "The dated events the articles mention, in order",
        answers.timeline,
        options=(
            Option("date", "A day, month, season or year (e.g. 2022, Sep 2022, spring 2024, 2022-09-05)"),
            Option("start", "From this date"),
            Option("end", "Up to this date"),
            Option("query", "Only events about these words"),
            Option("article", "Only events from this article", complete="article"),
            Option("chart", "Also draw the events as a chart", kind="flag"),
        ),
        user_cooldown=True,
        help="The dated events the articles mention, in order, with their sources; `chart: True` draws them.",
        examples=(
            "/timeline date: September 2022",
            "/timeline start: 2014 end: spring 2023 query: crimea",
            "/timeline date: 2022 chart: true",
        ),
    ),
    Command(
        "find articles",
        "Articles about the words of a message",
        answers.find_articles,
        options=(Option("text", "The message's text", required=True, max_length=4000),),
        user_cooldown=True,
        menu="Find articles about this",
        help="Right-click (or long-press) any message → Apps → **Find articles about this**: the articles about "
        "its words, shown only to you.",
        examples=("/find articles text: What is happening around Kharkiv this week?",),
    ),
    Command(
        "config daily-quote",
        "Post the quote of the day in a channel at a UTC time, or stop it with off: True",
        config.config_daily_quote,
        options=(
            Option("channel", "Where to post it", kind="channel"),
            Option("time", "When, in UTC (e.g. 08:30)", max_length=10),
            Option("off", "Stop posting it", kind="flag"),
        ),
        manage_only=True,
        server_only=True,
        help="Post `/quote daily` every day by itself: `/config daily-quote channel: #news time: 08:30`.",
        examples=(),
    ),
    Command(
        "config new-articles",
        "Announce the articles the followed feeds add in a channel, or stop it with off: True",
        config.config_new_articles,
        options=(
            Option("channel", "Where to announce them", kind="channel"),
            Option("off", "Stop announcing them", kind="flag"),
        ),
        manage_only=True,
        server_only=True,
        help="Post “New in the archive: …” when a feed adds articles: `/config new-articles channel: #news`.",
        examples=(),
    ),
    Command("config show", "This server's settings for the bot", config.config_show, server_only=True),
    Command(
        "help",
        "What this bot can do, with examples",
        answers.show_help,
        options=(
            Option("command", "One command to explain in full, e.g. timeline", max_length=100, complete="command"),
        ),
        examples=("/help command: timeline",),
    ),
    Command(
        "corpus status",
        "Articles, quotes and events loaded, and any warnings",
        archive.corpus_status,
        help="How many articles, quotes and events are loaded, and any warnings.",
        examples=("/corpus status",),
    ),
    Command(
        "corpus add",
        "Add an article file to the archive, after a private preview",
        archive.corpus_add,
        options=(
            Option("file", "The article: a .txt, .md or .html file", kind="file"),
            Option("url", "Or the address of a web page (http or https)", max_length=2000),
        ),
        archive_admin=True,
    ),
    Command(
        "corpus add confirm",
        "Save an uploaded article",
        archive.corpus_add_confirm,
        options=(Option("upload", "The upload"),),
        archive_admin=True,
        internal=True,
    ),
    Command(
        "corpus add cancel",
        "Drop an uploaded article",
        archive.corpus_add_cancel,
        options=(Option("upload", "The upload"),),
        archive_admin=True,
        internal=True,
    ),
    Command(
        "corpus feed add",
        "Follow a feed: its new entries' pages are added to the archive",
        archive.feed_add,
        options=(Option("url", "The feed's address (RSS or Atom, http or https)", required=True, max_length=2000),),
        archive_admin=True,
    ),
    Command("corpus feed list", "The feeds the archive follows", archive.feed_list),
    Command(
        "corpus feed remove",
        "Stop following a feed (what it added stays)",
        archive.feed_remove,
        options=(Option("url", "The feed's address, as listed", required=True, max_length=2000),),
        archive_admin=True,
    ),
    Command(
        "corpus remove",
        "Take an article out of the archive (nothing is deleted: /corpus restore brings it back)",
        archive.corpus_remove,
        options=(Option("article", _ARTICLE, required=True, max_length=200, complete="article"),),
        guild_cooldown_seconds=10.0,
        archive_admin=True,
    ),
    Command(
        "corpus restore",
        "Bring a removed article back into the archive",
        archive.corpus_restore,
        options=(
            Option(
                "article", "Id or headline of the removed article", required=True, max_length=200, complete="removed"
            ),
        ),
        guild_cooldown_seconds=10.0,
        archive_admin=True,
    ),
    Command(
        "corpus history",
        "Every change to the archive, newest first: what, when, by whom, how",
        archive.corpus_history,
        archive_admin=True,
    ),
    Command(
        "corpus reload",
        "Read the article folder and the stored articles again, without a restart",
        archive.corpus_reload,
        guild_cooldown_seconds=30.0,
        archive_admin=True,
    ),
)

COMMANDS: dict[str, Command] = {command.name: command for command in TABLE}
