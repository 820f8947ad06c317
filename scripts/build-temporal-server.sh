#!/usr/bin/env bash
# Builds Temporal Server and its SQL schema tool from the pinned Go module (go.temporal.io/server)
# into .temporal-cluster/<version>/, once per version. The module's own go.mod and go.sum drive the
# build (a copy of the module source from the Go module proxy), so the binaries are the release's.
# Needs a newer Go than many machines have: GOTOOLCHAIN fetches it through the Go module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${TEMPORAL_SERVER_VERSION:-$(tr -d '[:space:]' < scripts/temporal-server-version.txt)}"
toolchain="${TEMPORAL_SERVER_GOTOOLCHAIN:-go1.27.3}"
out=".temporal-cluster/$version"

if [ -x "$out/temporal-server" ] && [ -x "$out/temporal-sql-tool" ]; then
  exit 0
fi
command -v go >/dev/null || { echo "build-temporal-server: needs Go (any version; GOTOOLCHAIN fetches $toolchain)" >&2; exit 1; }

export GOTOOLCHAIN="$toolchain"
echo "build-temporal-server: building go.temporal.io/server@$version with $toolchain (about 5 minutes, once)" >&2
src_dir=$(go mod download -json "go.temporal.io/server@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src_dir" ] || { echo "build-temporal-server: module download failed" >&2; exit 1; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -r "$src_dir/." "$work/"
chmod -R u+w "$work"
mkdir -p "$out"
(cd "$work" && CGO_ENABLED=0 go build -o "$OLDPWD/$out/temporal-server.tmp" ./cmd/server \
  && CGO_ENABLED=0 go build -o "$OLDPWD/$out/temporal-sql-tool.tmp" ./cmd/tools/sql)
mv "$out/temporal-server.tmp" "$out/temporal-server"
mv "$out/temporal-sql-tool.tmp" "$out/temporal-sql-tool"
echo "build-temporal-server: $out ready" >&2
