"""Entity canonicalisation on short articles written for these tests.

Most tests pin the NER spans with ``_doc(text, [...])`` so that they test our rules and not the
statistical model; a few run the real pipeline end to end.
"""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from etl.extract.entities import extract_entities
from etl.extract.shared.countries import display_name, lookup_country
from etl.models import ENTITY_TYPES, Entity
from etl.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def _doc(nlp, text: str, ents: list[tuple[str, str]] | None = None) -> Doc:
    """Parse ``text``; with ``ents``, replace spaCy's entities by every occurrence of each
    (surface, label) pair (longer surfaces first, no overlaps)."""
    doc = nlp(text)
    if ents is None:
        return doc
    spans, taken = [], set()
    for surface, label in sorted(ents, key=lambda p: -len(p[0])):
        for m in re.finditer(re.escape(surface), text):
            if any(i in taken for i in range(m.start(), m.end())):
                continue
            span = doc.char_span(m.start(), m.end(), label=label)
            assert span is not None, surface
            spans.append(span)
            taken.update(range(m.start(), m.end()))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    names = [e.name for e in entities]
    assert len(names) == len(set(names)), f"duplicate names: {names}"
    return {e.name: e for e in entities}


def _surfaces(doc: Doc, e: Entity) -> list[str]:
    return [doc.text[s:t] for s, t in e.mentions]


# --------------------------------------------------------------------------- abbreviations


def test_abbreviation_defined_in_parentheses(nlp):
    text = ("Fighters of the Popular Mobilization Forces (PMF) entered the town on Monday. "
            "A PMF commander said the operation was over.")
    doc = _doc(nlp, text, [("Popular Mobilization Forces", "ORG"), ("PMF", "ORG"),
                           ("Monday", "DATE")])
    ents = _by_name(extract_entities(doc))
    pmf = ents["Popular Mobilization Forces"]
    assert pmf.type == "ORG"
    assert "PMF" in pmf.aliases
    assert _surfaces(doc, pmf).count("PMF") == 2
    assert "PMF" not in ents


def test_abbreviation_untagged_uses_are_mentions(nlp):
    text = ("The Northern Farmers Union (NFU) called a strike. Members of the NFU marched, "
            "and NFU leaders met ministers.")
    doc = _doc(nlp, text, [("Northern Farmers Union", "ORG")])
    ents = _by_name(extract_entities(doc))
    nfu = ents["Northern Farmers Union"]
    assert _surfaces(doc, nfu).count("NFU") == 3


def test_abbreviation_by_initials_of_a_name_in_the_text(nlp):
    text = ("The Coastal Defence Authority issued a warning. Later the CDA said the storm "
            "had passed, and a CDA spokesman thanked residents.")
    doc = _doc(nlp, text, [("Coastal Defence Authority", "ORG"), ("CDA", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Coastal Defence Authority"}
    assert len(ents["Coastal Defence Authority"].mentions) == 3


def test_acronym_person_label_does_not_split_the_organisation(nlp):
    text = ("Rockets were fired by the Harbour Brigades militia. Harbour Brigades denied it, "
            "but an HB statement praised the attack.")
    doc = _doc(nlp, text, [("Harbour Brigades", "PERSON"), ("HB", "ORG")])
    [hb] = extract_entities(doc)
    assert (hb.name, hb.type) == ("Harbour Brigades", "ORG")
    assert len(hb.mentions) == 3


# --------------------------------------------------------------------------- possessives, "the"


def test_possessive_and_leading_the_are_dropped(nlp):
    text = ("The Pentagon said the strike was lawful. The Pentagon’s statement came late, "
            "and Acme Corp's shares fell while the Acme Corp's board met.")
    doc = _doc(nlp, text, [("The Pentagon’s", "ORG"), ("The Pentagon", "ORG"),
                           ("Acme Corp's", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Pentagon", "Acme Corp"}
    assert len(ents["Pentagon"].mentions) == 2
    assert _surfaces(doc, ents["Acme Corp"]) == ["Acme Corp", "Acme Corp"]


def test_inner_possessive_splits_two_organisations(nlp):
    text = "She works at Danube University’s Centre for Water Studies in the city."
    doc = _doc(nlp, text, [("Danube University’s Centre for Water Studies", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Danube University", "Centre for Water Studies"}


# --------------------------------------------------------------------------- people


def test_title_and_surname_forms_resolve_to_the_full_name(nlp):
    text = ("President Maria Kovalenko visited the plant. Kovalenko said jobs were safe. "
            "\"We will stay,\" President Kovalenko told workers, and Ms. Kovalenko left.")
    doc = _doc(nlp, text, [("Maria Kovalenko", "PERSON"), ("President Kovalenko", "PERSON"),
                           ("Kovalenko", "PERSON")])
    [p] = extract_entities(doc)
    assert (p.name, p.type) == ("Maria Kovalenko", "PERSON")
    assert len(p.mentions) == 4
    assert all(s.endswith("Kovalenko") and not s.startswith("President")
               for s in _surfaces(doc, p))
    assert "President Kovalenko" in p.aliases and "Kovalenko" in p.aliases


def test_lone_title_and_military_rank_are_stripped(nlp):
    text = "Cmdr. Sean Whitfield, a spokesman, said the base was calm. Whitfield declined more."
    doc = _doc(nlp, text, [("Cmdr", "PERSON"), ("Sean Whitfield", "PERSON"),
                           ("Whitfield", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Sean Whitfield"}
    assert len(ents["Sean Whitfield"].mentions) == 2


def test_surname_goes_to_the_most_mentioned_full_name(nlp):
    text = ("Tom Harlan and Rita Harlan spoke. Tom Harlan said more. Tom Harlan left. "
            "Harlan later returned.")
    doc = _doc(nlp, text, [("Tom Harlan", "PERSON"), ("Rita Harlan", "PERSON"),
                           ("Harlan", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert len(ents["Tom Harlan"].mentions) == 4
    assert len(ents["Rita Harlan"].mentions) == 1


def test_surname_with_arabic_article(nlp):
    text = "Khalid al-Mansouri was named. Mansouri said he would serve."
    doc = _doc(nlp, text, [("Khalid al-Mansouri", "PERSON"), ("Mansouri", "PERSON")])
    [p] = extract_entities(doc)
    assert p.name == "Khalid al-Mansouri" and len(p.mentions) == 2


def test_spelling_variant_of_a_surname(nlp):
    text = "President Oleksandr Petrenkov met envoys. Later Petrenkovv spoke to reporters."
    doc = _doc(nlp, text, [("Oleksandr Petrenkov", "PERSON"), ("Petrenkovv", "PERSON")])
    [p] = extract_entities(doc)
    assert p.name == "Oleksandr Petrenkov" and len(p.mentions) == 2


# --------------------------------------------------------------------------- mis-typed mentions


def test_one_mis_typed_mention_does_not_create_a_second_entity(nlp):
    text = ("Joan Ferris leads the council. Ferris said the budget is tight. "
            "Critics of Ferris's administration disagreed. Ferris replied.")
    doc = _doc(nlp, text, [("Joan Ferris", "PERSON"), ("Ferris's", "ORG"), ("Ferris", "PERSON")])
    [p] = extract_entities(doc)
    assert (p.name, p.type) == ("Joan Ferris", "PERSON")
    assert len(p.mentions) == 4


def test_surname_mostly_mis_typed_is_still_the_person(nlp):
    text = ("Karl Brenner testified on Tuesday. Brenner said he knew nothing. Brenner added "
            "more. Brenner left.")
    doc = _doc(nlp, text, [("Karl Brenner", "PERSON"), ("Brenner", "ORG"), ("Tuesday", "DATE")])
    [p] = extract_entities(doc)
    assert (p.name, p.type) == ("Karl Brenner", "PERSON")


def test_type_majority_over_mentions(nlp):
    text = "Voltrex makes chips. Voltrex hired staff. Voltrex grew fast."
    doc = _doc(nlp, text, [("Voltrex", "ORG")])
    doc.ents = [doc.ents[0], doc.ents[1],
                doc.char_span(text.rindex("Voltrex"), text.rindex("Voltrex") + 7, "PERSON")]
    [e] = extract_entities(doc)
    assert (e.name, e.type) == ("Voltrex", "ORG")
    assert len(e.mentions) == 3


def test_place_cues_fix_a_person_label(nlp):
    text = ("Families fled to the Zarqa camp. Aid reached Zarqa on Friday, and troops stayed "
            "near Zarqa for weeks.")
    doc = _doc(nlp, text, [("Zarqa", "PERSON"), ("Friday", "DATE"), ("weeks", "DATE")])
    [e] = extract_entities(doc)
    assert e.name == "Zarqa" and e.type in ("LOC", "GPE")


def test_class_noun_apposition_makes_an_organisation(nlp):
    text = "Investigators looked at energy company Norvenko. Norvenko denied wrongdoing."
    doc = _doc(nlp, text, [("Norvenko", "PERSON")])
    [e] = extract_entities(doc)
    assert e.type == "ORG"


# --------------------------------------------------------------------------- junk


def test_junk_spans_are_dropped(nlp):
    text = "Mayor Ana Ruiz opened the bridge.\n\nPrevious Article\n\nNext Article\n\n— Related"
    doc = _doc(nlp, text, [("Ana Ruiz", "PERSON"), ("Previous Article", "ORG"),
                           ("Article\n\nNext", "ORG"), ("—", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Ana Ruiz"}


def test_span_across_a_line_break_is_split(nlp):
    text = "Talks were held in Vienna\n\nGreenpeace said the deal was weak."
    doc = _doc(nlp, text, [("Vienna\n\nGreenpeace", "GPE")])
    names = {e.name for e in extract_entities(doc)}
    assert "Vienna" in names and not any("\n" in n for n in names)


def test_attitude_prefixes_and_dates_are_dropped(nlp):
    text = "Pro-Ruritanian and non-Ruritanian groups met on the September 11, 2001 anniversary."
    doc = _doc(nlp, text, [("non-Ruritanian", "NORP"), ("the September 11, 2001", "EVENT")])
    assert extract_entities(doc) == []


def test_job_title_words_are_not_organisations(nlp):
    text = "National Security Adviser Jane Doe met Secretary of State John Roe."
    doc = _doc(nlp, text, [("National Security", "ORG"), ("Jane Doe", "PERSON"),
                           ("State", "ORG"), ("John Roe", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Jane Doe", "John Roe"}


# --------------------------------------------------------------------------- countries


def test_country_aliases_resolve_to_one_entity_with_iso_code(nlp):
    text = ("The United States and the U.S. Congress disagree. US officials said America "
            "would act, and the U.S. will keep troops. Britain and the UK agreed with Russia.")
    doc = _doc(nlp, text, [("The United States", "GPE"), ("U.S.", "GPE"), ("US", "GPE"),
                           ("America", "GPE"), ("Britain", "GPE"), ("UK", "GPE"),
                           ("Russia", "GPE")])
    ents = _by_name(extract_entities(doc))
    us = ents["United States"]
    assert (us.type, us.country_code) == ("GPE", "US")
    assert len(us.mentions) == 5
    assert {"U.S.", "US", "America"} <= set(us.aliases)
    uk = ents["United Kingdom"]
    assert (uk.country_code, len(uk.mentions)) == ("GB", 2)
    assert ents["Russia"].country_code == "RU"


def test_country_labelled_as_person_is_a_country_unless_a_surname(nlp):
    text = "Refugees crossed into Jordan. Jordan closed the border."
    doc = _doc(nlp, text, [("Jordan", "PERSON")])
    [e] = extract_entities(doc)
    assert (e.name, e.type, e.country_code) == ("Jordan", "GPE", "JO")
    text2 = "Michael Jordan scored. Jordan smiled."
    doc2 = _doc(nlp, text2, [("Michael Jordan", "PERSON"), ("Jordan", "PERSON")])
    [p] = extract_entities(doc2)
    assert (p.name, p.type, p.country_code) == ("Michael Jordan", "PERSON", None)


@pytest.mark.parametrize(
    ("alias", "code", "name"),
    [("U.S.", "US", "United States"), ("US", "US", "United States"),
     ("the United States", "US", "United States"), ("America", "US", "United States"),
     ("United States of America", "US", "United States"), ("USA", "US", "United States"),
     ("UK", "GB", "United Kingdom"), ("Britain", "GB", "United Kingdom"),
     ("Great Britain", "GB", "United Kingdom"), ("Russia", "RU", "Russia"),
     ("Russian Federation", "RU", "Russia"), ("Iran", "IR", "Iran"),
     ("Islamic Republic of Iran", "IR", "Iran"), ("Syria", "SY", "Syria"),
     ("Syrian Arab Republic", "SY", "Syria"), ("South Korea", "KR", "South Korea"),
     ("Türkiye", "TR", "Turkey"), ("Viet Nam", "VN", "Vietnam"), ("Iraq", "IQ", "Iraq")],
)
def test_lookup_country(alias, code, name):
    assert lookup_country(alias) == code
    assert display_name(code) == name


def test_lookup_country_rejects_non_countries():
    for text in ("Iraqi", "Washington", "Korea", "Kurdistan", "", "Emirates"):
        assert lookup_country(text) is None, text
    assert lookup_country("IT", allow_codes=False) is None


# --------------------------------------------------------------------------- places, contract


def test_short_place_name_joins_its_region_and_airport_names_a_city(nlp):
    text = ("Rockets hit a base at Tarvan International Airport in the Kurdistan Region. "
            "Officials in Kurdistan said the Tarvan attack hurt two.")
    doc = _doc(nlp, text, [("Tarvan International Airport", "FAC"), ("Kurdistan Region", "GPE"),
                           ("Kurdistan", "GPE"), ("Tarvan", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert len(ents["Kurdistan Region"].mentions) == 2
    assert ents["Tarvan"].type == "GPE"


def test_nationality_plural_and_islamic_state(nlp):
    text = ("Americans and an American official spoke. They fight Islamic State (ISIS) "
            "in the north, where ISIS is weak.")
    doc = _doc(nlp, text, [("Americans", "NORP"), ("American", "NORP"), ("Islamic", "NORP"),
                           ("ISIS", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert len(ents["American"].mentions) == 2
    isis = ents["Islamic State"]
    assert isis.type == "ORG" and len(isis.mentions) == 3


def test_contract_on_a_real_parse(nlp):
    text = ("WASHINGTON — Secretary of State Antony Blinken met NATO officials in Brussels on "
            "Tuesday. Blinken said the United States would back Ukraine, and the U.S. "
            "would send aid. The Pentagon’s spokesman John Kirby agreed. "
            "\"We stand firm,\" Kirby said.")
    doc = _doc(nlp, text)
    ents = extract_entities(doc)
    assert all(isinstance(e, Entity) and e.type in ENTITY_TYPES for e in ents)
    for e in ents:
        assert e.mentions == sorted(set(e.mentions))
        for s, t in e.mentions:
            surface = doc.text[s:t]
            assert surface.strip() == surface and surface
            assert not surface.lower().startswith("the ")
    by = _by_name(ents)
    assert by["United States"].country_code == "US"
    assert len(by["United States"].mentions) == 2
    assert "Pentagon" in by
    kirby = [e for e in ents if e.name == "John Kirby"]
    assert kirby and len(kirby[0].mentions) == 2


def test_empty_doc(nlp):
    assert extract_entities(nlp("")) == []


def test_head_word_overrides_a_person_label(nlp):
    text = "The boy was taken to Stroger Hospital, near Pedro Drive. Stroger Hospital said he died."
    doc = _doc(nlp, text, [("Stroger Hospital", "PERSON"), ("Pedro Drive", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert ents["Stroger Hospital"].type == "ORG"
    assert ents["Pedro Drive"].type == "FAC"


def test_generic_single_words_are_not_organisations(nlp):
    text = "The Department said Police arrived. The Sheriff's Office declined to comment."
    doc = _doc(nlp, text, [("Department", "ORG"), ("Police", "ORG"), ("Sheriff's Office", "ORG")])
    names = {e.name for e in extract_entities(doc)}
    assert "Department" not in names and "Police" not in names


def test_dateline_capitals_do_not_become_the_name(nlp):
    text = "FLINT, Mich. — Water in Flint is safe, officials in Flint said."
    doc = _doc(nlp, text, [("FLINT", "GPE"), ("Flint", "GPE")])
    [e] = extract_entities(doc)
    assert e.name == "Flint" and len(e.mentions) == 3


def test_surname_tagged_as_nationality_joins_the_person(nlp):
    text = "Sevaun Palvetzian leads the group. Palvetzian said jobs are changing."
    doc = _doc(nlp, text, [("Sevaun Palvetzian", "PERSON"), ("Palvetzian", "NORP")])
    [p] = extract_entities(doc)
    assert (p.name, p.type, len(p.mentions)) == ("Sevaun Palvetzian", "PERSON", 2)


def test_acronym_of_a_place_keeps_the_place_type(nlp):
    text = "Police in South Carolina said the SC coast was calm. South Carolina officials agreed."
    doc = _doc(nlp, text, [("South Carolina", "GPE"), ("SC", "ORG")])
    [e] = extract_entities(doc)
    assert (e.name, e.type) == ("South Carolina", "GPE")


def test_hyphenated_given_name_cut_by_the_model_is_rejoined(nlp):
    text = "Kim Jong-un met envoys in Pyongyang. Kim Jong-un said little."
    doc = _doc(nlp, text, [("Kim Jong", "PERSON"), ("Pyongyang", "GPE")])
    ents = _by_name(extract_entities(doc))
    assert "Kim Jong-un" in ents and len(ents["Kim Jong-un"].mentions) == 2


def test_sentence_initial_function_word_is_not_part_of_the_name(nlp):
    text = "With the Presidents Cup over, players rested."
    doc = _doc(nlp, text, [("With the Presidents Cup", "EVENT")])
    [e] = extract_entities(doc)
    assert e.name == "Presidents Cup"


def test_surname_with_particle_and_first_name_mistyped(nlp):
    text = ("Mayor Bill de Blasio spoke. De Blasio said the city was safe. Ivana Novak agreed, "
            "and Ivana left.")
    doc = _doc(nlp, text, [("Bill de Blasio", "PERSON"), ("De Blasio", "ORG"),
                           ("Ivana Novak", "PERSON"), ("Ivana", "GPE")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Bill de Blasio", "Ivana Novak"}
    assert all(e.type == "PERSON" and len(e.mentions) == 2 for e in ents.values())


def test_also_known_as_links_two_names(nlp):
    text = "Aid reached the Zafar camp, also known as the Dune, on Monday. Zafar is full."
    doc = _doc(nlp, text, [("Zafar", "ORG"), ("Dune", "PERSON"), ("Monday", "DATE")])
    [e] = extract_entities(doc)
    assert e.name == "Zafar" and "Dune" in e.aliases and len(e.mentions) == 3


def test_middle_initial_and_suffix_variants_are_one_person(nlp):
    text = ("George W. Bush spoke first. George Bush later said more. Bush left. "
            "Martin Luther Lang Jr. was quoted; Lang had said it in 1963.")
    doc = _doc(nlp, text, [("George W. Bush", "PERSON"), ("George Bush", "PERSON"),
                           ("Bush", "PERSON"), ("Martin Luther Lang Jr.", "PERSON"),
                           ("Lang", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"George W. Bush", "Martin Luther Lang Jr."}
    assert len(ents["George W. Bush"].mentions) == 3
    assert len(ents["Martin Luther Lang Jr."].mentions) == 2


def test_state_initials_are_not_an_iso_country_code(nlp):
    text = "South Dakota officials said SD roads were closed. Sudan was not mentioned."
    doc = _doc(nlp, text, [("South Dakota", "GPE"), ("SD", "GPE"), ("Sudan", "GPE")])
    ents = _by_name(extract_entities(doc))
    assert ents["South Dakota"].country_code is None and len(ents["South Dakota"].mentions) == 2
    assert ents["Sudan"].country_code == "SD" and len(ents["Sudan"].mentions) == 1


def test_scores_and_verbs_are_cut_from_names(nlp):
    text = "Yasutaka Uchiyama 6-2 won. Later Garrett hit Rudolph in the game."
    doc = _doc(nlp, text, [("Yasutaka Uchiyama 6-2", "PERSON"),
                           ("Garrett hit Rudolph", "ORG")])
    names = {e.name for e in extract_entities(doc)}
    assert names == {"Yasutaka Uchiyama", "Garrett", "Rudolph"}


def test_full_name_mistyped_once_joins_a_frequent_surname(nlp):
    text = "Mason Rudolph threw. Rudolph was hit. Rudolph left. Rudolph spoke later."
    doc = _doc(nlp, text, [("Mason Rudolph", "ORG"), ("Rudolph", "PERSON")])
    [p] = extract_entities(doc)
    assert (p.name, p.type, len(p.mentions)) == ("Mason Rudolph", "PERSON", 4)


def test_company_short_name_joins_the_legal_name(nlp):
    text = "Sierra Nevada Corporation won a contract. Sierra Nevada said work starts soon."
    doc = _doc(nlp, text, [("Sierra Nevada Corporation", "ORG"), ("Sierra Nevada", "ORG")])
    [e] = extract_entities(doc)
    assert e.name == "Sierra Nevada Corporation" and len(e.mentions) == 2


def test_sentence_initial_word_is_dropped_only_when_not_a_name(nlp):
    text = ("The Security Council met. Key Security Council members left. "
            "Russian Defense Ministry officials spoke. The Defense Ministry in Kyiv denied it. "
            "Gaza Strip residents fled. Aid reached Gaza.")
    doc = _doc(nlp, text, [("Security Council", "ORG"), ("Key Security Council", "ORG"),
                           ("Russian Defense Ministry", "ORG"), ("Defense Ministry", "ORG"),
                           ("Kyiv", "GPE"), ("Gaza Strip", "GPE"), ("Gaza", "GPE")])
    ents = _by_name(extract_entities(doc))
    assert "Key Security Council" not in ents and len(ents["Security Council"].mentions) == 2
    assert "Russian Defense Ministry" in ents
    assert len(ents["Gaza Strip"].mentions) == 2


def test_dateline_city_is_a_place(nlp):
    text = "TARVEL (Reuters) — Officials in Tarvel said the talks would resume."
    doc = _doc(nlp, text, [("TARVEL", "ORG"), ("Reuters", "ORG"), ("Tarvel", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert ents["Tarvel"].type == "GPE" and len(ents["Tarvel"].mentions) == 2
    assert ents["Reuters"].type == "ORG"


def test_name_cut_short_by_the_model_is_extended_to_its_acronym(nlp):
    text = "Fighters from Hayat Tahrir al-Sham (HTS) took the town. HTS leaders spoke."
    doc = _doc(nlp, text, [("Tahrir al-Sham", "PERSON")])
    [e] = extract_entities(doc)
    assert (e.name, e.type) == ("Hayat Tahrir al-Sham", "ORG")
    assert _surfaces(doc, e) == ["Hayat Tahrir al-Sham", "HTS", "HTS"]


def test_capitalised_dateline_place_gets_a_readable_name(nlp):
    text = "MARIUPOL — Shelling continued overnight, officials said."
    doc = _doc(nlp, text, [("MARIUPOL", "GPE")])
    [e] = extract_entities(doc)
    assert e.name == "Mariupol" and "MARIUPOL" in e.aliases


def test_untagged_surname_and_dateline_become_mentions(nlp):
    text = ("HALABJA, Kurdistan Region — Premier Omar Ahmad al-Dulaimi visited the town. "
            "Dulaimi promised aid, and Dulaimi later left Halabja.")
    doc = _doc(nlp, text, [("Kurdistan Region", "GPE"), ("Omar Ahmad al-Dulaimi", "PERSON"),
                           ("Halabja", "GPE")])
    ents = _by_name(extract_entities(doc))
    assert len(ents["Omar Ahmad al-Dulaimi"].mentions) == 3
    assert ents["Halabja"].type == "GPE" and len(ents["Halabja"].mentions) == 2


def test_plural_possessive_stays_in_the_name_and_aka_after_acronym(nlp):
    text = ("The Kurdistan Workers’ Party (PKK) denied it. The Popular Defence Units (PDU), "
            "also known as the Shield Brigade, agreed. The PKK and the PDU met.")
    doc = _doc(nlp, text, [("Kurdistan Workers’ Party", "ORG"), ("Popular Defence Units", "ORG"),
                           ("Shield Brigade", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert len(ents["Kurdistan Workers’ Party"].mentions) == 3
    pdu = ents["Popular Defence Units"]
    assert {"PDU", "Shield Brigade"} <= set(pdu.aliases) and pdu.type == "ORG"


def test_acronym_is_not_a_surname_and_peoples_republic_is_one_name(nlp):
    text = ("Kim Jong Un defied the U.N. again. The U.N. condemned the Democratic People's "
            "Republic of Korea, and N. Korea answered.")
    doc = _doc(nlp, text, [("Kim Jong Un", "PERSON"), ("U.N.", "ORG"),
                           ("the Democratic People's Republic of Korea", "GPE"),
                           ("N. Korea", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert len(ents["Kim Jong Un"].mentions) == 1
    assert len(ents["U.N."].mentions) == 2
    nk = ents["North Korea"]
    assert nk.country_code == "KP" and len(nk.mentions) == 2


@pytest.mark.parametrize("text", ["N.C.", "NC", "GA", "Pa.", "CA", "IN", "ARE", "AND", "CAN"])
def test_state_abbreviations_and_words_are_not_country_codes(text):
    assert lookup_country(text) is None


def test_headline_verb_is_not_part_of_a_name(nlp):
    text = "Obama Says Museum Will Open\n\nBarack Obama spoke. Obama smiled."
    doc = _doc(nlp, text, [("Obama Says", "PERSON"), ("Barack Obama", "PERSON"),
                           ("Obama", "PERSON")])
    [p] = extract_entities(doc)
    assert p.name == "Barack Obama" and len(p.mentions) == 3


def test_first_name_that_is_a_country_name(nlp):
    text = "Chad Kelly threw twice. Chad said he felt fine."
    doc = _doc(nlp, text, [("Chad Kelly", "PERSON"), ("Chad", "PERSON")])
    [p] = extract_entities(doc)
    assert (p.name, p.type, p.country_code, len(p.mentions)) == ("Chad Kelly", "PERSON", None, 2)


def test_credit_in_parentheses_is_no_acronym_definition(nlp):
    text = "Photo by Naomi Martin (AP) shows the street. AP reported the toll."
    doc = _doc(nlp, text, [("Naomi Martin", "PERSON"), ("AP", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert set(ents) == {"Naomi Martin", "AP"}


def test_similar_but_different_surnames_stay_apart(nlp):
    text = "Tom Johnston and Mary Johnson met. Johnson spoke first; Johnston left."
    doc = _doc(nlp, text, [("Tom Johnston", "PERSON"), ("Mary Johnson", "PERSON"),
                           ("Johnson", "PERSON"), ("Johnston", "PERSON")])
    ents = _by_name(extract_entities(doc))
    assert _surfaces(doc, ents["Mary Johnson"]) == ["Mary Johnson", "Johnson"]
    assert _surfaces(doc, ents["Tom Johnston"]) == ["Tom Johnston", "Johnston"]


def test_names_joined_by_a_slash_are_split(nlp):
    text = "The photo (Kerry Brown / AP) shows Ana Lima. Ana Lima spoke to AP."
    doc = _doc(nlp, text, [("Kerry Brown / AP", "PERSON"), ("Ana Lima", "PERSON"), ("AP", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert {"Kerry Brown", "AP", "Ana Lima"} <= set(ents)
    assert ents["AP"].type == "ORG" and len(ents["AP"].mentions) == 2
    for e in ents.values():
        assert all(doc.text[s:t] in (e.name, *e.aliases) for s, t in e.mentions)


def test_apposition_after_and_in_before_a_one_word_name(nlp):
    text = ("Dana Petrol, the UAE-based company that runs the field, said workers died. "
            "The consulate in Tarvel condemned it, and a vote in Congress followed.")
    doc = _doc(nlp, text, [("Dana Petrol", "PERSON"), ("UAE", "GPE"), ("Tarvel", "ORG"),
                           ("Congress", "ORG")])
    ents = _by_name(extract_entities(doc))
    assert ents["Dana Petrol"].type == "ORG"
    assert ents["Tarvel"].type == "GPE"
    assert ents["Congress"].type == "ORG"


def test_georgia_the_state_next_to_other_states(nlp):
    text = "Voters in Georgia and Florida went to the polls."
    doc = _doc(nlp, text, [("Georgia", "GPE"), ("Florida", "GPE")])
    ents = _by_name(extract_entities(doc))
    assert ents["Georgia"].country_code is None
    text2 = "Russia and Georgia fought in 2008."
    doc2 = _doc(nlp, text2, [("Russia", "GPE"), ("Georgia", "GPE")])
    assert _by_name(extract_entities(doc2))["Georgia"].country_code == "GE"


def test_person_described_by_their_company_stays_a_person(nlp):
    text = "Jane Morrow, the company's founder, spoke. Morrow, a group leader, agreed."
    doc = _doc(nlp, text, [("Jane Morrow", "PERSON"), ("Morrow", "PERSON")])
    [p] = extract_entities(doc)
    assert p.type == "PERSON"


def test_quotes_inside_names(nlp):
    text = 'Riefian “Ifan” Fajarsyah sang. The Pacific “Ring of Fire” is active.'
    doc = _doc(nlp, text, [("Riefian “Ifan” Fajarsyah", "PERSON"), ("Pacific “Ring of Fire", "LOC")])
    names = {e.name for e in extract_entities(doc)}
    assert names == {"Riefian Fajarsyah", "Pacific", "Ring of Fire"}


# --------------------------------------------------------------------------- issue 12 / 13 rules


def test_lower_case_head_noun_kept_in_a_name(nlp):
    text = "Guards at the Kestrel prison went on strike. The Green party backed them."
    doc = _doc(nlp, text, [("Kestrel prison", "FAC"), ("Green party", "ORG")])
    names = {e.name for e in extract_entities(doc)}
    assert "Kestrel prison" in names
    assert "Green party" in names


def test_trailing_lower_case_word_still_cut_from_places(nlp):
    text = "Fighting spread across Varnok province on Tuesday."
    doc = _doc(nlp, text, [("Varnok province", "GPE")])
    assert [e.name for e in extract_entities(doc)] == ["Varnok"]


@pytest.mark.parametrize(
    ("text", "ent", "name"),
    [
        # a class noun after a place describes it: the state is the entity, not "Ohio county"
        ("Voters in a rural Ohio county lined up early.", ("Ohio county", "GPE"), "Ohio"),
        ("Floods hit Merrow district again this spring.", ("Merrow district", "GPE"), "Merrow"),
    ],
)
def test_class_noun_after_a_place_is_cut(nlp, text, ent, name):
    doc = _doc(nlp, text, [ent])
    [e] = extract_entities(doc)
    assert (e.name, e.type) == (name, "GPE")


def test_place_with_and_without_its_class_noun_is_one_entity(nlp):
    text = "Trade across the Halvic region grew fast. Halvic ministers met on Friday."
    doc = _doc(nlp, text, [("Halvic region", "LOC"), ("Halvic", "LOC")])
    assert [e.name for e in extract_entities(doc)] == ["Halvic"]


def test_single_common_word_is_no_entity(nlp):
    text = "The parade went down Street after the Eve party in County Hall."
    doc = _doc(nlp, text, [("Street", "FAC"), ("Eve", "EVENT"), ("County Hall", "FAC")])
    names = {e.name for e in extract_entities(doc)}
    assert "Street" not in names and "Eve" not in names
    assert "County Hall" in names


def test_contributor_trailer_names_are_not_entities(nlp):
    text = ("The council of Brackwater approved the budget on Monday.\n\n"
            "Ilse Falkner contributed to this report.")
    doc = _doc(nlp, text, [("Brackwater", "GPE"), ("Ilse Falkner", "PERSON")])
    names = {e.name for e in extract_entities(doc)}
    assert names == {"Brackwater"}


def test_surname_after_a_title_takes_no_surname_from_a_coordinated_name(nlp):
    doc = nlp("Mr. Brandt and Hanna Keller met in Bonn. Mr. Brandt said the talks went well.")
    names = {e.name for e in extract_entities(doc)}
    assert "Brandt Keller" not in names
    assert {"Brandt", "Hanna Keller"} <= names


def test_lone_first_name_still_takes_the_shared_surname(nlp):
    doc = nlp("Joe and Hunter Biden flew to Bonn on Monday.")
    assert {"Joe Biden", "Hunter Biden"} <= {e.name for e in extract_entities(doc)}
