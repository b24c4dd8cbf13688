#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are not
# installed yet, with apt-get, as root or through sudo; does nothing when
# every one is there. Each of our scripts calls it for the tools it runs, so
# that a fresh machine needs nothing installed by hand.
#
#   build-aux/install-missing.sh PACKAGE...
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for pkg in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

printf '\033[1m==> Installing %s\033[0m\n' "${missing[*]}"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
