"""Web: the FastAPI app that serves the UI (server-rendered) and the JSON API."""

from .app import create_app

__all__ = ["create_app"]
