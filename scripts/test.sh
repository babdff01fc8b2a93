#!/usr/bin/env bash
# The project's test command (README, .ci/run): builds its own virtualenv, installs fixer as pip
# would for a user (not editable) with the test tools, then lints and runs the whole suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k seed`.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${FIXER_TEST_VENV:-.venv-test}"
python="${PYTHON:-python3}"

# Debian's Chromium and ChromeDriver for the browser test of the HTML scan report (installed
# when missing and we may; without them that one test is skipped).
if [ ! -x /usr/bin/chromedriver ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "installing chromium and chromium-driver for the browser test" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "fixer needs Python 3.11 or newer" >&2; exit 2; }
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps .
"$venv/bin/python" -m pip install --quiet ".[test]"

"$venv/bin/ruff" check .
"$venv/bin/ruff" format --check .
# Coverage-guided fuzzing of check and fix on raw bytes, for a bounded time (skipped when
# pytest is given arguments, i.e. a partial run). New inputs go to a scratch folder.
if [ $# -eq 0 ] && [ "${FIXER_FUZZ_SECONDS:-60}" -gt 0 ]; then
  scratch=$(mktemp -d)
  "$venv/bin/python" fuzz/check_fix.py -max_total_time="${FIXER_FUZZ_SECONDS:-60}" \
    -rss_limit_mb=2048 -print_final_stats=1 "$scratch" fuzz/corpus 2>&1 | tail -n 3
  status=${PIPESTATUS[0]}
  rm -rf "$scratch"
  [ "$status" -eq 0 ] || { echo "fuzzing found a failure (exit $status)" >&2; exit "$status"; }
fi

# Run from tests/ so that `import fixer` is the installed package, as a user gets it.
export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-ci}"
cd tests && exec "../$venv/bin/python" -m pytest -p no:cacheprovider "$@"
