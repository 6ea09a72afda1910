"""The merge stage: mentions of one happening within an article become one event.

`duplicates.py` merges drafts of one happening (first among meetings, exercises and
training, before anchors are chosen; then all); `blocs.py` lets a multilateral
gathering's states join what is said of it; `instruments.py` splits one signing of
several instruments into one agreement each.
"""

from detente.extract.merge.blocs import share_bloc
from detente.extract.merge.duplicates import merge_duplicates
from detente.extract.merge.instruments import split_instruments

__all__ = ["merge_duplicates", "share_bloc", "split_instruments"]
