"""The real entry point, `python -m bot`, as a child process logged in to an emulator in this process."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from .server import DiscordEmulator

REPO_ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 60.0  # a cold start imports discord.py and builds the corpus index


class BotProcess:
    """`python -m bot` with the settings pointing at `emulator`; its stderr (the logs) goes to a file.

    async with BotProcess(emulator, token, tmp_path, BOT_COOLDOWN_USES="0") as bot:
        await bot.ready()
        ...
    """

    def __init__(self, emulator: DiscordEmulator, token: str, workdir: Path, **settings: str) -> None:
        self.emulator = emulator
        self.database = workdir / "bot.sqlite3"
        self.log_file = workdir / "bot.log"
        self.environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "BOT_"))},
            "DISCORD_TOKEN": token,
            "DISCORD_API_BASE_URL": emulator.api_url,
            "DISCORD_GATEWAY_URL": emulator.gateway_url,
            "DISCORD_GUILD_ID": str(emulator.guild_id),
            "BOT_DATABASE": str(self.database),
            "BOT_LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
            **settings,
        }
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> BotProcess:
        with self.log_file.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=REPO_ROOT,
                env=self.environment,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )
        return self

    @property
    def pid(self) -> int:
        return self.process.pid

    async def ready(self, timeout: float = READY_TIMEOUT, shards: int = 1) -> None:
        """Wait until the bot has synced its commands (or found them unchanged) and joined the gateway."""

        async def joined() -> None:
            await self.emulator.gateway.wait_connected(timeout, shards=shards)
            await self.emulator.wait_for(lambda: "slash commands" in self.logs(), timeout)

        waiting = asyncio.ensure_future(joined())
        exited = asyncio.ensure_future(self.process.wait())
        done, _ = await asyncio.wait({waiting, exited}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if waiting not in done:
            waiting.cancel()
            exited.cancel()
            raise AssertionError(
                f"bot process not ready within {timeout}s (exit code {self.process.returncode}):\n{self.logs()[-3000:]}"
            )
        exited.cancel()
        waiting.result()

    def logs(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace") if self.log_file.exists() else ""

    async def terminate(self, timeout: float) -> int:
        """SIGTERM, as a platform sends on redeploy; the exit code, or an AssertionError after `timeout`."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            raise AssertionError(f"bot did not exit within {timeout}s of SIGTERM:\n{self.logs()[-3000:]}") from None

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()

    async def __aenter__(self) -> BotProcess:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.kill()
