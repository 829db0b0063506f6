#!/bin/sh
# The command line, with no display: exit codes, export → validate → import, dry runs and
# refused files that write nothing. Usage: test-cli.sh BINARY DATA_DIR
set -u

bin=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY

n=0
failed=0
check () {
  n=$((n + 1))
  if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
expect () {  # expect STATUS DESCRIPTION COMMAND...
  want=$1 what=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" = "$want" ]; then check ok "$what"; else check fail "$what (exit $got, wanted $want)"; cat "$tmp/err" >&2; fi
}
dump () { "$bin" --database "$1" export --level private -o "$tmp/dump.a6.json" >/dev/null 2>&1
          sed -n '/"records"/,/"checksum"/p' "$tmp/dump.a6.json" | grep -v '"checksum"'; }

echo "1..26"
expect 0 "--version exits 0" "$bin" --version
grep -q '^article-six [0-9]' "$tmp/out" && check ok "--version prints the version" || check fail "--version prints the version"
expect 2 "an unknown command exits 2" "$bin" frobnicate
grep -q 'Usage:' "$tmp/err" && check ok "an unknown command prints usage" || check fail "usage on stderr"
expect 2 "a bad option exits 2" "$bin" --no-such-option

a="$tmp/a.db"
expect 0 "export a country profile" "$bin" --database "$a" export --scope country:LBN --level public -o "$tmp/lbn.a6.json"
head -c 30 "$tmp/lbn.a6.json" | grep -q '"format": "article-six"' && check ok "the file starts with the format" || check fail "format header"
expect 0 "validate the export" "$bin" validate "$tmp/lbn.a6.json"
expect 2 "a bad scope exits 2" "$bin" --database "$a" export --scope planet:MARS -o "$tmp/x.a6.json"
expect 1 "an export to a missing folder exits 1" "$bin" --database "$a" export -o "$tmp/no-such-folder/x.a6.json"
grep -q 'no-such-folder/x.a6.json' "$tmp/err" && check ok "it names the file" || check fail "missing folder"

b="$tmp/b.db"
expect 0 "report on a new database" "$bin" --database "$b" report states --format json
grep -q '"LBN"' "$tmp/out" && check ok "the report lists Lebanon" || check fail "states report"
before=$(dump "$b")
expect 0 "dry run" "$bin" --database "$b" import --dry-run "$tmp/lbn.a6.json"
[ "$(dump "$b")" = "$before" ] && check ok "a dry run writes nothing" || check fail "dry run wrote"

for bad in "$data"/bad/*.a6.json; do
  "$bin" --database "$b" import "$bad" >/dev/null 2>"$tmp/err" || true
done
[ "$(dump "$b")" = "$before" ] && check ok "refused files write nothing" || check fail "a refused file wrote"
expect 1 "a refused file exits 1" "$bin" --database "$b" import "$data/bad/$(ls "$data/bad" | grep a6.json | head -n 1)"
grep -q ': ' "$tmp/err" && check ok "the reason names the file and path" || check fail "reason"

"$bin" --database "$b" import "$tmp/lbn.a6.json" >/dev/null
"$bin" --database "$b" import "$tmp/lbn.a6.json" >"$tmp/out"
grep -q 'already imported' "$tmp/out" && check ok "a second import changes nothing and says so" || check fail "second import"

# A one-page profile with no display; a State nobody knows, and a missing --pdf.
expect 0 "a profile as PDF" "$bin" --database "$b" profile lao --pdf "$tmp/lao.pdf"
pdfinfo "$tmp/lao.pdf" 2>/dev/null | grep -q '^Pages: *1$' && check ok "the profile is one page" || check fail "one page"
pdftotext "$tmp/lao.pdf" - 2>/dev/null | grep -q "Lao People's Democratic Republic" && check ok "the PDF names the State" || check fail "PDF text"
expect 1 "an unknown State exits 1" "$bin" --database "$b" profile ZZZ --pdf "$tmp/zzz.pdf"
grep -q 'ZZZ' "$tmp/err" && check ok "the reason names the code" || check fail "unknown State reason"
[ ! -e "$tmp/zzz.pdf" ] && check ok "no file for an unknown State" || check fail "zzz.pdf written"
expect 2 "a profile without --pdf exits 2" "$bin" --database "$b" profile LAO

[ $failed = 0 ]
