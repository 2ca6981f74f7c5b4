"""HTML cleaner on pages written for these tests (tests/fixtures/clean/*.html)."""

from __future__ import annotations

from pathlib import Path

from etl.clean import clean, clean_html
from etl.models import SourceFile

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "clean"


def _page(name: str) -> str:
    return (FIX / name).read_text(encoding="utf-8")


def test_metadata_from_page():
    doc = clean_html(_page("beirut_figure.html"))
    assert doc.title == "Port reopens after months of repairs"  # the H1, not "... | Example Daily"
    assert doc.site_name == "Example Daily"
    assert doc.language == "en"
    assert doc.published.startswith("2024-03-05")  # JSON-LD datePublished, not dateModified
    assert doc.url == "https://news.example.org/world/port-reopens"
    assert doc.author == "Sam Writer"


def test_dateline_captions_and_boilerplate():
    doc = clean_html(_page("beirut_figure.html"))
    assert (doc.dateline, doc.agency) == ("BEIRUT", "Reuters")
    assert doc.body.startswith("The city's main port reopened to container ships on Tuesday")
    assert doc.body.endswith("new scanners would be installed by the summer.")
    # Only the article's figure: the banner's figcaption is page chrome.
    assert doc.captions == ["Cranes unload containers at the port on Tuesday. Photo: Example Agency"]
    for junk in ("Cranes unload", "Share on", "Related:", "Ferry service", "newsletter",
                 "Most read", "Mayor resigns", "Copyright", "Latest stories about flour", "Home"):
        assert junk not in doc.body, junk
    # The link text of a person/topic pop-up stays in its sentence; the pop-up goes.
    assert "shortages of flour and fuel" in doc.body
    assert doc.body.count("\n\n") == 6


def test_caption_div_locale_and_meta_date():
    doc = clean_html(_page("caption_div.html"))
    assert doc.title == "Le conseil vote le budget"
    assert doc.language == "fr"
    assert doc.published == "2023-11-20"
    assert doc.dateline == "PARIS" and doc.agency is None
    assert doc.captions == ["Les élus réunis mardi soir à la mairie. (Photo Exemple)"]
    assert "Les élus réunis" not in doc.body
    assert doc.body.startswith("Le conseil municipal a adopté mardi soir le budget")
    assert doc.body.endswith("après l'avis de la commission des finances.")
    assert "Accueil" not in doc.body and "©" not in doc.body


def test_clean_dispatches_on_format_and_rejects_empty_pages():
    page = _page("caption_div.html")
    doc = clean(SourceFile(path="p.html", sha256="0", size=len(page), format="html", text=page))
    assert doc.title == "Le conseil vote le budget"
    empty = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    try:
        clean(SourceFile(path="e.html", sha256="0", size=len(empty), format="html", text=empty))
    except ValueError:
        pass
    else:
        raise AssertionError("an empty page must raise ValueError")


def test_odd_markup_does_not_crash():
    assert clean_html("").body == ""
    assert clean_html("<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>").body in ("", "x")
    assert clean_html("not html at all").body in ("", "not html at all")


def test_article_split_over_body_containers_and_language_from_text():
    doc = clean_html(_page("split_body.html"))
    assert doc.body.startswith("The central library will stay open until ten o'clock")
    assert "Librarians welcomed the plan" in doc.body
    assert doc.body.endswith("if the trial is a success, the department said.")
    assert "Advertisement" not in doc.body and "new phone" not in doc.body
    assert doc.body.count("\n\n") == 5
    # The template says "de"; the story is plainly English.
    assert doc.language == "en"


_S = ("The council met on Monday evening and voted to approve the new housing plan after a "
      "long debate about costs and schools in the area")


def test_byline_and_date_stamp_above_the_story():
    page = (
        "<html><head><title>Council backs housing plan - Town Times</title>"
        "<meta property='og:site_name' content='Town Times'></head><body><div id=main>"
        "<h1>Council backs housing plan</h1><p>By Alex Reporter</p>"
        "<p>Published 10:15 AM, Nov 20, 2019</p>"
        + "".join(f"<p>{_S}, item {i}.</p>" for i in range(5))
        + "</div></body></html>"
    )
    doc = clean_html(page)
    assert doc.title == "Council backs housing plan"
    assert doc.author == "Alex Reporter"
    assert doc.body.startswith("The council met on Monday evening")
    assert "Published" not in doc.body and "Alex Reporter" not in doc.body
    assert doc.body.count("\n\n") == 4


def test_br_separated_text_becomes_paragraphs():
    page = "<html><body><div class=content>" + "<br><br>".join(
        f"{_S}, item {i}." for i in range(5)) + "</div></body></html>"
    doc = clean_html(page)
    assert doc.body.count("\n\n") == 4
    assert doc.body.endswith("item 4.")


def test_standfirst_under_the_headline_dropped():
    page = (
        "<html><head><title>Council backs housing plan</title></head><body><article>"
        "<h1>Council backs housing plan</h1>"
        "<p>Members argued for hours over how to pay for new schools in the district</p>"
        + "".join(f"<p>{_S}, item {i}.</p>" for i in range(4))
        + "</article></body></html>"
    )
    doc = clean_html(page)
    assert doc.body.startswith("The council met on Monday evening")
    assert "Members argued" not in doc.body



def test_hidden_popups_and_screen_reader_text_go():
    page = (
        "<html><body><article><h1>Council backs housing plan</h1>"
        + "".join(f"<p>{_S}, item {i}.</p>" for i in range(3))
        + "<div style='display:none' class='menu-popup'><p>Log in</p><p>Register</p></div>"
        + f"<p>{_S}, with <span class='sr-only'>opens in a new window</span>a link.</p>"
        + "</article></body></html>"
    )
    doc = clean_html(page)
    assert "Log in" not in doc.body and "Register" not in doc.body
    assert "new window" not in doc.body
    assert doc.body.endswith("with a link.")


def test_credit_lines_in_the_body_become_captions():
    page = (
        "<html><body><article><h1>Council backs housing plan</h1>"
        + "".join(f"<p>{_S}, item {i}.</p>" for i in range(3))
        + "<p>Council members vote on the plan in the town hall. (AP Photo/Jane Doe)</p>"
        + "".join(f"<p>{_S}, more {i}.</p>" for i in range(2))
        + "</article></body></html>"
    )
    doc = clean_html(page)
    assert "AP Photo" not in doc.body
    assert doc.captions == ["Council members vote on the plan in the town hall. (AP Photo/Jane Doe)"]
    assert doc.body.count("\n\n") == 4


def test_dateline_in_its_own_element():
    page = (
        "<html><body><article><h1>Council backs housing plan</h1>"
        "<p>KABUL, Afghanistan (AP) —</p>"
        + "".join(f"<p>{_S}, item {i}.</p>" for i in range(4))
        + "</article></body></html>"
    )
    doc = clean_html(page)
    assert (doc.dateline, doc.agency) == ("KABUL, Afghanistan", "AP")
    assert doc.body.startswith("The council met")


def test_caption_controls_and_counters_are_not_caption_text():
    page = (
        "<html><body><article><h1>Council backs housing plan</h1>"
        "<div class='caption'>Image caption: Members vote in the town hall. <b class='credit'>Jo Lee/Example</b>"
        " <b class='hide-caption'>hide caption</b> <b class='toggle-caption'>toggle caption</b></div>"
        "<span class='slide-caption'>Image 1 of 5</span>"
        + "".join(f"<p>{_S}, item {i}.</p>" for i in range(4))
        + "</article></body></html>"
    )
    doc = clean_html(page)
    assert doc.captions == ["Members vote in the town hall. Jo Lee/Example"]


def test_paragraphs_are_not_cut_at_a_comment_or_an_inline_link():
    doc = clean_html(_page("inline_links_comments.html"))
    assert "on Monday after two years of repairs that cost the city more than it had planned" in doc.body
    assert "cross the bridge, which carries about forty thousand cars a day" in doc.body


def test_contributor_lines_share_and_comment_prompts_are_removed():
    doc = clean_html(_page("inline_links_comments.html"))
    assert doc.body.endswith("a new footpath will open next month.")
    for junk in ("contributed to this report", "Share this story", "Tell us in the comments", "More:"):
        assert junk not in doc.body, junk
    assert doc.body.count("\n\n") == 3  # four paragraphs


def test_the_on_page_headline_wins_over_a_different_title_tag():
    doc = clean_html(_page("inline_links_comments.html"))
    assert doc.title == "Harbour bridge reopens after two years of repairs"


def test_a_paragraph_precision_mode_drops_comes_back_from_the_page(monkeypatch):
    """One extraction per page: a short paragraph between two kept ones is restored from the
    page's own <p> blocks, not from a second trafilatura run."""
    import etl.clean.html as H

    calls = []
    real = H._extract

    def counting(source, url, **kw):
        calls.append(kw.get("favor_precision", False))
        return real(source, url, **kw)

    monkeypatch.setattr(H, "_extract", counting)
    doc = clean_html(_page("inline_links_comments.html"))
    assert calls == [True]  # a single, precision-mode extraction
    assert "The council said tolls would stay" in doc.body


def test_short_precise_reading_falls_back_to_the_longer_one_without_truth_testing_elements():
    """A page whose visible body is one sentence and whose JSON-LD carries the article: the
    precise reading is short, the default one (trafilatura's rescue) is kept with its body;
    the metadata of the precise reading stays. This path used to truth-test trafilatura's body
    element (lxml FutureWarning), which the test settings turn into an error."""
    import json

    body = " ".join(f"The harbour board met on day {i} to weigh the new ferry timetable for the isles."
                    for i in range(8))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Ferry timetable changes", "articleBody": body})
    page = (f'<html><head><title>Ferry timetable changes</title><script type="application/ld+json">{ld}'
            "</script></head><body><article><h1>Ferry timetable changes</h1>"
            "<p>The harbour board met to weigh the ferry timetable.</p></article></body></html>")
    doc = clean_html(page)
    assert doc.title == "Ferry timetable changes"
    assert doc.body.startswith("The harbour board met on day 0 to weigh")
    assert "on day 7" in doc.body
