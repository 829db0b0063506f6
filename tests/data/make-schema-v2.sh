#!/bin/sh
# make-schema-v2.sh — regenerates schema-v2.db, the version-2 database fixture
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/data/make-schema-v2.sh BUILDDIR
#
# test-db writes the fixture through the store itself (`test-db --make-fixture PATH`):
# a few records of several kinds, an edit to undo, a conflict, a replica name.
# It works only while schema version 2 is the latest. Once migration 3 ships this
# file is history, kept to test the migration from it: never regenerate it then.
set -eu

build=${1:?usage: $0 BUILDDIR}
here=$(dirname "$0")

rm -f "$here/schema-v2.db"
"$build/tests/test-db" --make-fixture "$here/schema-v2.db"
