#!/usr/bin/env python3
"""Score a snapshot without running the extractor again: a `--cmd` for ../shared/eval/score.py.

    python ../shared/eval/score.py ../shared/eval/dev/quotes_ggt.jsonl.gz \
        --cmd "python scripts/dev/replay_snapshot.py /tmp/before/quotes_ggt.jsonl"

Prints, for each input path given after the snapshot file, the snapshot's line for the file of
the same name (taken by scripts/dev/extract_snapshot.py), with `source_path` set to that path.
Baselines of every set in seconds instead of minutes.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    snapshot, paths = Path(argv[0]), argv[1:]
    by_name = {}
    for line in snapshot.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            by_name[Path(rec.get("source_path", "")).name] = rec
    for p in paths:
        rec = by_name.get(Path(p).name)
        if rec is not None:
            print(json.dumps({**rec, "source_path": p}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
