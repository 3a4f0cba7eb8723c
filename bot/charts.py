"""The timeline chart drawn as a PNG with matplotlib (Agg, no display), readable on dark and light themes."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.answers.timeline_chart import ChartData

FILENAME = "timeline.png"
INK = "#8e9297"  # mid grey: legible on Discord's dark (#313338) and light (#ffffff) backgrounds
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#edc948", "#9c755f"]
SIZE_INCHES, DPI = (12, 4.5), 100  # 1200 × 450 pixels


def render(chart: ChartData) -> bytes:
    """The chart as PNG bytes: stacked bars per source, approximate dates hatched, the asked period shaded."""
    import matplotlib  # here, not at start-up: a quarter of a second the bot need not wait for before it answers

    matplotlib.use("Agg")  # before pyplot: no display on a server
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=SIZE_INCHES, dpi=DPI)
    try:
        figure.patch.set_alpha(0)
        axes.set_facecolor("none")
        positions = range(len(chart.bins))
        if chart.shaded is not None:
            first, last = chart.shaded
            axes.axvspan(first - 0.5, last + 0.5, color=INK, alpha=0.15, lw=0, label="period asked")
        bottom = [0] * len(chart.bins)
        for colour, (source, counts) in zip(PALETTE, chart.precise.items(), strict=False):
            axes.bar(positions, counts, bottom=bottom, color=colour, label=_short(source), width=0.8)
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        if any(chart.approximate):
            axes.bar(
                positions,
                chart.approximate,
                bottom=bottom,
                color="none",
                edgecolor=INK,
                hatch="//",
                label="approximate date",
                width=0.8,
            )
        if chart.coarser:
            axes.plot([], [], " ", label=chart.coarser_note())
        axes.set_ylim(0, max(chart.totals(), default=0) + 1)  # room above the tallest bar
        axes.set_title(chart.title, color=INK)
        axes.set_ylabel("events", color=INK)
        axes.set_xlabel(chart.unit, color=INK)
        step = max(1, len(chart.bins) // 16)
        axes.set_xticks(list(positions)[::step], chart.bins[::step], rotation=45, ha="right")
        axes.tick_params(colors=INK)
        axes.yaxis.get_major_locator().set_params(integer=True)
        for spine in axes.spines.values():
            spine.set_color(INK)
        if chart.precise or any(chart.approximate):
            axes.legend(frameon=False, fontsize="small", labelcolor=INK, loc="upper left", bbox_to_anchor=(1.01, 1))
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", transparent=True)
        return buffer.getvalue()
    finally:
        plt.close(figure)


def _short(headline: str) -> str:
    return headline if len(headline) <= 48 else headline[:47] + "…"
