"""Word lists for the quote extractor: reporting verbs, pronouns, titles, statement nouns."""

from __future__ import annotations

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
    """.split()
)

# Verbs that take a quoted object after a preposition or particle ("called for “…”").
PHRASAL_CUES = {("call", "for"), ("call", "on"), ("point", "out"), ("go", "on")}

PRONOUNS_PERSON_M = frozenset("he him himself".split())
PRONOUNS_PERSON_F = frozenset("she her herself".split())
PRONOUNS_PLURAL = frozenset("they them we us themselves".split())
PRONOUNS_NEUTER = frozenset("it".split())
PRONOUNS_FIRST = frozenset("i me my".split())
ALL_PRONOUNS = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers they them their theirs
    it its who whom whose which that this these those one someone somebody anyone everyone
    himself herself themselves itself""".split()
)

# Nouns for written or published statements: the speaker is their author organisation.
STATEMENT_NOUNS = frozenset(
    """
    statement tweet release communique communiqué post letter announcement message report
    note memo email e-mail notice declaration filing document website site account bulletin
    press readout transcript video broadcast editorial op-ed blog
    """.split()
)

ARTICLES = frozenset("a an the".split())

# Subjects that are documents or data rather than speakers: no indirect quote from them
# ("city reports say …", "the study estimated …").
NON_SPEAKER_NOUNS = frozenset(
    """
    report study data document record poll survey research analysis figure statistic number
    estimate finding paper review audit model chart graph table map evidence transcript video
    footage photo image reading sign
    """.split()
)

# Verbs for naming rather than speech: "called him “a liar”" is no quote.
NAMING_LEMMAS = frozenset("call dub label brand describe term nickname name title deem".split())

# Definite descriptions of organisations ("the company said"): the most recent organisation.
ORG_NOUNS = frozenset(
    """
    company agency firm group organization organisation department ministry union association
    bank airline retailer charity commission board party network foundation institute council
    corporation carrier manufacturer automaker insurer regulator utility university hospital
    """.split()
)


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

# Role nouns for people that the suffix test in ``quotes._person_noun`` misses.
PERSON_NOUNS = frozenset(
    """
    official spokesman spokeswoman spokesperson mayor minister premier chief senator
    congressman congresswoman governor judge coach captain rookie veteran prosecutor attorney
    lawyer sergeant officer general colonel admiral diplomat envoy ambassador secretary
    candidate nominee activist analyst economist expert scientist historian author poet
    father mother son daughter wife husband brother sister man woman boy girl victim witness
    mp mla mpp king queen prince princess pope bishop priest imam rabbi chair chairman
    chairwoman councillor councilman councilwoman aide adviser advisor source resident
    student doctor nurse physician surgeon engineer architect president
    """.split()
)
