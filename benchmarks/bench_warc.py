"""WARC reading: speed and memory on a generated WARC of our own pages; prints numbers.

    .venv/bin/python benchmarks/bench_warc.py generate [--size-mb 1024] [--out /tmp/bench.warc.gz]
    .venv/bin/python benchmarks/bench_warc.py read --warc /tmp/bench.warc.gz
    /usr/bin/time -v .venv/bin/newsetl run /tmp/bench.warc.gz --max-files 500 --no-progress

``generate`` streams a ``.warc.gz`` of SIZE MB (pages of our own text, each padded with an inline
script of random base64 so the file does not compress away: ~60 KB per record). ``read`` runs
the reading stage of a run over it: ``discover`` (one streaming pass that lists the records)
then ``read_source`` on every record (seek + one record), and prints records/s and peak RSS.
With ``--fastwarc`` it also times a plain FastWARC iteration (when the package is installed)
against warcio's, to show what the reader costs next to the rest.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.sources_support import article, fetch_date


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(out: Path, size_mb: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(14)
    t0, i = time.monotonic(), 0
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(out.name, {"software": "newsetl bench_warc"}))
        while fh.tell() < size_mb * 1024 * 1024:
            art = article(i)
            blob = base64.b64encode(rng.randbytes(45_000)).decode()
            page = art.html().replace("</head>", f"<script>var state='{blob}';</script></head>").encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                art.url + f"?v={i}", "response", payload=io.BytesIO(page), http_headers=http,
                warc_headers_dict={"WARC-Date": fetch_date(i)}))
            i += 1
    mb = out.stat().st_size / 1024 / 1024
    print(f"generated {out}: {mb:.0f} MB, {i} response records in {time.monotonic() - t0:.0f} s")


def read(warc: Path) -> None:
    from etl.ingest import discover, read_source

    t0 = time.monotonic()
    locs = discover(warc)
    t1 = time.monotonic()
    print(f"discover: {len(locs)} records in {t1 - t0:.1f} s ({len(locs) / (t1 - t0):.0f} records/s), "
          f"peak RSS {_rss_mb():.0f} MB")
    payload, errors = 0, 0
    for loc in locs:
        src = read_source(loc)
        payload += src.size
        errors += src.error is not None
    t2 = time.monotonic()
    print(f"read_source: {len(locs)} records, {payload / 1024 / 1024:.0f} MB of payload, {errors} rejected, "
          f"in {t2 - t1:.1f} s ({len(locs) / (t2 - t1):.0f} records/s, {payload / 1024 / 1024 / (t2 - t1):.0f} MB/s)")
    print(f"peak RSS of the reading stage: {_rss_mb():.0f} MB for a {warc.stat().st_size / 1024 / 1024:.0f} MB WARC")


def compare_readers(warc: Path) -> None:
    """Time one full iteration (headers + payload) with warcio and, if installed, FastWARC."""
    from warcio.archiveiterator import ArchiveIterator

    t0, n = time.monotonic(), 0
    with open(warc, "rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type == "response":
                rec.content_stream().read()
                n += 1
    print(f"warcio:   {n} responses in {time.monotonic() - t0:.1f} s")
    try:
        from fastwarc.warc import ArchiveIterator as FastIterator
        from fastwarc.warc import WarcRecordType
    except ImportError:
        print("fastwarc: not installed")
        return
    t0, n = time.monotonic(), 0
    with open(warc, "rb") as f:
        for rec in FastIterator(f, record_types=WarcRecordType.response):
            rec.reader.read()
            n += 1
    print(f"fastwarc: {n} responses in {time.monotonic() - t0:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--size-mb", type=int, default=1024)
    g.add_argument("--out", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "bench.warc.gz")
    r = sub.add_parser("read")
    r.add_argument("--warc", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "bench.warc.gz")
    r.add_argument("--fastwarc", action="store_true", help="also time warcio against FastWARC")
    args = parser.parse_args()
    if args.cmd == "generate":
        generate(args.out, args.size_mb)
    else:
        if args.fastwarc:
            compare_readers(args.warc)
        read(args.warc)


if __name__ == "__main__":
    main()
