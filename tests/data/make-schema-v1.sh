#!/bin/sh
# make-schema-v1.sh — regenerates schema-v1.db, the version-1 database fixture
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/data/make-schema-v1.sh BUILDDIR
#
# test-db writes the fixture through the store itself (`test-db --make-fixture PATH`):
# a few records of several kinds, an edit to undo, a conflict, a replica name.
# It works only while schema version 1 is the latest. Once migration 2 ships this
# file is history, kept to test the migration from it: never regenerate it then.
set -eu

build=${1:?usage: $0 BUILDDIR}
here=$(dirname "$0")

rm -f "$here/schema-v1.db"
"$build/tests/test-db" --make-fixture "$here/schema-v1.db"
