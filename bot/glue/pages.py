"""Buttons under a reply: page through it, or run its action again; only the invoker may press."""

from __future__ import annotations

import logging
import weakref

import discord

from bot.core.replies import Reply
from bot.core.text import truncate

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 180.0
LIVE_VIEWS: weakref.WeakSet[ReplyView] = weakref.WeakSet()  # stopped when the bot closes


class ReplyView(discord.ui.View):
    """First/back/current/next/last over a reply's pages (after RoboPages), plus its action buttons."""

    def __init__(self, reply: Reply, owner_id: int, command: str) -> None:
        super().__init__(timeout=TIMEOUT_SECONDS)
        self.reply = reply
        self.owner_id = owner_id
        self.command = command
        self.page = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        if len(reply.pages) <= 1:
            for item in (self.first, self.back, self.current, self.next, self.last):
                self.remove_item(item)
        for index, action in enumerate(reply.actions[:5]):
            button = discord.ui.Button(label=truncate(action.label, 80), style=discord.ButtonStyle.primary, row=1)
            button.callback = self._action_callback(index)
            self.add_item(button)
        self._refresh()
        LIVE_VIEWS.add(self)

    def stop(self) -> None:
        LIVE_VIEWS.discard(self)
        super().stop()

    @classmethod
    def for_reply(cls, reply: Reply, owner_id: int, command: str) -> ReplyView | None:
        if len(reply.pages) <= 1 and not reply.actions:
            return None
        return cls(reply, owner_id, command)

    def _refresh(self) -> None:
        last = len(self.reply.pages) - 1
        self.first.disabled = self.back.disabled = self.page == 0
        self.next.disabled = self.last.disabled = self.page >= last
        self.current.label = f"{self.page + 1}/{last + 1}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message("These buttons belong to whoever ran the command; "
                                                f"run `/{self.command}` yourself to get your own.", ephemeral=True)
        return False

    async def show(self, interaction: discord.Interaction, page: int) -> None:
        from bot.glue.render import NO_MENTIONS, embed_for

        self.page = max(0, min(page, len(self.reply.pages) - 1))
        self._refresh()
        await interaction.response.edit_message(embed=embed_for(self.reply, self.page), view=self,
                                                allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="≪", style=discord.ButtonStyle.secondary, row=0)
    async def first(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, 0)

    @discord.ui.button(label="Back", style=discord.ButtonStyle.primary, row=0)
    async def back(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, self.page - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True, row=0)
    async def current(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, self.page)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary, row=0)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, self.page + 1)

    @discord.ui.button(label="≫", style=discord.ButtonStyle.secondary, row=0)
    async def last(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, len(self.reply.pages) - 1)

    def _action_callback(self, index: int):
        async def callback(interaction: discord.Interaction) -> None:
            from bot.glue.render import invocation_for

            action = self.reply.actions[index]
            app = interaction.client.app  # type: ignore[attr-defined]
            with app.busy():
                reply = await app.answer(invocation_for(interaction, action.command, **action.options))
            if reply.ephemeral:
                await interaction.response.send_message(embed=_embed(reply), ephemeral=True)
                return
            self.reply, self.page = reply, 0
            self._refresh()
            await self.show(interaction, 0)

        return callback

    async def on_timeout(self) -> None:
        LIVE_VIEWS.discard(self)
        if self.message is not None:
            try:
                await self.message.edit(view=None)
            except discord.HTTPException:
                pass  # the message is gone or the token expired: nothing left to tidy

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        from bot.glue.tree import apologise

        await apologise(interaction, error)


def _embed(reply: Reply) -> discord.Embed:
    from bot.glue.render import embed_for

    return embed_for(reply)
