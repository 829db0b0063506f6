#!/bin/sh
# Every translation is complete: no untranslated or fuzzy message against the current sources.
# Usage: test-complete.sh SOURCE_ROOT LANG...
set -eu

top=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$top"
grep -v '^#' po/POTFILES | grep -v '^$' > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from="$tmp/files" --output="$tmp/article-six.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"
  exit 1
}

status=0
for lang in "$@"; do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/article-six.pot" -o "$tmp/$lang.po"
  missing=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "po/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when anything matches.
  [ "$missing" -gt 0 ] && missing=$((missing - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "po/$lang.po: $missing untranslated, $fuzzy fuzzy"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | head -n 20
    status=1
  else
    echo "po/$lang.po: complete"
  fi
  msgfmt --check --output-file=/dev/null "po/$lang.po" || status=1
done
exit $status
