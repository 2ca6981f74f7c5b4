"""Word lists for the quote extractor: pronouns, titles, statement nouns, clause words (the
reporting verbs are shared with the coreference layer: ``etl.extract.shared.reporting``)."""

# ruff: noqa: SIM905  (word lists are written as text and split: easier to read and edit)

from __future__ import annotations

from etl.extract.coref.lexicon import ALL_PRONOUNS  # noqa: F401  (shared with the coreference layer)
from etl.extract.shared.reporting import CUE_FORMS, CUE_LEMMAS, INDIRECT_LEMMAS, PHRASAL_CUES  # noqa: F401  (shared with coref)

# Subjects that are documents or data rather than speakers: no indirect quote from them
# ("city reports say …", "the study estimated …"). Checked: letting "the report said" through
# costs precision on the GGT dev set (its annotators do not mark documents) for +0.001 on the
# PolNeAR tuning set, so reports stay here.
NON_SPEAKER_NOUNS = frozenset(
    """
    report data record figure statistic number estimate paper model chart graph table map evidence
    document research analysis finding review audit transcript video study poll survey
    footage photo image reading sign
    """.split()
)

# Verbs for naming rather than speech: "called him “a liar”" is no quote.
NAMING_LEMMAS = frozenset("call dub label brand describe term nickname name title deem".split())

# Abbreviations whose dot ends no sentence ("Gov. Doe said").
ABBREV = frozenset("mr mrs ms dr st jr sr rep sen gov gen lt col sgt capt prof rev hon no vs".split())

# Subordinators of a clause that goes on with what was said ("… unless they know …").
CONTENT_MARKS = frozenset("unless so because if although though whereas".split())

# Coordinators that leave a reported clause dangling ("he shot the farmer, then …").
COORDINATORS = frozenset("and but or then".split())

# A reported clause opening with one of these is a question, not a statement.
WH_WORDS = frozenset("what which whether why how who whom where".split())

# Minor words of titles of shows, books and events ("Women in Power").
MINOR_WORDS = frozenset("a an the of in on at for and or to with by from vs de la le du".split())

# Pronouns that can be the subject of a reporting verb after a quote ("…,” he said).
SUBJECT_PRONOUNS = frozenset("he she they it we i".split())

# Reporting verbs whose direct object is the addressee ("told reporters that …").
ADDRESSEE_VERBS = frozenset("tell inform assure remind warn notify".split())
