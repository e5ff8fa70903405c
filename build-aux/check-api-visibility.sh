#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The rules of the public API, checked rather than remembered:
#  - every public header is in the umbrella tauri.h, and guards against being
#    included on its own;
#  - no public header includes a private one (-private.h, or -internal.h for
#    what the files of one class share);
#  - the shared library exports tauri_* symbols and nothing else.
# Usage: check-api-visibility.sh SOURCE_ROOT LIBRARY
set -eu

root=$1
library=$2
status=0

for header in "$root"/framework/tauri-*.h; do
  name=$(basename "$header")
  case "$name" in
    *-private.h|*-internal.h) continue ;;
  esac
  if ! grep -q "#include \"$name\"" "$root/framework/tauri.h"; then
    echo "$name is not included by tauri.h"
    status=1
  fi
  if ! grep -q 'Only <tauri.h> can be included directly' "$header"; then
    echo "$name does not refuse to be included on its own"
    status=1
  fi
  if grep -q '#include ".*-private.h"' "$header"; then
    echo "$name includes a private header"
    status=1
  fi
done

exported=$(nm -D --defined-only "$library" | awk '$2 ~ /^[TDRB]$/ { print $3 }' | grep -v -e '^tauri_' -e '^__bss_start$' -e '^_edata$' -e '^_end$' || true)
if [ -n "$exported" ]; then
  echo "$library exports symbols outside the tauri_ namespace:"
  echo "$exported"
  status=1
fi

exit $status
