"""MinHash prints of article bodies: copies are one story, different stories are not."""

from __future__ import annotations

from etl.enrich.stories import buckets, same_story, story_print

PARAS = [
    ("Gunmen opened fire on a crowded market in the river town of Ostrel on Tuesday, killing nine "
    "people and wounding 14 others, the district commissioner said."),
    "\u201cWe are still counting,\u201d said Tobin Haldane, who runs the town clinic, as relatives waited.",
    "Traders closed their stalls early, and the streets emptied within minutes of the shooting.",
    "No group claimed responsibility, but the security council blamed a militia active in the hills.",
    "Officials said seven ambulances were sent from hospitals across the province to carry the wounded.",
    "The market had reopened only last month after repairs paid for by a local cooperative.",
]
OTHER = [
    ("A ferry carrying 60 passengers capsized on Lake Vannor late Sunday; rescuers pulled 41 people "
    "from the water and were searching for the rest, the coast guard said."),
    "The ferry operator, Brisco Lines, said the boat had passed an inspection in the spring.",
    "Relatives gathered at the pier in Kestelby as divers worked through the night.",
]


def _p(paras):
    return story_print("\n\n".join(paras))


def test_copies_with_a_byline_or_trimmed_paragraphs_are_one_story():
    original = _p(PARAS)
    assert same_story(original, _p(["By Amara Quellan"] + PARAS))[0]
    assert same_story(original, _p(PARAS[:4]))[0]  # trimmed: contained in the original
    updated = PARAS[:1] + ["The death toll later rose to 12, the commissioner said."] + PARAS[1:]
    assert same_story(original, _p(updated))[0]


def test_different_stories_are_not():
    assert not same_story(_p(PARAS), _p(OTHER))[0]
    # One short sentence found in a story is too little to call it a copy of it...
    assert not same_story(_p(PARAS[2:3]), _p(PARAS))[0]
    # ...while a brief that runs the story's whole lead paragraph is a trimmed copy.
    assert same_story(_p(PARAS[:1]), _p(PARAS))[0]


def test_prints_are_deterministic_and_share_buckets_when_similar():
    a, b = _p(PARAS), _p(PARAS)
    assert a.minhash == b.minhash and a.shingles == b.shingles
    assert set(buckets(a)) & set(buckets(_p(["By Amara Quellan"] + PARAS)))
    assert story_print("") is None
