# Pelican anchor for bench/build_bench.py, as in shared/bench/perf-baselines.md: default theme,
# no pagination, default feeds, both content-cache settings off. PATH/OUTPUT come from the CLI.
AUTHOR = "Bench"
SITENAME = "Synthetic benchmark timeline"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = False
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
