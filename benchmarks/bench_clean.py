"""Compare our HTML cleaner with plain ``trafilatura.extract`` on the clean dev set.

    .venv/bin/python benchmarks/bench_clean.py                 # both, via ../shared/eval/score.py
    .venv/bin/python benchmarks/bench_clean.py --only baseline # just the baseline
    .venv/bin/python benchmarks/bench_clean.py emit MODE FILE...  # the --cmd used by score.py
    .venv/bin/python benchmarks/bench_clean.py --timing           # ms per page, in process

``emit baseline`` prints, per file, ``{"source_path", "body"}`` with the body from
``trafilatura.extract(html)`` with default options (lines joined by blank lines).
``emit ours`` prints the CleanDoc from ``etl.clean.clean`` (ingest + cleaner only, no spaCy),
which is what ``newsetl extract`` puts in its body/title/... keys. Prints only numbers.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_DATASETS = [
    ROOT.parent / "shared" / "eval" / "dev" / "clean_scrapinghub.jsonl.gz",
    ROOT.parent / "shared" / "eval" / "dev" / "full_dev.json",
]


def _emit(mode: str, files: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    if mode == "baseline":
        import trafilatura

        for f in files:
            page = Path(f).read_text(encoding="utf-8", errors="replace")
            text = trafilatura.extract(page) or ""
            body = "\n\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
            print(json.dumps({"source_path": f, "body": body}, ensure_ascii=False), flush=True)
        return
    from etl.clean import clean
    from etl.ingest import read_source

    for f in files:
        src = read_source(f)
        try:
            rec = dataclasses.asdict(clean(src))
            rec["error"] = None
        except ValueError as exc:
            rec = {"error": str(exc), "body": ""}
        rec["source_path"] = f
        print(json.dumps(rec, ensure_ascii=False), flush=True)


def _score(mode: str, dataset: Path) -> str:
    cmd = f"{sys.executable} {Path(__file__).resolve()} emit {mode}"
    res = subprocess.run(
        [sys.executable, str(SCORER), str(dataset), "--cmd", cmd],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("SCORE")]
    return lines[-1] if lines else f"(no SCORE line; stderr: {res.stderr[-500:]})"


def _timing(dataset: Path, repeat: int = 3) -> None:
    """Milliseconds per page of ``clean_html`` and of one plain ``trafilatura.extract`` on the
    same pages, in this process (best of ``repeat`` passes over all pages)."""
    import gzip
    import time

    import trafilatura

    sys.path.insert(0, str(ROOT))
    from etl.clean.html import clean_html

    opener = gzip.open if dataset.suffix == ".gz" else open
    with opener(dataset, "rt", encoding="utf-8") as fh:
        pages = [json.loads(line)["content"] for line in fh if line.strip()]
    for name, fn in (("trafilatura.extract", trafilatura.extract), ("clean_html", clean_html)):
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for page in pages:
                fn(page)
            best = min(best, time.perf_counter() - t0)
        print(f"{name:20s} {1000 * best / len(pages):6.1f} ms/page ({len(pages)} pages)", flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "emit":
        _emit(argv[1], argv[2:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["baseline", "ours"])
    ap.add_argument("--timing", action="store_true", help="ms per page instead of scores")
    ap.add_argument("datasets", nargs="*", type=Path)
    args = ap.parse_args(argv)
    if args.timing:
        _timing((args.datasets or DEFAULT_DATASETS[:1])[0])
        return 0
    modes = [args.only] if args.only else ["baseline", "ours"]
    for ds in args.datasets or DEFAULT_DATASETS[:1]:
        for mode in modes:
            print(f"{mode:8s} {ds.name}: {_score(mode, ds)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
