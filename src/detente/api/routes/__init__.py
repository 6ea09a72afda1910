"""Endpoint groups, each an APIRouter mounted under /api by the app factory."""
