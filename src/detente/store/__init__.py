"""SQLite storage: articles and mentions in, resolved events out.

All SQL lives in this package (the write side here, the analyst reads in
`detente.store.read`) so another backend can be added behind the same calls.
"""

from detente.store.store import ResolutionInput, Store, open_store

__all__ = ["ResolutionInput", "Store", "open_store"]
