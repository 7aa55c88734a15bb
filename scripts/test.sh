#!/usr/bin/env bash
# The test suite, from a fresh clone: installs what it needs, then runs pytest.
# Used as is by the README's quick start and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
# Headless Chromium for the HTML report's browser test (Debian's package); without it that
# test is skipped with its reason.
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "scripts/test.sh: could not install chromium; the browser test will be skipped" >&2
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
.venv/bin/python -m pytest "$@"
