"""The build stage: the recipe (recipe.py), what is remembered between builds (cache.py), the
parallel workers (workers.py) and the all-or-nothing write (write.py).

The only part of the site side that touches site/ and .dateline-cache/.
"""
