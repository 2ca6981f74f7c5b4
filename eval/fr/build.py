#!/usr/bin/env python3
"""Write eval/fr/fr_full.json (the ``full`` format of ../shared/eval) from eval/fr/articles.py.

    .venv/bin/python eval/fr/build.py && .venv/bin/python ../../shared/eval/score.py eval/fr/fr_full.json
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUALIFIERS = {"au moins": ("min", "Au moins"), "plus de": ("min", "plus de")}


def _qualifier(body: str, victims: str) -> tuple[str | None, str | None]:
    for key, (side, text) in QUALIFIERS.items():
        if re.search(rf"{key} [\w-]+ (?:[\w-]+ )?{re.escape(victims)}", body, re.IGNORECASE):
            return side, text
    return None, None


def record(a: dict) -> dict:
    casualties = []
    for category, count, victims in a["cas"]:
        side, qualifier = _qualifier(a["body"], victims)
        casualties.append({"category": category, "count": count,
                           "count_min": count, "count_max": None if side == "min" else count,
                           "victims": victims, "qualifier": qualifier, "confirmed": None})
    return {
        "id": a["i"], "task": "full", "format": "text", "content": a["body"] + "\n",
        "gold": {
            "dateline": a["dateline"], "agency": a["agency"],
            "entities": [{"name": n, "type": t, "aliases": list(al)} for n, t, al in a["ents"]],
            "entities_optional": list(a["opt"]),
            "quotes": [{"text": t, "speaker": s, "kind": "direct", "cue": c} for t, s, c in a["quotes"]],
            "casualties": casualties,
        },
        "meta": {"source": "written for newsetl (issue 23)", "language": "fr"},
    }


def main() -> None:
    scope: dict = {}
    exec((HERE / "articles.py").read_text(encoding="utf-8"), scope)  # noqa: S102 -- our own data file
    records = [record(a) for a in scope["A"]]
    (HERE / "fr_full.json").write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(records)} records, {sum(len(r['gold']['quotes']) for r in records)} quotes, "
          f"{sum(len(r['gold']['casualties']) for r in records)} casualty figures")


if __name__ == "__main__":
    main()
