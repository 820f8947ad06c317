#!/usr/bin/env bash
# Contract fuzzing: Schemathesis (pinned, from PyPI, in .fuzz-venv) against /openapi.json of a
# throwaway stack (scripts/fuzz-stack.ts). Fails on any 5xx, any answer whose status, content type or
# body the document does not describe, any invalid request the API accepts and any valid one it
# refuses (the schemas must say what the validation accepts). A few minutes on a fixed seed;
# FUZZ_SEED, FUZZ_MAX_EXAMPLES and FUZZ_MAX_TIME change that. Extra arguments go to `schemathesis run`.
# One worker: Python 3.11's ast.parse is not thread-safe ("AST constructor recursion depth mismatch"),
# and Hypothesis parses sources while two workers draw.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.fuzz-venv
req=scripts/fuzz-requirements.txt
stamp="$venv/.installed-requirements"
if [ ! -x "$venv/bin/schemathesis" ] || ! cmp -s "$req" "$stamp"; then
  echo "fuzz: installing Schemathesis from PyPI into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$stamp"
fi

mkdir -p artifacts/fuzz
FUZZ_TOKEN="fuzz-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export FUZZ_TOKEN
exec node --import tsx scripts/fuzz-stack.ts -- \
  "$venv/bin/schemathesis" --config-file scripts/fuzz.toml run '{api}/openapi.json' \
  --header "Authorization: Bearer $FUZZ_TOKEN" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection,positive_data_acceptance \
  --mode all \
  --phases examples,coverage,fuzzing \
  --max-examples "${FUZZ_MAX_EXAMPLES:-50}" \
  --max-time "${FUZZ_MAX_TIME:-150}" \
  --seed "${FUZZ_SEED:-34}" \
  --workers 1 \
  --request-timeout 10 \
  --generation-database none \
  --no-color \
  --report junit --report-dir artifacts/fuzz \
  "$@"
