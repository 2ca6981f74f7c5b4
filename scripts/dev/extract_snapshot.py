#!/usr/bin/env python3
"""Snapshot `newsetl extract --jsonl` over the seed and every dev set, to compare two trees.

    .venv/bin/python scripts/dev/extract_snapshot.py OUT_DIR [--sets a,b] [--work DIR]

Each record's content is written once to WORK/<set>/<id>.<ext> (a fixed folder, so the
`source_path` of the output is the same from run to run), the command runs over each set in
batches, and OUT_DIR/<set>.jsonl gets the output lines sorted by source path. Two snapshots
are byte-identical when `diff -r A B` prints nothing. Used for refactors that must not change
behaviour (issue 20): take one before, one after.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

# ../shared beside the checkout (as in CI); NEWSETL_SHARED overrides (worktrees sit elsewhere)
SHARED = Path(os.environ.get("NEWSETL_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
SETS = {
    "seed": SHARED / "eval/seed_gold.json",
    "full_dev": SHARED / "eval/dev/full_dev.json",
    "clean_scrapinghub": SHARED / "eval/dev/clean_scrapinghub.jsonl.gz",
    "clean_trafilatura": SHARED / "eval/dev/clean_trafilatura.jsonl.gz",
    "quotes_ggt": SHARED / "eval/dev/quotes_ggt.jsonl.gz",
    "quotes_polnear": SHARED / "eval/dev/quotes_polnear.jsonl.gz",
    "quotes_polnear_train": SHARED / "eval/dev/quotes_polnear_train.jsonl.gz",
    "casualties_gva": SHARED / "eval/dev/casualties_gva.jsonl.gz",
    "casualties_gva_more": SHARED / "eval/dev/casualties_gva_more.jsonl.gz",
    "incidents_gva": SHARED / "eval/dev/incidents_gva",
}


def records(path: Path):
    if path.is_dir():
        for f in sorted(path.iterdir()):
            yield {"id": f.name, "file": str(f)}
        return
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    yield from (data if isinstance(data, list) else [data])


def write_inputs(name: str, path: Path, work: Path) -> list[Path]:
    out = work / name
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for rec in records(path):
        if "file" in rec and "content" not in rec:
            src = Path(rec["file"])
            src = src if src.is_absolute() else path.parent / src
            target = out / re.sub(r"[^A-Za-z0-9._-]", "_", src.name)
            target.write_bytes(src.read_bytes())
        else:
            ext = "html" if rec.get("format") == "html" else "txt"
            target = out / (re.sub(r"[^A-Za-z0-9._-]", "_", str(rec["id"])) + "." + ext)
            target.write_text(rec["content"], encoding="utf-8")
        files.append(target)
    return files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--work", default="/tmp/newsetl-snapshot-inputs")
    ap.add_argument("--cmd", default=".venv/bin/newsetl extract --jsonl")
    ap.add_argument("--batch", type=int, default=300)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.sets.split(","):
        files = write_inputs(name, SETS[name], Path(args.work))
        lines = []
        for i in range(0, len(files), args.batch):
            cmd = args.cmd.split() + [str(f) for f in files[i:i + args.batch]]
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0:
                sys.stderr.write(res.stderr[-2000:])
            lines += [ln for ln in res.stdout.splitlines() if ln.strip()]
        lines.sort(key=lambda ln: json.loads(ln).get("source_path", ""))
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(files)} files, {len(lines)} lines", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
