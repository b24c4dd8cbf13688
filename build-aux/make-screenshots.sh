#!/usr/bin/env bash
# Makes the store screenshots in data/screenshots/ from the app as built in
# _build (build it first), under a virtual display, in English, on the
# offline base map: no network, and the same pictures every time.
#
#   build-aux/make-screenshots.sh [NAME…]    all of them, or only those named
#
# Each picture is 1000×700, the most Flathub shows of a window (one is
# 400×700, to show that the window adapts).
# Look at every one before committing it.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out_dir=$top/data/screenshots
# Enough for the window to open the item and for the map to finish flying.
export ATLAS_SCREENSHOT_DELAY=${ATLAS_SCREENSHOT_DELAY:-6}

if [ ! -x "$top/_build/src/geopark-atlas" ]; then
  echo "Build the app first: meson setup _build && ninja -C _build" >&2
  exit 1
fi
"$top/build-aux/install-missing.sh" imagemagick xvfb xauth dbus

# Without a window manager GTK draws a 5 px frame around the window: the
# screen is that much larger than the picture, and the frame is cut away.
# (So "full screen" is a window the size of the screen: it looks the same.)
frame=5

# Each view puts the map where the picture needs it: the window restores the
# open item but leaves the map where the settings say. The pointer rests in
# the middle of the virtual screen, so each view keeps pins away from there,
# or the picture gets a tooltip.

# Whether NAME was asked for (all are, when none is named).
wanted() {
  [ ${#names[@]} -eq 0 ] && return 0
  local name
  for name in "${names[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

# shot NAME WIDTHxHEIGHT light|dark SETTINGS [APP ARGUMENTS…]
shot() {
  local name=$1 size=$2 style=$3 settings=$4
  shift 4
  wanted "$name" || return 0
  local width=${size%x*} height=${size#*x}
  local screen="$((width + 2 * frame))x$((height + 2 * frame))"
  local raw
  raw=$(mktemp --suffix=.png)

  if ! log=$(ATLAS_SCREENSHOT_SETTINGS="basemap='offline'
window-width=$((width + 2 * frame))
window-height=$((height + 2 * frame))
$settings" "$top/build-aux/screenshot.sh" "$raw" en "$screen" "$style" -- "$@" 2>&1); then
    echo "$log" >&2
    echo "$name: the screenshot failed" >&2
    rm -f "$raw"
    return 1
  fi
  convert "$raw" -crop "${size}+${frame}+${frame}" +repage -strip "$out_dir/$name.png"
  rm -f "$raw"
  if command -v optipng >/dev/null; then
    optipng -quiet -o2 "$out_dir/$name.png"
  fi
  echo "$out_dir/$name.png"
}

names=("$@")
mkdir -p "$out_dir"

# The news beside the map, an article open, its place picked out on the map.
shot main-window 1000x700 light "
sidebar-page='news'
last-selection='2025-06-28-lang-son-celebrates-unesco-title'
map-zoom=8.9
map-latitude=21.75
map-longitude=106.5"

# A place found by typing without accents.
shot place 1000x700 light "
sidebar-page='places'
search-text='ban gioc'
last-selection='cb-01'
map-zoom=8.9
map-latitude=22.35
map-longitude=106.45"

# A geopark: its places listed, its area on the map.
shot geopark 1000x700 light "
sidebar-page='places'
filter-geopark='caobang'
last-selection='caobang'
map-zoom=8.8
map-latitude=22.7
map-longitude=106.2"

# The dark style.
shot dark 1000x700 dark "
sidebar-page='news'
last-selection='2024-09-13-cao-bang-khorat-cooperation'
map-zoom=5.5
map-latitude=15.5
map-longitude=109.5"

# Presenting: full screen, a caption card over the map.
shot present 1000x700 light "
sidebar-page='news'
last-selection='2025-06-28-lang-son-receives-unesco-title'" --present

# A narrow window: one pane at a time.
shot narrow 400x700 light "
sidebar-page='places'
last-selection='dv-03'
map-zoom=7.6
map-latitude=22.2
map-longitude=105.9"

exit 0
