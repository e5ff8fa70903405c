#!/bin/sh
# Check each POTFILES.in against the tree:
#  - every file of its source folders that marks strings with _(), N_(),
#    C_() or NC_() (with or without a space before the parenthesis) must be
#    listed, unless the POTFILES.skip beside it lists it;
#  - every file listed must exist.
# The library's list, po/, covers framework/ and template/; the demo's,
# demo-app/po/, covers demo-app/ (its C and its page's JavaScript).
#
# Usage: build-aux/check-potfiles.sh [SRCDIR]   (default: the current directory)

set -eu

cd "${1:-.}"

# Print the entries of a POTFILES-style list, without comments or blank lines.
entries ()
{
  if [ -f "$1" ]; then
    sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
  fi
}

# Succeed if the list in $2 names the file $1.
is_listed ()
{
  entries "$2" | grep -Fqx -- "$1"
}

status=0

# check PODIR SOURCE_FOLDER...
check ()
{
  podir=$1
  shift
  potfiles=$podir/POTFILES.in
  skipfiles=$podir/POTFILES.skip
  missing=
  stale=

  if [ ! -f "$potfiles" ]; then
    echo "$0: $potfiles not found; run this from the source root" >&2
    exit 1
  fi

  for f in $(find "$@" -type f \( -name '*.c' -o -name '*.js' -o -name '*.py' \) \
               -not -path '*/node_modules/*' | LC_ALL=C sort); do
    if grep -Eq '(^|[^[:alnum:]_$.])(N|C|NC)?_[[:space:]]*\(' "$f" &&
       ! is_listed "$f" "$potfiles" &&
       ! is_listed "$f" "$skipfiles"; then
      missing="$missing $f"
    fi
  done

  for f in $(entries "$potfiles"); do
    if [ ! -f "$f" ]; then
      stale="$stale $f"
    fi
  done

  if [ -n "$missing" ]; then
    echo "These files contain translatable strings but are missing from $potfiles:" >&2
    for f in $missing; do
      echo "  $f" >&2
    done
    status=1
  fi

  if [ -n "$stale" ]; then
    echo "These files are listed in $potfiles but do not exist:" >&2
    for f in $stale; do
      echo "  $f" >&2
    done
    status=1
  fi
}

check po framework template/tauri-gtk-1-new.py
check demo-app/po demo-app/main.c demo-app/demo-app.c demo-app/web

exit $status
