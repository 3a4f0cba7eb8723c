"""A narrative's own time, and the expressions histories and features use: year ranges, centuries, clock
times, numeric dates in the order the article writes them."""

from __future__ import annotations

from bot.core.dates.events import extract_events
from bot.core.dates.mentions import find_mentions
from bot.core.reading.news_file import parse_article


def _values(text: str, published: str) -> dict[str, str | None]:
    article = parse_article("story", f"Date: {published}\n\n{text}")
    return {e.text: e.value for e in extract_events(article) if e.kind == "mention"}


def test_a_history_counts_year_less_dates_from_its_own_last_date() -> None:
    text = (
        "The regiment left Calder on 3 August 1914. It reached the coast on 19 September 1914, and the "
        "battalion history records a landing at Boulogne on 2 October 1914. On 14 November it was in the "
        "line. In December the rain flooded the trenches. The following spring the survivors were moved south."
    )
    values = _values(text, "2014-11-11")
    assert values["14 November"] == "1914-11-14"
    assert values["December"] == "1914-12"
    assert values["The following spring"] == "1915-SP"


def test_news_with_a_past_keeps_its_months_in_its_own_year() -> None:
    text = (
        "The battlefield has hardly moved since 2014, when the war began. Ukraine drove the invaders back "
        "across the river in November, officials said on Tuesday."
    )
    values = _values(text, "2023-04-20")
    assert values["November"] == "2022-11"
    assert values["Tuesday"] == "2023-04-18"


def test_year_ranges_and_centuries() -> None:
    found = {
        m.text: (m.granularity, m.year) for m in find_mentions("In 1957–58 and 2009-2010, as in the 19th century.")
    }
    assert found == {
        "1957": ("year", 1957),
        "58": ("year", 1958),
        "2009": ("year", 2009),
        "2010": ("year", 2010),
        "19th century": ("century", 1800),
    }
    assert _values("Such bridges were built in the early nineteenth century.", "2024-01-01") == {
        "early nineteenth century": "18"
    }


def test_numeric_dates_follow_the_order_the_article_writes_them() -> None:
    european = "Key dates: 30.11.2022 – proposal. 4/3/2024 – deal. Fines reach €500."
    assert _values(european, "2024-03-21")["4/3/2024"] == "2024-03-04"
    american = "Key dates: 11/30/2022 – proposal. 4/3/2024 – deal. Fines reach $500."
    assert _values(american, "2024-03-21")["4/3/2024"] == "2024-04-03"


def test_a_clock_time_and_the_day_of_a_market_report() -> None:
    text = "Markets closed lower on Monday. The index fell 3% to end the day at 7,114, and trading halted at 16:08 UTC."
    values = _values(text, "2009-02-24")
    assert values["the day"] == "2009-02-23"
    assert values["16:08 UTC"] == "2009-02-23"
