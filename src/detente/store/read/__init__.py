"""Read-only SQL behind the query layer; functions return plain dicts keyed like the query rows."""
