"""Word lists and patterns of the coreference layer (``etl.extract.coref``): pronouns, role and document
nouns, honorifics, page furniture."""

# ruff: noqa: SIM905  (word lists are written as text and split: easier to read and edit)

from __future__ import annotations

import re

PRONOUNS_PERSON_M = frozenset("he him himself".split())
PRONOUNS_PERSON_F = frozenset("she her herself".split())
PRONOUNS_PLURAL = frozenset("they them we us themselves".split())
PRONOUNS_NEUTER = frozenset("it".split())
ALL_PRONOUNS = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers they them their theirs
    it its who whom whose which that this these those one someone somebody anyone everyone
    himself herself themselves itself""".split()
)
ARTICLES = frozenset("a an the".split())
DEFINITE = frozenset("the this that our its".split())  # determiners of a definite description

# spaCy entity labels of numbers and dates: never a speaker
NUMERIC_ENT_TYPES = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())

# Nouns for written or published statements: a statement that names its author ("a KH
# statement", "a statement from X") stands for that author.
STATEMENT_NOUNS = frozenset(
    """
    statement tweet release communique communiqué post letter announcement message report
    note memo email e-mail notice declaration filing document website site account bulletin
    press readout transcript video broadcast editorial op-ed blog
    """.split()
)
# Every document noun, statements included: written bare ("the lawsuit says"), it is given as
# its author's ("X's lawsuit") when the article said earlier who issued it.
DOCUMENT_NOUNS = STATEMENT_NOUNS | frozenset(
    """
    suit lawsuit complaint petition motion affidavit indictment ruling study survey poll
    analysis review audit memo
    """.split()
)

# Verbs of issuing a document: "X released a report", "a suit filed by X".
ISSUE_VERBS = frozenset(
    """
    release publish issue file post send write submit launch lodge bring commission conduct
    produce sign tweet circulate distribute present
    """.split()
)

# Nouns that are never a person description even with a person-like suffix.
NON_PERSON_NOUNS = frozenset(
    """
    report study data document record poll survey research analysis figure statistic number
    estimate finding paper review audit model chart graph table map evidence transcript video
    footage photo image reading sign
    """.split()
)

# Definite descriptions of organisations ("the company said"): the most recent organisation.
ORG_NOUNS = frozenset(
    """
    company agency firm group organization organisation department ministry union association
    bank airline retailer charity commission board party network foundation institute council
    corporation carrier manufacturer automaker insurer regulator utility university hospital
    """.split()
)

# Head nouns of institutions whose names hold a possessive ("the County Sheriff's Office",
# "St. Mary's Hospital"); before a person's name a possessive is another entity ("Acme's Jane Doe").
NAME_HEAD_NOUNS = ORG_NOUNS | frozenset(
    """
    office bureau service center centre court clinic school college church police
    """.split()
)

# Entity types that a definite description may name by their head noun ("the city").
HEAD_NAMED_TYPES = ("ORG", "GPE", "FAC", "LOC", "NORP")

# Kinds of institution, by the head noun of a name or a description: "the hospital" is no
# "Police Department", "the agency" may be the "State Department".
INSTITUTION_KINDS = {
    **dict.fromkeys("department agency office bureau administration ministry commission service".split(), "government"),
    **dict.fromkeys("hospital clinic".split(), "hospital"),
    **dict.fromkeys("university college school institute academy".split(), "school"),
    **dict.fromkeys("court".split(), "court"),
    **dict.fromkeys("church mosque synagogue temple".split(), "worship"),
    **dict.fromkeys("company firm corporation carrier manufacturer automaker insurer retailer airline bank".split(),
                    "company"),
}

# Role nouns for people that the suffix test misses.
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
PERSON_SUFFIX = re.compile(r"(er|or|ist|ian|man|woman|person|ent|ant|ee|eer|ive|ard|ot|ic)$")

HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][\w'-]+)")
MALE_HONORIFICS = frozenset({"Mr"})
AGE_RE = re.compile(r"\b(\d{1,3})\s*-\s*year\s*-\s*old\b")

# Lines that are page furniture rather than article text: photo credits and captions, bylines,
# contributor lines, links to other stories, share prompts.
FURNITURE_RE = re.compile(
    r"""^(?:by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}$      # byline
    |(?:read|see|watch|listen|click|related|more|also)\b[^:]{0,20}:   # READ MORE: / Also on X:
    |(?:photo|image|video|file\s+photo)\s*(?:credit)?\s*:      # Photo: …
    )
    |\((?:[A-Z][\w.'-]+\s){1,3}?[A-Z][\w.'-]+\s*/\s*[A-Z][\w .'-]{1,40}\)\s*$   # (Jane Doe/Outlet)
    |\bcontributed\s+(?:to\s+)?(?:this\s+)?report
    |\b(?:photo|photograph)\s+by\b
    |/\s*(?:Getty|AP|Reuters|AFP|The\s+Canadian\s+Press|CP)\b[^\n]{0,20}$
    """,
    re.IGNORECASE | re.VERBOSE,
)
SUBHEADING_MAX_WORDS = 8  # a short line without closing punctuation is a subheading
SENTENCE_ENDS = (".", "!", "?", ":", "\u201d", '"', "'", "\u2019", ")", ";", ",")

# Abbreviated titles before names, in the form a description uses ("Gov. Doe" -> "the governor").
TITLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "lt": "lieutenant",
    "sgt": "sergeant", "capt": "captain", "col": "colonel", "adm": "admiral", "cmdr": "commander",
    "prof": "professor", "supt": "superintendent", "insp": "inspector", "atty": "attorney",
    "pres": "president", "sec": "secretary", "cpl": "corporal", "maj": "major", "det": "detective",
    "congressman": "congressman", "congresswoman": "congresswoman",
}
TITLE_MAX_WORDS = 6  # words of a title run before a name ("former Ohio Gov.")

# Lower-case modifiers of a description that tell one office holder from another ("the former
# senator" is not the senator); other lower-case words ("the lanky professor") describe.
DISTINGUISHING_MODIFIERS = frozenset(
    """
    former vice deputy assistant acting interim associate lieutenant junior outgoing incoming
    retired late previous then democratic republican federal provincial state county city
    """.split()
)

# Person nouns that say nothing about an office or trade: "the man" after a named subject is
# as likely someone else (a bystander, a caller) as that subject.
GENERIC_PERSON_NOUNS = frozenset(
    """
    man woman person boy girl child resident voter supporter protester worker employee member
    neighbor neighbour friend caller customer passenger driver visitor stranger individual
    """.split()
)

# Dependents after a description's noun that make it a description of its own ("the director of
# the museum", "the man who called"): such a description is not the person named just before.
# (An apposition, ", younger brother of X", adds to the description without restricting it.)
POST_MODIFIER_DEPS = frozenset("prep relcl acl".split())
