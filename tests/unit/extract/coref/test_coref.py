"""Unit tests of the coreference layer on texts written for these tests."""

from __future__ import annotations

import pytest

from etl.extract.coref import build_coref, given_name_gender
from etl.extract.entities import extract_entities
from etl.extract.quotes import extract_quotes
from etl.nlp import get_nlp


def _coref(text: str):
    doc = get_nlp()(text)
    ents = extract_entities(doc)
    return doc, ents, build_coref(doc, ents)


def _subject_of(doc, verb: str, nth: int = 0):
    hits = [t for t in doc if t.text == verb]
    v = hits[nth]
    return next(c for c in v.children if c.dep_ in ("nsubj", "nsubjpass"))


def test_surname_resolves_to_full_name():
    _, _, co = _coref("Harbour director Maren Falkner opened the pier. Falkner said it cost little.")
    assert co.resolve("Falkner") == "Maren Falkner"


def test_pronoun_agrees_in_gender():
    text = ("Tobias Ostrow met Greta Lindqvist at the depot on Monday. "
            "She said the buses would run all night.")
    doc, _, co = _coref(text)
    assert co.speaker_of(_subject_of(doc, "said"))[0].name == "Greta Lindqvist"
    assert co.resolve("he", len(text)) == "Tobias Ostrow"


def test_given_name_gender_from_name_list():
    assert given_name_gender("Greta") == "f"
    assert given_name_gender("Tobias") == "m"
    assert given_name_gender("Xq") is None


def test_definite_description_from_apposition():
    text = ("Nadia Haddou, the spokeswoman of the water board, spoke first. "
            "Later the spokeswoman said the pumps were fixed.")
    doc, _, co = _coref(text)
    assert co.speaker_of(_subject_of(doc, "said"))[0].name == "Nadia Haddou"
    assert co.resolve("the spokeswoman", len(text)) == "Nadia Haddou"


def test_age_description():
    text = ("Rafael Moreau, 26, was hurt in the crash. "
            "The 26-year-old said he could not see the road.")
    doc, _, co = _coref(text)
    assert co.speaker_of(_subject_of(doc, "said"))[0].name == "Rafael Moreau"


def test_document_noun_stands_for_its_author():
    text = ("The Valley Water Board filed a lawsuit against the county on Monday. "
            "The lawsuit says the county dumped waste in the river.")
    doc, _, co = _coref(text)
    spk = co.speaker_of(_subject_of(doc, "says"))[0]
    assert spk.name == "Valley Water Board's lawsuit"


def test_statement_with_its_author():
    text = "A Northern Growers Union statement said the harvest was late."
    doc, _, co = _coref(text)
    assert co.speaker_of(_subject_of(doc, "said"))[0].name == "Northern Growers Union"


def test_document_with_agent_is_its_author():
    text = ("The crop was small, according to a study released on Monday by the Northern Growers "
            "Union.")
    doc, ents, _ = _coref(text)
    q = extract_quotes(doc, ents)
    assert q and q[0].speaker == "Northern Growers Union"


def test_furniture_is_no_source_of_speakers():
    text = ("Bruno Castell spoke at the rally on Sunday.\n\n"
            "Photo: Emil Weyland / Getty Images\n\n"
            "He said the vote would be close.")
    doc, _, co = _coref(text)
    assert co.speaker_of(_subject_of(doc, "said"))[0].name == "Bruno Castell"
    assert co.is_furniture(text.index("Photo"))


def test_follow_on_quote_takes_current_speaker():
    text = ("\u201cThe ferries will run all winter,\u201d said Leona Brandvik, the harbour manager.\n\n"
            "\u201cNobody should have to wait an hour in the cold for a boat.\u201d")
    doc = get_nlp()(text)
    qs = extract_quotes(doc, extract_entities(doc))
    second = next(q for q in qs if "Nobody" in q.text)
    assert second.speaker == "Leona Brandvik"


def test_new_subject_resets_current_speaker():
    text = ("\u201cThe ferries will run all winter,\u201d said Leona Brandvik, the harbour manager.\n\n"
            "Oskar Weyland, a fisherman who uses the pier every day, disagrees.\n\n"
            "\u201cThe boats have been late every single morning since the new schedule began.\u201d")
    doc = get_nlp()(text)
    qs = extract_quotes(doc, extract_entities(doc))
    last = next(q for q in qs if "boats have been late" in q.text)
    assert last.speaker == "Oskar Weyland"


def test_resolve_unknown_returns_none():
    _, _, co = _coref("The weather was mild on Monday.")
    assert co.resolve("she", 10) is None
    assert co.resolve("") is None


# ---------------------------------------------------------------- shared with the casualty extractor


def _all(text: str):
    from etl.extract import extract_all

    return extract_all(get_nlp()(text))


def test_casualty_source_pronoun_agrees_in_gender():
    _, _, cas = _all("Maria Lopez and Tom Berg visited the ward on Monday. She said four patients had died.")
    assert [(c.count, c.attribution) for c in cas] == [(4, "Maria Lopez")]


def test_casualty_source_they_is_the_group_quoted_before():
    text = ("The Northfield Ambulance Service said it had sent six crews to the junction. "
            "They said two drivers were injured.")
    _, quotes, cas = _all(text)
    assert quotes[0].speaker == "Northfield Ambulance Service"
    assert [(c.count, c.attribution) for c in cas] == [(2, "Northfield Ambulance Service")]


def test_casualty_source_and_quote_speaker_agree():
    text = "A nurse at the clinic, Ana Ruiz, said three people had died in the blaze."
    _, quotes, cas = _all(text)
    assert [q.speaker for q in quotes] == ["Ana Ruiz"]
    assert [c.attribution for c in cas] == ["Ana Ruiz"]


def test_description_resolves_to_the_person_it_introduced():
    text = ("Harbour director Ellen Marsh spoke to reporters on Monday. "
            "The director said the explosion killed two workers.")
    _, _, cas = _all(text)
    assert [c.attribution for c in cas] == ["Ellen Marsh"]


def test_unnamed_description_takes_its_fuller_earlier_form():
    text = ("A senior customs officer met the press in the morning. "
            "The officer said the crates had been opened.")
    doc, _, co = _coref(text)
    subj = _subject_of(doc, "said")
    assert co.resolve(subj) == "senior customs officer"
    assert co.resolve(subj, brief=True) == "senior customs officer"


def test_brief_form_drops_what_follows_the_noun():
    text = "An engineer close to the project said the bridge was safe."
    doc, _, co = _coref(text)
    subj = _subject_of(doc, "said")
    assert co.resolve(subj) == "engineer close to the project"
    assert co.resolve(subj, brief=True) == "engineer"


def test_institution_name_with_a_possessive_is_one_source():
    text = "Two hunters were hurt on Sunday, the Granite County Sheriff's Office said."
    doc, _, co = _coref(text)
    subj = _subject_of(doc, "said")
    assert co.resolve(subj) == "Granite County Sheriff's Office"


def test_possessive_before_a_person_is_another_entity():
    text = "Acme's Dana Whitlock said the plant would reopen."
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Dana Whitlock"


def test_institution_description_needs_the_same_kind_of_institution():
    text = ("Officers of the Lakeside Police Department closed the road. "
            "The hospital said three patients were in stable condition.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "hospital"


def test_institution_description_with_its_own_modifier():
    text = ("The Lakeside Fire Department sent two trucks. Lakeside Mall stayed closed. "
            "The fire department said the blaze was out by noon.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Lakeside Fire Department"


def test_description_names_an_entity_by_its_head_noun():
    text = ("Members of the Lakeside Town Council met on Monday. "
            "The council said the budget would be cut by a third.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Lakeside Town Council"


def test_title_subject_with_a_person_in_apposition():
    text = "Keeper of the Harbour Records, Ada Lindgren, said the archive would reopen in May."
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Ada Lindgren"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of a relative clause is not who the narration is about
        (("Tomas Berg has run the ferry for twenty years.\n\n"
         "On his desk lies the letter that Erik Nilsen wrote to the council in May.\n\n"
         "\u201cWe will keep sailing until the ice comes,\u201d he said."), "Tomas Berg"),
        # nor is the subject of what someone else was reported to say
        (("Sarah Holm said Greta Lindqvist had stopped listening to the fishermen.\n\n"
         "\u201cNobody on the council has been to the harbour in years,\u201d she said."), "Sarah Holm"),
    ],
)
def test_pronoun_skips_subjects_of_relative_and_reported_clauses(text, speaker):
    doc = get_nlp()(text)
    quotes = extract_quotes(doc, extract_entities(doc))
    assert quotes[-1].speaker == speaker


def test_organisation_description_prefers_the_one_just_quoted():
    text = ("In a statement, Norvik Shipping said the route would close in March. Baltic Ferries was "
            "not affected. The company added that refunds would be paid to every passenger.")
    doc = get_nlp()(text)
    quotes = extract_quotes(doc, extract_entities(doc))
    assert [q.speaker for q in quotes] == ["Norvik Shipping", "Norvik Shipping"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a title written before the name is the role a later description names
    ("Gov. Mark Halvorsen opened the bridge on Monday. Peter Quill, a farmer, watched from the bank. "
     "The governor said the bridge cost less than planned.", "Mark Halvorsen"),
    ("Former Nebraska Gov. Mark Halvorsen opened the bridge on Monday. "
     "The former governor said the bridge cost less than planned.", "Mark Halvorsen"),
    # a modifier the person's role does not have: another person, the description stays
    ("Sen. Mark Halvorsen opened the bridge on Monday. "
     "The Nebraska senator said the bridge cost less than planned.", "Nebraska senator"),
    ("Sen. Mark Halvorsen opened the bridge on Monday. "
     "The vice president said the bridge cost less than planned.", "vice president"),
])
def test_description_takes_a_person_only_with_that_role(text, speaker):
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == speaker


def test_description_without_support_stays_as_written():
    text = ("Mark Halvorsen spoke to the crowd in the square. Reporters asked Peter Quill about the case. "
            "The judge said the case was closed.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "judge"


def test_bare_description_right_after_its_subject():
    text = ("Mark Halvorsen left the court early on Friday. "
            "The lanky professor said the results were clear.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Mark Halvorsen"


def test_generic_description_is_not_the_subject_before():
    text = ("Mark Halvorsen left the court early on Friday. "
            "The man said the results were clear.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "man"


def test_fuller_description_needs_the_same_modifiers():
    text = ("A Republican delegate spoke first at the meeting. "
            "The Democratic delegate said the vote was fair.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Democratic delegate"


def test_plural_group_speaker_keeps_its_plural():
    text = ("The Republican candidate spoke in Ohio on Monday. "
            "Republicans have argued that the tax cut should wait until next year.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "argued")) == "Republicans"


def test_description_with_a_person_in_apposition_further_down():
    text = ("The museum reopened on Friday. "
            "The director of the city museum, Ilse Marten, said the roof was repaired.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Ilse Marten"


def test_description_of_its_own_is_not_the_subject_before():
    text = ("Mark Halvorsen left the court early on Friday. "
            "The director of the museum said the results were clear.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "director of the museum"


def test_descriptive_lower_case_modifier_still_takes_the_subject_before():
    text = ("Mark Halvorsen scored twice for the home team on Friday. "
            "The rookie defenceman said the goals came late.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Mark Halvorsen"


def test_of_several_role_holders_the_one_mentioned_last():
    text = ("Sen. Peter Quill and Sen. Mark Halvorsen met in the capital on Monday. "
            "Later Quill toured the harbour with the workers. "
            "The senator said the harbour needed money.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Peter Quill"


def test_earlier_description_needs_every_word_of_the_later_one():
    text = ("A star defenceman left the arena early. The crowd stayed for an hour. "
            "The rookie defenceman said the goals came late.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "rookie defenceman"


def test_description_with_an_apposition_still_takes_the_subject_before():
    text = ("Mark Halvorsen scored twice for the home team on Friday. "
            "The rookie, younger brother of a famous coach, said the goals came late.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "said")) == "Mark Halvorsen"


def test_title_written_inside_a_quote_is_a_role_too():
    text = ("Tobias Ostrow spoke at the harbour on Monday. "
            "\u201cMayor Anna Keller has no plan for the harbour,\u201d Ostrow said. "
            "The mayor replied that the plan was ready.")
    doc, _, co = _coref(text)
    assert co.resolve(_subject_of(doc, "replied")) == "Anna Keller"
