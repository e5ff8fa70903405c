#!/bin/sh
# Check po/POTFILES.in against the tree:
#  - every framework/ and demo-app/ C file that marks strings with _(),
#    N_(), C_() or NC_() (with or without a space before the parenthesis)
#    must be listed, unless po/POTFILES.skip lists it;
#  - every file listed must exist.
#
# Usage: build-aux/check-potfiles.sh [SRCDIR]   (default: the current directory)

set -eu

cd "${1:-.}"

potfiles=po/POTFILES.in
skipfiles=po/POTFILES.skip
srcdirs='framework demo-app'

if [ ! -f "$potfiles" ]; then
  echo "$0: $potfiles not found; run this from the source root" >&2
  exit 1
fi

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

existing_srcdirs=
for d in $srcdirs; do
  if [ -d "$d" ]; then
    existing_srcdirs="$existing_srcdirs $d"
  fi
done

missing=
if [ -n "$existing_srcdirs" ]; then
  # shellcheck disable=SC2086 # the directory list is split on purpose
  for f in $(find $existing_srcdirs -type f -name '*.c' | LC_ALL=C sort); do
    if grep -Eq '(^|[^[:alnum:]_])(N|C|NC)?_[[:space:]]*\(' "$f" &&
       ! is_listed "$f" "$potfiles" &&
       ! is_listed "$f" "$skipfiles"; then
      missing="$missing $f"
    fi
  done
fi

stale=
for f in $(entries "$potfiles"); do
  if [ ! -f "$f" ]; then
    stale="$stale $f"
  fi
done

status=0

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

exit $status
