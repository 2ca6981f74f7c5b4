"""Reporting over the ``v_*`` views: terminal tables (rich) and a self-contained HTML report
with plotly charts (casualties over time by place, top entities, most-quoted speakers), a
data-quality panel and the largest figures linked to their articles.

Reads only the reporting views (and ``articles.quality_flags`` when that column exists), so it
works as the ``news_reader`` role too. ``since`` / ``until`` bound the days of the dated
sections (a figure's day is its event date, else its article's publication day).
"""

from __future__ import annotations

import datetime as dt
import decimal
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    sql: str  # may use :limit, :since, :until
    columns: tuple[str, ...]


def _between(column: str) -> str:
    """SQL: ``column`` within the optional :since / :until bounds (null bounds: no bound)."""
    return (f"(CAST(:since AS date) IS NULL OR {column} >= CAST(:since AS date))"
            f" AND (CAST(:until AS date) IS NULL OR {column} <= CAST(:until AS date))")


def _in_language(column: str) -> str:
    """SQL: ``column`` is the report's :language (a null :language: every language)."""
    return f"(CAST(:language AS text) IS NULL OR {column} = CAST(:language AS text))"


@dataclass
class Table:
    section: Section
    rows: list[tuple] = field(default_factory=list)
    title: str = ""  # the section's title for this report (its language filled in)


_STORY_DAY = "(first_published AT TIME ZONE 'UTC')::date"

SECTIONS: tuple[Section, ...] = (
    Section(
        "sources",
        "Articles per source",
        "SELECT source, articles, html_articles, text_articles, words, first_day, last_day"
        " FROM v_articles_per_source ORDER BY articles DESC, source LIMIT :limit",
        ("source", "articles", "html", "text", "words", "first day", "last day"),
    ),
    Section(
        "runs",
        "Pipeline runs (latest first; times in UTC)",
        "SELECT run_id, started_at, trigger, status, files_seen, loaded, duplicates, rejected,"
        " seconds, articles_now FROM v_articles_per_run ORDER BY run_id DESC LIMIT :limit",
        ("run", "started", "trigger", "status", "files", "loaded", "dup.", "rej.", "secs",
         "articles"),
    ),
    Section(
        "casualties",
        "Casualties by day, place and category (confirmed or unknown; each story once)",
        "SELECT day, place, country_code, category, figures, stories, sources, total, total_min,"
        " total_max, largest_figure FROM v_casualties_daily"
        f" WHERE figures_counted > 0 AND {_between('day')}"
        " ORDER BY day DESC NULLS LAST, total DESC NULLS LAST, place, category LIMIT :limit",
        ("day", "place", "country", "category", "figures", "stories", "sources", "total", "min",
         "max", "largest"),
    ),
    Section(
        "figures",
        "Largest figures (each story once), with their article",
        "SELECT f.day, f.day_basis, f.place, f.country_code, f.admin1, f.category, f.count,"
        " s.sources, f.article_title, coalesce(f.article_url, f.source_path) AS link"
        " FROM v_casualty_figures f JOIN v_stories s ON s.story_id = f.story_id"
        f" WHERE f.story_counted AND {_between('f.day')}"
        " ORDER BY f.count DESC NULLS LAST, f.day DESC NULLS LAST, f.casualty_id LIMIT :limit",
        ("day", "dated by", "place", "country", "region", "category", "count", "sources",
         "article", "link"),
    ),
    Section(
        "stories",
        "Stories carried by several sources (wire copies)",
        "SELECT story_id, title, articles, sources, array_to_string(source_names, ', '),"
        " first_published FROM v_stories"
        f" WHERE articles > 1 AND {_between(_STORY_DAY)}"
        " ORDER BY sources DESC, articles DESC, story_id LIMIT :limit",
        ("story", "title", "articles", "sources", "carried by", "first published"),
    ),
    Section(
        "entities",
        "Top entities by month and type, {language} (top 3 per type, types voted)",
        "SELECT period_start, type, rank, name, articles, mentions FROM v_top_entities"
        f" WHERE period_type = 'month' AND rank <= 3 AND {_between('period_start')}"
        f" AND {_in_language('language')}"
        " ORDER BY period_start DESC NULLS LAST, type, rank, name LIMIT :limit",
        ("month", "type", "rank", "entity", "articles", "mentions"),
    ),
    Section(
        "cooccurrence",
        "Entity co-occurrence within articles",
        "SELECT entity_a, type_a, entity_b, type_b, articles, paired_mentions"
        " FROM v_entity_cooccurrence"
        " ORDER BY articles DESC, paired_mentions DESC, entity_a, entity_b LIMIT :limit",
        ("entity A", "type A", "entity B", "type B", "articles", "paired mentions"),
    ),
    Section(
        "speakers",
        "Most-quoted speakers, {language}",
        "SELECT speaker, max(speaker_type), count(*) AS quotes,"
        " count(*) FILTER (WHERE kind = 'direct'), count(DISTINCT article_id), min(day), max(day)"
        f" FROM v_quotes_by_speaker WHERE {_between('day')} AND {_in_language('language')}"
        " GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT :limit",
        ("speaker", "type", "quotes", "direct", "articles", "first day", "last day"),
    ),
    Section(
        "languages",
        "Articles per language (unsupported: loaded, not parsed)",
        "SELECT language, articles, unsupported_articles, mean_confidence, declared_or_unknown, words"
        " FROM v_articles_per_language ORDER BY articles DESC, language LIMIT :limit",
        ("language", "articles", "not parsed", "mean confidence", "declared or unknown", "words"),
    ),
    Section(
        "rejected",
        "Rejected files",
        "SELECT path, reason, size, times_seen, last_seen_at FROM v_rejected_files"
        " ORDER BY last_seen_at DESC, path LIMIT :limit",
        ("path", "reason", "bytes", "times seen", "last seen"),
    ),
)


@dataclass(frozen=True)
class Period:
    """The optional date range of a report (inclusive)."""

    since: dt.date | None = None
    until: dt.date | None = None
    language: str | None = "en"  # of the top lists (entities, speakers); None: every language

    def params(self) -> dict:
        return {"since": self.since, "until": self.until, "language": self.language}

    def describe(self) -> str:
        if not (self.since or self.until):
            return "all dates"
        return f"{self.since or '…'} to {self.until or '…'}"

    def language_label(self) -> str:
        """How the top lists name their language: 'English only', 'all languages'."""
        if self.language is None:
            return "all languages"
        return f"{LANGUAGE_NAMES.get(self.language, self.language)} only"


LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch", "zh": "Chinese", "ru": "Russian", "ar": "Arabic"}


def fetch(engine: Engine, limit: int = 20, period: Period = Period()) -> list[Table]:
    """Every section's rows (at most ``limit`` each), in one read-only transaction."""
    tables = []
    with engine.connect() as conn:
        for section in SECTIONS:
            rows = conn.execute(sa.text(section.sql), {"limit": limit, **period.params()}).all()
            title = section.title.replace("{language}", period.language_label())
            tables.append(Table(section, [tuple(r) for r in rows], title))
    return tables


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return f"{value:.1f}"
    return str(value)


# -------------------------------------------------------------------------------- data quality

QUALITY_SQL = """
SELECT articles, articles_without_published, published_sources, stories, copies, figures,
       figures_with_event_date, figures_dated_by_publication, figures_without_date,
       figures_without_place, figures_without_country, figures_in_copies,
       articles_language_unsupported, articles_by_language
  FROM v_data_quality
"""
FLAGGED_SQL = """
SELECT count(*) FILTER (WHERE cardinality(quality_flags) > 0) AS flagged, count(*) AS articles
  FROM articles
"""


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f} %)" if whole else f"{part} of 0"


def _has_quality_flags(conn) -> bool:
    return bool(conn.execute(sa.text(
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'articles'"
        " AND column_name = 'quality_flags'")).scalar())


def quality_numbers(engine: Engine) -> tuple[dict, tuple[int, int] | None]:
    """v_data_quality's row, and (flagged, articles) when articles.quality_flags exists."""
    with engine.connect() as conn:
        q = dict(conn.execute(sa.text(QUALITY_SQL)).mappings().one())
        flagged = tuple(conn.execute(sa.text(FLAGGED_SQL)).one()) if _has_quality_flags(conn) else None
    return q, flagged


def quality(engine: Engine) -> list[tuple[str, str]]:
    """(label, value) lines of the data-quality panel (whole warehouse)."""
    q, flagged = quality_numbers(engine)
    n = q["figures"]
    sources = ", ".join(f"{k} {v}" for k, v in sorted(q["published_sources"].items(), key=lambda kv: -kv[1]))
    lines = [
        ("casualty figures without a date (neither event nor publication date)",
         _share(q["figures_without_date"], n)),
        ("figures dated by their own text (event date)", _share(q["figures_with_event_date"], n)),
        ("figures dated by their article's publication day", _share(q["figures_dated_by_publication"], n)),
        ("figures without a place", _share(q["figures_without_place"], n)),
        ("figures without a country", _share(q["figures_without_country"], n)),
        ("figures that are copies of a counted figure (other articles of the same story)",
         _share(q["figures_in_copies"], n)),
        ("articles without a publication date", _share(q["articles_without_published"], q["articles"])),
        ("publication dates by source", sources or "none"),
        ("stories / articles", f"{q['stories']} / {q['articles']} ({q['copies']} copies of an earlier article)"),
        ("articles in a language without a pipeline (loaded, not parsed: language_unsupported)",
         _share(q["articles_language_unsupported"], q["articles"])),
        ("articles by language", ", ".join(f"{k} {v}" for k, v in sorted(
            q["articles_by_language"].items(), key=lambda kv: (-kv[1], kv[0]))) or "none"),
    ]
    if flagged is not None:
        lines.append(("articles with quality flags (v_article_quality)", _share(flagged[0], flagged[1])))
    return lines


# ------------------------------------------------------------------------------------ terminal


def print_report(engine: Engine, console=None, limit: int = 20, period: Period = Period()) -> list[Table]:
    """Print the main views as rich tables; returns what was printed."""
    from rich.console import Console
    from rich.table import Table as RichTable

    if console is None:
        console = Console()
        if not console.is_terminal:  # piped or captured: don't squeeze into 80 columns
            console = Console(width=max(console.width, 140))
    tables = fetch(engine, limit, period)
    console.print(f"[bold]Data quality[/bold] ({period.describe()} for the dated sections)")
    for label, value in quality(engine):
        console.print(f"  {label}: {value}")
    console.print()
    for table in tables:
        rt = RichTable(title=table.title, title_justify="left", show_lines=False)
        for name, value in zip(table.section.columns, table.rows[0] if table.rows else (), strict=False):
            numeric = isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool)
            rt.add_column(name, justify="right" if numeric else "left", overflow="fold")
        if not table.rows:
            for name in table.section.columns:
                rt.add_column(name)
            rt.caption = "(no rows)"
        for row in table.rows:
            rt.add_row(*(_fmt(v) for v in row))
        console.print(rt)
        console.print()
    return tables


# ---------------------------------------------------------------------------------------- HTML


CASUALTY_SERIES_SQL = f"""
SELECT day, place, category, sum(total)::bigint AS total
  FROM v_casualties_daily
 WHERE total IS NOT NULL AND day IS NOT NULL AND {_between('day')}
 GROUP BY day, place, category
 ORDER BY day, place, category
"""

TOP_ENTITIES_SQL = f"""
SELECT name, type, sum(articles)::int AS articles, sum(mentions)::bigint AS mentions
  FROM v_top_entities
 WHERE period_type = 'month' AND {_between('period_start')} AND {_in_language('language')}
 GROUP BY entity_id, name, type
 ORDER BY mentions DESC, articles DESC, name
 LIMIT :limit
"""

TOP_SPEAKERS_SQL = f"""
SELECT speaker, max(speaker_type), count(*) AS quotes, count(DISTINCT article_id) AS articles
  FROM v_quotes_by_speaker
 WHERE {_between('day')} AND {_in_language('language')}
 GROUP BY speaker
 ORDER BY quotes DESC, speaker
 LIMIT :limit
"""

_TYPE_COLOURS = {
    "PERSON": "#1f77b4", "ORG": "#ff7f0e", "GPE": "#2ca02c", "LOC": "#17becf",
    "NORP": "#9467bd", "FAC": "#8c564b", "EVENT": "#d62728",
}


def _empty(fig, text: str):
    fig.add_annotation(text=text, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": 16, "color": "#666"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


DAY_MS = 86_400_000
# (bin, widest date range in days drawn with it, bin length in days for the bar width)
BINS = (("day", 62, 1), ("week", 2 * 366, 7), ("month", None, 30.4))
CAP_RATIO = 4  # a bin this many times the next largest gets a capped axis and a label


def bin_unit(days: list[dt.date]) -> tuple[str, float]:
    """The bin (day, week, month) that keeps bars visible over the range of ``days``."""
    span = (max(days) - min(days)).days if days else 0
    for unit, widest, length in BINS:
        if widest is None or span <= widest:
            return unit, length
    return BINS[-1][0], BINS[-1][2]


def bin_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def axis_cap(totals: list[int]) -> float | None:
    """A y-axis cap when one bin dwarfs the others (``CAP_RATIO``), else None."""
    ranked = sorted(totals, reverse=True)
    if len(ranked) < 2 or ranked[1] <= 0 or ranked[0] < CAP_RATIO * ranked[1]:
        return None
    return ranked[1] * 1.3


def _binned(rows, unit: str, keep: set[str]) -> dict[tuple[str, str], dict[dt.date, int]]:
    series: dict[tuple[str, str], dict[dt.date, int]] = {}
    for day, place, category, total in rows:
        place = place if place in keep else "other places"
        by_bin = series.setdefault((category, place), {})
        start = bin_start(day, unit)
        by_bin[start] = by_bin.get(start, 0) + int(total)
    return series


def _capped_layout(series, category: str, length: float) -> dict:
    """Layout of one category: the y range (capped when a bin dwarfs the rest) and labels."""
    stacked: dict[dt.date, int] = {}
    for (cat, _), by_bin in series.items():
        if cat == category:
            for start, n in by_bin.items():
                stacked[start] = stacked.get(start, 0) + n
    cap = axis_cap(list(stacked.values()))
    if cap is None:
        return {"yaxis.autorange": True, "yaxis.range": None, "annotations": []}
    notes = [{"x": (start + dt.timedelta(days=length / 2)).isoformat(), "y": cap,
              "text": f"{n:,} ▲ (axis capped)", "showarrow": False, "yanchor": "bottom",
              "font": {"size": 12, "color": "#b00"}}
             for start, n in stacked.items() if n > cap]
    return {"yaxis.autorange": False, "yaxis.range": [0, cap * 1.12], "annotations": notes}


def casualties_figure(rows: list[tuple], max_places: int = 8):
    """Bars of casualties per day, week or month (whatever keeps them visible over the range),
    one colour per place, a button per category; a capped axis when one bar dwarfs the rest."""
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.update_layout(barmode="stack", height=500, yaxis_title="people", legend_title="place")
    rows = [r for r in rows if r[0] is not None]
    if not rows:
        return _empty(fig, "no dated casualty figures")
    unit, length = bin_unit([r[0] for r in rows])
    totals: dict[str, int] = {}
    for _, place, _, total in rows:
        totals[place] = totals.get(place, 0) + int(total)
    keep = set(sorted(totals, key=lambda p: (-totals[p], p))[:max_places])
    series = _binned(rows, unit, keep)
    categories = sorted({c for _, _, c, _ in rows}, key=lambda c: (c != "killed", c))
    traces_of: dict[str, list[int]] = {}
    for (category, place), by_bin in sorted(series.items(), key=lambda kv: (kv[0][0], -sum(kv[1].values()))):
        starts = sorted(by_bin)
        traces_of.setdefault(category, []).append(len(fig.data))
        fig.add_bar(x=[(d + dt.timedelta(days=length / 2)).isoformat() for d in starts],
                    y=[by_bin[d] for d in starts], name=place, legendgroup=place,
                    visible=category == categories[0], width=[0.85 * length * DAY_MS] * len(starts),
                    customdata=[d.isoformat() for d in starts],
                    hovertemplate=f"{category} in {place}<br>{unit} of %{{customdata}}: %{{y}}<extra></extra>")
    title = "Casualties by {} and place: {} (confirmed or unknown; each story once)"
    first, last = min(r[0] for r in rows), max(r[0] for r in rows)
    pad = dt.timedelta(days=length)
    fig.update_xaxes(type="date", title=f"{unit} ({first} to {last})",
                     range=[(bin_start(first, unit) - pad).isoformat(), (bin_start(last, unit) + 2 * pad).isoformat()])
    fig.update_yaxes(tickformat=",d", rangemode="tozero")
    buttons = []
    for category in categories:
        visible = [i in traces_of[category] for i in range(len(fig.data))]
        layout = {"title": title.format(unit, category), **_capped_layout(series, category, length)}
        buttons.append({"label": category, "method": "update", "args": [{"visible": visible}, layout]})
    fig.update_layout(updatemenus=[{"buttons": buttons, "direction": "down", "x": 1.0, "xanchor": "right",
                                    "y": 1.15, "yanchor": "top"}])
    fig.update_layout(buttons[0]["args"][1])
    return fig


def quality_figure(q: dict):
    """Stacked 100 % bars: how figures are dated and placed, how articles are dated."""
    import plotly.graph_objects as go

    n, arts = max(1, q["figures"]), max(1, q["articles"])
    bars = [  # (row, part, count, whole, colour)
        ("figures: date", "event date", q["figures_with_event_date"], n, "#2ca02c"),
        ("figures: date", "publication day", q["figures_dated_by_publication"], n, "#98df8a"),
        ("figures: date", "no date", q["figures_without_date"], n, "#d62728"),
        ("figures: place", "country known", q["figures"] - q["figures_without_country"], n, "#1f77b4"),
        ("figures: place", "no country", q["figures_without_country"], n, "#d62728"),
        ("articles: date", "published date", q["articles"] - q["articles_without_published"], arts, "#9467bd"),
        ("articles: date", "no date", q["articles_without_published"], arts, "#d62728"),
    ]
    fig = go.Figure()
    for row, part, count, whole, colour in bars:
        fig.add_bar(y=[row], x=[100 * count / whole], orientation="h", name=part, marker_color=colour,
                    text=[f"{part}: {count}"], textposition="inside", showlegend=False,
                    hovertemplate=f"{row}, {part}: {count} of {whole} (%{{x:.0f}} %)<extra></extra>")
    fig.update_layout(title="Data quality: how figures and articles are dated and placed", barmode="stack",
                      height=300, xaxis={"title": "% of figures / articles", "range": [0, 100]},
                      margin={"l": 130})
    return fig


def bar_figure(title: str, rows: list[tuple[str, str, int, str]], axis: str):
    """Horizontal bars, largest on top, one colour (and legend entry) per entity type.

    ``rows``: (label, type, value, hover text), largest first.
    """
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.update_layout(title=title, height=max(340, 120 + 26 * len(rows)), xaxis_title=axis,
                      legend_title="type", margin={"l": 240})
    if not rows:
        return _empty(fig, "no rows")
    seen: dict[str, int] = {}
    for label, *_ in rows:
        seen[label] = seen.get(label, 0) + 1
    labelled = [((f"{lab} ({kind})" if seen[lab] > 1 else lab), kind or "unresolved", v, text)
                for lab, kind, v, text in rows]
    for kind in dict.fromkeys(k for _, k, _, _ in labelled):
        mine = [r for r in labelled if r[1] == kind]
        fig.add_bar(y=[r[0] for r in mine], x=[r[2] for r in mine], orientation="h", name=kind,
                    marker_color=_TYPE_COLOURS.get(kind, "#7f7f7f"),
                    text=[r[3] for r in mine], textposition="auto",
                    hovertemplate="%{y}: %{x} (%{text})<extra>" + kind + "</extra>")
    fig.update_yaxes(categoryorder="array", categoryarray=[r[0] for r in labelled][::-1])
    top = max(r[2] for r in labelled)
    fig.update_xaxes(tickformat=",d", dtick=1 if top <= 10 else None, rangemode="tozero")
    return fig


def _href(link: str) -> str:
    """A URL as is; a local path as a file: URI."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", link):
        return link
    return Path(link.split("#", 1)[0]).absolute().as_uri() if link.startswith("/") else link


def _html_cells(table: Table, row: tuple) -> str:
    """Cells of one row; the "article" column links to the row's "link" (URL or path)."""
    cols = table.section.columns
    link = row[cols.index("link")] if "link" in cols else None
    cells = []
    for name, value in zip(cols, row, strict=False):
        text = html.escape(_fmt(value))
        if name == "article" and link:
            text = f'<a href="{html.escape(_href(link))}">{text or "(untitled)"}</a>'
        elif name == "link" and value:
            text = f'<a href="{html.escape(_href(value))}" class="path">{text}</a>'
        cells.append(f"<td>{text}</td>")
    return "".join(cells)


def _html_table(table: Table) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.section.columns)
    if not table.rows:
        body = f'<tr><td colspan="{len(table.section.columns)}" class="none">(no rows)</td></tr>'
    else:
        body = "".join(f"<tr>{_html_cells(table, row)}</tr>" for row in table.rows)
    return (f'<h2 id="{table.section.key}">{html.escape(table.title)}</h2>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _quality_html(lines: list[tuple[str, str]]) -> str:
    items = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in lines)
    return f'<h2 id="quality">Data quality (whole warehouse)</h2><table class="quality">{items}</table>'


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { margin-bottom: 0; } .meta { color: #666; margin-top: .3em; }
table { border-collapse: collapse; margin: .5em 0 2em; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.none { color: #888; font-style: italic; }
.chart { margin: 1em 0 2em; } a.path { color: #555; font-size: 12px; word-break: break-all; }
table.quality th { font-weight: normal; text-align: left; }
"""


def _charts(engine: Engine, period: Period) -> list:
    with engine.connect() as conn:
        cas = [tuple(r) for r in conn.execute(sa.text(CASUALTY_SERIES_SQL), period.params())]
        ents = conn.execute(sa.text(TOP_ENTITIES_SQL), {"limit": 15, **period.params()}).all()
        spk = conn.execute(sa.text(TOP_SPEAKERS_SQL), {"limit": 15, **period.params()}).all()
    q, _ = quality_numbers(engine)
    return [
        casualties_figure(cas),
        quality_figure(q),
        bar_figure(f"Top entities, {period.language_label()} (mentions; types voted across articles)",
                   [(n, t, m, f"{a} article{'s' if a != 1 else ''}") for n, t, a, m in ents], "mentions"),
        bar_figure(f"Most-quoted speakers, {period.language_label()} (case, titles and 'the' folded)",
                   [(sp, t, q_, f"{a} article{'s' if a != 1 else ''}") for sp, t, q_, a in spk], "quotes"),
    ]


def build_html(engine: Engine, limit: int = 20, period: Period = Period()) -> str:
    """The whole report as one HTML document with plotly.js inline (works offline)."""
    tables = fetch(engine, limit, period)
    figures = _charts(engine, period)
    charts = "".join(
        '<div class="chart">'
        + fig.to_html(full_html=False, include_plotlyjs=(i == 0), config={"displaylogo": False})
        + "</div>"
        for i, fig in enumerate(figures)
    )
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>newsetl report</title>"
        f"<style>{_STYLE}</style></head><body>"
        f'<h1>newsetl report</h1><p class="meta">generated {now} from the reporting views'
        f" (v_*); dates: {html.escape(period.describe())} (a figure's day is its event date, else"
        " its article's publication day)</p>"
        + charts
        + _quality_html(quality(engine))
        + "".join(_html_table(t) for t in tables)
        + "</body></html>\n"
    )


def write_html(engine: Engine, path: str | Path, limit: int = 20, period: Period = Period()) -> Path:
    path = Path(path)
    path.write_text(build_html(engine, limit, period), encoding="utf-8")
    return path
