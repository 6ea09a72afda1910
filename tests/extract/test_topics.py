"""Topic cues map event text onto the contract's topic list."""

from __future__ import annotations

import pytest

from detente.extract.records.topics import topics_for
from detente.models import TOPICS


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("They discussed terrorism in the region.", "counter_terrorism"),
        ("Both stressed counter-terrorism efforts.", "counter_terrorism"),
        ("Both stressed counterterrorism efforts.", "counter_terrorism"),
        ("They vowed to fight extremism.", "counter_terrorism"),
        ("They face militant spillovers.", "counter_terrorism"),
        ("The drill rehearsed hostage rescue.", "counter_terrorism"),
        ("The chiefs agreed on intelligence sharing.", "intelligence_sharing"),
        ("They agreed on the exchange of information.", "intelligence_sharing"),
        ("They offered joint training.", "training"),
        ("Plans for specialised workshops surfaced.", "training"),
        ("Officers will attend courses in Lahore.", "training"),
        ("Agreements pave the way for personnel exchanges.", "training"),
        ("Help with capacity building was promised.", "training"),
        ("Simulations were tailored to border terrains.", "border_security"),
        ("They aim to neutralise cross-border incursions.", "border_security"),
        ("Threats include drug trafficking across the region.", "drug_trafficking"),
        ("They seized narcotics.", "drug_trafficking"),
        ("They discussed defence production.", "defence_production"),
        ("They discussed defense production.", "defence_production"),
        ("Military-technical accords target equipment standardisation.", "defence_production"),
        ("He toured military industrial sites.", "defence_production"),
        ("The accord covers joint R&D.", "defence_production"),
        ("Pakistan offered expertise in cyber defence.", "cyber"),
        ("They plan a cybersecurity dialogue.", "cyber"),
        ("Pakistan offered expertise in drone surveillance.", "surveillance_drones"),
        ("The deal covers UAVs.", "surveillance_drones"),
        ("The meeting focused on regional security challenges.", "regional_security"),
        ("They emphasized peace and stability.", "regional_security"),
        ("They reviewed evolving security dynamics.", "regional_security"),
        ("Both are neighbours of Afghanistan.", "afghanistan"),
        ("They discussed the Taliban.", "afghanistan"),
        ("Afghan refugees were discussed.", "afghanistan"),
        ("Officer training at the National Defence University was agreed.", "military_education"),
        ("Cadets will study at the military academy.", "military_education"),
        ("They praised peacekeeping contributions.", "peacekeeping"),
        ("Both serve in UN missions.", "peacekeeping"),
        ("The navies held talks on maritime security.", "maritime"),
        ("A naval delegation arrived.", "maritime"),
        ("They discussed disaster relief.", "disaster_relief"),
        ("Troops helped after the earthquake.", "disaster_relief"),
        ("They reviewed humanitarian assistance.", "disaster_relief"),
        ("MoUs targeted infrastructure and connectivity.", "connectivity"),
        ("The Istiqlol Tunnel was cited.", "connectivity"),
        ("The economic corridor was extended.", "connectivity"),
        ("A rail link and a new highway were discussed.", "connectivity"),
        ("They discussed the fight against al-Shabaab.", "counter_terrorism"),
        ("Both condemned attacks by the TTP.", "counter_terrorism"),
        ("A protocol on sharing data about violators was signed.", "intelligence_sharing"),
        ("Ankara will train Azerbaijani engineers.", "training"),
        ("Drills will practise responses to smuggling.", "drug_trafficking"),
        ("They signed a contract for 180 main battle tanks.", "defence_production"),
        ("The deal covers the purchase of fighter jets.", "defence_production"),
        ("Britain will fund the production of long-range drones.", "defence_production"),
        ("The plant will produce 100 tanks a year.", "defence_production"),
        ("Tokyo will provide coastal radar systems.", "surveillance_drones"),
        ("Defence ministers of the SCO met in Qingdao.", "regional_security"),
        ("ASEAN defence ministers gathered in Langkawi.", "regional_security"),
        ("They proposed a joint course for young officers.", "military_education"),
        ("Kenya will keep troops in the African Union Support and Stabilisation Mission.", "peacekeeping"),
        ("Spare parts for patrol vessels were delivered.", "maritime"),
        ("The jets will fly from the aircraft carrier.", "maritime"),
    ],
)
def test_each_topic_has_cues(text: str, topic: str) -> None:
    assert topic in topics_for(text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister met his counterpart in the capital.",
        "Of course the delegation was welcomed warmly.",
        "A working group convenes next month to roadmap exercises.",
        "They discussed a road map for ties.",
        "The delegation crossed the Arabian Sea.",
    ],
)
def test_plain_diplomatic_text_has_no_topic(text: str) -> None:
    assert topics_for(text) == []


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("The final was played at Lansdowne Road.", "connectivity"),
        ("They discussed a road map for ties.", "connectivity"),
        ("The delegation crossed the Arabian Sea.", "maritime"),
        ("Research on trade continued.", "maritime"),
        ("Of course the delegation was welcomed warmly.", "training"),
        ("Talks on industrial parks and trade.", "defence_production"),
        ("Islamic culture produced notable poets.", "defence_production"),
        ("They took the train to Lahore.", "training"),
        ("He was on course to break the record.", "training"),
        ("In the course of the talks, both smiled.", "training"),
        ("The sco river flows north.", "regional_security"),
        ("A UN General Assembly vote followed.", "defence_production"),
    ],
)
def test_cues_do_not_fire_on_lookalikes(text: str, not_expected: str) -> None:
    assert not_expected not in topics_for(text)


def test_output_follows_the_contract_order_without_duplicates() -> None:
    text = (
        "Both leaders committed to expanding military ties through joint training and counter-terrorism "
        "efforts, intelligence sharing, border security, drone surveillance and cyber defence; terrorism "
        "and training came up again."
    )
    assert topics_for(text) == [
        "counter_terrorism",
        "intelligence_sharing",
        "training",
        "border_security",
        "cyber",
        "surveillance_drones",
    ]


def test_every_output_is_a_contract_topic() -> None:
    text = " ".join(
        [
            "terrorism intelligence training border narcotics defence production cyber drones",
            "regional security Afghanistan cadets peacekeeping naval earthquake corridor",
        ]
    )
    assert topics_for(text) == list(TOPICS)


def test_matching_ignores_case() -> None:
    assert topics_for("COUNTER-TERRORISM AND INTELLIGENCE") == ["counter_terrorism", "intelligence_sharing"]


def test_bad_input_is_named() -> None:
    with pytest.raises(TypeError, match="text"):
        topics_for(None)  # type: ignore[arg-type]
