"""Renderers: a domain document in, bytes or files out. No Qt."""
