#!/usr/bin/env bash
# Runs a command as in a desktop session, with nothing on screen: a virtual
# X display (Xvfb, 1280×800), a private session bus and a window manager.
# X first, then the bus: in the other order AT-SPI input does nothing.
#
#   build-aux/virtual-display.sh COMMAND [ARGUMENT…]
#
# ATLAS_XVFB_SERVERNUM: the first display number to try (xvfb-run's default
# is 99); a chroot sets one far from the host's, whose X sockets it shares.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

exec xvfb-run -a ${ATLAS_XVFB_SERVERNUM:+-n "$ATLAS_XVFB_SERVERNUM"} -s "-screen 0 1280x800x24" \
  dbus-run-session -- "$(dirname "${BASH_SOURCE[0]}")/with-wm.sh" "$@"
