"""Pieces every extractor uses: the document index (``docindex``: text, token offsets,
paragraph and sentence of each token), numbers and hedges (``numbers``), countries and their
subdivisions (``countries``), quote-mark pairs (``quotemarks``) and reporting verbs
(``reporting``: who says, for the coreference layer and the quote extractor)."""
