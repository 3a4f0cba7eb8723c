"""The timeline chart as a PNG: it decodes, has its size, stays small, and draws the bars it was given."""

from __future__ import annotations

import io

import matplotlib.image

from bot.charts import DPI, SIZE_INCHES, render
from bot.core.answers.timeline_chart import ChartData


def test_the_chart_is_a_png_of_its_size_under_a_megabyte() -> None:
    chart = ChartData(
        "Timeline · 2022",
        "month",
        ["2022-01", "2022-02", "2022-03"],
        {"An article": [1, 0, 3], "Another": [0, 2, 0]},
        [0, 1, 0],
        (0, 2),
        coarser={"season": 1, "year": 2},
    )
    png = render(chart)
    assert png.startswith(b"\x89PNG") and len(png) < 1_000_000
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    assert pixels.shape == (SIZE_INCHES[1] * DPI, SIZE_INCHES[0] * DPI, 4)
    assert pixels[..., 3].min() == 0  # transparent where nothing is drawn: Discord's theme shows through


def test_the_bars_are_as_tall_as_their_counts() -> None:
    """Bars of 1 and 3 events: the second is three times as tall, measured in the picture's own pixels."""
    image = matplotlib.image.imread(io.BytesIO(render(ChartData("T", "month", ["a", "b"], {"x": [1, 3]}, [0, 0]))))
    blue = (image[..., 2] > 0.55) & (image[..., 0] < 0.4) & (image[..., 3] > 0.9)  # the first series' colour
    plot = blue[:, : image.shape[1] * 2 // 3]  # the legend's swatch sits to the right of the plot
    columns = plot.sum(axis=0)
    bars = [columns[: len(columns) // 2].max(), columns[len(columns) // 2 :].max()]
    assert bars[0] > 0 and abs(bars[1] / bars[0] - 3) < 0.1
