"""The casualties chart stays legible whatever the range: bins and a capped axis."""

from __future__ import annotations

import datetime as dt

from etl.report import axis_cap, bin_start, bin_unit, casualties_figure

D = dt.date(2025, 1, 1)


def test_bins_widen_with_the_range():
    assert bin_unit([D, D + dt.timedelta(days=30)])[0] == "day"
    assert bin_unit([D, D + dt.timedelta(days=300)])[0] == "week"
    assert bin_unit([D, D + dt.timedelta(days=13 * 365)])[0] == "month"
    assert bin_start(dt.date(2025, 3, 6), "week") == dt.date(2025, 3, 3)
    assert bin_start(dt.date(2025, 3, 6), "month") == dt.date(2025, 3, 1)


def test_an_outlier_caps_the_axis():
    assert axis_cap([2024, 40, 30, 12]) == 40 * 1.3
    assert axis_cap([50, 40, 30]) is None
    rows = [(D, "A", "killed", 2024), (D + dt.timedelta(days=200), "A", "killed", 30),
            (D + dt.timedelta(days=300), "B", "killed", 20)]
    fig = casualties_figure(rows)
    assert fig.layout.yaxis.range[1] < 100
    assert any("2,024" in a.text for a in fig.layout.annotations)
    widths = {w for bar in fig.data for w in bar.width}
    assert widths == {0.85 * 7 * 86_400_000}  # week bars: a week wide, not a day
