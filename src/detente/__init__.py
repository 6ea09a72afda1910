"""detente: defence and security diplomacy events from news, sourced and queryable."""

__version__ = "0.1.0"
