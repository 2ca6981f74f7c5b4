"""Word lists for the casualty extractor (lemmas, lowercased)."""

from __future__ import annotations

# Verbs whose object (active) or subject (passive) are the victims.
TRANSITIVE = {
    "kill": "killed",
    "slay": "killed",
    "murder": "killed",
    "assassinate": "killed",
    "execute": "killed",
    "behead": "killed",
    "massacre": "killed",
    "slaughter": "killed",
    "wound": "injured",
    "injure": "injured",
    "hurt": "injured",
    "maim": "injured",
    "kidnap": "kidnapped",
    "abduct": "kidnapped",
    "arrest": "arrested",
    "detain": "arrested",
    "apprehend": "arrested",
}
# Surface forms the tagger sometimes labels ADJ or NOUN ("slain", "wounded").
PARTICIPLES = {
    "killed": "kill",
    "slain": "slay",
    "murdered": "murder",
    "wounded": "wound",
    "injured": "injure",
    "hurt": "hurt",
    "kidnapped": "kidnap",
    "kidnaped": "kidnap",
    "abducted": "abduct",
    "arrested": "arrest",
    "detained": "detain",
}
# Verbs with the victims as subject.
INTRANSITIVE = {"die": "killed", "perish": "killed", "disappear": "missing"}
# Adjectives predicated of the victims ("four people are dead", "two remain missing").
ADJECTIVES = {"dead": "killed", "deceased": "killed", "missing": "missing", "unaccounted": "missing"}
# Nouns naming the event; the victims are "of"-objects or possessors, the count a nummod.
NOUNS = {
    "death": "killed",
    "fatality": "killed",
    "killing": "killed",
    "murder": "killed",
    "injury": "injured",
    "wound": "injured",
    "abduction": "kidnapped",
    "kidnapping": "kidnapped",
    "arrest": "arrested",
    "disappearance": "missing",
}
# "shot", "stabbed": the victims are hurt unless the text says they died.
WEAK_INJURY_VERBS = {"shoot", "stab"}
# What hits a victim in "was struck by a stray bullet".
BULLET_WORDS = {"bullet", "bullets", "gunfire", "round", "rounds", "shot", "shots", "fragment",
                "fragments", "pellet", "pellets", "shrapnel", "debris", "gunshot", "gunshots", "ricochet"}
# Verbs whose subject bears an injury noun object ("he suffered gunshot wounds").
BEARER_VERBS = {"suffer", "sustain", "receive", "have", "treat", "sustain", "nurse"}
# "lost their lives", "claimed the lives of", "taken hostage", "taken into custody".
HOSTAGE_WORDS = {"hostage", "hostages", "captive", "captives"}

# Heads that are not victims ("killed the engine", "hurt the economy", "wounded pride").
NOT_VICTIMS = {
    "shot", "round", "bullet", "gun", "weapon", "rifle", "pistol", "handgun", "car", "vehicle",
    "truck", "engine", "building", "house", "home", "window", "door", "wall", "time", "year",
    "day", "hour", "minute", "week", "month", "chance", "economy", "relation", "relationship",
    "pride", "feeling", "reputation", "effort", "bill", "deal", "plan", "idea", "process",
    "dog", "cat", "animal", "buffalo", "deer", "horse", "cow", "bird", "pet", "end", "battery",
    "phone", "line", "heat", "silence", "calm", "cell", "attack", "incident", "shooting",
    "fire", "blast", "explosion", "strike", "crash", "accident", "area", "scene", "body",
    "bodies", "penalty", "sentence", "threat", "lot", "way", "point", "percent", "%",
    "dollar", "money", "case", "investigation", "report", "number", "toll", "figure",
    "brain", "night", "morning", "evening", "afternoon", "weekend", "hospital", "center",
    "facility", "room", "presence", "city", "town", "community", "neighborhood", "street",
    "helicopter", "plane", "aircraft", "drone", "jet", "bus", "boat", "ship", "tire", "tyre",
    "camera", "light", "sign", "target", "game", "video", "photo", "picture", "flare", "campaign",
    "order", "warrant", "strategy", "search", "land", "media", "market", "sale", "price", "stock",
    "share", "chance", "hope", "image", "brand", "business", "party", "candidate", "campaign",
    "inside", "outside", "post", "crossbar", "net", "goal", "puck", "ball", "glass", "boards",
    "ground", "roof", "ceiling", "floor", "counter", "tree",
}
# Reflexives of idioms ("shooting yourself in the foot").
IDIOM_REFLEXIVES = {"yourself", "yourselves", "itself", "ourselves", "myself"}
# Verbs of a death toll's change ("the toll rose to 17", "put the toll at 222").
TOLL_VERBS = {"rise", "climb", "reach", "stand", "put", "increase", "jump", "hit", "be", "grow", "mount", "soar"}
# Nouns for a place or thing an injury noun may hang on ("taken to a hospital with injuries").
CARRIER_NOUNS = {"hospital", "center", "centre", "facility", "room", "scene", "home", "area", "car", "vehicle", "condition"}
# Plural event nouns that make a figure a tally over several incidents.
TALLY_EVENTS = {"shootings", "incidents", "homicides", "killings", "murders"}
# Time words that make a figure a tally over a period ("so far this year", "in July").
PERIOD_WORDS = {
    "year", "years", "decade", "decades", "month", "months", "weeks", "annually", "annual",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "since", "past", "last", "so far", "period",
}
# Subjects that mean nobody ("no one was hurt").
NOBODY = {"nobody", "none", "no-one", "noone", "neither"}
# Pronouns that stand for one person / an unknown group.
SINGULAR_PRONOUNS = {"he", "she", "him", "her", "himself", "herself", "i", "me", "myself"}
PLURAL_PRONOUNS = {"they", "them", "themselves", "we", "us", "those", "these", "others"}
RELATIVES = {"who", "that", "which", "whom", "whose"}
# Determiners that give a count.
DET_COUNTS = {"a": 1, "an": 1, "another": 1, "both": 2, "each": None, "every": None}

# Reporting verbs for attribution.
REPORTING = {
    "say", "tell", "report", "announce", "state", "add", "confirm", "claim", "estimate",
    "write", "tweet", "post", "declare", "indicate", "note", "explain", "reveal", "allege",
    "put", "list", "record", "quote", "cite", "inform",
}
# Words in a sentence that mark a figure as unverified.
VERIFY_VERBS = {"verify", "confirm", "corroborate"}
UNVERIFIED_WORDS = {"unconfirmed", "unverified"}
# Nouns a follow-up sentence uses to refer to a figure ("That toll could not be confirmed").
FIGURE_REFERENTS = {
    "toll", "figure", "figures", "number", "numbers", "claim", "claims", "report", "reports",
    "account", "accounts", "casualty", "casualties", "death", "deaths", "this", "that", "it",
    "tally", "count",
}
