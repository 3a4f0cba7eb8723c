"""Replies sent to Discord as the core lays them out: the embed, and a view whose buttons turn pages or act."""

from __future__ import annotations

import asyncio
import io
import logging
from typing import Any

import discord

from bot.core.replies.layout import Layout, layout
from bot.core.replies.reply import Reply
from bot.glue.invocations import invocation_for
from bot.glue.tree import apologise

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
TIMEOUT_SECONDS = 180.0
MAX_LIVE_VIEWS = 2000  # replies with live buttons at once; past it the oldest's buttons go, as at their timeout
LIVE_VIEWS: dict[ReplyView, None] = {}  # oldest first; stopped when the bot closes


class ReplyView(discord.ui.View):
    """The buttons of a reply's layout (page turning after RoboPages, then actions); only the invoker may press."""

    def __init__(self, reply: Reply, owner_id: int, command: str) -> None:
        super().__init__(timeout=TIMEOUT_SECONDS)
        self.reply = reply
        self.owner_id = owner_id
        self.command = command
        self.message: discord.Message | discord.InteractionMessage | None = None
        self.laid = self.lay_out(0)
        LIVE_VIEWS[self] = None
        while len(LIVE_VIEWS) > MAX_LIVE_VIEWS:  # a flood of paged replies: memory stays bounded
            oldest = next(iter(LIVE_VIEWS))
            oldest.stop()
            if oldest.message is not None:
                asyncio.ensure_future(oldest.on_timeout())

    @classmethod
    def for_reply(cls, reply: Reply, owner_id: int, command: str) -> ReplyView | None:
        if len(reply.pages) <= 1 and not reply.actions:
            return None
        return cls(reply, owner_id, command)

    def lay_out(self, page: int) -> Layout:
        """Show `page`: the view's buttons take the layout's labels, styles and states.

        The same button objects are kept while the layout has the same ids: a press that arrives while an
        edit is on its way is dispatched to the buttons discord.py registered with the last message."""
        self.laid = layout(self.reply, page)
        specs = [(row_number, spec) for row_number, row in enumerate(self.laid.rows) for spec in row]
        if [spec.custom_id for _, spec in specs] != [item.custom_id for item in self.children]:
            self.clear_items()
            for row_number, spec in specs:
                button = discord.ui.Button(custom_id=spec.custom_id, row=row_number)
                button.callback = self._pressed(spec.custom_id)
                self.add_item(button)
        for item, (_, spec) in zip(self.children, specs, strict=True):
            item.label, item.disabled, item.style = spec.label, spec.disabled, discord.ButtonStyle(spec.style)
        return self.laid

    def stop(self) -> None:
        LIVE_VIEWS.pop(self, None)
        super().stop()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            f"These buttons belong to whoever ran the command; run `/{self.command}` yourself to get your own.",
            ephemeral=True,
        )
        return False

    def _pressed(self, custom_id: str):
        kind, _, key = custom_id.partition(":")

        async def callback(interaction: discord.Interaction) -> None:
            if kind == "action":
                await self._act(interaction, self.reply.actions[int(key)])
                return
            if kind == "goto":
                await self.show(interaction, int(key))
                return
            last = len(self.reply.pages) - 1
            target = {"first": 0, "back": self.laid.page - 1, "next": self.laid.page + 1, "last": last}[key]
            await self.show(interaction, target)

        return callback

    async def show(self, interaction: discord.Interaction, page: int) -> None:
        laid = self.lay_out(page)
        await interaction.response.edit_message(embed=embed_for(laid), view=self, allowed_mentions=NO_MENTIONS)

    async def _act(self, interaction: discord.Interaction, action) -> None:
        """Run the action's command again; its reply replaces this one in place (a notice comes privately)."""
        app = interaction.client.app  # type: ignore[attr-defined]
        with app.busy():
            command = app.commands[action.command]
            reply = await app.answer(await invocation_for(interaction, command, action.options))
            if reply.ephemeral and not self.reply.ephemeral:  # a private notice never replaces a public reply
                await interaction.response.send_message(
                    embed=embed_for(layout(reply)), ephemeral=True, allowed_mentions=NO_MENTIONS
                )
                return
            self.reply = reply
            await self.show(interaction, 0)

    async def on_timeout(self) -> None:
        LIVE_VIEWS.pop(self, None)
        if self.message is not None:
            try:
                await self.message.edit(view=None)
            except discord.HTTPException:
                pass  # the message is gone or the token expired: nothing left to tidy

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        await apologise(interaction, error)


def embed_for(laid: Layout) -> discord.Embed:
    return discord.Embed.from_dict(laid.embed)


async def show(interaction: discord.Interaction, reply: Reply, command: str) -> None:
    """Send a reply as the interaction's answer (or follow-up, once deferred), with its buttons."""
    view = ReplyView.for_reply(reply, interaction.user.id, command)
    laid = view.laid if view is not None else layout(reply)
    kwargs: dict[str, Any] = {"embed": embed_for(laid), "allowed_mentions": NO_MENTIONS}
    if reply.files:
        kwargs["files"] = [discord.File(io.BytesIO(data), filename=name) for name, data in reply.files.items()]
    if view is not None:
        kwargs["view"] = view
    if not interaction.response.is_done():
        sent = await interaction.response.send_message(ephemeral=reply.ephemeral, **kwargs)
        message = sent.resource if isinstance(sent.resource, discord.InteractionMessage) else None
    else:
        if reply.ephemeral and not interaction.extras.get("deferred_privately"):
            # Discord ignores `ephemeral` on the follow-up that replaces a public "thinking…" message:
            # remove that message so a private notice stays private.
            await interaction.delete_original_response()
        message = await interaction.followup.send(ephemeral=reply.ephemeral, wait=True, **kwargs)
    if view is not None:
        view.message = message
