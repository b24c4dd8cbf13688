#!/usr/bin/env bash
# The JSON Schemas and the loader must agree. A real JSON Schema validator
# (ajv, draft 2020-12) must accept the bundled dataset and the valid fixture,
# reject every bad fixture marked schema-rejects, and accept the files of the
# others, whose problems only the loader can see (references, duplicate ids,
# closed outlines…).
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

top=${1:-$(dirname "$0")/..}
cd "$top"
ajv=build-aux/schema-check/node_modules/.bin/ajv
schemas=data/dataset
fixtures=tests/fixtures/datasets
status=0
checked=0

if [ ! -x "$ajv" ]; then
  echo "ajv is not installed: run 'npm ci --prefix build-aux/schema-check' (build-aux/dev.sh does)"
  exit 1
fi

# validate FILE: succeeds when FILE matches its schema.
validate() {
  local file=$1 name
  name=$(basename "$file" .json)
  "$ajv" validate --spec=draft2020 -c ajv-formats --errors=line \
    -s "$schemas/$name.schema.json" -r "$schemas/common.schema.json" -d "$file" >/dev/null 2>&1
}

for dir in "$schemas" "$fixtures/valid"; do
  for name in dataset geoparks places news; do
    checked=$((checked + 1))
    if ! validate "$dir/$name.json"; then
      echo "FAIL: $dir/$name.json should match its schema"; status=1
    fi
  done
done

for case_dir in "$fixtures"/bad/*/; do
  rejected=0
  for file in "$case_dir"*.json; do
    [ -e "$file" ] || continue
    validate "$file" || rejected=1
  done
  checked=$((checked + 1))
  if [ -e "$case_dir/schema-rejects" ] && [ $rejected -eq 0 ]; then
    echo "FAIL: the schemas accept $case_dir, which the loader refuses"; status=1
  elif [ ! -e "$case_dir/schema-rejects" ] && [ $rejected -eq 1 ]; then
    echo "FAIL: the schemas refuse $case_dir, whose problem only the loader should see"; status=1
  fi
done

echo "$checked datasets and cases checked against the schemas"
exit $status
