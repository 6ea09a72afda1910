"""The defence-industry recogniser: arms deals, purchases, deliveries, hand-overs, joint production.

Trigger words are `types.defence_industry` of `lexicons/triggers.json`; the paragraph must
name equipment, and market rankings, a body's remit or name, civil supplies and
invitations to visit a shipyard are no deal.
"""

from __future__ import annotations

from detente.extract.lexicon import LexiconPatterns
from detente.extract.recognise.event_mention import SentenceFacts
from detente.extract.recognise.status import status_of
from detente.extract.recognise.triggers import Hit, has_eventive, rules
from detente.extract.recognise.vetoes import body_remit, civil_only, market_statistics, named_body_before

_RULES = LexiconPatterns("recognise", "defence_industry")


def recognise_defence_industry(
    text: str, facts: SentenceFacts, hits: list[Hit], with_agreement: bool
) -> Hit | None:
    if with_agreement:
        return None  # the deal's content: "signed an agreement for the purchase of 26 jets"
    if not facts.paragraph_has(rules().equipment):  # the paragraph names equipment
        return None
    if market_statistics().search(text):
        return None  # "Ukraine was the world's largest importer of major arms": a ranking, no deal
    for hit in hits:
        if hit.reference or body_remit(text, hit):
            continue  # "the agency that oversees the country's arms exports": a remit, not a deal
        if civil_only(text[hit.start : hit.end + 60]):
            continue  # "will supply Nigerian farmers with tractors and agro-processing equipment"
        if not hit.strong and named_body_before(text, hit):
            continue  # "the commission on military-technical cooperation": a body's name, no deal
        if _RULES.site_visit.match(hit.text) and status_of("defence_industry", text, hit) == "proposed":
            continue  # "invited him to visit the naval shipyard": an invitation, a meeting proposed
        if hit.strong:
            return hit
        if not with_agreement and has_eventive(text):
            return hit
    return None


def equipment_deal(text: str, hit: Hit, facts: SentenceFacts) -> bool:
    """A signed instrument whose subject is buying, selling or supplying equipment, not cooperation.

    The real pages' guide: a purchase, sale, delivery, hand-over, gift or company contract is
    defence industry even when the text says "deal signed"; an accord between governments
    (cooperation, a framework, co-development) stays an agreement.
    """
    r = rules()
    if r.purchase_after.match(text, hit.end):  # "a framework agreement for the purchase of 1,000 tanks"
        return True
    if r.purchased_under.search(text[: hit.start]):  # "36 Rafale jets, acquired under a separate agreement"
        return True
    if r.cooperation_instrument.search(hit.text) or not r.deal_noun.search(hit.text):
        return False
    if r.contract_noun.search(hit.text):  # a contract in a story about equipment is a sale
        return facts.paragraph_has(r.equipment)
    return bool(r.purchase_content.search(text) or r.equipment.search(text, hit.start))
