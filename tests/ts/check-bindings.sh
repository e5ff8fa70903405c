#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Type-checks front ends against the demo's generated TypeScript bindings,
# with the TypeScript pinned in package-lock.json (`npm ci` in this folder):
#
#  - app.ts uses every function of `tauri-gtk-demo --print-bindings`, and
#    every-type-bindings.ts (the unit test's fixture, one command per type)
#    must compile, with `tsc --strict`;
#  - misuse.ts misuses them, each misuse marked `@ts-expect-error`: it
#    compiles only if every one is an error, and without the markers it
#    must fail with exactly one error per marker;
#  - app-global.ts uses `--print-global-bindings` with the declarations of
#    `--print-global-types`.
#
# Usage: check-bindings.sh DEMO_BINARY OUTDIR
set -eu

here=$(cd "$(dirname "$0")" && pwd)
binary=$1
out=$2
tsc="$here/node_modules/.bin/tsc"

if [ ! -x "$tsc" ]; then
  echo "$tsc not found: run 'npm ci' in $here" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
cp "$here"/app.ts "$here"/app-global.ts "$here"/misuse.ts "$here"/every-type-bindings.ts \
   "$here"/tsconfig.json "$here"/tsconfig.global.json "$out"/
ln -s "$here/node_modules" "$out/node_modules"

"$binary" --print-bindings > "$out/bindings.ts"
"$binary" --print-global-bindings > "$out/bindings-global.ts"
"$binary" --print-global-types > "$out/globals.d.ts"

cd "$out"
status=0

if "$tsc" -p tsconfig.json; then
  echo "ok: app.ts, misuse.ts and every-type-bindings.ts type-check"
else
  echo "not ok: the bindings or the front end do not type-check" >&2
  status=1
fi

if "$tsc" -p tsconfig.global.json; then
  echo "ok: app-global.ts type-checks with the global bindings and types"
else
  echo "not ok: the global bindings or types do not type-check" >&2
  status=1
fi

# Without the markers, every misuse is an error of its own.
marker='^[[:space:]]*// @ts-expect-error'
expected=$(grep -c "$marker" misuse.ts)
grep -v "$marker" misuse.ts > misuse-unmarked.ts
sed -e 's/"misuse.ts"/"misuse-unmarked.ts"/' tsconfig.json > tsconfig.unmarked.json
if "$tsc" -p tsconfig.unmarked.json > unmarked.log 2>&1; then
  echo "not ok: misuse-unmarked.ts type-checks, the misuses went unnoticed" >&2
  status=1
else
  errors=$(grep -c '^misuse-unmarked\.ts(.*error TS' unmarked.log || true)
  others=$(grep 'error TS' unmarked.log | grep -vc '^misuse-unmarked\.ts(' || true)
  if [ "$errors" -eq "$expected" ] && [ "$others" -eq 0 ]; then
    echo "ok: the $expected misuses fail to type-check"
  else
    cat unmarked.log >&2
    echo "not ok: $errors errors for $expected misuses, and $others elsewhere" >&2
    status=1
  fi
fi

exit $status
