#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# when po/vi.po lacks a string the sources have, or when vi.po has untranslated
# or fuzzy entries. (msgfmt --check of each catalog is a test of its own.)
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=${1:-$(dirname "$0")/..}
cd "$top"
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort > "$work/listed"
{
  grep -lE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext) ?\(' src/*.c src/*/*.c 2>/dev/null || true
  grep -l 'translatable="yes"' src/*.ui src/*/*.ui 2>/dev/null || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml
} | sort -u > "$work/needed"

missing=$(comm -13 "$work/listed" "$work/needed")
if [ -n "$missing" ]; then
  echo "Missing from po/POTFILES.in:"; echo "$missing"; status=1
fi
stale=$(comm -23 "$work/listed" "$work/needed")
if [ -n "$stale" ]; then
  echo "Listed in po/POTFILES.in but without translatable strings:"; echo "$stale"; status=1
fi

xgettext --from-code=UTF-8 --add-comments --files-from=po/POTFILES.in \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --output="$work/template.pot"

# Every string of the sources, translated and not fuzzy.
if ! msgcmp po/vi.po "$work/template.pot"; then
  echo "po/vi.po is out of date: run 'meson compile -C _build geopark-atlas-update-po' and translate"
  status=1
fi
stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null po/vi.po 2>&1)
echo "vi.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/vi.po is not complete"; status=1 ;;
esac

exit $status
