#!/usr/bin/env bash
# Runs the test suite in the project's virtual environment (.venv, made by the README's set-up
# command). Debian's chromium (views) and raptor2-utils (an independent RDF parser) are installed
# first when missing and apt-get is usable; tests needing them skip with a reason otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q ".[test]"; }
.venv/bin/pip install -q ".[test]" >/dev/null
exec .venv/bin/python -m pytest -q "$@"
