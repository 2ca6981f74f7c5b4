"""A benchmark corpus of realistic news files, made here without network access.

    .venv/bin/python benchmarks/corpus.py OUT_DIR [--files 1000] [--seed 15]

Every article is invented: the event paragraphs come from ``tests/stories_corpus.py`` (an
attack, its toll, a quote, arrests, local colour), lengthened with paragraphs from the
templates below (background, reactions, quotes direct and reported, court and police
follow-ups) so that lengths vary the way news does (about 150 to 1,600 words). Half the files
are web pages wrapped in page furniture a crawler saves (stylesheets, scripts, JSON-LD,
menus, a figure with its caption, related links, reader comments, a footer), half are plain
text dumps. About one file in twelve is a planted copy of an earlier story on another site
(re-wrapped, bylined or trimmed), and one in twenty-five is one of the repo's own fixture
articles (``seeds/``, ``tests/fixtures/``) with a paragraph added, so its content is new.
Deterministic for a given seed; file names start with their index, so the first N files of
the folder in path order are a fair sample of the whole.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests import stories_corpus as sc  # noqa: E402

EXTRA = [
    "The attack was the {ordinal} in {town} since {month}, according to a tally kept by the {site}.",
    "\u201cWe heard shouting and then the windows shook,\u201d said {name}, {age}, who sells phone cards "
    "near {place2}. \u201cEverybody ran toward the river.\u201d",
    "{name2}, a lawmaker who represents the district, said the government had ignored warnings for "
    "months and called for an inquiry into how the attackers reached the area.",
    "Hospital staff said {n} of the wounded were in serious condition and that blood supplies were running low.",
    "The {role} told a news conference on {weekday} that {n} people had been detained for questioning "
    "and that more arrests were expected.",
    "In a statement, the interior ministry said security forces had sealed off the neighborhood and "
    "were searching homes for weapons.",
    "Shopkeepers said business in the area had barely recovered from a similar attack {n} months ago.",
    "According to {name2}, the attackers arrived in two pickup trucks and left before police arrived.",
    "{name} said her brother had gone to {place2} to buy bread and had not been heard from since.",
    "The United Nations mission in {country} condemned the violence and urged all sides to protect civilians.",
    "Analysts said the group behind earlier attacks had been weakened but was trying to show it could "
    "still strike in large towns such as {town}.",
    "\u201cThis is a cowardly act that will not go unpunished,\u201d the {role} said, adding that a reward "
    "had been offered for information.",
    "Prosecutors said {n} suspects would appear in court on {weekday} on charges including murder and "
    "possession of explosives.",
    "The city council of {town} declared three days of mourning, and flags were lowered on public buildings.",
    "Aid groups said the violence had forced about {big} people from their homes in the district this year.",
    "Witnesses said the first explosion was followed minutes later by gunfire that lasted about {n} minutes.",
    "{name2} said the victims included a teacher, two traders and a boy who was on his way to school.",
    "Police said a second device was found near {place2} and was defused by a bomb squad.",
    "The attack came a day after officials in {country} announced new talks with community leaders.",
    "Local radio reported that the road to {town} had been closed and that checkpoints had been added.",
    "{name} told reporters the family would bury her cousin on {weekday}, as soon as the body was released.",
    "Security in {town} has been the responsibility of a joint force since last year, {name2} said.",
]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh"]
COMMENTS = ["So sad for the families.", "Where was the security?", "Praying for everyone in {town}.",
            "This keeps happening and nothing changes.", "Thank you for the reporting.",
            "The government must answer for this."]
RELATED = ["Council votes on new budget", "Floods close roads in the north", "Markets slip as rates rise",
           "Teachers strike enters second week", "New bridge opens after delays", "Court rules on land dispute",
           "Storm cuts power to thousands", "Health officials warn of measles cases"]
MENU = ["Home", "World", "Africa", "Asia", "Americas", "Europe", "Middle East", "Business", "Markets",
        "Technology", "Science", "Health", "Sport", "Culture", "Opinion", "Video", "Podcasts", "Weather",
        "Newsletters", "Subscribe", "Sign in", "Contact", "About us", "Careers", "Advertise"]
FIXTURES = [REPO / "seeds" / "000_2b52cb3e110e3771.txt",
            *sorted((REPO / "tests" / "fixtures" / "articles").iterdir()),
            *sorted(p for p in (REPO / "tests" / "fixtures" / "clean").iterdir() if p.suffix in (".html", ".txt"))]


def _slots(rng: random.Random, town: tuple[str, str, str], pub: dt.date) -> dict:
    return {"name": sc._names(rng, 1)[0], "name2": sc._names(rng, 1)[0], "town": town[0], "country": town[1],
            "place2": rng.choice(sc.ATTACKS)[1], "role": rng.choice(sc.ROLES), "n": rng.randint(2, 30),
            "big": rng.randint(2, 90) * 1000, "age": rng.randint(19, 70), "ordinal": rng.choice(ORDINALS),
            "month": rng.choice(sc.MONTH_NAMES[: pub.month]), "weekday": rng.choice(sc.WEEKDAYS),
            "site": rng.choice(sc.SITES)[0]}


def _target_words(rng: random.Random, fmt: str) -> int:
    """Article length: text dumps ~320 words, web pages ~850 (long-tailed)."""
    median = 320 if fmt == "txt" else 850
    return max(150, min(1600, int(rng.lognormvariate(0, 0.45) * median)))


def _paragraphs(rng: random.Random, i: int, fmt: str) -> tuple[list[str], str, str, dt.date]:
    pub = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randint(0, 350))
    town = rng.choice(sc.TOWNS)
    paras, _figures, facts = sc._story_paragraphs(rng, pub, town, i)
    target = _target_words(rng, fmt)
    while sum(len(p.split()) for p in paras) < target:
        paras.insert(rng.randint(2, len(paras)), rng.choice(EXTRA).format(**_slots(rng, town, pub)))
    title = f"{facts['killed']} killed as {facts['verb']} {facts['place']} in {town[0]}"
    return paras, title, f"{town[0].upper()}, {town[1]}", pub


def _page(title: str, paras: list[str], site: tuple[str, str], pub: dt.date, dateline: str, author: str | None,
          rng: random.Random, town: str) -> str:
    """A web page as a crawler saves it: the article inside a site's furniture."""
    style = "<style>" + " ".join(f".c{k}{{margin:{k}px;padding:{k % 7}px;color:#{k * 37 % 4096:03x}}}"
                                 for k in range(120)) + "</style>"
    script = ("<script>window.dataLayer=window.dataLayer||[];" + "".join(
        f"dataLayer.push({{'event':'slot{k}','size':[{k * 10},{k * 5}]}});" for k in range(60)) + "</script>")
    ld = (f'<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{html.escape(title)}",'
          f'"datePublished":"{pub.isoformat()}T08:00:00Z"}}</script>')
    nav = "<nav><ul>" + "".join(f'<li><a href="/{m.lower().replace(" ", "-")}">{m}</a></li>' for m in MENU) + "</ul></nav>"
    body = [f"<p>{html.escape(dateline)} (AP) \u2014 {html.escape(paras[0])}</p>"]
    body += [f"<p>{html.escape(p)}</p>" for p in paras[1:]]
    fig = (f'<figure><img src="/img/{rng.randint(1, 9999)}.jpg" alt=""><figcaption>Residents gather in '
           f"{html.escape(town)} after the attack. (Photo: staff)</figcaption></figure>")
    body.insert(min(3, len(body)), fig)
    byline = f'<p class="byline">By {html.escape(author)}</p>' if author else ""
    related = "<aside><h3>Related</h3><ul>" + "".join(
        f'<li><a href="/r/{k}">{t}</a></li>' for k, t in enumerate(rng.sample(RELATED, 6))) + "</ul></aside>"
    comments = '<section id="comments"><h3>Comments</h3>' + "".join(
        f'<div class="comment"><b>reader{rng.randint(1, 999)}</b><p>{rng.choice(COMMENTS).format(town=town)}</p></div>'
        for _ in range(rng.randint(2, 6))) + "</section>"
    footer = "<footer>" + " | ".join(f'<a href="/f/{k}">{m}</a>' for k, m in enumerate(MENU[-6:])) + \
        f"<p>\u00a9 2025 {html.escape(site[0])}. All rights reserved.</p></footer>"
    head = (f'<head><meta charset="utf-8"><title>{html.escape(title)} | {html.escape(site[0])}</title>'
            f'<meta property="og:site_name" content="{html.escape(site[0])}">'
            f'<meta property="article:published_time" content="{pub.isoformat()}T08:00:00Z">{style}{script}{ld}</head>')
    article = f'<article><h1>{html.escape(title)}</h1>{byline}<div class="body">{"".join(body)}</div></article>'
    return f'<!DOCTYPE html>\n<html lang="en">{head}<body>{nav}<main>{article}{related}</main>{comments}{footer}</body></html>\n'


def _fixture(i: int, rng: random.Random) -> tuple[str, str]:
    """A repo fixture article with one added paragraph (new content, near-copy of the fixture)."""
    src = FIXTURES[i % len(FIXTURES)]
    raw = src.read_bytes().decode("utf-8", errors="replace")
    note = f"Editor's note: this version was updated at {rng.randint(1, 12)}:{rng.randint(10, 59)} with case {i}."
    if src.suffix == ".html":
        return src.suffix, raw.replace("</body>", f"<p>{note}</p></body>")
    return src.suffix, raw.rstrip("\n") + f"\n\n{note}\n"


def build(out: Path, files: int = 1000, seed: int = 15) -> list[Path]:
    """Write ``files`` articles into ``out``; returns their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    originals: list[tuple] = []
    for i in range(files):
        if i % 25 == 24:
            suffix, text = _fixture(i, rng)
        elif i % 12 == 11 and originals:
            paras, title, dateline, pub, town = rng.choice(originals)
            site, kind = rng.choice(sc.SITES), rng.choice(["rewrap", "byline", "trimmed"])
            if kind == "trimmed":
                paras = paras[: max(3, len(paras) - rng.randint(2, 4))]
            author = f"{rng.choice(sc.FIRST)} {rng.choice(sc.LAST)}" if kind == "byline" else None
            suffix, text = ".html", _page(title, paras, site, pub, dateline, author, rng, town)
        else:
            fmt = "html" if i % 2 == 0 else "txt"
            paras, title, dateline, pub = _paragraphs(rng, i, fmt)
            town = dateline.split(",")[0].title()
            originals.append((paras, title, dateline, pub, town))
            author = f"{rng.choice(sc.FIRST)} {rng.choice(sc.LAST)}" if rng.random() < 0.5 else None
            if fmt == "html":
                suffix, text = ".html", _page(title, paras, rng.choice(sc.SITES), pub, dateline, author, rng, town)
            else:
                stamp = rng.choice(["published", "dateonly", "dateline", "none"])
                suffix, text = ".txt", sc._text(title, paras, dateline, pub if stamp != "none" else None, author, stamp)
        path = out / f"{i:05d}{suffix}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    paths = build(args.out, args.files, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
