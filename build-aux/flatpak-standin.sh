#!/usr/bin/env bash
# The Flatpak, built and run on a stand-in for the GNOME runtime, which
# cannot be downloaded here. Runs inside the Debian forky chroot of
# build-aux/ci-chroot.sh, whose GTK, libadwaita, libshumate and GLib are
# those of the GNOME 51 runtime:
#
#   build-aux/ci-chroot.sh forky flatpak
#
# 1. This system's /usr (and /etc) is exported as org.gnome.Sdk and
#    org.gnome.Platform at the manifest's runtime-version and installed; it
#    is made again only when the installed packages change.
# 2. flatpak-builder builds the real manifest, less the modules the stand-in
#    already has (it prints which), and runs the manifest's run-tests in the
#    build sandbox; the app is installed.
# 3. `flatpak run` starts it under this session's display and bus, in
#    Vietnamese and in English, through tests/e2e/test_flatpak.py.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
manifest=$top/build-aux/flatpak/io.github.geoparkatlas.GeoparkAtlas.json
state=${ATLAS_STANDIN_DIR:-/var/cache/geopark-atlas-standin}
arch=$(flatpak --default-arch 2>/dev/null || uname -m)

log() { printf '\033[1m==> flatpak: %s\033[0m\n' "$*"; }

# What the real SDK has and a Debian system lacks: eu-strip for the
# debug info, appstreamcli compose for the metainfo; and the desktop's file
# chooser portal, through which the sandboxed app opens a dataset folder.
"$top/build-aux/install-missing.sh" flatpak flatpak-builder elfutils appstream appstream-compose \
  xdg-desktop-portal xdg-desktop-portal-gtk

manifest_value() {
  /usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' \
    "$manifest" "$1"
}
app_id=$(manifest_value id)
version=$(manifest_value runtime-version)

# The packages installed, which the stand-in is made of.
runtime_stamp() {
  printf '%s %s\n' "$arch" "$version"
  dpkg-query -W -f='${Package} ${Version}\n' | sha256sum
}

make_runtime() {
  if [ -f "$state/runtime.stamp" ] && [ "$(cat "$state/runtime.stamp")" = "$(runtime_stamp)" ] &&
    flatpak info --system "org.gnome.Sdk//$version" >/dev/null 2>&1; then
    log "using the cached stand-in org.gnome.Platform and org.gnome.Sdk $version"
    return 0
  fi

  log "making the stand-in org.gnome.Platform and org.gnome.Sdk $version from this system"
  flatpak uninstall --system -y --noninteractive "$app_id" >/dev/null 2>&1 || true
  flatpak uninstall --system -y --noninteractive "org.gnome.Platform//$version" \
    "org.gnome.Sdk//$version" >/dev/null 2>&1 || true
  flatpak remote-delete --system --force standin >/dev/null 2>&1 || true
  rm -rf "$state"
  mkdir -p "$state/runtime"
  # Links, not copies: ostree reads them once.
  cp -al /usr "$state/runtime/files"
  cp -a /etc "$state/runtime/files/etc"

  # One tree, both names: the platform has the SDK's compilers and headers
  # too, which nothing at run time notices.
  local name
  for name in Sdk Platform; do
    printf '[Runtime]\nname=org.gnome.%s\nruntime=org.gnome.Platform/%s/%s\nsdk=org.gnome.Sdk/%s/%s\n' \
      "$name" "$arch" "$version" "$arch" "$version" > "$state/runtime/metadata"
    flatpak build-export --runtime --files=files --subject="Stand-in from Debian" \
      "$state/repo" "$state/runtime" "$version"
  done
  rm -rf "$state/runtime"
  flatpak remote-add --system --no-gpg-verify standin "$state/repo"
  flatpak install --system -y --noninteractive standin "org.gnome.Platform//$version" \
    "org.gnome.Sdk//$version"
  runtime_stamp > "$state/runtime.stamp"
}

# The real manifest, less the modules this system already has: the same
# JSON with those modules taken out and the source folder made absolute.
write_manifest() {
  /usr/bin/python3 - "$manifest" "$top" "$state/manifest.json" <<'EOF'
import json
import subprocess
import sys

manifest_path, source, out = sys.argv[1:]
with open(manifest_path) as f:
    manifest = json.load(f)
# A module whose pkg-config name this system knows is already there.
provided = {"libshumate": "shumate-1.0", "protobuf-c": "libprotobuf-c"}
kept = []
for module in manifest["modules"]:
    name = module["name"] if isinstance(module, dict) else module
    package = provided.get(name)
    if package and subprocess.run(["pkg-config", "--exists", package]).returncode == 0:
        version = subprocess.run(["pkg-config", "--modversion", package],
                                 capture_output=True, text=True).stdout.strip()
        print(f"    left out module {name}: the stand-in has {package} {version}")
        continue
    for src in module.get("sources", []) if isinstance(module, dict) else []:
        if src.get("type") == "dir":
            print(f"    module {name}: source folder {src['path']} -> {source}")
            src["path"] = source
    kept.append(module)
manifest["modules"] = kept
with open(out, "w") as f:
    json.dump(manifest, f, indent=2)
EOF
}

build_app() {
  log "building $(basename "$manifest") with flatpak-builder, as transformed:"
  write_manifest
  flatpak-builder --system --install --force-clean --disable-rofiles-fuse --disable-updates \
    --state-dir="$state/builder" "$state/build" "$state/manifest.json"
}

run_app() {
  log "running it with flatpak run, in Vietnamese and in English"
  local runtime_dir
  runtime_dir=$(mktemp -d)
  XDG_RUNTIME_DIR=$runtime_dir "$top/build-aux/virtual-display.sh" \
    /usr/bin/python3 "$top/tests/e2e/test_flatpak.py"
  rm -rf "$runtime_dir"
}

mkdir -p "$state"
make_runtime
build_app
run_app
log "built, tested in the build sandbox, installed and run"
