"""Stories, event dates and places in the warehouse: story-level sums against a hand count,
the day rules of the views, voted entity types, normalised speakers, concurrent loaders of
copies of one story, reruns and reprocessing. Rows are written by hand or by the real
pipeline over our own generated articles (tests/stories_corpus.py)."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
import sqlalchemy as sa

from etl.enrich.stories import assign_story, story_print
from etl.pipeline import extract_paths
from etl.runner import run
from tests.stories_corpus import build

HAND_ROWS = """
INSERT INTO entities (id, name, type, country_code) OVERRIDING SYSTEM VALUE VALUES
 (803, 'Nigeria', 'GPE', 'NG');
INSERT INTO articles (id, content_sha256, source_path, format, body, word_count, extractor_version,
                      site_name, published, story_id, created_at)
OVERRIDING SYSTEM VALUE VALUES
 (901, 'h901', '/in/a1.html', 'html', 'b', 1, 't', 'Site One',   '2025-05-02 09:00+00', 901, '2026-01-10'),
 (902, 'h902', '/in/a2.html', 'html', 'b', 1, 't', 'Site Two',   '2025-05-02 11:00+00', 901, '2026-01-10'),
 (903, 'h903', '/in/a3.html', 'html', 'b', 1, 't', 'Site Three', '2025-05-03 07:00+00', 901, '2026-01-10'),
 (904, 'h904', '/in/b1.txt',  'text', 'b', 1, 't', NULL,         '2025-06-10 08:00+00', 904, '2026-01-10'),
 (905, 'h905', '/in/c1.txt',  'text', 'b', 1, 't', NULL,         NULL,                  905, '2026-01-10');
INSERT INTO casualties (article_id, seq, category, count, count_min, count_max, confirmed, location,
                        country_code, event_date, event_date_precision, sentence, start_offset,
                        end_offset, mentions)
VALUES
 -- story 901: one bombing told by three sites, the third with an updated toll and no place
 (901, 0, 'killed', 10, 10, 10, NULL, 'Ostrel', 'NG', '2025-05-01', 'day', 's', 0, 1, '[]'),
 (901, 1, 'injured', 5, 5, 5, NULL, 'Ostrel', 'NG', '2025-05-01', 'day', 's', 0, 1, '[]'),
 (902, 0, 'killed', 10, 10, 10, NULL, 'Ostrel', 'NG', '2025-05-01', 'day', 's', 0, 1, '[]'),
 (902, 1, 'injured', 5, 5, 5, NULL, 'Ostrel', 'NG', '2025-05-01', 'day', 's', 0, 1, '[]'),
 (903, 0, 'killed', 12, 12, NULL, NULL, NULL, NULL, NULL, NULL, 's', 0, 1, '[]'),
 (903, 1, 'injured', 7, 7, 7, NULL, 'Nigeria', NULL, '2025-05-01', 'day', 's', 0, 1, '[]'),
 -- story 904: two incidents in two towns, and an unconfirmed arrest figure
 (904, 0, 'killed', 3, 3, 3, true, 'Brannock', 'KE', NULL, NULL, 's', 0, 1, '[]'),
 (904, 1, 'killed', 2, 2, 2, NULL, 'Vellmark', 'KE', '2025-06-08', 'day', 's', 0, 1, '[]'),
 (904, 2, 'arrested', 4, 4, 4, false, 'Brannock', 'KE', NULL, NULL, 's', 0, 1, '[]'),
 -- story 905: no publication date, no event date
 (905, 0, 'missing', 6, 6, 6, NULL, 'Tarrow', NULL, NULL, NULL, 's', 0, 1, '[]');
-- the third copy names only the country: a location entity with a country code
UPDATE casualties SET location_entity_id = 803 WHERE article_id = 903 AND location = 'Nigeria';
"""


@pytest.fixture(scope="module")
def hand(warehouse):
    with warehouse.begin() as conn:
        conn.exec_driver_sql(HAND_ROWS)
    return warehouse


def _all(engine, sql: str, **params):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def test_story_level_sums_equal_a_hand_count(hand):
    # By hand: story 901 killed max(10, 10, 12) = 12, injured max(5, 5, 7) = 7; story 904
    # killed 3 (Brannock) + 2 (Vellmark), arrested 4 is unconfirmed; story 905 missing 6.
    got = dict(_all(hand, "SELECT category, sum(total)::int FROM v_casualties_daily"
                          " WHERE category IS NOT NULL GROUP BY category"))
    assert got == {"killed": 12 + 3 + 2, "injured": 7, "missing": 6}
    got_all = dict(_all(hand, "SELECT category, sum(total)::int FROM v_casualties_daily_all"
                              " GROUP BY category"))
    assert got_all == {"killed": 17, "injured": 7, "missing": 6, "arrested": 4}
    (row,) = _all(hand, "SELECT place, figures, figures_counted, articles, stories, sources, total"
                        " FROM v_casualties_daily WHERE category = 'killed' AND total = 12")
    assert row == ("Ostrel", 3, 1, 3, 1, 3, 12)  # three sources carried one incident


def test_days_are_event_date_else_publication_never_load_day(hand):
    rows = _all(hand, "SELECT article_id, category, day, day_basis, load_day FROM v_casualty_figures"
                      " WHERE article_id IN (903, 904, 905) ORDER BY article_id, category, day")
    got = {(a, c, str(d), b) for a, c, d, b, _ in rows}
    assert (903, "killed", "2025-05-03", "published") in got
    assert (904, "killed", "2025-06-08", "event") in got
    assert (904, "killed", "2025-06-10", "published") in got
    assert (905, "missing", "None", None) in got  # neither: no day at all
    assert all(str(load) == "2026-01-10" for *_, load in rows)  # still there, apart
    (quality,) = _all(hand, "SELECT figures_without_date FROM v_data_quality")
    assert quality[0] == 1


def test_stories_view_counts_articles_and_sources(hand):
    (row,) = _all(hand, "SELECT articles, sources, source_names FROM v_stories WHERE story_id = 901")
    assert row == (3, 3, ["Site One", "Site Three", "Site Two"])


def test_entity_types_are_voted_across_articles(hand):
    with hand.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO entities (id, name, type) OVERRIDING SYSTEM VALUE VALUES"
            " (801, 'Ostrel', 'GPE'), (802, 'Ostrel', 'PERSON');"
            "INSERT INTO article_entities (article_id, entity_id, mention_count, offsets) VALUES"
            " (901, 801, 1, '[]'), (902, 801, 2, '[]'), (903, 802, 5, '[]');"
            "INSERT INTO quotes (article_id, seq, text, speaker, speaker_normalized, kind,"
            " start_offset, end_offset) VALUES (901, 0, 'q', 'Police', 'police', 'direct', 0, 1),"
            " (902, 0, 'q', 'the police', 'police', 'direct', 0, 1),"
            " (903, 0, 'q', 'police', 'police', 'indirect', 0, 1)")
    (vote,) = _all(hand, "SELECT type, type_articles, articles, types FROM v_entity_types WHERE name = 'Ostrel'")
    assert vote == ("GPE", 2, 3, 2)
    tops = _all(hand, "SELECT type, sum(articles)::int FROM v_top_entities WHERE name = 'Ostrel'"
                      " AND period_type = 'month' GROUP BY type")
    assert tops == [("GPE", 3)]
    (speaker,) = _all(hand, "SELECT speaker, quotes, articles, stories FROM v_top_speakers"
                            " WHERE speaker = 'police'")
    assert speaker == ("police", 3, 3, 1)


# ----------------------------------------------------------------- the loader, for real


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("story_corpus")
    build(folder, stories=4, seed=7)
    return folder


def test_copies_load_into_one_story_and_reruns_change_nothing(warehouse, corpus):
    run(str(corpus), engine=warehouse, trigger="test", include=("s000_*",))
    before = _all(warehouse, "SELECT id, story_id FROM articles WHERE source_path LIKE '%s000_%' ORDER BY id")
    assert len(before) >= 2 and len({s for _, s in before}) == 1
    assert before[0][1] == before[0][0]  # the first article's id is the story's
    run(str(corpus), engine=warehouse, trigger="test", include=("s000_*",))
    assert _all(warehouse, "SELECT id, story_id FROM articles WHERE source_path LIKE '%s000_%'"
                           " ORDER BY id") == before
    run(str(corpus), engine=warehouse, trigger="test", include=("s000_*",), reprocess=True)
    assert _all(warehouse, "SELECT id, story_id FROM articles WHERE source_path LIKE '%s000_%'"
                           " ORDER BY id") == before
    buckets = _all(warehouse, "SELECT count(*) FROM story_buckets b JOIN articles a ON a.id = b.article_id"
                              " WHERE a.source_path LIKE '%s000_%'")
    assert buckets[0][0] > 0


def test_two_loaders_inserting_copies_at_once_make_one_story(warehouse, corpus, tmp_path):
    from etl.load import load_article

    copies = sorted(p for p in corpus.iterdir() if p.name.startswith("s003_"))[:2]
    assert len(copies) == 2
    items = list(extract_paths([str(p) for p in copies]))
    first, second = (it.article for it in items)
    # Loader A: inserted and indexed its article, not committed yet.
    conn = warehouse.connect()
    tx = conn.begin()
    a_id = conn.execute(sa.text(
        "INSERT INTO articles (content_sha256, source_path, format, body, word_count, extractor_version)"
        " VALUES ('race-a', 'race-a', 'text', :b, 1, 't') RETURNING id"), {"b": first.doc.body}).scalar_one()
    assign_story(conn, a_id, story_print(first.doc.body))
    # Loader B: loads the other copy meanwhile; it must wait for A's buckets, then join A's story.
    done: dict = {}
    worker = threading.Thread(target=lambda: done.update(
        outcome=load_article(warehouse, items[1].source, second, None)))
    worker.start()
    time.sleep(1.0)
    assert worker.is_alive(), "loader B did not wait for loader A's uncommitted copy"
    tx.commit()
    conn.close()
    worker.join(30)
    b_id = done["outcome"].article_id
    assert _all(warehouse, "SELECT story_id FROM articles WHERE id = :i", i=b_id) == [(a_id,)]
    shutil.rmtree(tmp_path, ignore_errors=True)
