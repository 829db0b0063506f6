#!/usr/bin/python3
# exchange-schema.py — checks data/article-six-exchange.schema.json against real files: the
# committed good files and fresh exports pass, structurally wrong bad files fail.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: exchange-schema.py SCHEMA GOOD_DIR BAD_DIR WRITER_TEST_BINARY
# Needs python3-jsonschema (Debian 12: 4.10, which knows draft 2020-12).

import json
import os
import subprocess
import sys
import tempfile

import jsonschema

# Bad files whose fault is one of structure, which a schema must catch too. The others
# (references, sorted sets, real dates, clocks beside values, checksums, and 5.0 for an
# integer, which JSON Schema counts as one) are rules only the reader checks.
SCHEMA_REFUSES = [
    'bad-amount.a6.json',
    'bad-export-id.a6.json',
    'bad-field-name.a6.json',
    'bad-format-version.a6.json',
    'bad-level.a6.json',
    'bad-natural-id.a6.json',
    'bad-origin.a6.json',
    'future-major.a6.json',
    'missing-id.a6.json',
    'missing-records.a6.json',
    'null-required.a6.json',
    'record-not-object.a6.json',
    'scope-without-id.a6.json',
    'unknown-enum.a6.json',
    'unknown-kind.a6.json',
    'uppercase-uuid.a6.json',
    'wrong-format.a6.json',
    'wrong-type-boolean.a6.json',
    'wrong-type-integer.a6.json',
    'zero-counter.a6.json',
]


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def main():
    if len(sys.argv) != 5:
        print('usage: exchange-schema.py SCHEMA GOOD_DIR BAD_DIR WRITER_TEST_BINARY')
        return 2

    schema_path, good_dir, bad_dir, writer = sys.argv[1:]
    schema = load(schema_path)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    checked = 0

    with tempfile.TemporaryDirectory() as fresh_dir:
        subprocess.run([writer, '--write-samples', fresh_dir], check=True)
        accepted = [os.path.join(good_dir, n) for n in sorted(os.listdir(good_dir))]
        accepted += [os.path.join(fresh_dir, n) for n in sorted(os.listdir(fresh_dir))]
        accepted = [p for p in accepted if p.endswith('.a6.json')]
        if len(accepted) < 5:
            print('not enough files to check: %s' % accepted)
            return 1

        for path in accepted:
            errors = list(validator.iter_errors(load(path)))
            checked += 1
            for error in errors[:5]:
                print('%s: %s: %s' % (os.path.basename(path), error.json_path, error.message))
            failures += bool(errors)

    for name in SCHEMA_REFUSES:
        checked += 1
        if validator.is_valid(load(os.path.join(bad_dir, name))):
            print('%s: the schema accepts it, but it is wrong' % name)
            failures += 1

    print('%d files checked, %d failed' % (checked, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
