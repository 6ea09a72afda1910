"""The document's person table: who is named, with which office, rank and state.

News introduces a person once in full ("Tajikistan Defence Minister Colonel General
Sobirzoda Emomali Abdulrahim") and then refers back with a piece of the name, a
description ("the Tajik minister", "the COAS") or a pronoun. The table keeps one
entry per person with the fullest name, and a list of mentions (character spans)
so an event can ask "who is mentioned between these offsets?".
"""

from detente.extract.mentions.people.finder import PersonFinder
from detente.extract.mentions.people.references import bind_visitors
from detente.extract.mentions.people.table import Mention, Person, PersonTable, office_key

__all__ = ["Mention", "Person", "PersonFinder", "PersonTable", "bind_visitors", "office_key"]
