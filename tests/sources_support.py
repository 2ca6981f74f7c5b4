"""Builders of the source fixtures the ingest tests need, made at test time from our own texts.

* :func:`article` — a short news article of our own (title, date, URL, paragraphs), distinct
  for every ``i``;
* :func:`write_warc` — a ``.warc.gz`` (warcio's writer) with a request/response pair per page,
  optionally plus a non-HTML record, a revisit and a truncated record;
* :func:`newsplease_object` — the article as a news-please JSON object.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

TOWNS = ("Marlowe", "Caspin Ford", "Orrin Bay", "Tellick", "Westmere", "Duncarrow", "Fennick", "Lowdon",
         "Ashgrove", "Brinmouth", "Calder Rise", "Elsby")
TOPICS = (
    ("bridge", "The council said repairs to the {town} bridge would start in {month} and take about {n} weeks."),
    ("library", "Volunteers in {town} reopened the library after {n} months of repairs, the mayor's office said."),
    ("harbour", "Fishing crews in {town} were told to stay in port for {n} days while the harbour wall is checked."),
    ("school", "Parents in {town} met on Tuesday to discuss plans to merge {n} primary schools."),
    ("market", "Traders at the {town} market said sales had fallen by {n} percent since the road closed."),
    ("flood", "Engineers in {town} said {n} homes near the river would get new flood barriers."),
)
MONTHS = ("March", "April", "May", "June", "July", "August")
SPEAKERS = ("Dana Whitlow", "Peter Orland", "Mira Castell", "Jonas Fairbank", "Helen Strand", "Tomas Reyl")


@dataclass
class OwnArticle:
    i: int
    title: str
    paragraphs: list[str]
    url: str
    published: dt.datetime

    def html(self) -> str:
        body = "\n".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{self.title} | Valley Courier</title>"
            f"<meta property=\"article:published_time\" content=\"{self.published.isoformat()}\">"
            f"</head><body><nav><a href=\"/\">Home</a></nav><article><h1>{self.title}</h1>\n{body}\n"
            "</article><footer>Valley Courier</footer></body></html>"
        )

    def text(self) -> str:
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"


def article(i: int) -> OwnArticle:
    """Our own article number ``i`` (every ``i`` gives different text)."""
    town = TOWNS[i % len(TOWNS)]
    topic, lead = TOPICS[(i // len(TOWNS)) % len(TOPICS)]
    speaker = SPEAKERS[i % len(SPEAKERS)]
    n = 3 + i % 17
    month = MONTHS[i % len(MONTHS)]
    paragraphs = [
        lead.format(town=town, n=n, month=month) + f" Notice number {1000 + i} was published on Monday.",
        f"\u201cWe have waited long enough for this,\u201d said {speaker}, who has lived in {town} for {n + 20} years.",
        (f"Officials said the work on the {topic} would cost about {n * 12 + i} thousand pounds, paid from "
         f"the regional budget. A public meeting is planned for {month} {1 + i % 27}."),
        (f"Residents who want to comment can write to the council before the end of {month}, "
         f"a spokeswoman for {town} council said."),
    ]
    published = dt.datetime(2024, 1 + i % 12, 1 + i % 28, 8 + i % 10, i % 60, tzinfo=dt.UTC)
    return OwnArticle(
        i=i,
        title=f"{town} {topic} plan: {n} weeks of work, council says (notice {1000 + i})",
        paragraphs=paragraphs,
        url=f"https://courier.example.org/{town.lower().replace(' ', '-')}/{topic}-{i}",
        published=published,
    )


def fetch_date(i: int) -> str:
    return f"2024-06-{1 + i % 28:02d}T12:{i % 60:02d}:00Z"


def write_warc(path, articles: list[OwnArticle], extras: bool = True, gzip: bool = True) -> dict:
    """Write a WARC with a response (and request) per article; returns what the extras are."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(str(path), {"software": "newsetl tests"}))
        for art in articles:
            payload = art.html().encode("utf-8")
            req = writer.create_warc_record(
                art.url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: courier.example.org\r\n\r\n"),
                warc_headers_dict={"WARC-Date": fetch_date(art.i)},
            )
            writer.write_record(req)
            writer.write_record(_response(writer, art.url, payload, "text/html; charset=utf-8", fetch_date(art.i)))
        if not extras:
            return {}
        png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
        writer.write_record(_response(writer, "https://courier.example.org/logo.png", png, "image/png",
                                      "2024-06-02T00:00:00Z"))
        revisit = writer.create_revisit_record(
            articles[0].url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri=articles[0].url, refers_to_date=fetch_date(0),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
        )
        writer.write_record(revisit)
        cut = _response(writer, "https://courier.example.org/cut-short", article(10_000).html().encode()[:300],
                        "text/html", "2024-06-03T00:00:00Z", {"WARC-Truncated": "length"})
        writer.write_record(cut)
    return {"non_html": "https://courier.example.org/logo.png", "revisit": articles[0].url,
            "truncated": "https://courier.example.org/cut-short"}


def _response(writer, url: str, payload: bytes, content_type: str, date: str, extra: dict | None = None):
    from warcio.statusandheaders import StatusAndHeaders

    http = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
                            protocol="HTTP/1.1")
    return writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=http,
        warc_headers_dict={"WARC-Date": date, **(extra or {})},
    )


def newsplease_object(art: OwnArticle, with_html: bool = False) -> dict:
    """``art`` as news-please writes it (maintext, date_publish as 'YYYY-MM-DD HH:MM:SS', …)."""
    obj = {
        "authors": ["Valley Courier staff"],
        "date_download": "2024-06-30 10:00:00",
        "date_modify": None,
        "date_publish": art.published.strftime("%Y-%m-%d %H:%M:%S"),
        "description": art.paragraphs[0][:80],
        "filename": f"{art.i}.json",
        "image_url": None,
        "language": "en",
        "localpath": None,
        "maintext": "\n\n".join(art.paragraphs),
        "source_domain": "courier.example.org",
        "title": art.title,
        "title_page": None,
        "title_rss": None,
        "url": art.url,
    }
    if with_html:
        obj["html"] = art.html()
    return obj


# ------------------------------------------------------------------------------- object storage

MOTO_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoServer:
    """moto's standalone S3 server (``moto_server``) in a subprocess on 127.0.0.1."""

    def __init__(self):
        import subprocess
        import sys
        from pathlib import Path

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).parent / "moto_server"
        self.proc = subprocess.Popen([str(exe), "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait()

    def _wait(self) -> None:
        import time
        import urllib.request

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"moto_server exited with {self.proc.returncode}")
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=2).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("moto_server did not start within 60 s")

    @property
    def env(self) -> dict[str, str]:
        return {**MOTO_ENV, "AWS_ENDPOINT_URL": self.url}

    def s3fs(self):
        import s3fs

        return s3fs.S3FileSystem(key="testing", secret="testing", endpoint_url=self.url, skip_instance_cache=True)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except Exception:  # noqa: BLE001
            self.proc.kill()


def upload_folder(fs, folder, url: str) -> None:
    """Copy every file under ``folder`` to ``url`` (``s3://bucket/prefix``), creating the bucket."""
    from pathlib import Path

    bucket = url.removeprefix("s3://").split("/", 1)[0]
    if not fs.exists(bucket):
        fs.mkdir(bucket)
    for p in sorted(Path(folder).rglob("*")):
        if p.is_file():
            fs.pipe(f"{url.rstrip('/')}/{p.relative_to(folder).as_posix()}", p.read_bytes())


def mixed_inbox(root) -> None:
    """Every kind of source in one folder: HTML, text, .gz, WARC, news-please JSON, JSON lines."""
    import gzip as gz
    import json
    from pathlib import Path

    root = Path(root)
    (root / "pages").mkdir(parents=True)
    for i in range(3):
        (root / "pages" / f"p{i}.html").write_text(article(100 + i).html())
    (root / "plain.txt").write_text(article(110).text())
    (root / "zipped.txt.gz").write_bytes(gz.compress(article(111).text().encode()))
    (root / "empty.txt").write_bytes(b"")
    write_warc(root / "crawl.warc.gz", [article(i) for i in range(120, 125)])
    (root / "one.json").write_text(json.dumps(newsplease_object(article(130))))
    lines = [json.dumps(newsplease_object(article(i))) for i in range(131, 134)] + ['{"broken": ']
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n")


# -------------------------------------------------------------------------------- hostile inbox

NON_UTF8_NAME = b"bad\xff\xfename.txt"
PRINTABLE_NON_UTF8_NAME = "bad\\xff\\xfename.txt"


def gzip_bomb(path, expanded: int) -> int:
    """A .gz of ``expanded`` zero bytes (about 1000:1), written streaming; returns its size."""
    import zlib

    comp = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    with open(path, "wb") as fh:
        fh.writelines(comp.compress(block) for _ in range(expanded // len(block)))
        fh.write(comp.flush())
    return path.stat().st_size


def hostile_inbox(root, good: int = 20, bomb_bytes: int = 256 * 1024 * 1024) -> dict[str, str]:
    """The ingest cases of issue 10 plus ``good`` articles; returns name → what it is."""
    import os
    from pathlib import Path

    root = Path(root)
    (root / "good").mkdir(parents=True)
    for i in range(good):
        (root / "good" / f"a{i:02d}.txt").write_text(article(200 + i).text())
    gzip_bomb(root / "bomb.txt.gz", bomb_bytes)
    (root / os.fsdecode(NON_UTF8_NAME)).write_text(article(300).text())
    nul = article(301).text() + ("More of the article follows in this paragraph. " * 200) + "\x00Last line.\n"
    (root / "nul-after-8k.txt").write_bytes(nul.encode())
    raw = article(302).text().encode()
    (root / "bad-bytes.txt").write_bytes(raw[:150] + b"\xff\xfe\x80" + raw[150:])
    (root / "proc.txt").symlink_to("/proc/self/status")
    (root / "proc-dir").symlink_to("/proc")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    os.mkfifo(root / "x.txt")
    return {
        "bomb.txt.gz": "gzip bomb", PRINTABLE_NON_UTF8_NAME: "non-UTF-8 name", "nul-after-8k.txt": "NUL after 8 KiB",
        "bad-bytes.txt": "invalid bytes mid-file", "proc.txt": "symlink into /proc",
        "proc-dir": "symlink to /proc", "passwd.txt": "symlink to /etc/passwd", "loop.txt": "symlink loop",
        "x.txt": "FIFO named x.txt",
    }
