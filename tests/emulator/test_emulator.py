"""The emulator checked with a plain discord.Client and CommandTree: login, sync, replies, buttons, faults."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest
from discord import app_commands

from tests.emulator import DiscordEmulator
from tests.emulator.spec import (
    command_problems,
    mention_problems,
    message_problems,
    recorded_problems,
    spec_available,
    spec_problems,
)

CITIES = [f"City {number:02d}" for number in range(40)]


class Counter(discord.ui.View):
    """A button only the person who asked may press."""

    def __init__(self, owner_id: int) -> None:
        super().__init__(timeout=30)
        self.owner_id, self.count = owner_id, 0

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message("Not your counter.", ephemeral=True)
            return False
        return True

    @discord.ui.button(label="+1", custom_id="counter:add")
    async def add(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.count += 1
        await interaction.response.edit_message(content=f"Count: {self.count}", view=self)


class Probe(discord.Client):
    """The smallest client with a slash command, a deferred one, autocomplete and a View."""

    def __init__(self, guild_id: int) -> None:
        super().__init__(intents=discord.Intents.default(), allowed_mentions=discord.AllowedMentions.none())
        self.guild = discord.Object(guild_id)
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(guild=self.guild, description="Repeat what you typed")
        async def echo(interaction: discord.Interaction, text: str) -> None:
            await interaction.response.send_message(f"You said: {text}")

        @echo.autocomplete("text")
        async def echo_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice]:
            return [app_commands.Choice(name=c, value=c) for c in CITIES if current.lower() in c.lower()][:25]

        @self.tree.command(guild=self.guild, description="Think, then answer")
        async def slow(interaction: discord.Interaction, seconds: int = 0) -> None:
            await interaction.response.defer(thinking=True)
            await interaction.followup.send(f"Done after {seconds}s", embed=discord.Embed(title="Result"))

        @self.tree.command(guild=self.guild, description="Count button presses")
        async def counter(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("Count: 0", view=Counter(interaction.user.id))

    async def setup_hook(self) -> None:
        await self.tree.sync(guild=self.guild)


@pytest.fixture
async def probe(emulator: DiscordEmulator) -> AsyncIterator[Probe]:
    with emulator.patched_discord():
        client = Probe(emulator.guild_id)
        running = asyncio.create_task(client.start("emulated-token"))
        await emulator.wait_for_commands(emulator.guild_id)
        await emulator.gateway.wait_connected()
        yield client
        await client.close()
        await asyncio.wait_for(running, 5)
    assert recorded_problems(emulator.requests) == []


async def test_client_logs_in_identifies_and_syncs_its_commands(emulator, probe):
    first = [(r.method, r.route) for r in emulator.requests[:2]]
    assert first == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me")]
    assert emulator.gateway.identified == 1
    identify = next(m for m in emulator.gateway.received if m["op"] == 2)
    assert identify["d"]["token"] == "emulated-token"
    synced = {c["name"]: c for c in emulator.commands[emulator.guild_id]}
    assert sorted(synced) == ["counter", "echo", "slow"]
    assert synced["echo"]["options"][0] == {
        **synced["echo"]["options"][0],
        "name": "text",
        "type": 3,
        "autocomplete": True,
        "required": True,
    }
    assert probe.user.id == emulator.application_id


async def test_a_slash_command_is_answered_without_pinging_anyone(emulator, probe):
    exchange = await emulator.invoke("echo", {"text": "@everyone look"})
    reply = await exchange.reply()
    assert reply["content"] == "You said: @everyone look"
    assert reply["allowed_mentions"] == {"parse": []}
    assert emulator.message(exchange.original_message_id)["content"] == "You said: @everyone look"


async def test_a_deferred_command_answers_with_a_followup(emulator, probe):
    exchange = await emulator.invoke("slow", {"seconds": 2})
    assert (await exchange.response())["type"] == 5
    followup = await exchange.reply()
    assert followup["content"] == "Done after 2s" and followup["embeds"][0]["title"] == "Result"
    assert [a.kind for a in exchange.answers] == ["callback", "followup"]


async def test_autocomplete_gets_at_most_25_choices(emulator, probe):
    everything = await (await emulator.autocomplete("echo", {"text": ""}, focused="text")).choices()
    assert len(everything) == 25 and everything[0] == {"name": "City 00", "value": "City 00"}
    narrowed = await (await emulator.autocomplete("echo", {"text": "ty 3"}, focused="text")).choices()
    assert [c["value"] for c in narrowed] == [f"City 3{n}" for n in range(10)]


async def test_a_button_press_updates_the_message_and_a_stranger_is_refused(emulator, probe):
    exchange = await emulator.invoke("counter")
    await exchange.reply()
    message_id = exchange.original_message_id
    pressed = await (await emulator.press(message_id, "counter:add")).response()
    assert pressed["type"] == 7 and emulator.message(message_id)["content"] == "Count: 1"
    refused = await (await emulator.press(message_id, "counter:add", user=emulator.other_user)).reply()
    assert refused["content"] == "Not your counter." and refused["flags"] & 64
    assert emulator.message(message_id)["content"] == "Count: 1"


async def test_a_rate_limited_callback_is_retried_after_retry_after(emulator, probe):
    route = "/interactions/{interaction_id}/{interaction_token}/callback"
    emulator.fail("POST", route, status=429, times=1, retry_after=0.05)
    reply = await (await emulator.invoke("echo", {"text": "again"})).reply()
    assert reply["content"] == "You said: again"
    assert [r.status for r in emulator.requests_to("POST", route)] == [429, 200]


async def test_a_server_error_on_a_followup_is_retried(emulator, probe):
    emulator.fail("POST", "/webhooks/{webhook_id}/{webhook_token}", status=502, times=1)
    exchange = await emulator.invoke("slow")
    assert (await exchange.reply(timeout=6))["content"] == "Done after 0s"
    statuses = [r.status for r in emulator.requests_to("POST", "/webhooks/{webhook_id}/{webhook_token}")]
    assert statuses == [502, 200]


async def test_a_dropped_gateway_is_resumed_and_interactions_still_arrive(emulator, probe):
    await emulator.gateway.drop(code=4000)
    await emulator.wait_for(lambda: emulator.gateway.resumed == 1)
    resume = next(m for m in emulator.gateway.received if m["op"] == 6)
    assert resume["d"]["session_id"] == emulator.gateway.session_id and emulator.gateway.identified == 1
    reply = await (await emulator.invoke("echo", {"text": "still here"})).reply()
    assert reply["content"] == "You said: still here"


async def test_an_over_limit_body_is_refused_like_discord_does(emulator, probe):
    channel = probe.get_channel(emulator.channel_id)
    with pytest.raises(discord.HTTPException) as refused:
        await channel.send(embed=discord.Embed(description="x" * 4097))
    assert refused.value.status == 400 and refused.value.code == 50035
    emulator.requests.pop()  # the refused request was meant to be invalid


async def test_a_wrong_token_is_refused_at_login():
    async with DiscordEmulator(token="right") as strict_emulator:
        with strict_emulator.patched_discord():
            client = discord.Client(intents=discord.Intents.none())
            with pytest.raises(discord.LoginFailure):
                await asyncio.wait_for(client.start("wrong"), 5)
            await client.close()
    assert [r.status for r in strict_emulator.requests] == [401]


async def test_an_unsynced_command_cannot_be_invoked(emulator, probe):
    with pytest.raises(KeyError, match="has not synced a /nothing"):
        await emulator.invoke("nothing")
    with pytest.raises(KeyError, match="no option 'query'"):
        await emulator.invoke("echo", {"query": "x"})


# --- the checks themselves, on bodies that break each rule -----------------------------------------------
def test_command_rules_that_the_openapi_file_does_not_encode():
    good = {
        "name": "article",
        "description": "Articles",
        "options": [
            {
                "type": 1,
                "name": "search",
                "description": "Find",
                "options": [
                    {"type": 3, "name": "query", "description": "Words", "required": True, "autocomplete": True}
                ],
            }
        ],
    }
    assert command_problems([good]) == []
    bad = {
        "name": "Article",
        "description": "",
        "options": [
            {
                "type": 3,
                "name": "q",
                "description": "d",
                "autocomplete": True,
                "choices": [{"name": "a", "value": "a"}],
            },
            {"type": 3, "name": "r", "description": "d", "required": True},
        ],
    }
    problems = " | ".join(command_problems([bad]))
    for expected in (
        "name 'Article'",
        "description must be 1-100",
        "autocomplete cannot be combined",
        "required options must come before",
    ):
        assert expected in problems


def test_message_limits_count_the_6000_total_across_embeds_and_unique_custom_ids():
    four = [{"title": "t", "description": "d" * 1600} for _ in range(4)]
    assert any("6000 in total" in p for p in message_problems({"embeds": four}))
    button = {"type": 2, "style": 1, "label": "Go", "custom_id": "same"}
    rows = [{"type": 1, "components": [button, dict(button)]}]
    assert any("not unique" in p for p in message_problems({"components": rows}))
    long_id = [{"type": 1, "components": [{**button, "custom_id": "x" * 101}]}]
    assert any("custom_id" in p for p in message_problems({"components": long_id}))


def test_mentions_policy_flags_a_reply_that_could_ping():
    route = "/interactions/{interaction_id}/{interaction_token}/callback"
    assert mention_problems("POST", route, {"type": 4, "data": {"content": "@everyone"}})
    everyone = {"type": 4, "data": {"content": "hi", "allowed_mentions": {"parse": ["everyone"]}}}
    assert mention_problems("POST", route, everyone)
    silent = {"type": 4, "data": {"content": "hi", "allowed_mentions": {"parse": []}}}
    assert not mention_problems("POST", route, silent)


def test_openapi_validation_finds_the_wrong_part():
    if not spec_available():
        pytest.skip("../shared/discord-api-spec/openapi.json is absent")
    body = {"type": 4, "data": {"embeds": [{"title": "t", "fields": [{"name": "only a name"}]}]}}
    problems = spec_problems("POST", "/interactions/1/token/callback", body)
    assert len(problems) == 1 and "data/embeds/0/fields/0" in problems[0] and "'value'" in problems[0]
    assert spec_problems("POST", "/interactions/1/token/callback", {"type": 8, "data": {"choices": []}}) == []
