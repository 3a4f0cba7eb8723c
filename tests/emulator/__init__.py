"""A loopback Discord (REST + gateway) that the real discord.py client logs in to, for end-to-end tests.

    async with DiscordEmulator() as discord_:
        # point the client at discord_.api_url / discord_.gateway_url (or use discord_.patched_discord())
        exchange = await discord_.invoke("article search", {"query": "kharkiv"})
        reply = await exchange.reply()          # the message body the user sees
        page_two = await discord_.press(exchange.original_message_id, "pages:next")

Every REST request is kept in `discord_.requests`; `spec.request_problems` checks each against Discord's
OpenAPI description and limits. Faults: `discord_.fail(method, route, status=429|500|502, times=n)` and
`discord_.gateway.drop(code)`.
"""

from .exchange import Answer, Exchange
from .payloads import Person
from .server import DiscordEmulator, Fault, Request

__all__ = ["Answer", "DiscordEmulator", "Exchange", "Fault", "Person", "Request"]
