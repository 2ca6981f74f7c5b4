"""Plain-text cleaner on articles written for these tests (tests/fixtures/clean/*.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.clean import clean, clean_text
from etl.models import SourceFile

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "clean"


def _doc(name: str, encoding: str = "utf-8"):
    return clean_text((FIX / name).read_bytes().decode(encoding))


@pytest.mark.parametrize(
    ("name", "title", "dateline", "agency", "first_words", "last_words"),
    [
        ("kabul_ap.txt", "Blast hits wedding hall in western Kabul, officials say",
         "KABUL, Afghanistan", "AP", "An explosion tore through", "the third in the capital this month."),
        ("london_reuters.txt", "Pound slips as traders weigh rate outlook", "LONDON", "Reuters",
         "Sterling fell against the dollar", "set the tone for the rest of the month."),
        ("washington_plain.txt", "Senate panel delays vote on water bill", "WASHINGTON", None,
         "A Senate committee on Wednesday", "drinking water plants across the country."),
        ("new_york_wire.txt", "Retailer shares jump after upbeat forecast", "NEW YORK", "Reuters",
         "Shares of a large clothing retailer", "had cut costs and cleared old stock."),
        ("gaza_afp.txt", "Storm knocks out power to thousands", "GAZA CITY, Gaza Strip", "AFP",
         "Heavy rain and strong winds", "would have power again by Monday."),
        ("no_dateline_crlf.txt", "Police investigate warehouse fire", None, None,
         "FIRE CHIEF Tom Grey said", "closed because of the smoke."),
    ],
)
def test_fixture_fields(name, title, dateline, agency, first_words, last_words):
    doc = _doc(name)
    assert doc.title == title
    assert doc.dateline == dateline
    assert doc.agency == agency
    assert doc.body.startswith(first_words)
    assert doc.body.endswith(last_words)
    assert "\n\n\n" not in doc.body
    assert all(p == p.strip() and p for p in doc.body.split("\n\n"))


def test_captions_byline_and_boilerplate_out_of_body():
    doc = _doc("kabul_ap.txt")
    assert doc.author == "Jane Doe and Omar Khan"
    assert doc.captions == [
        ("Rescue workers carry a stretcher outside the damaged hall on Saturday. "
        "(AP Photo/Staff Photographer)")
    ]
    for junk in ("AP Photo", "Advertisement", "Share this", "Facebook", "Twitter", "Related Posts",
                 "Two police officers killed", "Floods displace", "By Jane Doe"):
        assert junk not in doc.body
    assert doc.body.count("\n\n") == 3  # four paragraphs


def test_wire_credits_newsletter_and_link_block_removed():
    doc = _doc("london_reuters.txt")
    for junk in ("Reporting by", "Editing by", "newsletter", "You may also like",
                 "Stocks edge higher", "Oil steadies"):
        assert junk not in doc.body
    assert '"The market is starting to price in a pause,"' in doc.body


def test_previous_next_navigation_removed():
    doc = _doc("washington_plain.txt")
    for junk in ("Previous Article", "Next Article", "Governor signs budget", "bike lanes",
                 "Leave a Reply"):
        assert junk not in doc.body


def test_copyright_and_continue_lines_removed():
    assert "Copyright" not in _doc("gaza_afp.txt").body
    assert "STORY CONTINUES" not in _doc("no_dateline_crlf.txt").body


def test_dateline_on_its_own_line():
    doc = _doc("new_york_wire.txt")
    assert doc.dateline == "NEW YORK" and doc.agency == "Reuters"
    assert "(Reuters)" not in doc.body


def test_first_sentence_is_not_taken_for_a_headline_and_cp1252_repaired():
    doc = _doc("no_headline_cp1252.txt", encoding="latin-1")
    # no headline: the first sentence stands in as the title and stays in the body
    assert doc.title == "Looking for a new job?"
    assert doc.body.startswith("Looking for a new job? Try the harbour.")
    assert "“We need hands now,” said a spokesman." in doc.body


def test_clean_raises_when_nothing_is_left():
    src = SourceFile(path="x.txt", sha256="0", size=10, format="text", text="Advertisement\n\nShare\n")
    with pytest.raises(ValueError):
        clean(src)


def test_empty_and_single_line_inputs():
    assert clean_text("").body == ""
    doc = clean_text("Just one line of text without a headline.")
    assert doc.title == "Just one line of text without a headline."
    assert doc.body == "Just one line of text without a headline."
    assert clean_text("\n\n  \n").title is None  # no text line at all: no title


def test_html_saved_as_text_goes_through_the_html_cleaner():
    page = (FIX / "caption_div.html").read_text(encoding="utf-8")
    doc = clean(SourceFile(path="p.txt", sha256="0", size=len(page), format="text", text=page))
    assert doc.title == "Le conseil vote le budget"
    assert "<p>" not in doc.body


def test_more_text_furniture():
    text = (
        "Fire damages school gym\n\n"
        "by: Pat Lee Updated: Mar 4, 2019 - 9:12 AM\n\n"
        "A fire damaged the gym of a primary school overnight, the fire service said on Monday, "
        "and classes were moved to the town hall.\n\n"
        "1:39 Another story in the video playlist beside the article\n\n"
        "Nobody was hurt, the service said.\n\n"
        "pat.lee@example.com, (555) 123-4567\n\n"
        "Twitter @patlee\n"
    )
    doc = clean_text(text)
    assert doc.author == "Pat Lee"
    assert doc.body == (
        "A fire damaged the gym of a primary school overnight, the fire service said on Monday, "
        "and classes were moved to the town hall.\n\nNobody was hurt, the service said."
    )


def test_menus_stamp_mid_body_caption_and_comments():
    doc = _doc("menus_and_comments.txt")
    assert doc.title == "Hospital opens new children's wing"
    assert doc.captions == [
        "Nurses show visitors one of the new wards on Thursday. (Photo: John Smith/Example News)"
    ]
    assert doc.body.startswith("The city hospital opened a new wing for children on Thursday")
    assert doc.body.endswith("Work on a new emergency department is due to start next year.")
    for junk in ("Skip to content", "Home |", "Published:", "Most Read", "Mayor resigns",
                 "Comments", "Great news", "About time"):
        assert junk not in doc.body
    assert doc.body.count("\n\n") == 3
    assert doc.language == "en"


def test_publication_date_from_a_stamp_line():
    assert _doc("menus_and_comments.txt").published == "2024-03-05T10:15:00"
    doc = clean_text("Headline here\n\nPublished: Monday\n\nThe report was published: it said 2019 "
                     "was a bad year for the harvest, officials said on Friday.\n")
    assert doc.published is None


@pytest.mark.parametrize(
    ("text", "title", "first_words"),
    [
        ("NYPD: Man shot in Bronx dispute\n\nA man was shot on Monday, police said.\n\nHe is stable.",
         "NYPD: Man shot in Bronx dispute", "A man was shot on Monday"),
        ("PROSECUTORS: Teen charged in Riverton killing\n\nA teenager was charged on Friday.",
         "PROSECUTORS: Teen charged in Riverton killing", "A teenager was charged"),
        ("Police: Two hurt in Millbrook crash\n\nTwo people were hurt on the bypass.",
         "Police: Two hurt in Millbrook crash", "Two people were hurt"),
    ],
)
def test_a_label_before_a_colon_is_part_of_the_headline(text, title, first_words):
    doc = clean_text(text)
    assert doc.title == title
    assert doc.dateline is None
    assert doc.body.startswith(first_words)


def test_a_colon_dateline_before_running_text_stays_a_dateline():
    doc = clean_text(
        "Farm plan unveiled\n\nNEW DELHI: The government on Monday announced a new plan for "
        "farmers in the north of the country.\n\nMore details are due next week."
    )
    assert doc.title == "Farm plan unveiled"
    assert doc.dateline == "NEW DELHI"
    assert doc.body.startswith("The government on Monday")


def test_without_a_headline_the_first_sentence_is_the_title():
    doc = clean_text(
        "A man was shot on Monday in Riverton, police said. He died later.\n\n"
        "Police have no suspects.\n\nThe investigation continues."
    )
    assert doc.title == "A man was shot on Monday in Riverton, police said."
    assert doc.body.startswith("A man was shot on Monday in Riverton, police said. He died later.")


def test_a_long_first_sentence_is_cut_at_a_word():
    long = "The council " + "met again and talked about the budget " * 10 + "on Monday."
    doc = clean_text(long + "\n\nSecond paragraph here.\n\nThird one.")
    assert doc.title is not None and len(doc.title) <= 200
    assert long.startswith(doc.title)


def test_text_trailer_lines_are_removed():
    doc = clean_text(
        "Bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after two years of "
        "repairs, officials said.\n\nDrivers queued from early morning to cross it.\n\n"
        "(Jane Doe contributed reporting from the harbour.)\n\nShare this article on Facebook\n"
    )
    assert doc.body.endswith("Drivers queued from early morning to cross it.")
    assert "contributed" not in doc.body


def test_a_gallery_of_captions_is_the_body_when_nothing_else_is():
    text = (
        "Two hurt in Riverton crash\n\n"
        "Image 1 of 3 Firefighters work at the scene of a crash on Elm Street on Monday. Photo: Pat Lee\n\n"
        "Image 2 of 3 Two people were taken to a hospital after the crash. Photo: Pat Lee\n\n"
        "Image 3 of 3 The road was closed for two hours. Photo: Pat Lee\n"
    )
    doc = clean_text(text)
    assert doc.title == "Two hurt in Riverton crash"
    assert doc.body.count("\n\n") == 2 and "Two people were taken to a hospital" in doc.body


def test_text_with_a_few_tags_is_read_as_text():
    text = (
        "Council backs harbour plan\n\n<p>The council approved the harbour plan on Monday.</p>\n\n"
        "Members voted eight to three after a long debate, the clerk said.\n\n"
        "Work is due to start in the spring &amp; finish next year.\n"
    )
    doc = clean(SourceFile(path="x.txt", sha256="0", size=len(text), format="html", text=text))
    assert doc.title == "Council backs harbour plan"
    assert doc.body.startswith("The council approved the harbour plan on Monday.")
    assert "spring & finish" in doc.body and "<p>" not in doc.body


def test_markup_tags_left_in_a_text_dump_are_removed_words_kept():
    text = (
        "Harbour town votes on the ferry\n\n"
        "The council met on Monday to vote on the new ferry line across the bay.\n\n"
        'The mayor posted: <tweet id="1201" author="@harbourmayor">Ferry vote passes, 7 to 2</tweet>.\n\n'
        "Work on the pier starts in May, and a < b stays as written.\n"
    )
    doc = clean(SourceFile(path="t.txt", sha256="0", size=len(text), format="text", text=text))
    assert "The mayor posted: Ferry vote passes, 7 to 2." in doc.body
    assert "<" not in doc.body.replace("a < b", "")
