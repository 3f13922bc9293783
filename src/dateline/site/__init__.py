"""The site stage: what pages and files a timeline becomes (pure functions of Content)."""

from pathlib import Path

# The package's default templates and static assets; a site's own templates/ overrides them.
DEFAULT_TEMPLATES = Path(__file__).parent.parent / "templates"
