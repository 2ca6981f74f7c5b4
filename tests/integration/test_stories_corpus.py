"""Issue 13 acceptance on our own corpus: 100 stories over a year with planted wire copies,
loaded by the real pipeline (real spaCy, real PostgreSQL). Numbers: benchmarks/bench_stories.py."""

from __future__ import annotations

import pytest

from etl import report
from etl.runner import run
from tests.stories_corpus import build, measure


@pytest.fixture(scope="module")
def loaded(warehouse, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    docs = build(folder, stories=100)
    result = run(str(folder), engine=warehouse, trigger="test", include=("*.html", "*.txt"))
    assert result.summary.loaded == len(docs) >= 100
    return warehouse, folder


@pytest.mark.slow
def test_dates_copies_and_story_sums_on_the_corpus(loaded):
    engine, folder = loaded
    m = measure(engine, folder)
    assert m["figures_dated_by_load_day"] == 0
    assert m["published_right"] == m["published_expected"]
    assert m["event_dates_right"] >= 0.9 * m["event_dates_resolvable"] > 0, m
    assert m["pair_precision"] >= 0.95 and m["pair_recall"] >= 0.95, m
    assert m["view_totals"] == m["hand_count"], m


@pytest.mark.slow
def test_report_of_the_corpus_bins_by_week_and_caps_the_outlier(loaded, tmp_path):
    engine, _ = loaded
    text = report.write_html(engine, tmp_path / "r.html").read_text()
    assert "Casualties by week and place: killed" in text
    assert "axis capped" in text  # the 1,850 of one disaster would flatten every other bar
    assert "Data quality" in text and text.count("Plotly.newPlot(") == 4
