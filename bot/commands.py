"""The command table: every slash command declared once, read by the App, the glue, the console and /help."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from bot import handlers
from bot.core.replies import Reply

if TYPE_CHECKING:
    from bot.app import App
    from bot.core.corpus import Corpus

Source = Literal["article", "query", "publication", "speaker"]  # what an option's autocomplete suggests


@dataclass(frozen=True)
class Option:
    """One option of a command, as Discord shows it and the App checks it."""

    name: str
    description: str
    required: bool = False
    max_length: int | None = None  # Discord refuses longer input before it reaches us
    complete: Source | None = None
    kind: Literal["text", "flag", "file", "channel"] = "text"  # flag: a boolean; file: an upload; channel: its id


@dataclass(frozen=True)
class Invocation:
    """One command as a user typed it, wherever it came from."""

    command: str
    options: dict[str, str] = field(default_factory=dict)
    guild_id: int | None = None
    channel_id: int = 0
    can_manage: bool = False  # Manage Server in this server, or the bot's owner
    upload: tuple[str, bytes] | None = None  # a file option's (file name, bytes), read by the glue
    user_id: int = 0  # who ran it: an upload waits for the same person to confirm it


Handler = Callable[["App", Invocation, "Corpus"], Awaitable[Reply]]


@dataclass(frozen=True)
class Command:
    """A slash command: what Discord shows, who may run it, how often, and the handler that answers it."""

    name: str  # "article search": a group and a subcommand, or one word
    description: str
    handler: Handler
    options: tuple[Option, ...] = ()
    user_cooldown: bool = False  # the per-user budget from the settings (BOT_COOLDOWN_*)
    guild_cooldown_seconds: float = 0.0  # one use per server in this many seconds
    manage_only: bool = False  # Manage Server or the bot's owner, checked when it runs
    server_only: bool = False  # about one server (its settings): Discord offers it in servers only, not in DMs
    menu: str | None = None  # a message context-menu entry (Apps → menu) instead of a slash command
    internal: bool = False  # run only by a reply's buttons (Confirm, Cancel): not shown in Discord
    help: str = ""  # what /help says it does; a command without it is not listed there
    examples: tuple[str, ...] = ()  # each one must give a real answer (tested)

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.options)


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
        handlers.article_search,
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
        handlers.article_show,
        options=(Option("article", _ARTICLE, required=True, max_length=200, complete="article"),),
        help="One article: summary, quotes and dated events.",
        examples=("/article show article: Ukraine’s coming counter-offensive",),
    ),
    Command(
        "quote random",
        "A real quotation with who said it and where",
        handlers.quote_random,
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
        "quote daily",
        "The quotation of the day: the same for everyone in this server today",
        handlers.quote_daily,
        help="One quotation a day for the whole server (UTC days); none repeats until all were shown.",
        examples=("/quote daily",),
    ),
    Command(
        "timeline",
        "The dated events the articles mention, in order",
        handlers.timeline,
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
        handlers.find_articles,
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
        handlers.config_daily_quote,
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
        handlers.config_new_articles,
        options=(
            Option("channel", "Where to announce them", kind="channel"),
            Option("off", "Stop announcing them", kind="flag"),
        ),
        manage_only=True,
        server_only=True,
        help="Post “New in the archive: …” when a feed adds articles: `/config new-articles channel: #news`.",
        examples=(),
    ),
    Command("config show", "This server's settings for the bot", handlers.config_show, server_only=True),
    Command("help", "What this bot can do, with examples", handlers.show_help),
    Command(
        "corpus status",
        "Articles, quotes and events loaded, and any warnings",
        handlers.corpus_status,
        help="How many articles, quotes and events are loaded, and any warnings.",
        examples=("/corpus status",),
    ),
    Command(
        "corpus add",
        "Add an article file to the archive, after a private preview",
        handlers.corpus_add,
        options=(
            Option("file", "The article: a .txt, .md or .html file", kind="file"),
            Option("url", "Or the address of a web page (http or https)", max_length=2000),
        ),
        manage_only=True,
    ),
    Command(
        "corpus add confirm",
        "Save an uploaded article",
        handlers.corpus_add_confirm,
        options=(Option("upload", "The upload"),),
        manage_only=True,
        internal=True,
    ),
    Command(
        "corpus add cancel",
        "Drop an uploaded article",
        handlers.corpus_add_cancel,
        options=(Option("upload", "The upload"),),
        manage_only=True,
        internal=True,
    ),
    Command(
        "corpus feed add",
        "Follow a feed: its new entries' pages are added to the archive",
        handlers.feed_add,
        options=(Option("url", "The feed's address (RSS or Atom, http or https)", required=True, max_length=2000),),
        manage_only=True,
    ),
    Command("corpus feed list", "The feeds the archive follows", handlers.feed_list),
    Command(
        "corpus feed remove",
        "Stop following a feed (what it added stays)",
        handlers.feed_remove,
        options=(Option("url", "The feed's address, as listed", required=True, max_length=2000),),
        manage_only=True,
    ),
    Command(
        "corpus remove",
        "Take an article out of the archive (its file is kept in archive/)",
        handlers.corpus_remove,
        options=(Option("article", _ARTICLE, required=True, max_length=200, complete="article"),),
        guild_cooldown_seconds=10.0,
        manage_only=True,
    ),
    Command(
        "corpus reload",
        "Re-read the article folder without a restart",
        handlers.corpus_reload,
        guild_cooldown_seconds=30.0,
        manage_only=True,
    ),
)

COMMANDS: dict[str, Command] = {command.name: command for command in TABLE}
