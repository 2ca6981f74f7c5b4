"""Scaling of the extractors with article length: seconds for quotes and entities on synthetic
articles of about 5k, 13k and 34k tokens.

    .venv/bin/python benchmarks/bench_extract_scaling.py [--sizes 5000 13000 34000] [--repeat 2]

Each article is built from the paragraph templates below (written for this benchmark, varied names
so nothing repeats exactly): direct quotes with and without reporting verbs, reported speech,
pronouns and descriptions, so every part of the quote extractor and the coreference layer runs.
The spaCy parse is done once per article and not timed; the printed times are the extractors' own
(best of --repeat). Linear growth means the seconds-per-1k-tokens column stays about flat.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.extract.coref import build_coref  # noqa: E402
from etl.extract.entities import extract_entities  # noqa: E402
from etl.extract.quotes import extract_quotes  # noqa: E402
from etl.nlp import get_nlp  # noqa: E402

FIRST = ["Maren", "Tobias", "Ilse", "Rafael", "Nadia", "Oskar", "Leona", "Bruno", "Greta", "Emil"]
LAST = ["Falkner", "Ostrow", "Lindqvist", "Moreau", "Haddou", "Brandvik", "Castell", "Weyland"]
ORGS = ["Harbour Transit Authority", "Valley Water Board", "Northern Growers Union",
        "Riverside Teachers Association"]
TEMPLATES = [
    "“We will keep the ferries running through the winter,” {first} {last}, the spokeswoman of the "
    "{org}, said on Monday. “Nobody should have to wait an hour in the cold.”",
    "{last} said the board had approved the budget, adding that the new pumps would arrive in March.",
    "“It is a fair deal for the growers and for the city,” she told reporters at the meeting.",
    "The {org} said in a statement that its crews had repaired {n} kilometres of pipe since June.",
    "According to {first} {last}, the council will vote on the plan next week.",
    "“The numbers do not add up, and the taxpayers deserve better than this,” said {first} {last}, "
    "a councillor who voted against the plan. He urged the mayor to publish the full contract.",
    "The 52-year-old engineer described the old bridge as “a danger to everyone who crosses it.”",
    "“We heard nothing from the province for three months.”\n\n“Then the letter came.”",
]


def article(tokens: int, rng: random.Random) -> str:
    nlp_tokens = 0
    paras = []
    while nlp_tokens < tokens:
        para = rng.choice(TEMPLATES).format(first=rng.choice(FIRST), last=rng.choice(LAST),
                                            org=rng.choice(ORGS), n=rng.randint(2, 90))
        paras.append(para)
        nlp_tokens += int(len(para.split()) * 1.25)
    return "\n\n".join(paras)


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 13000, 34000])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    nlp = get_nlp()
    rng = random.Random(12)
    print("tokens  entities_s  coref_s  quotes_s  total_s  total_s_per_1k_tokens")
    for size in args.sizes:
        doc = nlp(article(size, rng))
        ents = extract_entities(doc)
        t_ent = best_of(lambda doc=doc: extract_entities(doc), args.repeat)
        t_coref = best_of(lambda doc=doc, ents=ents: build_coref(doc, ents), args.repeat)
        t_quotes = best_of(lambda doc=doc, ents=ents: extract_quotes(doc, ents), args.repeat)
        total = t_ent + t_quotes
        print(f"{len(doc):6d}  {t_ent:10.3f}  {t_coref:7.3f}  {t_quotes:8.3f}  {total:7.3f}  "
              f"{1000 * total / len(doc):8.4f}")


if __name__ == "__main__":
    main()
