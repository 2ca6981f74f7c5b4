"""Word lists of the casualty extractor, as data: one module per concern, all read as
``lex.NAME`` through this package (``from etl.extract.casualties import lexicon as lex``).

- ``triggers``: casualty words and their victims, conditions, reporting and verification words
- ``sentences``: what is not a count, modals, tolls, names, tallies and round-ups
- ``headlines``: headline grammar words, compound events ("triple homicide")
"""

from etl.extract.casualties.lexicon.headlines import *  # noqa: F403
from etl.extract.casualties.lexicon.sentences import *  # noqa: F403
from etl.extract.casualties.lexicon.triggers import *  # noqa: F403
