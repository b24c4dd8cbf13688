#!/usr/bin/env bash
# The Debian packages of build-aux/packages.txt for one release: the lines
# without a release word, and those that name this one.
#
#   build-aux/packages.sh debian12|debian13|debian14
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
awk -v release="$1" '
  /^#/ || !NF { next }
  NF == 1 { print $1; next }
  { for (i = 2; i <= NF; i++) if ($i == release) { print $1; next } }
' "$(dirname "${BASH_SOURCE[0]}")/packages.txt"
