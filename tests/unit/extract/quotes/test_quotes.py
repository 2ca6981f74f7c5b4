"""Unit tests of the quote extractor on texts written for these tests."""

from __future__ import annotations

import pytest

from etl.extract.quotes import extract_quotes
from etl.extract.shared.quotemarks import find_quote_spans
from etl.models import Entity
from etl.nlp import get_nlp


def _entities(doc, names: dict[str, str], aliases: dict[str, list[str]] | None = None) -> list[Entity]:
    """Entities built by hand: every occurrence of each surface form is a mention."""
    import re

    aliases = aliases or {}
    out = []
    for name, typ in names.items():
        forms = [name] + aliases.get(name, [])
        mentions = []
        for form in forms:
            for m in re.finditer(r"\b" + re.escape(form) + r"\b", doc.text):
                mentions.append((m.start(), m.end()))
        out.append(Entity(name=name, type=typ, mentions=sorted(mentions), aliases=forms[1:]))
    return out


def _run(text: str, names: dict[str, str] | None = None, aliases=None):
    doc = get_nlp()(text)
    quotes = extract_quotes(doc, _entities(doc, names or {}, aliases))
    for q in quotes:  # offsets always index the body
        if doc.text[q.start : q.end] != q.text:  # a quote split around its attribution, joined
            assert q.kind in ("direct", "indirect") and " " in q.text
            head, tail = _split_at_join(q.text, doc.text[q.start : q.end])
            assert doc.text[q.start :].startswith(head) and doc.text[: q.end].endswith(tail)
        assert q.kind in ("direct", "indirect", "mixed")
    return quotes


def _split_at_join(text: str, body_slice: str) -> tuple[str, str]:
    """The two pieces of a joined quote: the longest head of ``text`` that starts the body slice."""
    for i in range(len(text) - 1, 0, -1):
        if text[i] == " " and body_slice.startswith(text[:i]) and body_slice.endswith(text[i + 1 :]):
            return text[:i], text[i + 1 :]
    raise AssertionError(f"joined quote {text!r} does not come from {body_slice!r}")


def _find(quotes, fragment: str):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0]


def _parsed(rows: str):
    """A Doc with a parse given by hand ("word head dep pos tag lemma" per line, head = index), for
    tests that must not depend on what the statistical parser makes of a sentence."""
    from spacy.tokens import Doc

    toks = [r.split() for r in rows.strip().splitlines()]
    words = [t[0] for t in toks]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(get_nlp().vocab, words=words, spaces=spaces, heads=[int(t[1]) for t in toks],
               deps=[t[2] for t in toks], pos=[t[3] for t in toks], tags=[t[4] for t in toks],
               lemmas=[t[5] for t in toks])


# ----------------------------------------------------------------------------- quote marks


def test_marks_straight_and_curly_pairs():
    text = 'He said "first one here" and then \u201csecond one there\u201d.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["first one here", "second one there"]


def test_marks_unclosed_quote_runs_to_paragraph_end():
    text = "\u201cThe first paragraph of a long statement goes on.\n\n\u201cAnd the second one ends it,\u201d she said."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first paragraph of a long statement goes on.",
        "And the second one ends it,",
    ]
    assert spans[0].close_pos is None


def test_marks_stray_opener_inside_a_quote_keeps_one_quote():
    # a second opening mark before the first quote is closed is a typo inside one quote
    text = "Kell said. \u201cWe will rebuild the mill. \u201cIt will take two years.\u201d"
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We will rebuild the mill. \u201cIt will take two years."]


def test_marks_stray_opener_at_paragraph_end_left_out():
    text = "\u201cThe roads stay shut until Friday. \u201c"
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["The roads stay shut until Friday."]


def test_marks_closing_mark_at_paragraph_start_opens():
    text = "The mayor spoke after the vote.\n\n\u201d\u2026 and the pool will stay closed until June,\u201d she said."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["\u2026 and the pool will stay closed until June,"]


def test_marks_nested_single_quotes_stay_inside():
    text = "\u201cShe told me, \u2018We are not leaving,\u2019 and I believed her,\u201d he said."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert "\u2018We are not leaving,\u2019" in text[spans[0].start : spans[0].end]


def test_marks_doubled_apostrophes_are_double_quotes():
    # archive texts write ''…'' (and ``…'') for double quotes; "don't" and 'single' stay apostrophes
    text = "She warned of ''a very long winter.'' Then: ``We don't know,'' she said of the 'plan'."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["a very long winter.", "We don't know,"]


def test_direct_quote_in_doubled_apostrophes_gets_its_speaker():
    text = (
        "The council met on Tuesday.\n\n''The ferry will run again by the spring,'' said Maria Olsen, "
        "the harbour director."
    )
    qs = _run(text, {"Maria Olsen": "PERSON"})
    q = _find(qs, "The ferry will run again")
    assert (q.kind, q.speaker, q.text) == ("direct", "Maria Olsen", "The ferry will run again by the spring,")


# ----------------------------------------------------------------------------- direct quotes


def test_direct_quote_after_attribution_and_title_stripped():
    text = (
        "Harbour authority spokeswoman Maria Olsen spoke on Monday.\n\n"
        "\u201cThe new pier will open to ferries in the spring,\u201d harbour authority spokeswoman "
        "Maria Olsen said on Monday."
    )
    qs = _run(text, {"Maria Olsen": "PERSON"})
    q = _find(qs, "The new pier will open")
    assert q.kind == "direct"
    assert q.speaker == "Maria Olsen"
    assert q.cue == "said"
    assert q.text.endswith("spring,")


def test_direct_quote_with_straight_marks_and_inverted_verb():
    text = '"We have never seen a winter this dry," said Tom Becker, a farmer in the valley.'
    qs = _run(text, {"Tom Becker": "PERSON"})
    q = _find(qs, "winter this dry")
    assert q.speaker == "Tom Becker"
    assert q.kind == "direct"


def test_direct_quote_before_colon():
    text = "The minister Clara Voss told reporters: \u201cWe will not raise taxes this year.\u201d"
    qs = _run(text, {"Clara Voss": "PERSON"})
    q = _find(qs, "We will not raise taxes")
    assert q.speaker == "Clara Voss"
    assert q.cue == "told"


def test_split_quote_around_attribution():
    text = (
        "\u201cThe bridge is safe for now and will stay open to all traffic,\u201d engineer Paul Martens said. "
        "\u201cBut it needs repairs before the winter storms arrive.\u201d"
    )
    qs = _run(text, {"Paul Martens": "PERSON"})
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1  # one statement, one quote: both full sentences, one speaker
    q = direct[0]
    assert q.text == ("The bridge is safe for now and will stay open to all traffic, "
                      "But it needs repairs before the winter storms arrive.")
    assert q.speaker == "Paul Martens"
    assert text[q.start : q.end].startswith("The bridge") and text[q.start : q.end].endswith("arrive.")


def test_split_sentence_continuing_in_lower_case_is_one_quote():
    text = (
        "\u201cIf the council wants a new arena,\u201d Mayor Ida Strand said, "
        "\u201cit will have to find the money without raising property taxes again.\u201d"
    )
    qs = _run(text, {"Ida Strand": "PERSON"})
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.text == ("If the council wants a new arena, it will have to find the money without raising "
                      "property taxes again.")
    assert q.speaker == "Ida Strand"
    assert text[q.start : q.end].startswith("If the council") and text[q.start : q.end].endswith("again.")


def test_short_piece_of_split_quote_joins_the_long_one():
    text = (
        "\u201cIt was a disaster,\u201d coach Leon Brandt said. "
        "\u201cWe gave away the ball in our own half three times in the first ten minutes and never "
        "recovered from that start, and I have told the players exactly that in the dressing room.\u201d"
    )
    qs = _run(text, {"Leon Brandt": "PERSON"})
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("It was a disaster, We gave away the ball")
    assert direct[0].speaker == "Leon Brandt"


def test_two_full_sentences_around_an_attribution_are_one_statement():
    text = (
        "\u201cThe water plant passed every inspection this year,\u201d manager Olga Petrova said. "
        "\u201cWe still want the province to pay for the new filters we asked for.\u201d "
        "The council then met for an hour. \u201cThe pumps are older than I am.\u201d\n\n"
        "\u201cThe next vote is in May,\u201d Petrova said. \u201cWe will be ready for it.\u201d"
    )
    qs = _run(text, {"Olga Petrova": "PERSON"}, {"Olga Petrova": ["Petrova"]})
    direct = [q for q in qs if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "The water plant passed every inspection this year, "
        "We still want the province to pay for the new filters we asked for.",
        "The pumps are older than I am.",
        "The next vote is in May, We will be ready for it.",
    ]
    assert all(q.speaker == "Olga Petrova" for q in direct)


def test_split_quote_not_joined_across_narration():
    text = (
        "\u201cIt is over,\u201d Olga Petrova said. The council then voted on the budget. "
        "\u201cWe gave away the filters, the pumps and the whole reserve fund in one evening and nobody "
        "even asked what the province would pay for in the end.\u201d"
    )
    qs = _run(text, {"Olga Petrova": "PERSON"})
    assert not any("It is over" in q.text and "We gave away" in q.text for q in qs)


def test_quote_spanning_paragraphs():
    text = (
        "Council member Rita Hale spoke at length about the budget.\n\n"
        "\u201cWe have cut what we could cut without closing a single library branch in the city.\n\n"
        "\u201cNow the province has to do its part and restore the transit grants,\u201d Hale said."
    )
    qs = _run(text, {"Rita Hale": "PERSON"}, {"Rita Hale": ["Hale"]})
    first = _find(qs, "We have cut what we could cut")
    second = _find(qs, "Now the province has to do its part")
    assert second.speaker == "Rita Hale"
    assert first.speaker == "Rita Hale"
    assert "\n" not in first.text


def test_nested_single_quotes_inside_direct_quote():
    text = (
        "\u201cMy father always said, \u2018Never sell the farm,\u2019 and I never will,\u201d "
        "said Ann Whitlow."
    )
    qs = _run(text, {"Ann Whitlow": "PERSON"})
    q = _find(qs, "Never sell the farm")
    assert q.speaker == "Ann Whitlow"
    assert q.text.startswith("My father always said")


# ----------------------------------------------------------------------------- mixed / indirect


def test_mixed_quote_fragment_after_called_for():
    text = (
        "Norway criticised the blockade and called for \u201can immediate return to talks between "
        "the two sides.\u201d"
    )
    qs = _run(text, {"Norway": "GPE"})
    q = _find(qs, "immediate return to talks")
    assert q.kind == "mixed"
    assert q.speaker == "Norway"
    assert q.cue == "called for"


def test_indirect_said_that():
    text = "Fire chief Dana Brooks said that the blaze had been contained by early evening."
    qs = _run(text, {"Dana Brooks": "PERSON"})
    q = _find(qs, "blaze had been contained")
    assert q.kind == "indirect"
    assert q.speaker == "Dana Brooks"
    assert not q.text.startswith("that")


def test_indirect_told_outlet_that():
    text = "A senior port official told the Tribune that two cargo ships had been turned away."
    qs = _run(text, {"Tribune": "ORG"})
    q = _find(qs, "two cargo ships had been turned away")
    assert q.kind == "indirect"
    assert q.cue == "told"
    assert q.speaker and q.speaker.endswith("official")


def test_indirect_content_before_attribution():
    text = "Three villages were cut off by the flooding, the regional governor said."
    qs = _run(text)
    q = _find(qs, "Three villages were cut off")
    assert q.kind == "indirect"
    assert q.speaker and q.speaker.endswith("governor")


def test_indirect_according_to():
    text = "According to the health ministry, four clinics closed after the storm."
    qs = _run(text, {"the health ministry": "ORG"})
    q = _find(qs, "four clinics closed")
    assert q.kind == "indirect"
    assert q.cue == "according to"
    assert q.speaker and "ministry" in q.speaker


# ----------------------------------------------------------------------------- speakers


def test_pronoun_resolved_to_previous_speaker():
    text = (
        "\u201cThe tunnel will be finished by March,\u201d transport minister Omar Reyes said.\n\n"
        "\u201cNobody should expect delays on this project,\u201d he added."
    )
    qs = _run(text, {"Omar Reyes": "PERSON"})
    q = _find(qs, "Nobody should expect delays")
    assert q.speaker == "Omar Reyes"
    assert q.cue == "added"


def test_short_form_resolved_to_full_name():
    text = (
        "Nadia Petrov runs the shelter downtown.\n\n"
        "\u201cWe are full every single night this winter,\u201d Petrov said."
    )
    doc = get_nlp()(text)
    ents = [
        Entity(name="Nadia Petrov", type="PERSON", mentions=[(0, 12)]),
        Entity(name="Petrov", type="PERSON", mentions=[(text.rindex("Petrov"), text.rindex("Petrov") + 6)]),
    ]
    q = _find(extract_quotes(doc, ents), "full every single night")
    assert q.speaker == "Nadia Petrov"


def test_statement_attributed_to_organisation():
    text = (
        "The Northern Grain Union (NGU) organised the protest.\n\n"
        "\u201cFarmers will not accept these prices for another season,\u201d an NGU statement said."
    )
    qs = _run(text, {"Northern Grain Union": "ORG"})
    q = _find(qs, "Farmers will not accept")
    assert q.speaker == "Northern Grain Union"


def test_anonymous_source_kept_as_written():
    text = (
        "\u201cThe convoy left before dawn and nobody stopped it,\u201d a local police officer said."
    )
    qs = _run(text)
    q = _find(qs, "The convoy left before dawn")
    assert q.speaker == "local police officer"


@pytest.mark.parametrize("verb", ["warned", "insisted", "tweeted", "wrote", "stated"])
def test_broad_reporting_verbs(verb):
    text = f"\u201cThe reservoir levels are far too low for this time of year,\u201d Lena Ortiz {verb}."
    qs = _run(text, {"Lena Ortiz": "PERSON"})
    q = _find(qs, "reservoir levels")
    assert q.speaker == "Lena Ortiz"
    assert q.cue == verb


def test_unresolved_pronoun_gives_no_speaker():
    text = "\u201cThe market will recover before the end of the year,\u201d he said."
    qs = _run(text)
    q = _find(qs, "market will recover")
    assert q.speaker is None


def test_never_pronoun_speaker():
    text = (
        "\u201cI do not know where the money went,\u201d she said. "
        "They said the audit would take months to finish."
    )
    for q in _run(text):
        assert q.speaker is None or q.speaker.lower() not in {"he", "she", "they", "it", "we", "i"}


def test_empty_doc():
    assert extract_quotes(get_nlp()(""), []) == []


def test_mixed_reported_speech_ending_in_quote():
    text = "Judge Alan Pryce said the ruling was \u201ca victory for every tenant in the city.\u201d"
    qs = _run(text, {"Alan Pryce": "PERSON"})
    q = _find(qs, "victory for every tenant")
    assert q.kind == "mixed"
    assert q.speaker == "Alan Pryce"
    assert q.text.startswith("the ruling was")


def test_pronoun_follows_gender():
    text = (
        "Maria Lopez, the coach, praised her team. She was proud of the win.\n\n"
        "Assistant coach Peter Lang disagreed with the referees. He filed a complaint.\n\n"
        "\u201cWe played the best game of the whole season tonight,\u201d she said."
    )
    qs = _run(text, {"Maria Lopez": "PERSON", "Peter Lang": "PERSON"})
    q = _find(qs, "best game of the whole season")
    assert q.speaker == "Maria Lopez"


def test_definite_description_resolved_to_person():
    text = (
        "Farmer Joan Ellis has grown apples near the lake for forty years.\n\n"
        "\u201cThis is the worst frost I have ever seen in this orchard,\u201d the 64-year-old farmer said."
    )
    qs = _run(text, {"Joan Ellis": "PERSON"})
    q = _find(qs, "worst frost")
    assert q.speaker == "Joan Ellis"


def test_company_resolved_to_organisation():
    text = (
        "Harbor Freightways cancelled twelve routes on Friday.\n\n"
        "\u201cWe regret the disruption to our customers this week,\u201d the company said."
    )
    qs = _run(text, {"Harbor Freightways": "ORG"})
    q = _find(qs, "regret the disruption")
    assert q.speaker == "Harbor Freightways"


def test_continuation_paragraph_gets_previous_speaker():
    text = (
        "\u201cThe dam will hold through the spring floods,\u201d engineer Sam Ortega said.\n\n"
        "\u201cWe inspected every gate and every spillway last month and found nothing wrong.\u201d"
    )
    qs = _run(text, {"Sam Ortega": "PERSON"})
    q = _find(qs, "inspected every gate")
    assert q.speaker == "Sam Ortega"
    assert q.cue is None


def test_quoted_title_is_not_a_quote():
    text = "The senator appeared on \u201cMeet the Press\u201d on Sunday, said aide Tom Hardy."
    qs = _run(text, {"Tom Hardy": "PERSON"})
    assert not [q for q in qs if q.text.startswith("Meet the Press")]


def test_marks_closer_typed_as_opener():
    text = "\u201dThe council has failed this town for a decade,\u201d said resident Ivy Moss."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["The council has failed this town for a decade,"]


def test_marks_missing_opener_after_attribution():
    text = "\u201cWe trained hard all winter,\u201d Lee said. We were ready for this fight.\u201d"
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We trained hard all winter,", "We were ready for this fight."]


def test_byline_after_dash():
    text = "\u201cThe library saved my summer and I read forty books there.\u201d \u2015 Priya Nair"
    qs = _run(text, {"Priya Nair": "PERSON"})
    q = _find(qs, "library saved my summer")
    assert q.speaker == "Priya Nair"


def test_transcript_label_is_the_speaker():
    text = (
        "Greg Hollis was interviewed on the morning show.\n\n"
        "\u201cHOLLIS: We will not close the plant this year or next year.\u201d"
    )
    qs = _run(text, {"Greg Hollis": "PERSON"})
    q = _find(qs, "We will not close the plant")
    assert q.speaker == "Greg Hollis"
    assert not q.text.startswith("HOLLIS")


def test_no_pronoun_or_date_speakers_and_no_duplicates():
    text = (
        "On Monday, she recalled that the colleague was being evasive about the missing funds.\n\n"
        "Monday said the market would open late because of the storm."
    )
    qs = _run(text)
    for q in qs:
        assert q.speaker is None or q.speaker.lower() not in {"she", "monday"}
    spans = [(q.start, q.end) for q in qs]
    assert len(spans) == len(set(spans))


def test_colon_attribution_in_previous_paragraph():
    text = (
        "\u201cWe open at nine,\u201d the manager said.\n\n"
        "Union leader Carla Diaz told the crowd:\n\n"
        "\u201cNobody in this building will accept a pay cut this year.\u201d"
    )
    qs = _run(text, {"Carla Diaz": "PERSON"})
    q = _find(qs, "Nobody in this building")
    assert q.speaker == "Carla Diaz"
    assert q.cue == "told"


def test_participle_cue_takes_the_reporting_subject():
    text = (
        "Party leader Ruth Ames said the campaign had been a failure, noting that turnout "
        "fell in every district."
    )
    qs = _run(text, {"Ruth Ames": "PERSON"})
    for q in qs:
        assert q.speaker == "Ruth Ames", q


def test_questions_and_refusals_are_not_reported_speech():
    text = (
        "Spokesman Dan Reyes would not say whether the factory will close next year. "
        "Reyes declined to say why the contract was cancelled in March."
    )
    qs = _run(text, {"Dan Reyes": "PERSON"})
    assert not [q for q in qs if q.kind == "indirect"]


def test_indirect_quote_stops_before_trailing_participle():
    text = "Mayor Ida Strand said the pool will stay closed until the end of June, saying the repairs took longer than planned."
    qs = _run(text, {"Ida Strand": "PERSON"})
    first = _find(qs, "the pool will stay closed")
    assert first.text == "the pool will stay closed until the end of June"
    assert first.kind == "indirect" and first.speaker == "Ida Strand"
    assert _find(qs, "the repairs took longer").text == "the repairs took longer than planned"


def test_indirect_quote_keeps_trailing_participle_with_quoted_words():
    text = (
        "Ida Strand said the council must act on housing this year, calling the current waiting lists "
        "\u201ca disgrace for a city as rich as ours\u201d in front of the press."
    )
    qs = _run(text, {"Ida Strand": "PERSON"})
    assert any("a disgrace for a city" in q.text for q in qs)


def test_indirect_quote_keeps_trailing_participle_that_is_not_a_reporting_verb():
    text = "Council member Ana Ruiz said the budget cuts hit the libraries hardest, leaving three branches without staff."
    qs = _run(text, {"Ana Ruiz": "PERSON"})
    q = _find(qs, "the budget cuts hit")
    assert q.text == "the budget cuts hit the libraries hardest, leaving three branches without staff"


def test_indirect_quote_goes_on_after_a_dangling_coordinator():
    # "then" inside the reported clause, "took" hung on the reporting verb
    doc = _parsed("""
        Jake 1 compound PROPN NNP Jake
        Tanner 2 nsubj PROPN NNP Tanner
        told 2 ROOT VERB VBD tell
        police 2 dobj NOUN NNS police
        he 5 nsubj PRON PRP he
        opened 2 ccomp VERB VBD open
        the 7 det DET DT the
        gate 5 dobj NOUN NN gate
        , 5 punct PUNCT , ,
        then 5 advmod ADV RB then
        took 2 conj VERB VBD take
        the 12 det DET DT the
        car 10 dobj NOUN NN car
        . 2 punct PUNCT . .
    """)
    qs = extract_quotes(doc, _entities(doc, {"Jake Tanner": "PERSON"}))
    q = _find(qs, "he opened the gate")
    assert q.text == "he opened the gate, then took the car"
    assert q.speaker == "Jake Tanner"


def test_cue_with_its_own_reported_clause_does_not_attribute_the_quote_before_it():
    text = (
        "\u201cWe need the new line,\u201d said Tom Berg, a member of the transit board.\n\n"
        "City councillor Maria Lopez called the plan \u201ca waste of money for every family in town.\u201d "
        "But she said the vote offered a chance to rethink transit."
    )
    qs = _run(text, {"Tom Berg": "PERSON", "Maria Lopez": "PERSON"})
    q = _find(qs, "a waste of money")
    assert q.speaker == "Maria Lopez"
    assert _find(qs, "the vote offered a chance").speaker == "Maria Lopez"


def test_indirect_quote_goes_on_with_a_contrast_or_purpose_clause():
    text = (
        "Kim Lee told reporters that in a normal year, the harvest can start in late August, but that "
        "date can slip by three weeks depending on the rain. "
        "Tom Berg said he intends to spend the coming weeks knocking on doors in the suburbs, so he can "
        "meet as many voters as possible."
    )
    qs = _run(text, {"Kim Lee": "PERSON", "Tom Berg": "PERSON"})
    assert _find(qs, "in a normal year").text.endswith("slip by three weeks depending on the rain")
    assert _find(qs, "he intends to spend").text.endswith(", so he can meet as many voters as possible")


def test_pronoun_after_a_cue_without_a_quote_takes_that_cue_subject():
    text = (
        "\u201cWe need the new line,\u201d said Tom Berg, a member of the transit board.\n\n"
        "City councillor Maria Lopez called the plan \u201cwasteful.\u201d "
        "\u201cThis is not what the voters asked for,\u201d she said."
    )
    qs = _run(text, {"Tom Berg": "PERSON", "Maria Lopez": "PERSON"})
    assert _find(qs, "This is not what the voters").speaker == "Maria Lopez"


def test_reported_clause_whose_verb_is_in_a_quoted_fragment():
    text = "Coach Dale Price said the loss \u201creally hurts the morale\u201d of the whole team."
    qs = _run(text, {"Dale Price": "PERSON"})
    q = _find(qs, "the loss")
    assert q.text == "the loss \u201creally hurts the morale\u201d of the whole team"
    assert q.kind == "mixed" and q.speaker == "Dale Price"


def test_quote_with_after_attribution_is_not_also_a_reported_clause():
    text = "\u201cThe loss really hurts the morale of the whole team,\u201d Coach Dale Price said."
    qs = _run(text, {"Dale Price": "PERSON"})
    assert len(qs) == 1 and qs[0].kind == "direct" and qs[0].speaker == "Dale Price"


def test_role_noun_refers_to_its_person_far_into_the_article():
    filler = "The council met again to talk about roads and parks in the east end of the city. " * 100
    text = (
        "Mayor Ann Bloom opened the new library on Monday.\n\n"
        + filler
        + "\n\nTim Cole built the library.\n\n"
        "\u201cWe have many more projects to finish this year,\u201d the mayor said."
    )
    qs = _run(text, {"Ann Bloom": "PERSON", "Tim Cole": "PERSON"})
    assert _find(qs, "We have many more projects").speaker == "Ann Bloom"


def test_definite_description_prefers_the_last_subject_over_a_mistyped_place():
    text = (
        "Vera Stone gave the speech at a county fair in Yakima, Wash. "
        "The senator said she was worried about the price of feed."
    )
    qs = _run(text, {"Vera Stone": "PERSON", "Wash": "PERSON"})  # a place tagged as a person
    assert _find(qs, "she was worried").speaker == "Vera Stone"


def test_verb_inside_a_reported_clause_does_not_report_the_sentence_start():
    text = (
        "At noon, Ms. Lane said one option might be to cap the number of visitors, "
        "but it is not clear the board would agree."
    )
    qs = _run(text, {"Lane": "PERSON"})
    assert not [q for q in qs if q.text.startswith("At noon")]
    assert _find(qs, "one option might be").speaker == "Lane"


def test_split_quote_joins_a_piece_that_opens_with_a_linking_conjunction():
    text = (
        "\u201cWe will not close the public pool this summer,\u201d Mayor Ida Strand said. "
        "\u201cSo the families here can keep swimming every day until September.\u201d\n\n"
        "\u201cThe council voted on the new budget last night,\u201d Strand said. "
        "\u201cThe library will open on Sundays from next month onwards.\u201d"
    )
    qs = _run(text, {"Ida Strand": "PERSON"}, {"Ida Strand": ["Strand"]})
    q = _find(qs, "We will not close")
    assert q.text.endswith("until September.") and q.speaker == "Ida Strand"
    q = _find(qs, "The council voted")
    assert q.text.endswith("onwards.") and q.speaker == "Ida Strand"


def test_reported_clause_split_into_two_complements_by_the_parser():
    # "thinks" and "was" both hung on "said" as complements
    doc = _parsed("""
        Ann 1 compound PROPN NNP Ann
        Bloom 2 nsubj PROPN NNP Bloom
        said 2 ROOT VERB VBD say
        she 4 nsubj PRON PRP she
        thinks 2 ccomp VERB VBZ think
        voting 4 xcomp VERB VBG vote
        yes 7 nsubj NOUN NN yes
        was 2 ccomp AUX VBD be
        a 9 det DET DT a
        mistake 7 attr NOUN NN mistake
        . 2 punct PUNCT . .
    """)
    qs = extract_quotes(doc, _entities(doc, {"Ann Bloom": "PERSON"}))
    q = _find(qs, "she thinks")
    assert q.text == "she thinks voting yes was a mistake" and q.speaker == "Ann Bloom"


def test_relative_pronoun_subject_stands_for_its_noun():
    text = (
        "The hospital hired several nurses who say the night shifts are too long. "
        "The vote was a shock to Ann Bloom, who said the council had ignored the voters."
    )
    qs = _run(text, {"Ann Bloom": "PERSON"})
    assert _find(qs, "the night shifts").speaker == "several nurses"
    assert _find(qs, "the council had ignored").speaker == "Ann Bloom"


def test_according_to_phrase_ends_at_its_comma():
    text = (
        "According to new figures from Eurostat, the price of bread in rural areas is more than "
        "triple the city average."
    )
    qs = _run(text, {"Eurostat": "ORG"})
    q = _find(qs, "triple the city average")
    assert q.text == "the price of bread in rural areas is more than triple the city average"


def test_reported_clause_ends_before_a_second_report():
    text = (
        "Greg Hill said the result was a warning that the mayor had to rapidly distance herself "
        "from the developers and he said voters are going to remember it."
    )
    qs = _run(text, {"Greg Hill": "PERSON"})
    assert _find(qs, "the result was").text == (
        "the result was a warning that the mayor had to rapidly distance herself from the developers"
    )
    assert _find(qs, "voters are going").text == "voters are going to remember it"


# ----------------------------------------------------------------------------- issue 12 rules


def test_paragraph_with_all_caps_label_keeps_its_reported_speech():
    text = ("EARNINGS: Chief financial officer Greta Moreau said the company expects profits to "
            "double next year.")
    qs = _run(text, {"Greta Moreau": "PERSON"})
    q = _find(qs, "expects profits to double")
    assert q.speaker == "Greta Moreau"


def test_read_more_link_is_no_quote():
    text = "READ MORE: Mayor says the pool will stay closed until the council finds money"
    assert _run(text) == []


def test_urge_reports_speech():
    text = "The harbour manager Emil Castell urged that the ferries should run through the night."
    qs = _run(text, {"Emil Castell": "PERSON"})
    assert _find(qs, "ferries should run").speaker == "Emil Castell"


# ---------------------------------------------------------------- round 2: mechanisms


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # the sentence right before a quote with no reporting verb introduces its speaker
        ("Mara Lindqvist agreed. \u201cThe bridge has to be rebuilt before the winter comes.\u201d",
         {"Mara Lindqvist": "PERSON"}, "Mara Lindqvist"),
        ("Councillor Teo Varga fired back: \u201cNobody asked the residents of the old town what they wanted.\u201d",
         {"Teo Varga": "PERSON"}, "Teo Varga"),
        # a lead that is only a name
        ("Senator Ruth Okafor (D-Ore.): \u201cWe will not support this budget in its current form.\u201d",
         {"Ruth Okafor": "PERSON"}, "Ruth Okafor"),
        # a paragraph ending in a colon before the quoted paragraph
        (("The mayor, Pia Holm, sent a blunt message to the council:\n\n"
          "\u201cFix the roads this year or resign, every one of you.\u201d"),
         {"Pia Holm": "PERSON"}, "Pia Holm"),
    ],
)
def test_quote_introduced_without_reporting_verb(text, names, speaker):
    quotes = [q for q in _run(text, names) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == [speaker]


def test_all_capitals_heading_introduces_no_speaker():
    text = "HARBOUR WORKERS STRIKE:\n\n\u201cThe pay offer is an insult to every single one of us.\u201d"
    quotes = _run(text)
    assert [q.speaker for q in quotes] == [None]


def test_source_interrupting_a_sentence_joins_a_short_opening():
    text = "Farmers, Ilse Brandt says, have no way to store the grain until the new silos are finished."
    [q] = _run(text, {"Ilse Brandt": "PERSON"})
    assert (q.kind, q.speaker) == ("indirect", "Ilse Brandt")
    assert q.text == "Farmers have no way to store the grain until the new silos are finished"
    assert (q.start, q.end) == (0, text.index(" are finished") + len(" are finished"))


def test_according_to_in_the_middle_gives_both_parts():
    text = "Most of the town's shops, according to the chamber of commerce, will close early on Friday."
    quotes = _run(text)
    assert [q.text for q in quotes] == ["Most of the town's shops", "will close early on Friday"]
    assert all(q.kind == "indirect" and q.cue == "according to" for q in quotes)


def test_source_after_a_full_clause_keeps_only_that_clause():
    text = "It was the driest summer in decades, Ilse Brandt said, and the wells in the valley ran dry."
    assert [q.text for q in _run(text, {"Ilse Brandt": "PERSON"})] == ["It was the driest summer in decades"]


@pytest.mark.parametrize("text", [
    "Ilse Brandt said in a statement released on Monday that the ferry would resume.",
    "Ilse Brandt told the paper in an interview that she was leaving the party.",
])
def test_reported_clause_hung_on_a_noun_of_the_verb_phrase(text):
    [q] = _run(text, {"Ilse Brandt": "PERSON"})
    assert (q.kind, q.speaker) == ("indirect", "Ilse Brandt")
    assert q.text == text[text.index(" that ") + 6 : -1]


def test_that_clause_telling_what_an_object_is_reports_nothing():
    text = "Ilse Brandt denied the claim that the harbour had been sold to a private company."
    assert _run(text, {"Ilse Brandt": "PERSON"}) == []


@pytest.mark.parametrize("dash", ["-", "\u2014", "\u2015"])
def test_quoted_paragraph_signed_in_the_next_paragraph(dash):
    text = (
        "Tobias Ostrow praised the volunteers at the opening of the ferry line.\n\n"
        "\u201cWe will not give up on the harbour project, whatever it costs us.\u201d\n\n"
        f"{dash} Maren Falkner.\n\n"
        "The vote on the ferry budget is next week."
    )
    qs = _run(text, {"Maren Falkner": "PERSON", "Tobias Ostrow": "PERSON"})
    assert _find(qs, "We will not give up").speaker == "Maren Falkner"


@pytest.mark.parametrize(("text", "speaker"), [
    # a colon lead with quoted words of its own
    ("Mark Halvorsen had little praise for the plan, which he found \u201cclumsy\u201d: \u201cWe should start "
     "again and listen to the farmers this time.\u201d", "Mark Halvorsen"),
    # the subject is no name: the name right before the colon
    ("The result did not surprise the pollster Ilse Marten: \u201cSmall parties often gain late in the race, "
     "and this year was no different.\u201d", "Ilse Marten"),
])
def test_quote_after_a_colon_lead(text, speaker):
    qs = _run(text, {"Mark Halvorsen": "PERSON", "Ilse Marten": "PERSON"})
    direct = [q for q in qs if q.kind == "direct" and len(q.text) > 20]
    assert [q.speaker for q in direct] == [speaker]


def test_indirect_clause_keeps_the_subject_the_parser_hung_on_the_verb():
    # "told doctors | the gunmen … | were": the clause's subject was parsed as the verb's object
    text = "Tom Reeve had a long history of illness. He told doctors violent gunmen such as the ones " \
           "in the films were his \"heroes.\""
    qs = _run(text, {"Tom Reeve": "PERSON"})
    q = _find(qs, "were his")
    assert q.text.startswith("violent gunmen such as the ones in the films were his")
    assert q.speaker == "Tom Reeve"


def test_indirect_clause_with_that_leaves_the_addressee_out():
    text = "Mayor Ann Dale told the council that the bridge will reopen in the spring."
    qs = _run(text, {"Ann Dale": "PERSON"})
    q = _find(qs, "bridge will reopen")
    assert q.text == "the bridge will reopen in the spring"



def test_short_quote_with_its_own_attribution_is_kept():
    text = "The council voted on the bridge.\n\n\u201cAbsolutely not,\u201d Mayor Ann Dale said of the plan."
    qs = _run(text, {"Ann Dale": "PERSON"})
    q = _find(qs, "Absolutely not")
    assert (q.kind, q.speaker) == ("direct", "Ann Dale")


def test_short_quoted_words_without_attribution_are_no_quote():
    text = "The group calls the plan \u201cfair play\u201d in every leaflet it hands out."
    assert not [q for q in _run(text, {}) if "fair play" in q.text]


def test_description_explained_in_the_next_paragraph_takes_that_person():
    text = (
        "A ferry ran aground near the island on Sunday, injuring four passengers, the harbour master said.\n\n"
        "\u201cWe are towing it back to port,\u201d Jan Olsen, the harbour master, told reporters."
    )
    qs = _run(text, {"Jan Olsen": "PERSON"})
    assert _find(qs, "A ferry ran aground").speaker == "Jan Olsen"


def test_description_nobody_in_the_article_carries_stays_as_written():
    text = (
        "A ferry ran aground near the island on Sunday, injuring four passengers, the harbour master said.\n\n"
        "Jan Olsen, a fisherman, watched the tugs arrive."
    )
    qs = _run(text, {"Jan Olsen": "PERSON"})
    assert _find(qs, "A ferry ran aground").speaker == "harbour master"
