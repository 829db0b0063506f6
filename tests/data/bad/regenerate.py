#!/usr/bin/python3
# regenerate.py — rebuilds the bad exchange files (and the derived good ones) from
# ../good/lbn-public.a6.json, each with one thing wrong and, unless the checksum is the
# point, a correct checksum, so each file tests exactly one rule.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run it after the writer's layout changes and review the diff; expected.txt is kept by hand.

import hashlib
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, '..', 'good')
BASE = open(os.path.join(GOOD, 'lbn-public.a6.json'), encoding='utf-8').read()
REPLICA = re.search(r'"origin": \{"replica": "([^"]+)"', BASE).group(1)
CHECKSUM_LINE = '  "checksum": "sha256:'


def reseal(text):
    """Recomputes the checksum line (format §6)."""
    head = text[:text.rindex(CHECKSUM_LINE)]
    digest = hashlib.sha256(head.encode('utf-8')).hexdigest()
    return head + CHECKSUM_LINE + digest + '"\n}\n'


def once(text, old, new):
    assert text.count(old) == 1, (old, text.count(old))
    return text.replace(old, new)


def record_bounds(text, record_id):
    start = text.index('      "id": "%s",\n' % record_id)
    start = text.rindex('    {\n', 0, start)
    end = text.index('\n    }', start) + len('\n    }')
    return start, end


def in_record(text, record_id, old, new):
    start, end = record_bounds(text, record_id)
    return text[:start] + once(text[start:end], old, new) + text[end:]


def write(name, text, seal=True, directory=HERE):
    if seal:
        text = reseal(text)
    with open(os.path.join(directory, name), 'wb') as f:
        f.write(text.encode('utf-8') if isinstance(text, str) else text)


def clock(n, wall):
    return '{"vv": {"%s": %d}, "hlc": "%d.0@%s"}' % (REPLICA, n, wall, REPLICA)


REQ = '00000000-0000-4000-8000-000000000004'
ACTIVITY = '00000000-0000-4000-8000-00000000000c'

# Good files derived from the base.

header_end = BASE.index('  "records": [')
write('empty.a6.json', BASE[:header_end].replace(
    '  "replicas": [\n    ' + BASE[BASE.index('{"id": "' + REPLICA):BASE.index('\n  ],\n  "records"')]
    + '\n  ],\n', '  "replicas": [],\n') + '  "records": [],\n' + CHECKSUM_LINE + '"\n}\n',
    directory=GOOD)

future = once(BASE, '"format_version": "1.0"', '"format_version": "1.3"')
future = once(future, '  "level": "public",\n',
              '  "level": "public",\n  "signature": {"alg": "ed25519", "value": "AAAA"},\n')
future = in_record(future, 'LBN',
                   '        "status": "party",\n',
                   '        "status": "party",\n'
                   '        "treaty_body_seat": {"since": 2021, "roles": ["chair", "rapporteur"], '
                   '"share": 0.25, "note": "co-chair \\"VA\\"", "ok": true, "none": null},\n'
                   '        "zz_cleared": null,\n')
future = in_record(future, 'LBN', '      "clocks": {\n',
                   '      "clocks": {\n        "treaty_body_seat": %s,\n'
                   '        "zz_cleared": %s,\n' % (clock(9, 1763900000900), clock(10, 1763900000901)))
write('future-minor.a6.json', future, directory=GOOD)

# Whole-file problems.

write('empty-0-bytes.a6.json', b'', seal=False)
write('blank.a6.json', '  \n\n \t\r\n', seal=False)
write('not-json.a6.json', 'Dear colleagues,\nplease find attached the data.\n', seal=False)
write('not-exchange.a6.json', '{"hello": "world"}\n', seal=False)
write('top-level-array.a6.json', '[{"format": "article-six"}]\n', seal=False)
write('truncated.a6.json', BASE[:BASE.index('"Lebanon Mine Action Centre",\n        "acronym"')],
      seal=False)
write('trailing-garbage.a6.json', BASE + 'P.S. see you at the MSP\n', seal=False)
write('invalid-utf8.a6.json',
      in_record(BASE, 'LBN', '"Lebanon"', '"Leb\udcffanon"').encode('utf-8', 'surrogateescape'),
      seal=False)
nested = '[' * 40 + ']' * 40
write('deep-nesting-40.a6.json', in_record(BASE, ACTIVITY, '"title": "Survey in the south"',
                                           '"title": ' + nested))

# JSON that json-glib would quietly accept.

write('single-quotes.a6.json', in_record(BASE, 'LBN', '"name": "Lebanon"', "'name': 'Lebanon'"))
write('leading-zero.a6.json', in_record(BASE, 'LBN:2018', '"year": 2018', '"year": 02018'))
write('integer-overflow.a6.json',
      in_record(BASE, 'LBN:2018', '"year": 2018', '"year": 99999999999999999999'))
write('nul-escape.a6.json', in_record(BASE, 'LBN', '"name": "Lebanon"', '"name": "Leb\\u0000anon"'))
write('lone-surrogate.a6.json',
      in_record(BASE, 'LBN', '"name": "Lebanon"', '"name": "Leb\\ud800anon"'))
write('duplicate-member.a6.json',
      in_record(BASE, 'LBN', '"name": "Lebanon",\n', '"name": "Lebanon",\n        "name": "Liban",\n'))
write('raw-control-character.a6.json',
      in_record(BASE, 'LBN', '"name": "Lebanon"', '"name": "Leb\tanon"'))

# The header.

write('future-major.a6.json', once(BASE, '"format_version": "1.0"', '"format_version": "2.0"'))
write('wrong-format.a6.json', once(BASE, '"format": "article-six"', '"format": "article-seven"'))
write('bad-format-version.a6.json', once(BASE, '"format_version": "1.0"', '"format_version": 1.0'))
write('bad-level.a6.json', once(BASE, '"level": "public"', '"level": "secret"'))
write('bad-created-at.a6.json',
      once(BASE, '"created_at": "2025-11-23T10:00:00Z"', '"created_at": "2025-02-30T10:00:00Z"'))
write('bad-export-id.a6.json', re.sub(r'"export_id": "[^"]+"', '"export_id": "42"', BASE))
write('scope-without-id.a6.json', once(BASE, '{"type": "country", "id": "LBN"}', '{"type": "country"}'))
write('missing-records.a6.json', BASE[:header_end] + CHECKSUM_LINE + '"\n}\n')
write('bad-origin.a6.json', once(BASE, '"origin": {"replica": "%s"' % REPLICA,
                                 '"origin": {"replica": "no spaces allowed"'))

# Records.

write('unknown-kind.a6.json', in_record(BASE, 'LBN:2018', '"kind": "article7_report"',
                                        '"kind": "landmine_report"'))
write('missing-id.a6.json', in_record(BASE, 'LBN:2018', '      "id": "LBN:2018",\n', ''))
write('uppercase-uuid.a6.json', in_record(BASE, ACTIVITY, '"id": "%s"' % ACTIVITY,
                                          '"id": "%s"' % ACTIVITY.upper()))
write('bad-natural-id.a6.json', in_record(BASE, 'LBN:2018', '"id": "LBN:2018"', '"id": "LBN/2018"'))
start, end = record_bounds(BASE, 'LBN:2018')
write('duplicate-id.a6.json', BASE[:end] + ',\n' + BASE[start:end] + BASE[end:])
write('record-not-object.a6.json', once(BASE, '  "records": [\n', '  "records": [\n    42,\n'))

# Values.

write('wrong-type-integer.a6.json', in_record(BASE, 'LBN:2018', '"year": 2018', '"year": "2018"'))
write('wrong-type-boolean.a6.json', in_record(BASE, 'LBN', '"deleted": false', '"deleted": 0'))
write('fraction-for-integer.a6.json', in_record(BASE, 'dap:s5', '"position": 5', '"position": 5.0'))
write('bad-date.a6.json', in_record(BASE, 'LBN:art4', '"original_deadline": "2021-11-01"',
                                    '"original_deadline": "2023-02-30"'))
write('bad-currency.a6.json', in_record(BASE, REQ, '"currency": "USD"', '"currency": "XYZ"'))
write('bad-amount.a6.json', in_record(BASE, REQ, '"amount": "1250000.5"', '"amount": "1,250,000"'))
write('unknown-enum.a6.json', in_record(BASE, 'LBN', '"status": "party"', '"status": "maybe"'))
write('unsorted-set.a6.json', in_record(BASE, 'LBN:2018',
                                        '["risk_education", "survey_clearance"]',
                                        '["survey_clearance", "risk_education"]'))
write('null-required.a6.json', in_record(BASE, 'LBN', '"name": "Lebanon"', '"name": null'))
write('huge-string.a6.json', in_record(BASE, REQ, '"description": "Survey',
                                       '"description": "' + 'x' * 70000 + 'Survey'))
write('bad-field-name.a6.json', in_record(BASE, 'LBN', '"status": "party",\n',
                                          '"status": "party",\n        "Bad-Name": 1,\n'))

# Clocks.

write('clock-missing.a6.json', in_record(
    BASE, 'LBN', re.search(r'        "name": \{[^\n]*\n', BASE[record_bounds(BASE, 'LBN')[0]:]).group(0), ''))
write('clock-without-value.a6.json', in_record(BASE, 'LBN', '      "clocks": {\n',
                                               '      "clocks": {\n        "alpha2": %s,\n'
                                               % clock(1, 1)))
write('bad-hlc.a6.json', in_record(BASE, 'LBN', '"hlc": "1763900000029.0@%s"' % REPLICA,
                                   '"hlc": "yesterday"'))
write('zero-counter.a6.json', in_record(BASE, 'LBN', '"name": {"vv": {"%s": 3}' % REPLICA,
                                        '"name": {"vv": {"%s": 0}' % REPLICA))
write('huge-counter.a6.json', in_record(BASE, 'LBN', '"name": {"vv": {"%s": 3}' % REPLICA,
                                        '"name": {"vv": {"%s": 9223372036854775807}' % REPLICA))
write('unlisted-replica.a6.json', in_record(BASE, 'LBN', '"name": {"vv": {"%s": 3}' % REPLICA,
                                            '"name": {"vv": {"%s": 3, "stranger": 1}' % REPLICA))

# References.

write('dangling-reference.a6.json', in_record(BASE, 'LBN:art4', '"country": "LBN"',
                                              '"country": "XYZ"'))
write('dangling-set-item.a6.json', in_record(BASE, ACTIVITY, '"actions": ["dap:5.1"]',
                                             '"actions": ["dap:5.1", "dap:9.9"]'))
write('wrong-target-kind.a6.json', in_record(BASE, 'LBN:art4', '"country": "LBN"',
                                             '"country": "dap"'))

# The checksum.

write('bad-checksum.a6.json', in_record(BASE, 'LBN', '"Lebanon"', '"Lebanom"'), seal=False)
write('checksum-not-last.a6.json', reseal(BASE)[:-2] + ',\n  "note": "hi"\n}\n', seal=False)
