#!/usr/bin/python3
"""Count the results in meson's test logs and print "N passed, N failed, N skipped"."""
import glob
import json
import os
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    for log in sorted(glob.glob(os.path.join(build, "meson-logs", "testlog*.json"))):
        with open(log, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                result = json.loads(line)["result"]
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
