"""dateline: turn news articles into browsable static timelines."""

from pathlib import Path

# The one place the version is written: pyproject.toml reads it (dynamic version), and
# `dateline init` pins it in the workflow it writes. docs/releasing.md says how to bump it.
__version__ = "0.1.0"

# The project's homepage, as [project.urls] Homepage in pyproject.toml declares it (a test
# ties the two): the only link the built sites' footer and `dateline --help` show.
HOMEPAGE = "https://github.com/dateline-timeline/dateline"

# The templates a site's own templates/ overrides, shipped in the package.
DEFAULT_TEMPLATES = Path(__file__).parent / "templates"
