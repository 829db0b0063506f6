#!/bin/sh
# make-schema-past.sh — remakes schema-vN.db for a version that is no longer the latest
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/data/make-schema-past.sh VERSION
#
# A fixture is written by the store of its own version (`test-db --make-fixture PATH`). For a
# version that has been followed by another, this builds test-db at the last commit where that
# version was the latest (the parent of the commit that added the next migration), in a
# temporary worktree, and writes tests/data/schema-vVERSION.db with it. The latest version's
# fixture is written by the build at hand: `build/tests/test-db --make-fixture PATH`; when the
# next migration lands, add that version here with the commit before it.
set -eu

version=${1:?usage: $0 VERSION}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

# The commit before each next migration: 4 (the operation that restored a conflict), 5 (format
# 1.3's fields), 6 (the Overview's indexes). Version 6 is the latest: see above.
case $version in
  3) commit=c3e0156~1 ;;
  4) commit=09062c6~1 ;;
  5) commit=e0aa562~1 ;;
  *) echo "no recorded commit for version $version (1 and 2 have scripts of their own)" >&2
     exit 2 ;;
esac

tree=$(mktemp -d)
trap 'git -C "$top" worktree remove --force "$tree"; rm -rf "$tree"' EXIT
git -C "$top" worktree add -q "$tree" "$commit"
meson setup "$tree/build" "$tree" -Dwerror=false >/dev/null
ninja -C "$tree/build" tests/test-db >/dev/null
rm -f "$here/schema-v$version.db"
"$tree/build/tests/test-db" --make-fixture "$here/schema-v$version.db"
