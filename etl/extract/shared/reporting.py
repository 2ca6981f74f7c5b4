"""Reporting verbs ("said", "warned", "according to"): who speaks where. Shared by the
coreference layer (a subject of a reporting verb is a speaker) and the quote extractor (cues)."""

# ruff: noqa: SIM905  (word lists are written as text and split: easier to read and edit)

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
    urge advise remind describe call confess
    """.split()
)

# Verbs that take a quoted object after a preposition or particle ("called for “…”").
PHRASAL_CUES = {("call", "for"), ("call", "on"), ("point", "out"), ("go", "on")}


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
