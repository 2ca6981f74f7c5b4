"""French: the data the lexical extractors (etl/extract/lexical) read. No code of its own.

Entity labels of fr_core_news_sm (PER, ORG, LOC, MISC) in the contract's types; reporting
verbs as past participles ("a déclaré", "a-t-il ajouté"); casualty words per category; number
words (text2num reads the composed ones: "vingt-trois") and approximate counts; the words a
name mention is trimmed of; weekdays and the dateline agencies of French wire copy.
"""

from __future__ import annotations

CODE = "fr"
MODELS = ("fr_core_news_sm",)

ENTITY_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}  # MISC is left out
# leading words trimmed from an entity mention ("de Marseille", "l'Élysée")
LEADING_FUNCTION_WORDS = ("de la ", "de l'", "de l’", "du ", "des ", "de ", "d'", "d’", "la ", "le ", "les ",
                          "l'", "l’", "à ", "au ", "aux ", "en ")

ELIDED = frozenset("n' d' l' s' c' j' m' t' qu'".split())  # elided words ("n’", "d’"), apostrophe folded
# past participles of reporting verbs (after "a", "ont", "a-t-il", "a-t-elle")
REPORTING_VERBS = frozenset("""
déclaré affirmé ajouté indiqué précisé expliqué souligné réagi dénoncé estimé assuré déploré
regretté raconté salué promis jugé critiqué annoncé confié lancé insisté rappelé martelé prévenu
reconnu répondu poursuivi conclu averti observé noté témoigné dit déclaré écrit tweeté commenté
fustigé accusé admis avoué confirmé démenti détaillé plaidé réclamé répliqué résumé lâché
""".split())
AUXILIARIES = ("a", "ont", "avait", "avaient")
# "a-t-il ajouté": the speaker is a pronoun, resolved to the previous speaker
INVERTED_PRONOUNS = ("-t-il", "-t-elle", "-ils", "-elles", "-t-on")
QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
DIALOGUE_DASHES = ("—", "–")
# where the speaker's noun phrase ends after the verb ("le parquet de Bruxelles dans un communiqué")
SPEAKER_PHRASE_END = (" dans ", " sur ", " lors ", " à l'issue", " devant ", " en ", " au cours ", " avant ",
                      " après ", " depuis ", " pendant ", " à ")
DETERMINERS = ("le ", "la ", "les ", "l'", "l’", "un ", "une ", "des ", "son ", "sa ", "ses ", "cette ", "ce ", "cet ")
SPEAKER_MAX_WORDS = 6  # a longer phrase after the verb is not a speaker's name or title
SCARE_QUOTE_MAX_WORDS = 3  # a quote this short with no reporting verb is a term in quote marks

NUMBER_WORDS = ("un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
                "quinze seize vingt trente quarante cinquante soixante cent cents mille").split()
APPROXIMATE = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
               "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000}
QUALIFIERS = {"au moins": "min", "plus de": "min", "près de": None, "environ": None, "au total": None}

# participles and nouns of each category (feminine and plural forms listed)
CASUALTY_PARTICIPLES = {
    "killed": tuple("tué tués tuée tuées mort morts morte mortes péri décédé décédés décédée décédées "
                    "abattu abattus abattue abattues".split())
    + ("retrouvé mort", "retrouvée morte", "retrouvés morts", "retrouvées mortes", "mortellement percuté",
       "mortellement percutée", "mortellement blessé", "mortellement blessée"),
    "injured": tuple("blessé blessés blessée blessées hospitalisé hospitalisés hospitalisée hospitalisées".split()),
    "arrested": tuple("interpellé interpellés interpellée interpellées arrêté arrêtés arrêtée arrêtées".split())
    + ("placé en garde à vue", "placée en garde à vue", "placés en garde à vue", "placées en garde à vue"),
    "missing": tuple("disparu disparus disparue disparues".split()),
}
CASUALTY_NOUNS = {"killed": ("mort", "morts", "victimes", "tués"), "injured": ("blessé", "blessés", "blessées")}
# active voice: "a blessé trois passants", "blessant deux clients", "l'arrestation de sept personnes"
CASUALTY_ACTIVE = {"killed": ("tué", "tuant"), "injured": ("blessé", "blessant"),
                   "arrested": ("arrêté", "interpellé", "l'arrestation de", "l’arrestation de")}
# one person named by a determiner ("le tireur présumé a été arrêté", "son compagnon a été placé …")
SINGULAR_DETERMINERS = ("le", "la", "l'", "l’", "son", "sa", "un", "une")
SEVERITY = ("légèrement", "grièvement", "gravement", "mortellement", "sérieusement")

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")  # Monday first
# "dans la nuit de samedi à dimanche": the night starts on the first day named
WEEKDAY_EXPRESSION = (r"(?:dans\s+la\s+nuit\s+d[eu]\s+)?\b(?P<day>{days})\b(?:\s+(?:soir|matin|après-midi))?"
                      r"(?:\s+à\s+(?:{days}))?")
FUTURE_AFTER = r"^\s+(?:prochaine?|suivante?)\b"  # "samedi prochain" is no event date
PAST_BEFORE = r"(?:\bdernier\s*)$"
PRONOUNS = frozenset("il elle ils elles on".split())
# a definite role with no name after the verb ("a déclaré le chef de l'État") is the person
# last named before the quote
DEFINITE_ROLES = ("le chef de l'état", "le chef de l’état", "le président", "la présidente", "le premier ministre",
                  "la première ministre", "le ministre", "la ministre", "le maire", "la maire", "le préfet",
                  "la préfète", "le procureur", "la procureure")
SELON = "selon"
