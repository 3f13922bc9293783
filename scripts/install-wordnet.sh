#!/usr/bin/env bash
# Story merging reads Princeton WordNet 3.0 from Debian's wordnet-base (the database files
# in /usr/share/wordnet; store/lexicon.py reads them directly). PyPI has no package that
# ships the data: `wn` and NLTK download it at run time, which cannot work on our machines.
# Idempotent: does nothing when the database is already there (or DATELINE_WORDNET points
# at one).
#
# Without WordNet, `dateline extract` still merges, on its own word lists, and says so; the
# tests that need the real database skip locally, but under CI=true a failed install is an
# error, so CI always measures what users with the package get.
set -euo pipefail

say() { echo "install-wordnet: $*" >&2; }
in_ci() { case "${CI:-}" in true|TRUE|True|1|yes) return 0 ;; *) return 1 ;; esac; }
give_up() {
  say "$*"
  if in_ci; then exit 1; fi
  say "story merging will use dateline's own word lists only"
  exit 0
}

present() {
  local dir
  for dir in "${DATELINE_WORDNET:-}" /usr/share/wordnet; do
    [ -n "$dir" ] && [ -f "$dir/index.verb" ] && [ -f "$dir/data.noun" ] && return 0
  done
  return 1
}

if present; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  give_up "WordNet is missing; run as root or: sudo apt-get install wordnet-base"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  give_up "WordNet is missing and this is not a Debian-like system (no apt-get); install WordNet 3.0 and set DATELINE_WORDNET to its dict folder"
fi

export DEBIAN_FRONTEND=noninteractive
say "installing wordnet-base from the Debian archive"
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends wordnet-base >/dev/null

if present; then
  say "ok: /usr/share/wordnet"
  exit 0
fi
give_up "wordnet-base was installed but /usr/share/wordnet has no database"
