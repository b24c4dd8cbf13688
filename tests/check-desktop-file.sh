#!/bin/sh
# Validates a desktop file. desktop-file-validate exits 0 on warnings and
# hints; here anything it has to say fails.
#
#   tests/check-desktop-file.sh DESKTOP-FILE-VALIDATE FILE
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if ! report=$("$1" "$2" 2>&1); then
  echo "$report"
  exit 1
fi
if [ -n "$report" ]; then
  echo "$report"
  echo "desktop-file-validate has warnings or hints"
  exit 1
fi
echo "$2: valid"
