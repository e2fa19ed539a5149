#!/usr/bin/env bash
# Runs every test of Champion Portal. Installs what the tests need where it is missing (PostgreSQL server
# binaries, Chromium and poppler's pdftoppm on Debian/Ubuntu, as root or through sudo), builds, runs the tests, and ends with the line
# "N passed, N failed, N skipped" computed from the test results (TRX files in artifacts/test-results).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

apt_updated=0
install_debian_packages() {
  if ! command -v apt-get >/dev/null 2>&1; then return 1; fi
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq || return 1; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || return 1
}

have_postgres_server() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || { command -v initdb >/dev/null && command -v pg_ctl >/dev/null; } \
    || { [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; }
}

if ! have_postgres_server; then
  echo "PostgreSQL server binaries are missing: installing the Debian package 'postgresql'..."
  if ! install_debian_packages postgresql; then
    echo "Could not install PostgreSQL. Install the PostgreSQL 15+ server binaries (initdb, pg_ctl)," >&2
    echo "e.g. 'sudo apt-get install postgresql', or set PG_BIN to the folder that holds them." >&2
    exit 1
  fi
fi

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium_path" ]; then
  echo "Chromium is missing (the browser tests drive it through Playwright): installing the Debian package 'chromium'..."
  if ! install_debian_packages chromium; then
    echo "Could not install Chromium. Install it (e.g. 'sudo apt-get install chromium') or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "pdftoppm is missing (tests turn rendered certificates into PNGs to look at): installing the Debian package 'poppler-utils'..."
  if ! install_debian_packages poppler-utils; then
    echo "Could not install pdftoppm. Install poppler-utils (e.g. 'sudo apt-get install poppler-utils')." >&2
    exit 1
  fi
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build ChampionPortal.sln -c Debug -nologo -clp:ErrorsOnly

# One test project after the other: on a two-core machine, the browser journeys and the server tests side by side
# compete for the processor and make timeouts, not bugs.
test_exit=0
for project in tests/ChampionPortal.Tests tests/ChampionPortal.BrowserTests; do
  set +e
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
  status=$?
  set -e
  [ "$status" = 0 ] || test_exit=$status
done

passed=0; failed=0; skipped=0; found=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(value total); executed=$(value executed)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + total - executed))
done

if [ "$found" = 0 ]; then
  echo "No test results were written; the test run failed before any test ran." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Lighthouse's audit of the first view of the home and champions pages: reported, never asserted (issue 25's target is
# a performance score of 90 or more; docs/performance.md keeps the figures). Not running it does not fail the tests.
echo "Lighthouse, first view on a simulated slow phone:"
timeout 900 bench/lighthouse/run || echo "Lighthouse did not run to the end (see above); the tests' result stands."

# CI shows only the end of the output: repeat each failed test's name, message and first stack frames here.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    awk '
      function unescape(text) {
        gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&quot;/, "\"", text); gsub(/&#xD;/, "", text)
        gsub(/&amp;/, "\\&", text); return text
      }
      /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
        name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
        print "  " unescape(name); inside = 1; lines = 0; next
      }
      inside && /<\/UnitTestResult>/ { inside = 0; next }
      inside && (/<Message>/ || /<StackTrace>/) { showing = 1 }
      inside && showing && lines < 25 {
        line = $0; gsub(/<\/?(Message|StackTrace|ErrorInfo)>/, "", line); sub(/^ */, "", line)
        if (line != "") { print "    " unescape(line); lines++ }
      }
      inside && /<\/StackTrace>/ { showing = 0 }
    ' "$trx"
  done
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$skipped" -gt 0 ] || [ "$passed" = 0 ] || [ "$test_exit" != 0 ]; then
  exit 1
fi
