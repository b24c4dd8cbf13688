#!/usr/bin/env bash
# Runs a command on the current X display with a window manager, so that
# maximizing, full screen and focus behave as on a desktop. A bare Xvfb has
# none.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

openbox --sm-disable --config-file /dev/null >/dev/null 2>&1 &
wm=$!
# Wait until it has taken over the screen (at most 5 s).
for _ in $(seq 50); do
  xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break
  sleep 0.1
done

"$@"
status=$?
kill "$wm" 2>/dev/null
wait "$wm" 2>/dev/null
exit $status
