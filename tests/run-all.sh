#!/usr/bin/env bash
# Every suite, twice: a normal build (warnings are errors) with valgrind over the unit tests,
# then an ASan/UBSan build. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail

build=${1:-build}
asan_build=${2:-build-asan}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

status=0
step () { echo; echo "==> $*"; }
run () { "$@" || status=1; }

xvfb () {
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" dbus-run-session -- "$@"
}

configure () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --werror "$@" || exit 1
  fi
  meson compile -C "$dir" || exit 1
  rm -f "$dir"/meson-logs/testlog*.json
}

step "Build (warnings are errors)"
configure "$build"

step "Unit and data suites"
run meson test -C "$build" --suite unit --suite data --suite cli --print-errorlogs --logbase testlog-unit

step "UI suite (Xvfb, private D-Bus session)"
run xvfb meson test -C "$build" --suite ui --print-errorlogs --logbase testlog-ui

step "End-to-end suite (each test starts its own Xvfb and D-Bus session)"
run meson test -C "$build" --suite e2e --print-errorlogs --logbase testlog-e2e

step "Unit suite under valgrind"
run meson test -C "$build" --setup valgrind --suite unit --print-errorlogs --logbase testlog-valgrind

step "ASan/UBSan build"
configure "$asan_build" -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug

step "Unit suite under ASan/UBSan"
# Full unwinding makes every allocation slow: the property test runs fewer steps here.
SIX_PROPERTY_ITERATIONS=400 \
ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:abort_on_error=1 \
LSAN_OPTIONS=suppressions="$top/tests/lsan.supp" \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run meson test -C "$asan_build" --suite unit --suite cli --print-errorlogs --logbase testlog-unit

step "UI suite under ASan/UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions="$top/tests/lsan.supp" \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run xvfb meson test -C "$asan_build" --suite ui --print-errorlogs --logbase testlog-ui

step "Fuzzing the exchange reader and merge planner (bounded)"
fuzz_build=${asan_build%-asan}-fuzz
if [ ! -f "$fuzz_build/build.ninja" ]; then
  CC=clang meson setup "$fuzz_build" -Dfuzzing=true --buildtype=debug || exit 1
fi
meson compile -C "$fuzz_build" tests/fuzz/fuzz-exchange || exit 1
rm -f "$fuzz_build"/meson-logs/testlog*.json
run meson test -C "$fuzz_build" --suite fuzz --print-errorlogs --logbase testlog-fuzz

echo
/usr/bin/python3 tests/summarize.py "$build" "$asan_build" "$fuzz_build" || status=1
exit $status
