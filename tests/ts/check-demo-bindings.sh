#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Fails when the demo's commands and the committed bindings disagree: a
# command, a parameter or a result type changed without
# tests/ts/demo-bindings.ts. After a deliberate change, print them again:
#
#   make update-bindings
#
# Usage: check-demo-bindings.sh DEMO_BINARY GOLDEN
set -eu

binary=$1
golden=$2
printed=$(mktemp)
trap 'rm -f "$printed"' EXIT

"$binary" --print-bindings > "$printed"

if ! diff -u "$golden" "$printed"; then
  echo "The demo's commands no longer match $golden." >&2
  echo "If the change is meant, run 'make update-bindings' and commit the file." >&2
  exit 1
fi
echo "ok: $golden matches the demo's commands"
