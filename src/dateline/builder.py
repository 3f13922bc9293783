"""The old name of the build recipe, kept only because tests/test_extract.py (owned with the
extract side) imports it to check that a build never loads spaCy; use dateline.build.recipe.
Remove it once that test imports dateline.build.recipe instead."""

from dateline.build.recipe import BuildResult, build_site

__all__ = ["BuildResult", "build_site"]
