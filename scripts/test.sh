#!/usr/bin/env bash
# Runs the test suite in the project's virtual environment (.venv, made by the README's set-up
# command). Debian's chromium (views), raptor2-utils (an independent RDF parser) and
# virtuoso-opensource (a second triplestore for `kgraph push`) are installed first when missing and
# apt-get is usable; tests needing them skip with a reason otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  for pkg in "${need[@]}"; do  # one package that cannot be installed does not stop the others
    apt-get install -y -qq "$pkg" >/dev/null 2>&1 || echo "scripts/test.sh: could not install $pkg; its tests skip" >&2
  done
fi
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q ".[test]"; }
.venv/bin/pip install -q ".[test]" >/dev/null
exec .venv/bin/python -m pytest -q "$@"
