"""Page chrome removal on fixture articles shaped like other outlets' pages."""

from __future__ import annotations

from datetime import date

import pytest

from detente.ingest.chrome import strip_chrome

WIRE_STORY = """\
world
Monday 4 March 2024
By
AFP

Kazakhstan and Mongolia sign military education protocol

By
AFP

Defence ministers Ruslan Zhaksylykov and Gursed Saikhanbayar sign the protocol in Astana. — AFP
Defence ministers Ruslan Zhaksylykov and Gursed Saikhanbayar sign the protocol in Astana. — AFP

The defence ministers of Kazakhstan and Mongolia signed a protocol on military education in Astana on Monday.

Under the protocol, Mongolian officers will study at the National Defence University, the ministry said.

Also read: Mongolia opens new peacekeeping training centre

Training programmes

The two ministers also agreed to hold a joint peacekeeping exercise, Steppe Eagle, later this year.

Photo: Ministry of Defence of Kazakhstan

Follow The Steppe Courier on Telegram, Facebook and X for the latest news.

Related Stories

Russian and Chinese navies hold joint patrol in Pacific
Russian and Chinese navies hold joint patrol in Pacific
Uzbekistan buys transport aircraft from Airbus
"""


def test_wire_story_loses_header_captions_credits_and_related_links() -> None:
    cleaned = strip_chrome(WIRE_STORY)
    text = cleaned.text
    assert text.startswith("The defence ministers of Kazakhstan and Mongolia signed")
    assert "Training programmes" in text  # a section heading inside the body stays
    assert "Steppe Eagle" in text
    for chrome in ("navies hold joint patrol", "Airbus", "Related Stories", "Follow The Steppe", "Photo:"):
        assert chrome not in text
    assert "Also read" not in text and "peacekeeping training centre" not in text
    assert "sign the protocol in Astana. — AFP" not in text  # the doubled caption
    assert cleaned.facts.title == "Kazakhstan and Mongolia sign military education protocol"
    assert cleaned.facts.published == date(2024, 3, 4)
    assert cleaned.facts.source_name == "AFP"


def test_blog_page_with_site_header_author_and_published_footer() -> None:
    page = """\
IISS - International Institute for Strategic Studies

nordic air forces plan joint exercise
Nordic Air Forces Plan Joint Exercise
Author: Jane Doe
15 January 2025
Image credit: NATO

The air forces of Norway, Sweden and Finland will hold a joint exercise over Lapland in March, their \
commanders announced after a meeting in Oslo.

The exercise follows the signing of a cross-border training agreement last year.
Originally published in The Arctic Observer, 16 January 2025
Share this article on Facebook, LinkedIn or by email
"""
    cleaned = strip_chrome(page)
    assert cleaned.text.startswith("The air forces of Norway")
    assert cleaned.text.endswith("training agreement last year.")
    assert cleaned.facts.title == "Nordic Air Forces Plan Joint Exercise"
    assert cleaned.facts.published == date(2025, 1, 15)  # the header's date comes first
    assert cleaned.facts.source_name == "International Institute for Strategic Studies"


def test_published_in_footer_gives_date_and_outlet_when_no_header() -> None:
    page = (
        "The navies of Oman and India began a five-day exercise off Muscat on Sunday, officials said.\n"
        "It is the twelfth edition of the bilateral drill, first held on 10 March 2021.\n"
        "Published in Gulf Defence Review, March 3rd, 2024\n"
    )
    cleaned = strip_chrome(page)
    assert cleaned.facts.published == date(2024, 3, 3)
    assert cleaned.facts.source_name == "Gulf Defence Review"
    assert "Published in" not in cleaned.text
    assert "10 March 2021" in cleaned.text  # a date inside the body is never the publication date


def test_body_dates_are_not_publication_dates() -> None:
    page = "On March 30, 2021 the foreign ministers met in Dushanbe to discuss border security.\n"
    assert strip_chrome(page).facts.published is None


def test_scraped_date_marker_is_removed_and_read() -> None:
    cleaned = strip_chrome(" date 2024-06-01 Armenia and France signed a defence agreement in Paris.")
    assert cleaned.facts.published == date(2024, 6, 1)
    assert cleaned.text == "Armenia and France signed a defence agreement in Paris."


@pytest.mark.parametrize(
    ("opening", "published", "agency"),
    [
        ("ANKARA, May 5, 2024 (Anadolu) - Turkey and Azerbaijan began", date(2024, 5, 5), "Anadolu"),
        ("BEIJING, March 5 (Xinhua) -- China and Pakistan began", None, "Xinhua"),
        ("MOSCOW, March 5. /TASS/. Russia and India began", None, "TASS"),
        ("WASHINGTON (AP) — The United States and Poland began", None, "AP"),
        ("ISLAMABAD: Pakistan and Turkey began", None, None),
        ("RAWALPINDI, Nov 13, 2025: Pakistan and Tajikistan began", date(2025, 11, 13), None),
    ],
)
def test_dateline_opening_gives_date_and_agency(
    opening: str, published: date | None, agency: str | None
) -> None:
    cleaned = strip_chrome(f"{opening} joint military drills near the border on Sunday.\n")
    assert (cleaned.facts.published, cleaned.facts.source_name) == (published, agency)
    assert cleaned.text.startswith(opening)  # the dateline stays: it also names the place


def test_a_date_later_in_the_first_sentence_is_no_dateline_but_dates_an_undated_page() -> None:
    page = "PESHAWAR: The corps commander said on May 5, 2024 (local time) that drills would begin.\n"
    facts = strip_chrome(page).facts
    assert (facts.published, facts.published_source) == (date(2024, 5, 5), "inferred")


def test_a_told_date_never_overrides_a_stated_one() -> None:
    page = "Published: 7 May 2024\n\nThe corps commander said on May 5, 2024 that drills would begin.\n"
    facts = strip_chrome(page).facts
    assert (facts.published, facts.published_source) == (date(2024, 5, 7), "explicit")


def test_related_heading_early_in_article_does_not_cut_the_body() -> None:
    first = "Georgia and the United States opened a joint training centre near Tbilisi on Friday."
    rest = "\n".join(f"Paragraph {n} of the report describes the training programme." for n in range(8))
    cleaned = strip_chrome(f"{first}\nRelated\n{rest}\n")
    assert "Paragraph 7" in cleaned.text


def test_person_byline_is_not_an_outlet() -> None:
    page = (
        "Army chiefs meet in Baku\nBy John Smith\n\n"
        "The army chiefs of Azerbaijan and Pakistan met in Baku today.\n"
    )
    cleaned = strip_chrome(page)
    assert cleaned.facts.source_name is None
    assert cleaned.facts.title == "Army chiefs meet in Baku"
    assert "John Smith" not in cleaned.text


def test_teaser_link_list_and_blog_navigation_are_dropped() -> None:
    teasers = "\n".join(f"Headline number {n} about something else entirely…" for n in range(5))
    body = "The defence ministers of Serbia and Hungary agreed on joint air policing, officials said. " * 6
    page = f"{teasers}\n{body}Prev Post Some older story Next Post A newer story"
    cleaned = strip_chrome(page)
    assert "Headline number" not in cleaned.text
    assert "Prev Post" not in cleaned.text
    assert cleaned.text.endswith("officials said.")


def test_known_title_is_only_removed_where_it_repeats() -> None:
    page = "Exercise Sea Breeze ends\nKey findings\nThe exercise ended in Odesa after two weeks of drills.\n"
    cleaned = strip_chrome(page, title="Exercise Sea Breeze ends")
    assert cleaned.text.startswith("Key findings")
    assert cleaned.facts.title == "Exercise Sea Breeze ends"


def test_bullets_are_kept() -> None:
    page = (
        "• Pakistan and Turkey will co-produce corvettes, says minister.\n"
        "• Both sides discussed counter-terrorism cooperation in detail.\n"
        "The defence ministers met in Ankara on Monday to sign the agreement.\n"
    )
    assert strip_chrome(page).text.count("•") == 2


def test_markdown_heading_is_the_title() -> None:
    page = (
        "# Baltic states sign air defence pact\n\nEstonia, Latvia and Lithuania signed an air defence pact.\n"
    )
    cleaned = strip_chrome(page)
    assert cleaned.facts.title == "Baltic states sign air defence pact"
    assert cleaned.text == "Estonia, Latvia and Lithuania signed an air defence pact."


def test_byline_and_date_on_one_line() -> None:
    page = (
        "Kyrgyz and Uzbek border guards hold talks\n"
        "By Kabar | Updated: November 5, 2024 at 10:30 am\n"
        "Border guards of Kyrgyzstan and Uzbekistan met in Osh to discuss joint patrols on Tuesday.\n"
    )
    cleaned = strip_chrome(page)
    assert cleaned.facts.source_name == "Kabar"
    assert cleaned.facts.published == date(2024, 11, 5)
    assert cleaned.text.startswith("Border guards")


def test_masthead_menu_and_place_dateline() -> None:
    page = (
        "Caspian Evening Post\n\n"
        "Home | Security | Energy | About us\n\n"
        "Kazakhstan and Turkmenistan hold naval talks\n\n"
        "By Aigerim Sadykova\n\n"
        "Aktau, 3 June 2025\n\n"
        "The naval commanders of Kazakhstan and Turkmenistan met in Aktau on Tuesday to discuss rescue.\n"
    )
    cleaned = strip_chrome(page)
    assert cleaned.facts.source_name == "Caspian Evening Post"
    assert cleaned.facts.title == "Kazakhstan and Turkmenistan hold naval talks"
    assert cleaned.facts.published == date(2025, 6, 3)
    assert cleaned.text.startswith("The naval commanders")


def test_all_capital_masthead_and_numeric_date() -> None:
    page = "STEPPE EVENING HERALD\nPolitics | Region | Economy\n\nArmies agree on hotline\n"
    page += "\n03.06.2025, 09:40\n\n"
    page += "The army chiefs of Kyrgyzstan and Tajikistan agreed on Monday to open a military hotline.\n"
    cleaned = strip_chrome(page)
    assert (cleaned.facts.source_name, cleaned.facts.published) == ("STEPPE EVENING HERALD", date(2025, 6, 3))


def test_repeated_paragraph_keeps_one_copy_and_repeated_caption_none() -> None:
    paragraph = "The two ministers agreed to hold staff talks every year, alternating between their capitals."
    caption = "The ministers shake hands in Tbilisi. — Reuters"
    page = f"{caption}\n{caption}\n\n{paragraph}\n\n{paragraph}\n\nNext: Tbilisi hosts a wine festival\n"
    cleaned = strip_chrome(page)
    assert cleaned.text == paragraph


def test_place_line_opening_the_body_stays() -> None:
    page = "Army chiefs meet\n\nISLAMABAD:\nThe army chiefs of Pakistan and Turkey met on Monday for talks.\n"
    cleaned = strip_chrome(page)
    assert cleaned.text.startswith("ISLAMABAD:\nThe army chiefs")
