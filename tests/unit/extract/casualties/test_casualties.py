"""Unit tests of the casualty extractor on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from etl.extract.casualties import extract_casualties
from etl.models import Entity
from etl.nlp import get_nlp


def _entities(text: str, names: dict[str, str]) -> list[Entity]:
    out = []
    for name, typ in names.items():
        mentions = [
            (m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)
        ]
        out.append(Entity(name=name, type=typ, mentions=mentions))
    return out


def _run(text: str, names: dict[str, str] | None = None):
    doc = get_nlp()(text)
    return extract_casualties(doc, _entities(text, names or {}))


def _pairs(cas):
    return sorted((c.category, c.count) for c in cas)


# ------------------------------------------------------------------ 1. categories


@pytest.mark.parametrize(
    ("text", "category", "count"),
    [
        ("Three soldiers were killed in the ambush on Tuesday.", "killed", 3),
        ("Two hikers died after the storm hit the valley.", "killed", 2),
        ("Five villagers are dead after the raid.", "killed", 5),
        ("The flood caused seven deaths in the district.", "killed", 7),
        ("Officials reported nine fatalities after the bridge collapsed.", "killed", 9),
        ("Six miners lost their lives in the blast.", "killed", 6),
        ("Eight guards were wounded in the assault.", "injured", 8),
        ("Four workers were injured when the crane fell.", "injured", 4),
        ("Two children were hurt in the crash.", "injured", 2),
        ("Eleven fishermen are missing after the boat sank.", "missing", 11),
        ("Gunmen kidnapped three engineers near the pipeline.", "kidnapped", 3),
        ("Two aid workers were abducted on the road to the camp.", "kidnapped", 2),
        ("Four tourists were taken hostage by the rebels.", "kidnapped", 4),
        ("Police arrested twelve protesters outside the ministry.", "arrested", 12),
        ("Five suspects were detained after the raid.", "arrested", 5),
    ],
)
def test_categories(text, category, count):
    cas = _run(text)
    assert (category, count) in _pairs(cas), _pairs(cas)


# ------------------------------------------------------------------ 2. counts and hedges


@pytest.mark.parametrize(
    ("text", "count", "cmin", "cmax", "qualifier"),
    [
        ("At least 17 people were killed in the shelling.", 17, 17, None, "At least"),
        ("More than 40 people were killed in the fighting.", 40, 40, None, "More than"),
        ("Up to 5 people were killed in the fire.", 5, None, 5, "Up to"),
        ("Nearly 30 people were killed in the attack.", 30, None, 30, "Nearly"),
        ("About 60 people were killed in the landslide.", 60, None, None, "About"),
        ("Between 3 and 5 people were killed in the collapse.", 3, 3, 5, "between 3 and 5"),
        ("Four people were killed in the collapse.", 4, 4, 4, None),
        ("A man was killed in the collapse.", 1, 1, 1, None),
        ("Two dozen people were killed in the collapse.", 24, 24, 24, None),
        ("1,200 people were killed in the earthquake.", 1200, 1200, 1200, None),
        ("The famine killed 3.5 million people.", 3_500_000, 3_500_000, 3_500_000, None),
    ],
)
def test_counts_and_hedges(text, count, cmin, cmax, qualifier):
    cas = [c for c in _run(text) if c.category == "killed"]
    assert len(cas) == 1, cas
    c = cas[0]
    assert (c.count, c.count_min, c.count_max) == (count, cmin, cmax)
    assert (c.qualifier or "").lower() == (qualifier or "").lower()


def test_dozens_is_a_lower_bound():
    cas = [
        c for c in _run("Dozens of people were injured in the stampede.") if c.category == "injured"
    ]
    assert len(cas) == 1
    assert cas[0].count_min == 24 and cas[0].count_max is None


def test_hundreds_is_a_lower_bound():
    cas = [
        c
        for c in _run("Hundreds of demonstrators were arrested over the weekend.")
        if c.category == "arrested"
    ]
    assert len(cas) == 1
    assert cas[0].count_min == 200 and cas[0].count_max is None


def test_figure_without_number_is_kept_with_null_count():
    cas = _run("The attack on the base also wounded Americans.")
    assert [(c.category, c.count, c.victims) for c in cas] == [("injured", None, "Americans")]


def test_coordinated_victims_are_summed():
    cas = _run("A woman and her two sons were killed when the shell hit the house.")
    assert ("killed", 3) in _pairs(cas)


def test_headline_form():
    cas = _run("3 dead, 5 injured in market blast")
    assert _pairs(cas) == [("injured", 5), ("killed", 3)]


def test_others():
    cas = _run("One man was killed and four others were hurt in the attack.")
    assert _pairs(cas) == [("injured", 4), ("killed", 1)]


# ------------------------------------------------------------------ 3. victims


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Two civilians were killed by the shelling.", "civilians"),
        ("The strike killed four soldiers near the border.", "soldiers"),
        ("A contractor was killed at the airport.", "contractor"),
        ("Three service members were killed in the crash.", "service members"),
    ],
)
def test_victims(text, victims):
    cas = _run(text)
    assert [c.victims for c in cas] == [victims]


def test_elliptical_victims():
    cas = _run("The drone strike killed one fighter and wounded four.")
    got = sorted((c.category, c.count, c.victims) for c in cas)
    assert got == [("injured", 4, "fighter"), ("killed", 1, "fighter")]


# ------------------------------------------------------------------ 4. provenance


def test_attribution_told():
    text = "Residents and a hospital official in the north told the agency that at least 9 people had been killed."
    cas = _run(text)
    assert len(cas) == 1
    assert cas[0].attribution == "Residents and a hospital official"


def test_attribution_said_after():
    cas = _run("Two guards were wounded in the attack, police said.")
    assert [c.attribution for c in cas] == ["police"]


def test_attribution_according_to():
    cas = _run("Five people died in the fire, according to the fire department.")
    assert [c.attribution for c in cas] == ["fire department"]


def test_attribution_resolves_earlier_noun_phrase():
    text = "A senior army officer spoke to reporters on Monday. The officer said the raid killed six militants."
    cas = _run(text)
    assert [c.attribution for c in cas] == ["senior army officer"]


def test_unconfirmed_in_same_sentence():
    cas = _run(
        "Activists said 12 people were killed, a figure that could not be independently verified."
    )
    assert [c.confirmed for c in cas] == [False]


def test_unconfirmed_in_next_sentence():
    cas = _run("Medics said at least 20 people had been killed. That toll could not be confirmed.")
    assert [c.confirmed for c in cas] == [False]


def test_confirmed_by_default_is_null():
    cas = _run("The ministry confirmed that three soldiers were killed.")
    assert [c.confirmed for c in cas] == [None]


def test_location_from_entities():
    text = "Two policemen were killed in Mosul on Friday."
    cas = _run(text, {"Mosul": "GPE"})
    assert [c.location for c in cas] == ["Mosul"]


def test_offsets_are_the_sentence():
    text = "The market was busy. Four traders were wounded by the blast."
    cas = _run(text)
    assert len(cas) == 1
    c = cas[0]
    assert text[c.start : c.end] == "Four traders were wounded by the blast."
    assert c.sentence == text[c.start : c.end]
    assert c.mentions == [(c.start, c.end)]


# ------------------------------------------------------------------ 5. the same figure told twice


def test_same_figure_told_twice_is_stored_once():
    text = (
        "An official said the air strike killed one fighter and wounded two. "
        "The militia later confirmed the death of one of its fighters."
    )
    cas = _run(text)
    killed = [c for c in cas if c.category == "killed"]
    assert len(killed) == 1
    assert killed[0].count == 1
    assert len(killed[0].mentions) == 2


def test_different_figures_are_kept_apart():
    text = "Three soldiers were killed in the north. Five civilians were killed in the south."
    cas = _run(text)
    assert _pairs(cas) == [("killed", 3), ("killed", 5)]


# ------------------------------------------------------------------ 6. numbers that are not casualties


@pytest.mark.parametrize(
    "text",
    [
        "A 23-year-old student was arrested on Monday.",  # the age is not a count
        "More than 600,000 people live in the province.",
        "The camp holds around 40,000 refugees.",
        "The company lost 3 million dollars in 2019.",
        "The convoy travelled 40 kilometres before dawn.",
        "The attack happened at 11 p.m. on March 3.",
        "Roughly 13,000 troops remain in the country.",
        "No one was hurt in the fire.",
        "Nobody was killed in the crash.",
        "The guard was not injured.",
        "He could have been killed in the crash.",
        "She said she could easily have died.",
        "The rebels threatened to kill the hostages.",
        "The killer was sentenced to life in prison.",
        "The hostage swap freed two prisoners.",
    ],
)
def test_not_casualty_counts(text):
    cas = _run(text)
    assert [c for c in cas if c.category != "arrested" and c.count not in (None, 1)] == [], cas
    if "23-year-old" in text:
        assert [(c.category, c.count) for c in cas] == [("arrested", 1)]
    elif "arrested" not in text:
        assert cas == [], cas


def test_partitive_is_not_a_new_figure():
    text = "Four guards were killed in the attack. One of the guards was a cousin of the mayor."
    cas = _run(text)
    assert _pairs(cas) == [("killed", 4)]


def test_period_tally_is_not_an_incident_figure():
    cas = _run("Police said 45 people were killed in the city in July, the most in a decade.")
    assert cas == []


def test_shot_and_killed_is_one_death():
    cas = _run("A man was shot and killed outside the store on Sunday.")
    assert _pairs(cas) == [("killed", 1)]


def test_shot_one_fatally():
    cas = _run("Five people were shot, one fatally, at the party.")
    assert _pairs(cas) == [("injured", 4), ("killed", 1)]


def test_shot_victim_who_died_is_not_also_injured():
    cas = _run("A teenager was shot in the chest on Friday. He died at the hospital.")
    assert _pairs(cas) == [("killed", 1)]


def test_empty_text():
    assert _run("") == []


# ------------------------------------------------------------------ more forms


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The death toll from the earthquake climbed to 1,200 on Tuesday.", 1200),
        ("Officials put the death toll at 318 on Friday.", 318),
        ("The death toll stands at 15, the ministry said.", 15),
    ],
)
def test_death_toll(text, count):
    assert _pairs(_run(text)) == [("killed", count)]


def test_left_dead_and_others_wounded():
    cas = _run("The blast left one guard dead and three others wounded, officials said.")
    assert _pairs(cas) == [("injured", 3), ("killed", 1)]


def test_both_victims():
    cas = _run("Both were killed when the roof collapsed.")
    assert _pairs(cas) == [("killed", 2)]


def test_named_victim_counts_one():
    cas = _run("Maria Lopez, 34, was killed in the crash.")
    assert [(c.category, c.count, c.victims) for c in cas] == [("killed", 1, "Maria Lopez")]


def test_n_shot_then_deaths_in_later_sentence():
    cas = _run("Five men were shot near a bar on Friday night. One of them died in hospital.")
    assert _pairs(cas) == [("injured", 4), ("killed", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "The scandal hurt the senator with young voters.",
        "You would be shooting yourself in the foot.",
        "When the noise dies down, we will talk.",
        "Someone died?",
        "The 2004 tsunami, which killed 226,000 people, is still remembered.",
        "Jets shot flares at the planes.",
        "The rebels shot down a helicopter over the valley.",
        "There were 120 homicides in the city last year.",
        "Eleven people were shot in separate shootings across the city over the weekend.",
    ],
)
def test_figurative_or_historical_yield_nothing(text):
    assert _run(text) == []


def test_number_of_injured():
    cas = _run("Hospital sources put the number of injured at more than 60.")
    assert [(c.category, c.count, c.count_min, c.count_max) for c in cas] == [
        ("injured", 60, 60, None)
    ]
    assert cas[0].attribution == "Hospital sources"


def test_others_take_the_victims_of_the_figure_before():
    cas = _run("The bomber killed at least 23 people and wounded 45 others at a wedding.")
    assert sorted((c.category, c.count, c.victims) for c in cas) == [
        ("injured", 45, "people"),
        ("killed", 23, "people"),
    ]


def test_location_in_the_figures_clause_wins():
    text = "Doctors in Aleppo said that two children were killed in Idlib on Monday."
    cas = _run(text, {"Aleppo": "GPE", "Idlib": "GPE"})
    assert [c.location for c in cas] == ["Idlib"]


def test_reference_without_number_or_victims_is_dropped():
    cas = _run("Four miners were killed in the blast. A 23-year-old man was among those killed.")
    assert _pairs(cas) == [("killed", 4)]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("A woman was struck by a stray bullet while walking home.", [("injured", 1)]),
        ("Detectives are investigating the shooting of a 5-year-old boy.", [("injured", 1)]),
        ("Detectives are investigating the fatal shooting of a 5-year-old boy.", [("killed", 1)]),
        ("Two passengers did not survive the crash.", [("killed", 2)]),
        (
            "Four men were struck by bullets and a fifth was hit by debris.",
            [("injured", 1), ("injured", 4)],
        ),
        ("Everyone survived the crash.", []),
    ],
)
def test_more_injury_and_death_phrases(text, pairs):
    assert _pairs(_run(text)) == pairs


def test_definite_re_mention_is_merged():
    text = "A man was killed on Main Street on Sunday. The victim died at the scene, police said."
    cas = _run(text)
    assert _pairs(cas) == [("killed", 1)]
    assert len(cas[0].mentions) == 2


def test_named_victim_of_a_counted_group_is_merged():
    text = (
        "Three hikers were killed in the avalanche. John Smith, 40, was killed while guiding them."
    )
    cas = _run(text)
    assert _pairs(cas) == [("killed", 3)]


def test_two_named_victims_stay_apart():
    text = "Maria Lopez was killed on Friday. Ana Ruiz was killed on Saturday."
    assert _pairs(_run(text)) == [("killed", 1), ("killed", 1)]


def test_attacker_who_killed_himself_is_added_to_the_victim_not_merged_into_it():
    cas = _run("The gunman shot and killed his neighbor before fatally shooting himself.")
    assert _pairs(cas) == [("killed", 2)]


def test_others_do_not_inherit_a_name():
    cas = _run("The shooting left Anthony Ray dead and three others injured.")
    got = sorted((c.category, c.count, c.victims) for c in cas)
    assert got == [("injured", 3, None), ("killed", 1, "Anthony Ray")]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Five people were found shot in a stairwell.", [("injured", 5)]),
        ("Police said the three injured men were students.", [("injured", 3)]),
        ("Six others were injured, ranging in age from 17 to 27 years.", [("injured", 6)]),
        (
            "Detectives probe the fatal shooting of a man and the wounding of three women.",
            [("injured", 3), ("killed", 1)],
        ),
        ("She is charged in the shooting death of a neighbour.", [("killed", 1)]),
    ],
)
def test_found_shot_injured_men_wounding_and_ages(text, pairs):
    assert _pairs(_run(text)) == pairs


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ('"Three of our men were killed," the commander said.', "commander"),
        ("Two people were wounded, said police spokesman John Doe.", "John Doe"),  # the name, as quotes give it
        ("He said five people had died.", None),
        ("They said five people had died.", None),
    ],
)
def test_attribution_forms(text, attribution):
    cas = _run(text)
    assert [c.attribution for c in cas] == [attribution]


def test_pronoun_speaker_resolved_to_earlier_person():
    text = "Maria Lopez runs the clinic. She said four patients had died."
    cas = _run(text, {"Maria Lopez": "PERSON"})
    assert [c.attribution for c in cas] == ["Maria Lopez"]


def test_same_count_in_two_towns_is_two_figures():
    text = (
        "Two soldiers were killed in Mosul on Monday. Two soldiers were killed in Basra on Tuesday."
    )
    cas = _run(text, {"Mosul": "GPE", "Basra": "GPE"})
    assert sorted((c.count, c.location) for c in cas) == [(2, "Basra"), (2, "Mosul")]


# ------------------------------------------------------------------ headlines


def _run_titled(title: str, body: str):
    doc = get_nlp()(body)
    doc.user_data["title"] = title
    return extract_casualties(doc, [])


@pytest.mark.parametrize(
    ("title", "body", "pairs"),
    [
        # the body tells of the victims without a number: the headline's number stands
        (
            "4 teens shot outside Riverton skating rink",
            "Police say the teens who were shot had just left the rink.",
            [("injured", 4)],
        ),
        # Title Case is read in sentence case; a label before the colon is cut off
        (
            "UPDATE: Three People Shot At Millbrook Bar",
            "Officers were called to the bar shortly after midnight.",
            [("injured", 3)],
        ),
        # "N shot, M dead": the dead are among the shot
        (
            "5 shot, 2 dead at Eastport block party",
            "The party had drawn a large crowd on Saturday night.",
            [("injured", 3), ("killed", 2)],
        ),
        ("Gunman kills 3 in Lakeside standoff", "The standoff ended before dawn.", [("killed", 3)]),
        ("Two shot dead in Northgate", "Neighbors heard several bangs.", [("killed", 2)]),
        # "14 shot, one fatally": one of the fourteen died
        (
            "14 shot, one fatally, at Cedar festival",
            "The festival was cancelled.",
            [("injured", 13), ("killed", 1)],
        ),
    ],
)
def test_headline_figures_when_the_body_has_no_number(title, body, pairs):
    cas = _run_titled(title, body)
    assert _pairs(c for c in cas if c.count is not None) == pairs
    head = [c for c in cas if c.sentence != body]
    assert all((c.start, c.end, c.mentions) == (0, 0, []) for c in head)


def test_headline_number_smaller_than_the_body_adds_nothing():
    cas = _run_titled("2 wounded in Riverton shooting", "Three people were wounded on Friday.")
    assert _pairs(cas) == [("injured", 3)]


def test_headline_larger_than_one_victim_told_in_the_body():
    cas = _run_titled(
        "Six wounded in Millbrook nightclub shooting",
        "One man was wounded in the leg and taken to a hospital.",
    )
    assert max(c.count for c in cas if c.category == "injured") == 6


def test_headline_shot_count_less_the_dead_told_in_the_body():
    cas = _run_titled(
        "4 people shot on Elm Street", "One of the victims died at the hospital on Sunday."
    )
    assert ("injured", 3) in _pairs(cas)


@pytest.mark.parametrize(
    "title",
    [
        "Weekend shootings leave 9 wounded across Riverton",  # several incidents
        "Seven people shot in 48 hours in Eastport",  # a span of time
        "City roundup: 3 hurt in crash",
        "Man wounded in Nov. 2 Lakeside shooting dies",  # a date, not a count
        "Riverton man, 23, charged in 2015 shooting",  # an age and a year
    ],
)
def test_headline_without_an_incident_count(title):
    cas = _run_titled(title, "The investigation continues, police said.")
    assert [c for c in cas if c.count and c.count > 1] == [], cas


def test_headline_compound_counts():
    cas = _run_titled(
        "Police identify victims of Millbrook triple homicide", "Officers spoke on Monday."
    )
    assert _pairs(cas) == [("killed", 3)]
    cas = _run_titled(
        "Double shooting under investigation in Eastport", "Officers spoke on Monday."
    )
    assert _pairs(cas) == [("injured", 2)]
    cas = _run_titled(
        "Lakeside murder-suicide leaves neighbors stunned", "Officers spoke on Monday."
    )
    assert [(c.category, c.count, c.count_min, c.count_max) for c in cas] == [
        ("killed", 2, 2, None)
    ]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Detectives are investigating a triple homicide in Riverton.", [("killed", 3)]),
        ("Police responded to a double shooting on Elm Street.", [("injured", 2)]),
        ("Police responded to a fatal double shooting on Elm Street.", [("killed", 2)]),
        # the compound's count told again with its number is one figure
        ("The double homicide, which killed two brothers, shocked Millbrook.", [("killed", 2)]),
    ],
)
def test_compounds_in_the_body(text, pairs):
    assert _pairs(_run(text)) == pairs


def test_compound_shooting_count_less_the_dead():
    cas = _run("Police are investigating a quadruple shooting in Eastport. One man died on Sunday.")
    assert ("injured", 3) in _pairs(cas) and ("killed", 1) in _pairs(cas)


# ------------------------------------------------------------------ the attacker's own death


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The gunman killed three people and then himself in Riverton on Tuesday.", 4),
        ("A man shot and killed his wife and two daughters before killing himself.", 4),
        ("The man killed his neighbor, then turned the gun on himself.", 2),
        ("He fatally shot his brother and then took his own life.", 2),
        ("The shooter killed two coworkers before committing suicide.", 3),
        # the count already includes the attacker
        ("Four people died, including the gunman, who killed himself.", 4),
    ],
)
def test_attackers_own_death_is_counted_with_the_dead(text, count):
    cas = _run(text)
    assert max(c.count for c in cas if c.category == "killed") == count, cas


def test_attackers_death_alone_is_one_death():
    cas = _run("Police said the man turned the gun on himself in the parking lot.")
    assert _pairs(cas) == [("killed", 1)]


def test_attacker_told_in_a_clause_on_the_dead_is_not_added_again():
    cas = _run("Officers found two men dead, one of whom had shot himself.")
    assert max(c.count for c in cas if c.category == "killed") == 2


# ------------------------------------------------------------------ numbers that never count people


@pytest.mark.parametrize(
    "text",
    [
        "Police said 2015 killed in the county was a record.",  # a year
        "He was charged under section 2015 after the victim was wounded.",  # a statute
        "The man in case No. 4521 was wounded in the leg.",  # a case number
        "A man was shot in the 1500 block of Oak Avenue.",  # an address
        "A boy younger than 12 was shot in the arm.",  # an age
        "The 10 gunshot wounds he sustained are healing.",  # wounds, not people
        "He was shot 3 times in the leg.",  # shots, not people
    ],
)
def test_numbers_that_are_not_counts_of_people(text):
    cas = _run(text)
    assert all(c.count in (None, 1) for c in cas), cas


def test_ages_after_names_are_not_counts():
    cas = _run(
        "John Whitfield, 24 was shot in the chest, Li Chen, 26 was shot in the leg "
        "and Ana Ruiz, 22 was shot in both legs."
    )
    assert all(c.count in (None, 1, 3) for c in cas), cas


def test_a_date_before_a_count_is_not_a_name():
    cas = _run("On Sunday, four people were wounded in a drive-by shooting.")
    assert _pairs(cas) == [("injured", 4)]


def test_half_dozen():
    cas = _run("Police say a half-dozen people were shot overnight at the club.")
    assert _pairs(cas) == [("injured", 6)]


@pytest.mark.parametrize(
    "text",
    [
        "Police said a series of shootings in Riverton have left three people dead and eight wounded.",
        "Three incidents of gunfire left a teen dead and six others wounded.",
        "It was a violent weekend that left seven people dead in Millbrook.",
        "Eight other people were wounded across the city overnight.",
        "Nine people were shot citywide on Saturday.",
    ],
)
def test_roundups_are_not_incident_figures(text):
    assert [c for c in _run(text) if c.count and c.count > 1] == []


# ------------------------------------------------------------------ injuries told as the victim's state


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("The 4-year-old was listed in serious condition.", [("injured", 1)]),
        ("Ana Ruiz remains in serious but stable condition at a local hospital.", [("injured", 1)]),
        (
            "The gunmen killed the boy and left his brother in critical condition.",
            [("injured", 1), ("killed", 1)],
        ),
        ("A second victim is in critical condition.", [("injured", 1)]),
        ("The man is expected to survive.", [("injured", 1)]),
        ("The other victim was treated and released.", [("injured", 1)]),
        ("A fourth victim is still being treated at a hospital.", [("injured", 1)]),
        ("Two others were hospitalized with injuries.", [("injured", 2)]),
        ("A woman was grazed by a bullet.", [("injured", 1)]),
        ("The company is in good condition after the merger.", []),
    ],
)
def test_injured_told_as_a_condition_or_treatment(text, pairs):
    assert _pairs(_run(text)) == pairs


def test_condition_count_less_the_dead():
    text = (
        "The four victims were rushed to a hospital in critical condition. "
        "One of them died on Saturday."
    )
    assert _pairs(_run(text)) == [("injured", 3), ("killed", 1)]


def test_also_shot_is_someone_else_than_the_dead():
    text = "Three people were killed in the house. Her boyfriend was also shot and is expected to recover."
    assert ("injured", 1) in _pairs(_run(text))


def test_abbreviated_ages():
    cas = _run("Police said a 25 y/o man and a 14-yr-old were shot.")
    assert all(c.count in (None, 1, 2) for c in cas), cas


@pytest.mark.parametrize(
    "text",
    [
        "He showed us the holes from the bullets that nearly killed his father.",
        "Nothing will change until somebody gets killed, a neighbor said.",
        "The noise woke me from a dead sleep.",
    ],
)
def test_near_misses_hypotheticals_and_idioms_are_no_deaths(text):
    assert [c for c in _run(text) if c.category == "killed"] == []


@pytest.mark.parametrize(
    ("title", "pairs"),
    [
        ("Teen shot to death in Riverton apartment complex", [("killed", 1)]),
        ("Boy, 6, dies after accidental shooting in Millbrook", [("killed", 1)]),
        ("Baby girl accidentally shot, killed in Eastport home", [("killed", 1)]),
        ("Woman wounded in Lakeside drive-by", [("injured", 1)]),
        ("Teen in critical condition after Northgate shooting", [("injured", 1)]),
        ("Police investigate deadly shooting in Cedar Falls", [("killed", 1)]),
        ("Man charged in Riverton robbery", []),
    ],
)
def test_headline_about_one_person(title, pairs):
    cas = _run_titled(title, "Officers spoke to neighbors on Monday.")
    assert _pairs(cas) == pairs


def test_one_person_headline_drops_the_body_shot_of_the_same_person():
    cas = _run_titled(
        "Teen shot to death in Riverton", "Police say someone shot the teenager on Monday."
    )
    assert _pairs(cas) == [("killed", 1)]


@pytest.mark.parametrize(
    ("title", "pairs"),
    [
        ("10-year-old shot during family dispute at Riverton home", [("injured", 1)]),
        ("Teen charged with killing uncle in Millbrook", [("killed", 1)]),
        ("Man sentenced in girl's killing", [("killed", 1)]),
        ("Father charged in shooting death of 2-year-old girl", [("killed", 1)]),
        ("Police open investigation into Elm Street killing", [("killed", 1)]),
        ("Two charged with attempted murder in drive-by", []),
        ("3 dead, 1 critical in Eastport shooting", [("injured", 1), ("killed", 3)]),
        (
            "Child in critical condition after parents' murder-suicide",
            [("injured", 1), ("killed", 2)],
        ),
    ],
)
def test_more_headline_forms(title, pairs):
    cas = _run_titled(title, "Officers spoke to neighbors on Monday.")
    assert _pairs(cas) == pairs


# ------------------------------------------------------------------ victims listed one by one


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Maria Lopez, 55, Ana Ruiz, 29, and Tomas Novak, 8, were fatally shot in a house.", 3),
        (
            "Police charged him in the deaths of John Whitfield, 23, Li Chen, 32, and Grace Okafor, 31.",
            3,
        ),
        (
            "Officials say 34-year-old Maria Lopez, 19-year-old Tomas Novak and 12-year-old Li Chen were killed.",
            3,
        ),
        ("Maria Lopez, a teacher, was killed.", 1),
        ("On Monday, 2-year-old John Whitfield, Jr., was shot in the arm.", 1),
        ("Ana Ruiz was killed by her neighbor, Tomas Novak, who then killed himself.", 2),
    ],
)
def test_listed_names_are_added_up(text, count):
    cas = _run(text)
    assert max(c.count for c in cas if c.count) == count, cas


def test_a_named_victim_merged_into_a_group_does_not_name_the_group():
    text = "The death toll from the fire rose to 12 on Tuesday. Grace Okafor was pronounced dead at the scene."
    cas = [c for c in _run(text, {"Grace Okafor": "PERSON"}) if c.category == "killed"]
    assert [(c.count, c.victims) for c in cas] == [(12, None)]


def test_a_four_digit_count_of_people_is_not_a_year():
    cas = _run("Gunmen opened fire on a market in Kano on Thursday, killing 1850 people.")
    assert _pairs(cas) == [("killed", 1850)]
    assert _run("The 2015 killings shocked the town.") == []
