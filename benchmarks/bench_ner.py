"""NER throughput: our ``extract_entities`` on top of spaCy vs the bare spaCy pipeline.

    .venv/bin/python benchmarks/bench_ner.py [--copies 40] [--repeat 3] [--batch-size 16]

The corpus is generated news text (templates below, varied names so nothing repeats exactly)
plus the body of the seed article in ../shared/seeds/ when that folder is present. Both runs
parse the same texts with ``nlp.pipe`` in batches (one model load); "ours" also runs
``extract_entities`` on every Doc. Prints words per second (best of --repeat runs), the
per-word overhead of the canonicaliser and the entity counts. Prints only numbers.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.extract.entities import extract_entities
from etl.nlp import get_nlp

SEEDS = ROOT.parent / "shared" / "seeds"

FIRST = ["Maria", "John", "Ahmed", "Olena", "Pierre", "Li", "Fatima", "Carlos", "Anna", "Tomas"]
LAST = ["Kovalenko", "Whitfield", "al-Mansouri", "Dubois", "Chen", "Haddad", "Ruiz", "Novak",
        "Brenner", "Okafor"]
ORGS = [("Popular Mobilization Forces", "PMF"), ("European Union", "EU"),
        ("World Health Organization", "WHO"), ("Northern Farmers Union", "NFU"),
        ("International Criminal Court", "ICC")]
PLACES = ["Baghdad", "Kyiv", "Lagos", "Erbil", "Kharkiv", "Mosul", "Aleppo", "Marseille"]
COUNTRIES = ["the United States", "the U.S.", "Britain", "the UK", "Russia", "Iran", "Syria",
             "France", "Nigeria", "Ukraine"]
TEMPLATES = [
    "{place} ({agency}) — {title} {first} {last} said on Monday that the {org} ({acro}) would "
    "send observers to {place2}, where fighting has displaced thousands of families.",
    "“We will not accept this,” {last} told reporters, adding that {country} and {country2} "
    "had been informed. A {acro} spokesman declined to comment.",
    "Officials in {place} said at least {n} people were killed and {m} wounded when rockets hit "
    "a market near the {place2} road on Tuesday, according to {country}'s foreign ministry.",
    "{first2} {last2}, a senior analyst at the {org2}, said {last}'s government faced pressure "
    "from {country} over the deal, which the {acro2} has criticised.",
    "The {org} said in a statement that its teams reached {place2} late on Wednesday. "
    "{title} {last} is expected to visit {country2} next week.",
]


def generated(copies: int, rng: random.Random) -> list[str]:
    texts = []
    for _ in range(copies):
        paras = []
        for _ in range(8):
            org, acro = rng.choice(ORGS)
            org2, acro2 = rng.choice(ORGS)
            paras.append(rng.choice(TEMPLATES).format(
                place=rng.choice(PLACES).upper(), agency=rng.choice(["AFP", "Reuters", "AP"]),
                title=rng.choice(["President", "Minister", "Gen.", "Mr."]),
                first=rng.choice(FIRST), last=rng.choice(LAST), first2=rng.choice(FIRST),
                last2=rng.choice(LAST), org=org, acro=acro, org2=org2, acro2=acro2,
                place2=rng.choice(PLACES), country=rng.choice(COUNTRIES),
                country2=rng.choice(COUNTRIES), n=rng.randint(2, 40), m=rng.randint(2, 90)))
        texts.append("\n\n".join(paras))
    return texts


def seed_bodies() -> list[str]:
    if not SEEDS.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=40, help="generated articles")
    ap.add_argument("--seed-copies", type=int, default=10, help="times the seed body is repeated")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    nlp = get_nlp()
    texts = generated(args.copies, random.Random(4)) + seed_bodies() * args.seed_copies
    words = sum(len(t.split()) for t in texts)
    nlp("warm up")

    def bare() -> int:
        return sum(len(d.ents) for d in nlp.pipe(texts, batch_size=args.batch_size))

    def ours() -> int:
        return sum(len(extract_entities(d)) for d in nlp.pipe(texts, batch_size=args.batch_size))

    docs = list(nlp.pipe(texts, batch_size=args.batch_size))

    def extract_only() -> int:
        return sum(len(extract_entities(d)) for d in docs)

    results = {}
    for name, fn in (("bare_spacy_pipe", bare), ("ours_pipe_plus_entities", ours),
                     ("entities_only", extract_only)):
        best, count = float("inf"), 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            count = fn()
            best = min(best, time.perf_counter() - t0)
        results[name] = (best, count)

    print(f"texts={len(texts)} words={words} batch_size={args.batch_size} repeat={args.repeat} "
          f"model={nlp.meta.get('name')}-{nlp.meta.get('version')}")
    for name, (secs, count) in results.items():
        unit = "spacy_ents" if name == "bare_spacy_pipe" else "entities"
        print(f"{name:26s} words_per_s={words / secs:10.0f} seconds={secs:8.3f} {unit}={count}")
    bare_s, ours_s = results["bare_spacy_pipe"][0], results["ours_pipe_plus_entities"][0]
    print(f"ours/bare throughput ratio={bare_s / ours_s:.3f} "
          f"canonicaliser_share_of_time={results['entities_only'][0] / ours_s:.3f}")


if __name__ == "__main__":
    main()
