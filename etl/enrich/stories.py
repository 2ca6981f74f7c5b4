"""Wire copies: near-duplicate articles grouped into stories, at load time.

A republished wire story differs from its source by page furniture, an added byline, a
trimmed paragraph or a corrected figure, so its content hash differs. We compare what the
articles *say*: each body becomes the set of its 5-word shingles, summarised by a datasketch
``MinHash`` (128 permutations, fixed seed and scheme, so signatures stay comparable across
runs). datasketch's ``MinHashLSH`` chooses the banding (bands × rows) for a Jaccard threshold;
the bands' buckets live in the warehouse table ``story_buckets`` rather than in memory, so
every loader (parallel Airflow tasks, later runs) shares one index.

Two articles are one story when the MinHash estimates their Jaccard similarity at
``SAME_STORY_JACCARD`` or more, or estimate that the smaller one is contained in the other at
``SAME_STORY_CONTAINMENT`` or more (a trimmed copy). A new article joins the story of its most
similar match; with no match it starts a story whose id is its own article id.

Concurrency: before looking for matches, the loading transaction takes a transaction-scoped
advisory lock per bucket of its signature, in sorted order; two loaders inserting copies of
one story share buckets, so the second waits until the first commits and then sees it.
Reprocessing an article recomputes its buckets and its story from the articles loaded then.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.models import StoryPrint

NUM_PERM = 128
SEED = 20250101
SCHEME = "affine32"
SHINGLE = 5  # words per shingle
LSH_THRESHOLD = 0.3  # Jaccard at which candidate pairs are found with high probability
SAME_STORY_JACCARD = 0.5
SAME_STORY_CONTAINMENT = 0.8
MIN_SHINGLES_FOR_CONTAINMENT = 20  # a short brief inside a long story is not its copy
LOCK_NAMESPACE = 0x5703  # first key of pg_advisory_xact_lock(int, int) for story buckets

_WORD = re.compile(r"\w+")


def shingles(body: str) -> set[bytes]:
    words = _WORD.findall(body.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def story_print(body: str) -> StoryPrint | None:
    """The body's MinHash signature; ``None`` for an empty body."""
    from datasketch import MinHash

    grams = shingles(body)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    mh.update_batch(sorted(grams))
    return StoryPrint(mh.hashvalues.astype("<u4").tobytes(), len(grams))


@functools.lru_cache(maxsize=1)
def _permutations():
    """The MinHash permutations for NUM_PERM and SEED, drawn once per process."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@functools.lru_cache(maxsize=1)
def banding() -> tuple[int, int]:
    """(bands, rows per band) datasketch's LSH picks for ``LSH_THRESHOLD``."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def buckets(print_: StoryPrint) -> list[tuple[int, int]]:
    """(band, bucket) pairs: a bucket is a signed 64-bit hash of the band's values."""
    bands, rows = banding()
    out = []
    for band in range(bands):
        chunk = print_.minhash[band * rows * 4:(band + 1) * rows * 4]
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def similarity(a: StoryPrint, b: StoryPrint) -> tuple[float, float]:
    """(estimated Jaccard, estimated containment of the smaller set in the larger)."""
    va = np.frombuffer(a.minhash, dtype="<u4")
    vb = np.frombuffer(b.minhash, dtype="<u4")
    jaccard = float(np.count_nonzero(va == vb)) / len(va)
    common = jaccard * (a.shingles + b.shingles) / (1 + jaccard)
    return jaccard, min(1.0, common / max(1, min(a.shingles, b.shingles)))


def same_story(a: StoryPrint, b: StoryPrint) -> tuple[bool, float]:
    """Whether two bodies are copies of one story, and the similarity that decided it."""
    jaccard, containment = similarity(a, b)
    if jaccard >= SAME_STORY_JACCARD:
        return True, jaccard
    small = min(a.shingles, b.shingles)
    if small >= MIN_SHINGLES_FOR_CONTAINMENT and containment >= SAME_STORY_CONTAINMENT:
        return True, containment
    return False, max(jaccard, containment)


@dataclass
class Match:
    article_id: int
    story_id: int
    score: float


def _lock(conn: Connection, keys: list[tuple[int, int]]) -> None:
    """Transaction-scoped advisory locks on the buckets, in one sorted order for everyone."""
    objs = sorted({(bucket & 0xFFFFFFFF) - (1 << 31) for _, bucket in keys})
    conn.execute(
        sa.text("SELECT count(pg_advisory_xact_lock(:ns, k)) FROM "
                "(SELECT unnest(CAST(:objs AS int[])) AS k ORDER BY 1) AS s"),
        {"ns": LOCK_NAMESPACE, "objs": objs},
    )


def best_match(conn: Connection, article_id: int, print_: StoryPrint,
               keys: list[tuple[int, int]]) -> Match | None:
    """The most similar already-loaded article that is a copy of this one, if any."""
    rows = conn.execute(
        sa.text(
            "SELECT DISTINCT a.id, coalesce(a.story_id, a.id) AS story_id, a.minhash,"
            " a.shingle_count FROM story_buckets b JOIN articles a ON a.id = b.article_id"
            " WHERE (b.band, b.bucket) IN (SELECT * FROM unnest(CAST(:bands AS smallint[]),"
            " CAST(:buckets AS bigint[]))) AND a.id <> :id AND a.minhash IS NOT NULL"
        ),
        {"bands": [b for b, _ in keys], "buckets": [h for _, h in keys], "id": article_id},
    )
    best: Match | None = None
    for other_id, story_id, minhash, count in rows:
        same, score = same_story(print_, StoryPrint(bytes(minhash), count))
        if same and (best is None or (score, -other_id) > (best.score, -best.article_id)):
            best = Match(other_id, story_id, score)
    return best


def assign_story(conn: Connection, article_id: int, print_: StoryPrint | None, *, new: bool = False) -> int:
    """Index the article's buckets and set its story (in the caller's transaction).

    ``new``: the article was inserted by this transaction, so it has no buckets to remove yet.
    """
    if not new:
        conn.execute(sa.text("DELETE FROM story_buckets WHERE article_id = :id"), {"id": article_id})
    if print_ is None:
        conn.execute(sa.text("UPDATE articles SET story_id = id, story_similarity = NULL,"
                             " minhash = NULL, shingle_count = NULL WHERE id = :id"),
                     {"id": article_id})
        return article_id
    keys = buckets(print_)
    _lock(conn, keys)
    match = best_match(conn, article_id, print_, keys)
    story_id = match.story_id if match else article_id
    conn.execute(
        sa.text("INSERT INTO story_buckets (band, bucket, article_id) SELECT b, h, :id FROM"
                " unnest(CAST(:bands AS smallint[]), CAST(:buckets AS bigint[])) AS u(b, h)"
                " ON CONFLICT DO NOTHING"),
        {"id": article_id, "bands": [b for b, _ in keys], "buckets": [h for _, h in keys]},
    )
    conn.execute(
        sa.text("UPDATE articles SET story_id = :story, story_similarity = :score,"
                " minhash = :minhash, shingle_count = :n WHERE id = :id"),
        {"story": story_id, "score": match.score if match else None, "minhash": print_.minhash,
         "n": print_.shingles, "id": article_id},
    )
    return story_id


def rebuild(engine) -> int:
    """Recompute every article's signature and story, oldest article first; returns stories."""
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM story_buckets"))
        conn.execute(sa.text("UPDATE articles SET story_id = NULL, story_similarity = NULL"))
        ids = conn.execute(sa.text("SELECT id FROM articles ORDER BY id")).scalars().all()
    for article_id in ids:
        with engine.begin() as conn:
            body = conn.execute(sa.text("SELECT body FROM articles WHERE id = :id"),
                                {"id": article_id}).scalar_one()
            assign_story(conn, article_id, story_print(body))
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(DISTINCT story_id) FROM articles")).scalar_one()


if __name__ == "__main__":  # python -m etl.enrich.stories rebuild
    import sys

    from etl.db.engine import get_engine

    if sys.argv[1:] != ["rebuild"]:
        sys.exit("usage: python -m etl.enrich.stories rebuild")
    print(f"{rebuild(get_engine())} stories")
