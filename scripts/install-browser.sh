#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright; Playwright's own browser
# download (`playwright install`) cannot work on our machines, so the system package is
# the browser. Idempotent: does nothing when a working chromium is already there.
#
# Without chromium the browser tests skip locally, but fail under CI=true; so here too a
# failed install is an error under CI and only a warning on a developer's machine.
set -euo pipefail

say() { echo "install-browser: $*" >&2; }
in_ci() { case "${CI:-}" in true|TRUE|True|1|yes) return 0 ;; *) return 1 ;; esac; }
give_up() {
  say "$*"
  if in_ci; then exit 1; fi
  say "browser tests will be skipped"
  exit 0
}

find_chromium() {
  if [ -n "${DATELINE_CHROMIUM:-}" ] && [ -x "${DATELINE_CHROMIUM}" ]; then
    echo "${DATELINE_CHROMIUM}"; return 0
  fi
  command -v chromium || command -v chromium-browser || return 1
}

# A browser that is installed but cannot start (missing libraries, no fonts) is as good as
# none: check with a headless run of an empty page.
works() {
  timeout 60 "$1" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --dump-dom about:blank >/dev/null 2>&1
}

if browser="$(find_chromium)" && works "$browser"; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  give_up "chromium is missing; run as root or: sudo apt-get install chromium fonts-dejavu-core"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  give_up "chromium is missing and this is not a Debian-like system (no apt-get); install chromium and set DATELINE_CHROMIUM to its path"
fi

export DEBIAN_FRONTEND=noninteractive
say "installing chromium from the Debian archive"
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if browser="$(find_chromium)" && works "$browser"; then
  say "ok: $browser"
  exit 0
fi
give_up "chromium was installed but does not start headless"
