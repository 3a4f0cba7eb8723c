"""Where the bot may fetch from: a URL's host read as the HTTP client will connect to it, and every address it is
about to connect to, literal or resolved, refused when it is the host's own network in any spelling."""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from collections.abc import Callable, Collection
from typing import Any
from urllib.parse import unquote, urlsplit

import yarl
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import DefaultResolver

from bot.core.replies.reply import UserError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# True: any private address (tests only); or exactly these endpoints, "127.0.0.1:8080" or "[::1]:8080" (tests
# that need one loopback server while every other address stays refused)
Allowed = bool | Collection[str]
AddrInfo = tuple[int, int, int, str, tuple[Any, ...]]

NAT64 = ipaddress.ip_network("64:ff9b::/96")  # an IPv4 address in the last 32 bits, reached through a gateway
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")  # a network's own translators: never a public page
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})  # what IDNA maps to a full stop
_NUMERIC = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}", re.IGNORECASE)
PUBLIC_ONLY = "the bot fetches only public web pages."


class Refused(UserError):
    """A URL the bot will not fetch, and why."""


class RefusedAtConnect(Refused, OSError):
    """Refused where the socket is made: an OSError, so the HTTP client hands it back as the cause of its own."""


def endpoint(address: IPAddress, port: int | None) -> str:
    return f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries and leads to: IPv4-mapped, IPv4-compatible (::a.b.c.d), NAT64, 6to4."""
    if address.version == 4:
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address in NAT64 or int(address) >> 32 == 0 and int(address) > 1:  # not :: and ::1 themselves
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def kind_of(address: IPAddress) -> tuple[str, IPAddress] | None:
    """('loopback', 'private', 'link-local or cloud metadata' or 'reserved', the address judged) for an address
    of the host's own network, or for the IPv4 address an IPv6 one carries; None for a public address."""
    for ip in (_embedded_ipv4(address), address):
        if ip is None or ip.is_global and not ip.is_multicast and ip not in LOCAL_NAT64:
            continue
        if ip.is_loopback or ip.is_unspecified:  # 0.0.0.0 and :: reach this host's own services
            return "loopback", ip
        if ip.is_link_local:
            return "link-local or cloud metadata", ip
        return ("private" if ip.is_private else "reserved"), ip
    return None


def literal_address(host: str) -> IPAddress | None:
    """The address a URL's host names when it is a literal, however written: full-width or ideographic dots and
    digits, percent-encoding, a trailing dot, a zone id, or the decimal, octal and hex forms that inet_aton
    (and so the system resolver) reads as IPv4 ('2130706433', '0x7f.1', '0177.0.0.1', '127.1'); None for a name."""
    text = unicodedata.normalize("NFKC", unquote(host)).translate(_DOTS).strip("[]").rstrip(".")
    text = text.partition("%")[0]  # a zone id names an interface, not another address
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if _NUMERIC.fullmatch(text):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def _is_local_name(host: str) -> bool:
    name = unicodedata.normalize("NFKC", unquote(host)).translate(_DOTS).rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


def _typed_host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def check_address(
    address: IPAddress, port: int | None, allowed: Allowed, shown: str, refused: type[Refused] = Refused
) -> None:
    """Refused (as `refused`) when the bot may not connect to this address; `shown` is the host as typed."""
    if allowed is True or (allowed and endpoint(address, port) in allowed):
        return
    if found := kind_of(address):
        kind, judged = found
        raise refused(f"{shown[:100]} is a {kind} address ({judged}): {PUBLIC_ONLY}")


def check_url(url: str, allowed: Allowed = False) -> yarl.URL:
    """The URL as the HTTP client will request it, checked: Refused for a scheme other than http(s), no host, or
    a host that is an address of the host's own network however it is spelled (the one check the bot, feeds and
    the console use; a name is checked again for what it resolves to, when it is resolved)."""
    try:
        parsed = yarl.URL(url)
        host, port = parsed.raw_host, parsed.port  # IDNA-mapped, as the client connects to it
    except (ValueError, TypeError):
        raise Refused(f"“{url[:100]}” is not a web address.") from None
    if parsed.scheme not in ("http", "https") or not host:
        raise Refused(f"Only http:// and https:// pages can be added, not “{url[:100]}”.")
    if allowed is not True:
        address = literal_address(host)
        if address is not None:
            check_address(address, port, allowed, _typed_host(url) or host)
        elif _is_local_name(host):
            raise Refused(f"{host[:100]} is a loopback address: {PUBLIC_ONLY}")
    return parsed


class PublicResolver(AbstractResolver):
    """DNS that answers only with public addresses, checked where the connection is made (so a name that
    resolves to a public address once and a private one later cannot slip through)."""

    def __init__(self, allowed: Allowed = False) -> None:
        self._resolver = DefaultResolver()
        self._allowed = allowed

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[dict[str, Any]]:
        answers = await self._resolver.resolve(host, port, family)
        for answer in answers:
            address = ipaddress.ip_address(answer["host"].partition("%")[0])
            if kind_of(address) and not (self._allowed and endpoint(address, port) in self._allowed):
                # not which address, nor what kind: a private name's records are nobody's business
                raise Refused(f"{host[:100]} leads to the host's own network: {PUBLIC_ONLY}")
        return answers

    async def close(self) -> None:
        await self._resolver.close()


def guarded_socket(allowed: Allowed = False) -> Callable[[AddrInfo], socket.socket]:
    """A socket factory for the HTTP client that refuses to make a socket for an address of the host's own
    network: the last check, on the very address about to be connected to, whichever way it was found."""

    def make(addr_info: AddrInfo) -> socket.socket:
        family, kind, protocol, _, sockaddr = addr_info
        address = ipaddress.ip_address(str(sockaddr[0]).partition("%")[0])
        check_address(address, sockaddr[1], allowed, str(address), RefusedAtConnect)
        return socket.socket(family, kind, protocol)

    return make
