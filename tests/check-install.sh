#!/bin/sh
# Installs the build into a scratch folder (DESTDIR) and checks that every file
# lands where a desktop looks for it, that the files name each other rightly,
# and that the installed Vietnamese catalog translates the app's name.
#
#   tests/check-install.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR
#
# The directories are the configured, absolute ones; they are looked for
# under the scratch folder.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

meson=$1
build=$2
prefix=$3
bindir=$4
datadir=$5
localedir=$6
app_id=io.github.geoparkatlas.GeoparkAtlas
status=0

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

# The test runner has built everything already, and ninja must not run again
# inside the build it is testing: --no-rebuild. The post-install steps
# (schemas, icon cache, desktop database) skip themselves under a DESTDIR.
if ! log=$("$meson" install --no-rebuild -C "$build" --destdir "$dest" 2>&1); then
  echo "$log"
  echo "meson install failed"
  exit 1
fi

check() {
  if [ -f "$dest$2" ]; then
    echo "ok: $1: $2"
  else
    echo "MISSING: $1: $2"
    status=1
  fi
}

check "binary" "$bindir/geopark-atlas"
check "desktop file" "$datadir/applications/$app_id.desktop"
check "metainfo" "$datadir/metainfo/$app_id.metainfo.xml"
check "icon" "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check "symbolic icon" "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "GSettings schema" "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
check "Vietnamese translation" "$localedir/vi/LC_MESSAGES/geopark-atlas.mo"
[ $status -eq 0 ] || exit 1

# The installed binary starts (no display needed to print its version).
if ! "$dest$bindir/geopark-atlas" --version >/dev/null; then
  echo "the installed binary does not run"
  status=1
fi

# The desktop file starts the installed binary and names the installed icon.
desktop=$dest$datadir/applications/$app_id.desktop
if ! grep -qx "Exec=geopark-atlas" "$desktop"; then
  echo "the desktop file does not start geopark-atlas"
  status=1
fi
if ! grep -qx "Icon=$app_id" "$desktop"; then
  echo "the desktop file does not name the icon $app_id"
  status=1
fi

# What a software centre reads: the metainfo with its desktop file and icon.
if command -v appstreamcli >/dev/null; then
  appstreamcli validate-tree --no-net "$dest$prefix" || status=1
fi

# The catalog is found where the app looks for it, and it is the right one.
# glibc 2.41 (Debian 13) ignores LANGUAGE under C.UTF-8: use the Vietnamese
# locale where it is installed (build-aux/dev.sh makes it).
locale=C.UTF-8
if locale -a 2>/dev/null | grep -qx 'vi_VN.utf8'; then
  locale=vi_VN.UTF-8
fi
name=$(LC_ALL=$locale LANGUAGE=vi TEXTDOMAINDIR="$dest$localedir" \
  gettext -d geopark-atlas "Geopark Atlas")
if [ "$name" = "Atlas Công viên địa chất" ]; then
  echo "ok: the installed catalog translates \"Geopark Atlas\" as \"$name\""
else
  echo "the installed catalog translates \"Geopark Atlas\" as \"$name\""
  status=1
fi

exit $status
