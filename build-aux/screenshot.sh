#!/usr/bin/env bash
# Takes a screenshot of Geopark Atlas as built in _build, under a virtual
# display, in a fresh home.
#
#   build-aux/screenshot.sh OUT.png [LANGUAGE] [WIDTHxHEIGHT] [light|dark] [-- APP ARGUMENTS]
#
# ATLAS_SCREENSHOT_SETTINGS adds lines to the app's settings, e.g.
# "map-zoom=9.0" or "basemap='offline'".
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

out=$(realpath -m "$1")
language=${2:-en}
size=${3:-1280x800}
style=${4:-light}
shift $(( $# < 4 ? $# : 4 ))
[ "${1:-}" = "--" ] && shift
app_args=""
[ $# -gt 0 ] && app_args=$(printf '%q ' "$@")
# No outside network unless asked for: tiles from a closed local port.
tile_url=${ATLAS_SCREENSHOT_TILE_URL:-'http://127.0.0.1:9/{z}/{x}/{y}.png'}
width=${size%x*}
height=${size#*x}

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$top/_build
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

mkdir -p "$home/config/glib-2.0/settings"
cat > "$home/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/geoparkatlas/GeoparkAtlas]
window-width=$width
window-height=$height
color-scheme='$([ "$style" = dark ] && echo dark || echo light)'
tile-url='$tile_url'
${ATLAS_SCREENSHOT_SETTINGS:-}
KEYFILE

# Runs inside the virtual display: start the app, let it map, draw and settle
# (tiles fail fast without network), take the picture, quit.
shoot='
  eval "\"$build/src/geopark-atlas\" $app_args" &
  pid=$!
  sleep "$delay"
  import -window root -crop "${width}x${height}+0+0" +repage "$out"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
'

env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
  XDG_RUNTIME_DIR="$home" LANG=C.UTF-8 LANGUAGE="$language" \
  GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
  GEOPARK_ATLAS_LOCALEDIR="$build/po" GSK_RENDERER=cairo \
  build="$build" out="$out" width="$width" height="$height" app_args="$app_args" \
  delay="${ATLAS_SCREENSHOT_DELAY:-3}" \
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- bash -c "$shoot"
echo "$out"
