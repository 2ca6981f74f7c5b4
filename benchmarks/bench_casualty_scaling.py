"""Does casualty extraction grow linearly with the length of an article?

    .venv/bin/python benchmarks/bench_casualty_scaling.py [--sizes 5000 13000 34000] [--repeat 3]

Builds synthetic articles of about the given numbers of tokens from sentences written for this
benchmark (shootings, tolls, arrests, quotes, places, ages, dates and addresses, so that every
code path of the extractor is used), parses each once with spaCy and times
``extract_casualties`` alone (best of --repeat runs; the entities are computed once, outside
the timing). Prints, per size: tokens, figures found, seconds, and microseconds per token.
Linear growth shows as a flat microseconds-per-token column. Prints only numbers.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.extract.casualties import extract_casualties
from etl.extract.entities import extract_entities
from etl.nlp import get_nlp

NAMES = ["Maria Lopez", "John Whitfield", "Ana Ruiz", "Tomas Novak", "Grace Okafor", "Li Chen"]
TOWNS = ["Riverton", "Millbrook", "Eastport", "Cedar Falls", "Lakeside", "Northgate"]
SENTENCES = [
    "{name}, 34, was shot and killed outside a store on Elm Street in {town} on Sunday.",
    "Four people were shot, two of them fatally, at a party in the 1500 block of Oak Avenue.",
    "A 19-year-old man was taken to a hospital in critical condition, Sgt. {name} said.",
    "The gunman killed three relatives before killing himself, according to the sheriff.",
    "{name} was pronounced dead at the scene.",
    "Two other victims were treated and released from {town} General Hospital.",
    "Police arrested a 22-year-old suspect and charged him under section 2015 of the code.",
    '"We heard six shots and then people were screaming," said {name}, a neighbor.',
    "The shooting was the third in {town} this month; 14 people were shot in the city in 2015.",
    "Officers found a woman with a gunshot wound to the leg near 1200 Main Street.",
    "The death toll from the fire rose to 12 on Tuesday, officials in {town} said.",
    "Anyone with information is asked to call 555-1234 and cite case number 16-4521.",
]


def article(n_tokens: int, nlp) -> str:
    """Paragraphs of the sentences above, names and towns varied, until ~n_tokens tokens."""
    paras, total, i = [], 0, 0
    while total < n_tokens:
        s = SENTENCES[i % len(SENTENCES)].format(
            name=NAMES[i % len(NAMES)], town=TOWNS[(i // len(SENTENCES)) % len(TOWNS)]
        )
        paras.append(s)
        total += len(nlp.make_doc(s)) + 1
        i += 1
    return "\n\n".join(paras)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 13000, 34000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    nlp = get_nlp()
    print(f"{'tokens':>8} {'figures':>8} {'seconds':>9} {'us/token':>9}")
    for size in args.sizes:
        doc = nlp(article(size, nlp))
        entities = extract_entities(doc)
        best, found = float("inf"), []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = extract_casualties(doc, entities)
            best = min(best, time.perf_counter() - t0)
        print(f"{len(doc):>8} {len(found):>8} {best:>9.3f} {1e6 * best / len(doc):>9.1f}")


if __name__ == "__main__":
    main()
