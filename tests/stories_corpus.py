"""A corpus of our own invented news articles spanning a year, with planted wire copies.

Used by the acceptance test of issue 13 (tests/integration/test_stories_corpus.py) and by
``benchmarks/make_corpus.py`` / ``benchmarks/bench_stories.py``. Every article, name and
sentence is made up here from the word lists below (real towns and countries only, so the
gazetteer has something to find). Deterministic for a given seed.

Each *story* is one event: a place, a date, casualty figures told in sentences whose time
expression ("on Thursday", "late Saturday", "Feb. 15", "last week", "yesterday", or none) is
chosen relative to the publication date, so the expected event date is known. Some stories
get *copies* published by other sites: the same paragraphs re-wrapped in another HTML
template, a text dump with an added byline, copies with the last paragraphs trimmed, and an
update whose toll rose. The manifest tells, per file, its story, its publication date and the
expected figures (category, count, expected event date and precision, or none when the text
gives no resolvable date).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

TOWNS = [  # (town, country as written, ISO code)
    ("Kano", "Nigeria", "NG"), ("Maiduguri", "Nigeria", "NG"), ("Peshawar", "Pakistan", "PK"),
    ("Quetta", "Pakistan", "PK"), ("Kabul", "Afghanistan", "AF"), ("Mosul", "Iraq", "IQ"),
    ("Aleppo", "Syria", "SY"), ("Mogadishu", "Somalia", "SO"), ("Goma", "Congo", "CD"),
    ("Bamako", "Mali", "ML"), ("Khartoum", "Sudan", "SD"), ("Sanaa", "Yemen", "YE"),
    ("Houston", "Texas", "US"), ("Memphis", "Tennessee", "US"), ("Cleveland", "Ohio", "US"),
    ("Tijuana", "Mexico", "MX"), ("Medellin", "Colombia", "CO"), ("Manila", "Philippines", "PH"),
    ("Dhaka", "Bangladesh", "BD"), ("Nairobi", "Kenya", "KE"), ("Kharkiv", "Ukraine", "UA"),
    ("Karachi", "Pakistan", "PK"), ("Lagos", "Nigeria", "NG"), ("Tripoli", "Libya", "LY"),
]
SITES = [("Harbor Courier", "harborcourier.example.com"), ("Daily Lantern", "dailylantern.example.net"),
         ("Evening Ledger", "eveningledger.example.org"), ("Wirefront", "wirefront.example.com"),
         ("Northern Dispatch", "northerndispatch.example.com"), ("Plain Record", "plainrecord.example.org"),
         ("Coastal Times", "coastaltimes.example.com"), ("Morning Signal", "morningsignal.example.net")]
AGENCIES = ["AP", "Reuters", "AFP"]
FIRST = ["Amara", "Tobin", "Selka", "Orrin", "Hadia", "Marek", "Ilse", "Bram", "Nadja", "Corvin",
         "Yusra", "Elio", "Petra", "Dario", "Lowen", "Kaja", "Rufus", "Tamsin", "Oskar", "Velia"]
LAST = ["Okonkwe", "Haldane", "Brisco", "Marwick", "Delacroy", "Fenwright", "Ostrava", "Quellan",
        "Rasmund", "Tavish", "Ambry", "Kestel", "Vantor", "Lindqvar", "Moraine", "Pellam",
        "Sorrow", "Tiernan", "Wexley", "Zabrin"]
ROLES = ["police spokesman", "provincial governor", "hospital director", "district commissioner",
         "emergency services chief", "regional police chief"]
ATTACKS = [("gunmen opened fire on", "a crowded market"), ("a car bomb exploded near", "a police station"),
           ("a suicide bomber struck", "a wedding hall"), ("attackers stormed", "a bus station"),
           ("a roadside bomb hit", "a minibus"), ("gunmen raided", "a village mosque"),
           ("a blast tore through", "a busy bakery"), ("armed men ambushed", "a military convoy")]
FILLER = [
    "{name}, who runs a shop two streets away, said she heard {n} loud bangs before the shooting stopped.",
    "Residents of {town} said security had been tightened around {place2} after threats in {month}.",
    "{name} told the {site} that families waited outside the morgue for news of relatives.",
    "No group immediately claimed responsibility, but {name2} of the {town} security council blamed a local militia.",
    "The {role} said investigators had recovered {n} shell casings and a burned-out motorcycle.",
    "Traders in {town} closed their stalls early, and {name} said the streets emptied within minutes.",
    "Authorities in {country} have struggled to contain violence in the region, {name2} said.",
    "Officials said {n} ambulances were sent from hospitals across {town} to carry the wounded.",
]
OUTLIER_STORY = 50
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@dataclass
class Figure:
    category: str
    count: int
    event_date: str | None  # expected; None: the text gives no resolvable date
    precision: str | None


@dataclass
class Doc:
    path: str
    story: str
    kind: str  # original | rewrap | byline | trimmed | update
    published: str | None  # expected publication date (ISO day), None when the file has none
    figures: list[Figure] = field(default_factory=list)


def _expression(rng: random.Random, pub: dt.date) -> tuple[str | None, dt.date | None, str | None]:
    """(time expression, expected event date, precision) relative to the publication day."""
    kind = rng.choice(["weekday", "weekday", "late", "yesterday", "explicit", "lastweek", "none"])
    if kind == "weekday":
        back = rng.randint(0, 5)
        day = pub - dt.timedelta(days=back)
        return f"on {WEEKDAYS[day.weekday()]}", day, "day"
    if kind == "late":
        back = rng.randint(1, 5)
        day = pub - dt.timedelta(days=back)
        return f"late {WEEKDAYS[day.weekday()]}", day, "day"
    if kind == "yesterday":
        return "yesterday", pub - dt.timedelta(days=1), "day"
    if kind == "explicit":
        day = pub - dt.timedelta(days=rng.randint(2, 40))
        return f"on {MONTHS[day.month - 1]} {day.day}", day, "day"
    if kind == "lastweek":
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return "last week", monday, "week"
    return None, None, None


def _names(rng: random.Random, k: int) -> list[str]:
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(k)]


def _story_paragraphs(rng: random.Random, pub: dt.date, town, idx: int) -> tuple[list[str], list[Figure], dict]:
    """Paragraphs of one event's report and the figures they tell."""
    name_town, country, _ = town
    verb, place = rng.choice(ATTACKS)
    killed, injured = rng.randint(2, 40), rng.randint(3, 90)
    if idx == OUTLIER_STORY:
        killed = 1850  # one disaster dwarfs every other figure: the report's axis is capped
    expr, day, precision = _expression(rng, pub)
    when = f" {expr}" if expr else ""
    person, person2 = _names(rng, 2)
    role = rng.choice(ROLES)
    lead = (f"{verb[0].upper()}{verb[1:]} {place} in {name_town}{when}, killing {killed} people "
            f"and wounding {injured} others, the {role} said.")
    quote = (f"\u201cWe are still counting the victims of case {idx}, and the number may rise,\u201d "
             f"{person}, the {role}, told reporters.")
    iso = day.isoformat() if day else None
    figures = [Figure("killed", killed, iso, precision), Figure("injured", injured, iso, precision)]
    paras = [lead, quote]
    arrested = rng.random() < 0.4
    if arrested:
        n_arr = rng.randint(2, 9)
        expr2, day2, prec2 = _expression(rng, pub)
        when2 = f" {expr2}" if expr2 else ""
        paras.append(f"Police in {name_town} arrested {n_arr} suspects{when2} in connection with the "
                     f"attack, {person2} said.")
        figures.append(Figure("arrested", n_arr, day2.isoformat() if day2 else None, prec2))
    slots = {"name": _names(rng, 1)[0], "name2": _names(rng, 1)[0], "town": name_town,
             "country": country, "place2": place, "role": role, "n": rng.randint(3, 30),
             "month": rng.choice(MONTH_NAMES[:pub.month]), "site": "local radio"}
    for template in rng.sample(FILLER, 5):
        paras.append(template.format(**slots))
        slots.update(name=_names(rng, 1)[0], n=rng.randint(3, 30))
    return paras, figures, {"killed": killed, "verb": verb, "place": place, "expr": expr, "day": day}


def _html(title: str, paras: list[str], site: tuple[str, str], slug: str, published: dt.datetime | None,
          dateline: str, author: str | None, template: int) -> str:
    meta = [f'<meta property="og:site_name" content="{html.escape(site[0])}">',
            f'<meta property="og:url" content="https://{site[1]}/news/{slug}">']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published.isoformat()}">')
    body = [f"<p>{html.escape(dateline)} \u2014 {html.escape(paras[0])}</p>"]
    body += [f"<p>{html.escape(p)}</p>" for p in paras[1:]]
    byline = f'<p class="byline">By {html.escape(author)}</p>' if author else ""
    nav = '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/local">Local</a></nav>'
    if template == 0:
        page = f"<header>{nav}</header><article><h1>{html.escape(title)}</h1>{byline}{''.join(body)}</article>"
    else:
        side = '<aside><h3>Most read</h3><ul><li><a href="/a">Council votes on budget</a></li></ul></aside>'
        page = (f"{nav}<main><div class=\"story\"><h1 class=\"headline\">{html.escape(title)}</h1>{byline}"
                f"<div class=\"story-body\">{''.join(body)}</div></div>{side}</main>"
                "<footer><p>Copyright the publisher. All rights reserved.</p></footer>")
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
            f" | {html.escape(site[0])}</title>{''.join(meta)}</head><body>{page}</body></html>\n")


def _text(title: str, paras: list[str], dateline: str, published: dt.date | None, author: str | None,
          stamp: str) -> str:
    lines = [title, ""]
    if author:
        lines += [f"By {author}", ""]
    if published and stamp == "published":
        lines += [f"Published: {published:%B} {published.day}, {published.year}", ""]
    elif published and stamp == "dateonly":
        lines += [f"{published:%B} {published.day}, {published.year}", ""]
    if published and stamp == "dateline":
        lines += [f"{dateline}, {MONTHS[published.month - 1]} {published.day}, {published.year} (AP) \u2014 {paras[0]}", ""]
    else:
        lines += [f"{dateline} (AP) \u2014 {paras[0]}", ""]
    for p in paras[1:]:
        lines += [p, ""]
    return "\n".join(lines)


def _write(out: Path, name: str, text: str) -> str:
    path = out / name
    path.write_text(text, encoding="utf-8")
    return name


def build(out: Path, stories: int = 100, seed: int = 13, year: int = 2025) -> list[Doc]:
    """Write the corpus into ``out`` with ``manifest.json``; returns the manifest's docs."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    docs: list[Doc] = []
    start = dt.date(year, 1, 6)
    for i in range(stories):
        pub = start + dt.timedelta(days=int(i * 355 / stories) + rng.randint(0, 2))
        town = rng.choice(TOWNS)
        paras, figures, facts = _story_paragraphs(rng, pub, town, i)
        dateline = f"{town[0].upper()}, {town[1]}"
        title = (f"{facts['killed']} killed as {facts['verb'].split(' ')[0]} "
                 f"{facts['verb'].split(' ', 1)[1]} {facts['place']} in {town[0]}")
        site = SITES[i % len(SITES)]
        stamp = rng.choice(["html", "html", "published", "dateonly", "dateline", "none"])
        story = f"s{i:03d}"
        docs += _originals(out, story, i, title, paras, figures, site, pub, dateline, stamp, rng)
        if i % 3 == 0:
            docs += _copies(out, story, i, title, paras, figures, pub, dateline, rng)
    (out / "manifest.json").write_text(json.dumps([asdict(d) for d in docs], indent=1))
    return docs


def _published_time(rng: random.Random, pub: dt.date) -> dt.datetime:
    return dt.datetime.combine(pub, dt.time(rng.randint(6, 20), rng.choice([0, 15, 30, 45])),
                               tzinfo=dt.UTC)


def _undated(figures: list[Figure]) -> list[Figure]:
    """Without a publication date only figures with an explicit date stay resolvable (none
    here: explicit dates are written without a year)."""
    return [Figure(f.category, f.count, None, None) for f in figures]


def _originals(out, story, i, title, paras, figures, site, pub, dateline, stamp, rng) -> list[Doc]:
    slug = f"story-{i:03d}"
    if stamp == "html":
        text = _html(title, paras, site, slug, _published_time(rng, pub), dateline, None, i % 2)
        name = _write(out, f"{story}_original.html", text)
    else:
        name = _write(out, f"{story}_original.txt", _text(title, paras, dateline, pub if stamp != "none" else None,
                                                          None, stamp))
    dated = stamp != "none"
    return [Doc(name, story, "original", pub.isoformat() if dated else None,
                figures if dated else _undated(figures))]


def _copies(out, story, i, title, paras, figures, pub, dateline, rng) -> list[Doc]:
    """Planted copies on other sites: re-wrapped, bylined, trimmed, updated toll."""
    docs = []
    others = [s for s in SITES if s != SITES[i % len(SITES)]]
    for kind in rng.sample(["rewrap", "byline", "trimmed", "update"], rng.randint(1, 3)):
        site = rng.choice(others)
        copy_paras, copy_figs = list(paras), list(figures)
        author = None
        if kind == "byline":
            author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if kind == "trimmed":
            copy_paras = copy_paras[: max(3, len(copy_paras) - rng.randint(2, 3))]
            copy_figs = [f for f in copy_figs if f.category != "arrested"
                         or any("arrested" in p for p in copy_paras)]
        if kind == "update":
            killed = copy_figs[0].count + rng.randint(2, 6)
            copy_paras.insert(1, f"The death toll later rose to {killed}, the {ROLES[0]} said in an update.")
            copy_figs = copy_figs + [Figure("killed", killed, None, None)]
        stamp_time = _published_time(rng, pub)
        if kind == "byline" and rng.random() < 0.5:
            name = _write(out, f"{story}_{kind}.txt", _text(title, copy_paras, dateline, pub, author, "published"))
        else:
            name = _write(out, f"{story}_{kind}.html",
                          _html(title, copy_paras, site, f"copy-{i:03d}-{kind}", stamp_time, dateline, author,
                                1 - i % 2))
        docs.append(Doc(name, story, kind, pub.isoformat(), copy_figs))
    return docs


def hand_count(docs: list[Doc]) -> dict[str, int]:
    """Story-level sums by category, by hand: per story, the largest figure any copy gives
    (every story here has one incident per category, and an update's toll replaces the first)."""
    per_story: dict[tuple[str, str], int] = {}
    for d in docs:
        for f in d.figures:
            per_story[(d.story, f.category)] = max(per_story.get((d.story, f.category), 0), f.count)
    out: dict[str, int] = {}
    for (_, cat), n in per_story.items():
        out[cat] = out.get(cat, 0) + n
    return out


def load_manifest(folder: Path) -> list[Doc]:
    raw = json.loads((folder / "manifest.json").read_text())
    return [Doc(**{**d, "figures": [Figure(**f) for f in d["figures"]]}) for d in raw]


# ------------------------------------------------------------------------------- measuring


def _loaded(engine, folder: Path) -> dict[str, dict]:
    """file name → {id, story_id, published_day, figures: [(category, count, event_date, precision)]}."""
    import sqlalchemy as sa

    out: dict[str, dict] = {}
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT a.id, a.source_path, coalesce(a.story_id, a.id), (a.published AT TIME ZONE 'UTC')::date"
            " FROM articles a")).all()
        for aid, path, story, pub in rows:
            out[Path(path).name] = {"id": aid, "story": story, "published": pub, "figures": []}
        by_id = {v["id"]: v for v in out.values()}
        for aid, cat, count, ev, prec in conn.execute(sa.text(
                "SELECT article_id, category, count, event_date, event_date_precision FROM casualties")):
            by_id[aid]["figures"].append((cat, count, ev, prec))
    return out


def date_accuracy(docs: list[Doc], loaded: dict[str, dict]) -> tuple[int, int, int]:
    """(right event date, figures whose text gives a resolvable date, of which not extracted)."""
    right = total = missing = 0
    for d in docs:
        figs = loaded[d.path]["figures"]
        for f in d.figures:
            if f.event_date is None:
                continue
            total += 1
            found = [x for x in figs if x[0] == f.category and x[1] == f.count]
            if not found:
                missing += 1
            elif any(x[2] is not None and x[2].isoformat() == f.event_date and x[3] == f.precision
                     for x in found):
                right += 1
    return right, total, missing


def pair_scores(docs: list[Doc], loaded: dict[str, dict]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of story grouping, and the true and predicted pair counts."""
    from itertools import combinations

    true_pairs, pred_pairs = set(), set()
    for a, b in combinations(sorted(docs, key=lambda d: d.path), 2):
        if a.story == b.story:
            true_pairs.add((a.path, b.path))
        if loaded[a.path]["story"] == loaded[b.path]["story"]:
            pred_pairs.add((a.path, b.path))
    hit = len(true_pairs & pred_pairs)
    precision = hit / len(pred_pairs) if pred_pairs else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    return precision, recall, len(true_pairs), len(pred_pairs)


def view_totals(engine) -> dict[str, int]:
    import sqlalchemy as sa

    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT category, sum(total)::int FROM v_casualties_daily_all GROUP BY category")).all()
    return {cat: n or 0 for cat, n in rows}


def measure(engine, folder: Path) -> dict:
    """Every acceptance number of issue 13 on a loaded corpus."""
    import sqlalchemy as sa

    docs = load_manifest(folder)
    loaded = _loaded(engine, folder)
    right, total, missing = date_accuracy(docs, loaded)
    precision, recall, true_pairs, pred_pairs = pair_scores(docs, loaded)
    with engine.connect() as conn:
        load_dated = conn.execute(sa.text(
            "SELECT count(*) FROM v_casualty_figures WHERE day IS NOT NULL AND day IS DISTINCT FROM"
            " event_date AND day IS DISTINCT FROM published_day")).scalar_one()
        published_ok = sum(1 for d in docs if (loaded[d.path]["published"] or None) and
                           loaded[d.path]["published"].isoformat() == d.published)
    return {
        "articles": len(docs), "stories": len({d.story for d in docs}),
        "published_right": published_ok, "published_expected": sum(1 for d in docs if d.published),
        "event_dates_right": right, "event_dates_resolvable": total, "figures_not_extracted": missing,
        "pairs_true": true_pairs, "pairs_predicted": pred_pairs,
        "pair_precision": round(precision, 4), "pair_recall": round(recall, 4),
        "figures_dated_by_load_day": load_dated,
        "view_totals": view_totals(engine), "hand_count": hand_count(docs),
    }
