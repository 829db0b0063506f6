#!/usr/bin/python3
"""Count the results in meson's test logs and print "N passed, N failed, N skipped".

A failed test is named above the count with the end of what it printed, so that the last
lines of a run say what went wrong.
"""
import glob
import json
import os
import re
import sys

TAIL_LINES = 12
TELLING = re.compile(r"not ok|Bail out|ERROR|CRITICAL|WARNING|Traceback|AssertionError"
                     r"|SUMMARY|definitely lost|Timeout|FAIL")

passed = failed = skipped = 0
failures = []
for build in sys.argv[1:]:
    for log in sorted(glob.glob(os.path.join(build, "meson-logs", "testlog*.json"))):
        with open(log, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                test = json.loads(line)
                result = test["result"]
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
                    failures.append((build, test))

for build, test in failures:
    print(f"FAILED {build}: {test['name']} ({test['result']})")
    lines = ((test.get("stdout") or "") + (test.get("stderr") or "")).rstrip().splitlines()
    telling = [text for text in lines if TELLING.search(text)][:TAIL_LINES]
    for text in telling + ["    ..."] + lines[-TAIL_LINES:]:
        print(f"    {text}")
    print()

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
