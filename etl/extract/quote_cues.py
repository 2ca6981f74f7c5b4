"""Word lists for the quote extractor: reporting verbs, pronouns, titles, statement nouns."""

# ruff: noqa: SIM905  (word lists are written as text and split: easier to read and edit)

from __future__ import annotations

from etl.extract.coref_lexicon import ALL_PRONOUNS  # noqa: F401  (shared with the coreference layer)

# Lemmas of reporting verbs that can attribute a direct quote ("…,” she warned).
CUE_LEMMAS = frozenset(
    """
    say tell add tweet write state warn insist claim argue explain note confirm announce report
    respond reply answer acknowledge admit assert declare stress emphasize emphasise suggest urge
    ask recall predict concede comment mention testify allege maintain conclude describe joke quip
    retort lament complain continue observe remark reveal disclose deny agree promise pledge vow
    caution contend boast counter scoff shout sniff crow scold stutter recount inform indicate
    post blog text email e-mail whisper yell exclaim grumble muse advise assure estimate hint
    proclaim reiterate reckon specify speculate summarize summarise theorize underline underscore
    add charge accuse criticize criticise cry plead beg demand question wonder tout brag laugh
    sigh smile shrug snap fume rage protest object interject interrupt offer point opine
    concur propose recommend repeat echo affirm aver attest begin go call read instruct order
    thank conclude quote cite tweet write posit surmise explain elaborate clarify
    """.split()
)

# Lemmas that introduce reported speech with a clausal complement ("X said (that) …").
INDIRECT_LEMMAS = frozenset(
    """
    say tell add claim argue explain note confirm announce report acknowledge admit assert declare
    stress emphasize emphasise suggest warn insist predict concede allege maintain testify state
    reveal disclose deny agree promise pledge vow caution contend boast counter recall mention
    write tweet post indicate estimate reiterate affirm complain point respond reply conclude
    hint lament observe remark assure inform speculate forecast acknowledge concede
    urge advise remind describe call confess
    """.split()
)

# Verbs that take a quoted object after a preposition or particle ("called for “…”").
PHRASAL_CUES = {("call", "for"), ("call", "on"), ("point", "out"), ("go", "on")}

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

def _forms(lemma: str) -> set[str]:
    out = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "es"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if lemma.endswith("e"):
        out.add(lemma + "d")
    return out


# Surface forms of the cue verbs, for when the tagger mislabels them ("Sinclair states.")
CUE_FORMS = frozenset(
    {f for lemma in CUE_LEMMAS for f in _forms(lemma)}
    | set("said says told tells wrote writes went goes began begins spoke speaks".split())
) - frozenset("states calls points orders reads notes reports posts texts answers questions offers".split()) | {"states", "notes", "reports"}

# A second piece of a split quote opening with one of these goes on with the first piece's statement.
LINKING_OPENERS = frozenset("so because or".split())

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
