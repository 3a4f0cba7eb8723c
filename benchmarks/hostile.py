"""Hostile pages, feeds and address spellings of our own making, for benchmarks.hostile_pages and the tests."""

from __future__ import annotations

import ipaddress

STORY = (
    "The harbour council voted on Tuesday to keep the island ferry running through the winter, after a "
    "petition signed by more than two thousand residents asked it to reverse a plan to cut the service. "
    "“We would rather run two full boats than four empty ones,” said Tomas Berg, the operator's chief "
    "executive, who had proposed the cut in September. The subsidy will be reviewed again in the spring. "
)


def article_page(title: str = "Harbour council keeps the winter ferry", head: str = "", body: str = "") -> bytes:
    """An ordinary news page of our own, with `head` and `body` markup added."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
        f"<p>By Jane Doe · 4 November 2024</p><p>{STORY}</p><p>{STORY}</p>{body}</article></body></html>"
    ).encode()


def million_paragraphs() -> bytes:
    """4 MB of markup: a million tiny paragraphs (under the 5 MB article limit)."""
    return b"<html><body>" + b"<p>x" * 1_000_000 + b"</body></html>"


def many_elements(count: int = 60_000) -> bytes:
    """An article with `count` short paragraphs: fewer tags than a million, still far more than any news page."""
    return article_page(body="<p>word word</p>" * count)


def deep_nesting(depth: int = 5_000) -> bytes:
    return article_page(body="<div>" * depth + STORY + "</div>" * depth)


def text_flood(words: int = 800_000) -> bytes:
    """An article followed by 4 MB of plain words in a few paragraphs."""
    return article_page(body="".join(f"<p>{'word ' * 10_000}</p>" for _ in range(words // 10_000)))


def deep_json_ld(depth: int = 100_000) -> bytes:
    """An ordinary article whose JSON-LD nests `depth` brackets."""
    return article_page(head=f'<script type="application/ld+json">{"[" * depth}{"]" * depth}</script>')


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><link>{link}</link></item>" for link in links)
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>{items}</channel></rss>'.encode()
    )


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
PRIVATE = ["127.0.0.1", "10.0.0.1", "192.168.0.1", "169.254.169.254"]


def spellings(address: str) -> dict[str, str]:
    """One IPv4 address as URL hosts that the HTTP client or the system resolver read as that address."""
    number, parts = int(ipaddress.IPv4Address(address)), address.split(".")
    return {
        "ideographic dots": address.replace(".", "。"),
        "full-width dots": address.replace(".", "．"),
        "half-width ideographic dots": address.replace(".", "｡"),
        "full-width digits": address.translate(FULL_WIDTH),
        "a superscript digit": address[:-1] + address[-1].translate(SUPERSCRIPT),
        "percent-encoded digits": "".join(f"%{ord(c):02X}" for c in parts[0]) + address[len(parts[0]) :],
        "a trailing dot": address + ".",
        "a trailing ideographic dot": address.replace(".", "。") + "。",
        "a decimal integer": str(number),
        "a hex integer": hex(number),
        "octal parts": ".".join(f"0{int(part):o}" for part in parts),
        "hex parts": ".".join(hex(int(part)) for part in parts),
        "two parts": f"{parts[0]}.{number & 0xFFFFFF}",
        "IPv4-mapped IPv6": f"[::ffff:{address}]",
        "IPv4-mapped IPv6 in hex": f"[0:0:0:0:0:ffff:{number >> 16:x}:{number & 0xFFFF:x}]",
        "IPv4-compatible IPv6": f"[::{address}]",
        "NAT64": f"[64:ff9b::{address}]",
        "6to4": f"[2002:{number >> 16:x}:{number & 0xFFFF:x}::]",
    }
