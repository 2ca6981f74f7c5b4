"""Quotes with speakers: direct (quote marks), mixed (quoted fragment in reported speech) and
indirect ("X said (that) …", "according to X, …").

Direct quotes come from pairing the quote marks of the body (``etl.extract.shared.quotemarks``); the attribution is
the reporting verb next to the quote (after it: "“…,” he said"; before it: "X said: “…”"; or the
verb governing an embedded fragment: "called for “…”"), found with the dependency parse of the
given Doc. Indirect quotes are the clausal complements of reporting verbs. Speakers are the
subjects of the cue verbs, reduced to a name and linked to the entities; pronouns and short forms
are resolved to the most recent fitting speaker or entity, or left unresolved (None).
"""


from etl.extract.quotes.extractor import extract_quotes

__all__ = ["extract_quotes"]
