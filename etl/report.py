"""Reporting over the ``v_*`` views: terminal tables (rich) and a self-contained HTML report
with plotly charts (casualties over time by place, top entities, most-quoted speakers).

Reads only the views created by migration 0002, so it works as the ``news_reader`` role too.
"""

from __future__ import annotations

import datetime as dt
import decimal
import html
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    sql: str  # may use :limit
    columns: tuple[str, ...]


@dataclass
class Table:
    section: Section
    rows: list[tuple] = field(default_factory=list)


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
        "Casualties by day, place and category (confirmed or unknown)",
        "SELECT day, place, category, figures, articles, total, total_min, total_max,"
        " largest_figure FROM v_casualties_daily"
        " ORDER BY day DESC, total DESC NULLS LAST, place, category LIMIT :limit",
        ("day", "place", "category", "figures", "articles", "total", "min", "max", "largest"),
    ),
    Section(
        "entities",
        "Top entities by month and type (top 3 per type)",
        "SELECT period_start, type, rank, name, articles, mentions FROM v_top_entities"
        " WHERE period_type = 'month' AND rank <= 3"
        " ORDER BY period_start DESC, type, rank, name LIMIT :limit",
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
        "Most-quoted speakers",
        "SELECT speaker, speaker_type, quotes, direct_quotes, articles, first_day, last_day"
        " FROM v_top_speakers ORDER BY quotes DESC, speaker LIMIT :limit",
        ("speaker", "type", "quotes", "direct", "articles", "first day", "last day"),
    ),
    Section(
        "rejected",
        "Rejected files",
        "SELECT path, reason, size, times_seen, last_seen_at FROM v_rejected_files"
        " ORDER BY last_seen_at DESC, path LIMIT :limit",
        ("path", "reason", "bytes", "times seen", "last seen"),
    ),
)


def fetch(engine: Engine, limit: int = 20) -> list[Table]:
    """Every section's rows (at most ``limit`` each), in one read-only transaction."""
    tables = []
    with engine.connect() as conn:
        for section in SECTIONS:
            rows = conn.execute(sa.text(section.sql), {"limit": limit}).all()
            tables.append(Table(section, [tuple(r) for r in rows]))
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


# ------------------------------------------------------------------------------------ terminal


def print_report(engine: Engine, console=None, limit: int = 20) -> list[Table]:
    """Print the main views as rich tables; returns what was printed."""
    from rich.console import Console
    from rich.table import Table as RichTable

    if console is None:
        console = Console()
        if not console.is_terminal:  # piped or captured: don't squeeze into 80 columns
            console = Console(width=max(console.width, 140))
    tables = fetch(engine, limit)
    for table in tables:
        rt = RichTable(title=table.section.title, title_justify="left", show_lines=False)
        for name, value in zip(table.section.columns, table.rows[0] if table.rows else ()):
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


CASUALTY_SERIES_SQL = """
SELECT day, place, category, sum(total)::bigint AS total
  FROM v_casualties_daily
 WHERE total IS NOT NULL
 GROUP BY day, place, category
 ORDER BY day, place, category
"""

TOP_ENTITIES_SQL = """
SELECT name, type, sum(articles)::int AS articles, sum(mentions)::bigint AS mentions
  FROM v_top_entities
 WHERE period_type = 'month'
 GROUP BY entity_id, name, type
 ORDER BY mentions DESC, articles DESC, name
 LIMIT :limit
"""

TOP_SPEAKERS_SQL = """
SELECT speaker, speaker_type, quotes, articles
  FROM v_top_speakers
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


def casualties_figure(rows: list[tuple], max_places: int = 8):
    """Bars of casualties per day, one colour per place, a button per category."""
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.update_layout(title="Casualties over time by place (confirmed or unknown figures)",
                      barmode="stack", height=480, xaxis_title="day", yaxis_title="people",
                      legend_title="place")
    if not rows:
        return _empty(fig, "no casualty figures loaded")
    totals: dict[str, int] = {}
    for _, place, _, total in rows:
        totals[place] = totals.get(place, 0) + int(total)
    keep = set(sorted(totals, key=lambda p: (-totals[p], p))[:max_places])
    categories = sorted({c for _, _, c, _ in rows}, key=lambda c: (c != "killed", c))
    series: dict[tuple[str, str], dict[dt.date, int]] = {}
    for day, place, category, total in rows:
        place = place if place in keep else "other places"
        by_day = series.setdefault((category, place), {})
        by_day[day] = by_day.get(day, 0) + int(total)
    traces_of: dict[str, list[int]] = {}
    for (category, place), by_day in sorted(series.items(), key=lambda kv: (kv[0][0], -sum(kv[1].values()))):
        days = sorted(by_day)
        traces_of.setdefault(category, []).append(len(fig.data))
        fig.add_bar(x=[d.isoformat() for d in days], y=[by_day[d] for d in days], name=place,
                    legendgroup=place, visible=category == categories[0],
                    width=[0.8 * 86_400_000] * len(days),  # ms on a date axis: 0.8 day
                    hovertemplate=f"{category} in {place}<br>%{{x}}: %{{y}}<extra></extra>")
    fig.update_xaxes(type="date", tickformat="%Y-%m-%d")
    days = sorted({d for d, *_ in rows})
    stacked: dict[tuple[str, dt.date], int] = {}
    for day, _, category, total in rows:
        stacked[(category, day)] = stacked.get((category, day), 0) + int(total)
    fig.update_yaxes(tickformat=",d", rangemode="tozero",
                     dtick=1 if max(stacked.values()) <= 10 else None)
    if (days[-1] - days[0]).days < 14:  # few days: whole-day ticks, bars of a sensible width
        pad = dt.timedelta(days=3)
        fig.update_xaxes(range=[(days[0] - pad).isoformat(), (days[-1] + pad).isoformat()],
                         dtick=86_400_000)
    buttons = []
    for category in categories:
        visible = [i in traces_of[category] for i in range(len(fig.data))]
        buttons.append({"label": category, "method": "update",
                        "args": [{"visible": visible},
                                 {"title": f"Casualties over time by place: {category} "
                                           "(confirmed or unknown figures)"}]})
    fig.update_layout(
        title=f"Casualties over time by place: {categories[0]} (confirmed or unknown figures)",
        updatemenus=[{"buttons": buttons, "direction": "down", "x": 1.0, "xanchor": "right",
                      "y": 1.15, "yanchor": "top"}],
    )
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


def _html_table(table: Table) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.section.columns)
    if not table.rows:
        body = f'<tr><td colspan="{len(table.section.columns)}" class="none">(no rows)</td></tr>'
    else:
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_fmt(v))}</td>" for v in row) + "</tr>"
            for row in table.rows
        )
    return (f'<h2 id="{table.section.key}">{html.escape(table.section.title)}</h2>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { margin-bottom: 0; } .meta { color: #666; margin-top: .3em; }
table { border-collapse: collapse; margin: .5em 0 2em; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.none { color: #888; font-style: italic; }
.chart { margin: 1em 0 2em; }
"""


def build_html(engine: Engine, limit: int = 20) -> str:
    """The whole report as one HTML document with plotly.js inline (works offline)."""
    tables = fetch(engine, limit)
    with engine.connect() as conn:
        cas = [tuple(r) for r in conn.execute(sa.text(CASUALTY_SERIES_SQL))]
        ents = conn.execute(sa.text(TOP_ENTITIES_SQL), {"limit": 15}).all()
        spk = conn.execute(sa.text(TOP_SPEAKERS_SQL), {"limit": 15}).all()
    figures = [
        casualties_figure(cas),
        bar_figure(
            "Top entities (mentions)",
            [(n, t, m, f"{a} article{'s' if a != 1 else ''}") for n, t, a, m in ents],
            "mentions",
        ),
        bar_figure(
            "Most-quoted speakers",
            [(sp, t, q, f"{a} article{'s' if a != 1 else ''}") for sp, t, q, a in spk],
            "quotes",
        ),
    ]
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
        " (v_*)</p>"
        + charts
        + "".join(_html_table(t) for t in tables)
        + "</body></html>\n"
    )


def write_html(engine: Engine, path: str | Path, limit: int = 20) -> Path:
    path = Path(path)
    path.write_text(build_html(engine, limit), encoding="utf-8")
    return path
