"""Casualty figures: killed, injured, missing, kidnapped and arrested counts with provenance.

Works on the dependency parse of the body: a casualty word ("killed", "dead", "wounded",
"death of", "injuries") is a trigger; its victims are the passive subject / object / subject /
possessor / "of"-object; the count is the victims' number ("17", "four", "a", "two dozen",
"dozens", coordinated "a man and a woman") with its hedge ("at least", "up to", "between 3
and 5"). Each figure gets its sentence, who reported it ("..., police said", "according to X",
"X told Reuters that ...", resolved by the shared coreference layer), whether the text says it
could not be confirmed, and the place the sentence names. The same figure told again later in
the article is merged into one figure with several mentions.

Modules, in the order a figure meets them:

- ``extractor``: ``extract_casualties``, the article's figures from its sentences and headline
- ``context``: text, entities and places of the document, read once (linear time)
- ``triggers``: casualty words and their victims in the parse
- ``counts``: how many (``etl.extract.shared.numbers``; ages, years, addresses left out; listed names)
- ``sentence``: one sentence's figures, tallies and round-ups
- ``figure``: the figure being built, and how two figures relate
- ``matchers``: spaCy ``Matcher`` patterns ("triple homicide", headline grammar)
- ``headline``: figures told in the headline (a batch's headlines parsed in one ``nlp.pipe``)
- ``retellings``: across the article: "shot" told of the dead, retellings merged
- ``provenance``: who reported it (the shared coreference layer), confirmed, place
- data: word lists in ``lexicon/``, regular expressions and Matcher patterns in ``patterns``
"""

from etl.extract.casualties.extractor import extract_casualties
from etl.extract.casualties.headline import parse_headlines

__all__ = ["extract_casualties", "parse_headlines"]
