#!/usr/bin/env bash
# The newer GNOME stacks in CI: builds Geopark Atlas with -Dwerror=true in a
# Debian chroot and runs the unit, ui, e2e and validate suites there under
# Xvfb, as build-aux/dev.sh does on Debian 12.
#
#   build-aux/ci-chroot.sh trixie   Debian 13: GTK 4.18, libadwaita 1.7,
#                                   libshumate 1.4, what source builders on
#                                   Debian stable have
#   build-aux/ci-chroot.sh forky    Debian testing: GTK 4.24, libadwaita 1.10,
#                                   libshumate 1.7, the stack of the GNOME 51
#                                   runtime that Flatpak users have
#   build-aux/ci-chroot.sh forky flatpak
#                                   the Flatpak, built, tested and run on a
#                                   stand-in runtime made from that chroot
#                                   (build-aux/flatpak-standin.sh)
#
# Needs root (debootstrap, chroot, mount); installs debootstrap and the
# Python that counts the tests when they are missing. The chroot, with the
# packages of build-aux/packages.txt installed, is kept in $ATLAS_CI_CACHE
# (default /var/cache/geopark-atlas-ci) and made again only when the
# package list changes, or with ATLAS_CI_FRESH=1. It ends with a line such as
# "debian13: tests: 35 passed, 0 failed, 0 skipped".
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
release=${1:-}
what=${2:-suites}
cache=${ATLAS_CI_CACHE:-/var/cache/geopark-atlas-ci}
# Bump when the chroot's set-up below changes, so that caches are made again.
setup_version=2

# For each release: the label of its output, the word that marks its
# packages in build-aux/packages.txt, debootstrap's script for it, and its
# apt suites. Testing has no -updates, and its Release file outlives its
# Valid-Until between uploads.
case "$release" in
  trixie)
    label=debian13 marker=debian13 script=trixie
    suites="trixie trixie-updates" security_suite=trixie-security
    apt_options=()
    ;;
  forky)
    label=forky marker=debian14 script=sid
    suites=forky security_suite=
    apt_options=('Acquire::Check-Valid-Until "false";')
    ;;
  *)
    echo "usage: $0 trixie|forky [flatpak]" >&2
    exit 2
    ;;
esac
case "$what" in
  suites) ;;
  flatpak) label="$label flatpak" ;;
  *)
    echo "usage: $0 trixie|forky [flatpak]" >&2
    exit 2
    ;;
esac

log() { printf '\033[1m==> %s: %s\033[0m\n' "$label" "$*"; }
die() { printf '%s: %s\n' "$label" "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root: debootstrap, chroot and mount need it"
"$top/build-aux/install-missing.sh" debootstrap python3

mkdir -p "$cache"
cache=$(realpath "$cache")
root=$cache/$release-chroot
stamp=$cache/$release-chroot.stamp
run_log=$cache/$release-$what-last-run.log

# One run at a time per cache.
exec 9>"$cache/lock"
if ! flock -n 9; then
  log "waiting for another run to finish with $cache"
  flock 9
fi

mapfile -t packages < <("$top/build-aux/packages.sh" "$marker")

# The Debian mirror this machine's apt already uses (it may be the only one
# the network lets through), or ATLAS_CI_MIRROR.
host_apt_uris() {
  {
    awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' \
      /etc/apt/sources.list.d/*.sources 2>/dev/null
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { print $i; break } }' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
  } || true
}
mirror=${ATLAS_CI_MIRROR:-$(host_apt_uris | grep -m 1 -E '/debian/?$' || true)}
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}
security_mirror=$(host_apt_uris | grep -m 1 -E '/debian-security/?$' || true)
security_mirror=${security_mirror:-${mirror%/debian}/debian-security}
security_mirror=${security_mirror%/}

# The host's apt proxy and date-check settings, for the chroot's apt; a proxy
# set only for apt goes to debootstrap (wget) through the environment.
host_apt_conf=$(apt-config dump 2>/dev/null |
  grep -E '^Acquire::(https?::Proxy|Check-Valid-Until|Check-Date)( |::)' || true)
apt_http_proxy=$(printf '%s\n' "$host_apt_conf" |
  sed -n 's/^Acquire::http::Proxy "\(.*\)";$/\1/p' | sed -n 1p)
if [ -n "$apt_http_proxy" ] && [ "$apt_http_proxy" != DIRECT ] && [ -z "${http_proxy:-}" ]; then
  export http_proxy=$apt_http_proxy
fi

# --- mounts and processes -------------------------------------------------

# Mount points under the chroot, deepest first.
mounts_under_root() {
  awk -v root="$root" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/self/mounts |
    awk '{ print length($0), $0 }' | sort -rn | cut -d' ' -f2-
}

# Every process whose root is the chroot: a test's stray Xvfb, dbus-daemon or
# at-spi bus, or anything a failed run left.
kill_chroot_processes() {
  local signal pid found
  for signal in TERM KILL; do
    found=()
    for pid in /proc/[0-9]*; do
      if [ "$(readlink "$pid/root" 2>/dev/null)" = "$root" ]; then
        found+=("${pid#/proc/}")
      fi
    done
    [ ${#found[@]} -eq 0 ] && return 0
    log "stopping what is left in the chroot (SIG$signal): ${found[*]}"
    kill "-$signal" "${found[@]}" 2>/dev/null || true
    sleep 1
  done
}

unmount_all() {
  local point
  [ -d "$root" ] || return 0
  kill_chroot_processes
  while read -r point; do
    [ -n "$point" ] || continue
    umount "$point" 2>/dev/null || umount -l "$point" || true
  done < <(mounts_under_root)
  if [ -n "$(mounts_under_root)" ]; then
    echo "$label: still mounted under $root:" >&2
    mounts_under_root >&2
    return 1
  fi
}

mount_all() {
  mkdir -p "$root/proc" "$root/sys" "$root/dev" "$root/tmp"
  mount -t proc proc "$root/proc"
  mount -t sysfs -o ro sysfs "$root/sys"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"
  # A /dev/shm and /tmp of its own: the host's stay out of the chroot.
  mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
  mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
}

# Never rm -rf a tree with /dev bound inside it.
remove_root() {
  unmount_all || die "cannot remove $root while something is mounted in it"
  rm -rf --one-file-system "$root"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  unmount_all || status=1
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A run killed outright leaves its mounts behind: clear them first.
unmount_all || die "leftover mounts under $root"

# --- the chroot -------------------------------------------------------------

# How a command enters the chroot. The kernel refuses a user namespace to a
# chrooted process, and Flatpak's sandbox needs one: for the Flatpak, the
# chroot is entered with bubblewrap, whose pivot_root leaves nothing
# chrooted.
if [ "$what" = flatpak ]; then
  "$top/build-aux/install-missing.sh" bubblewrap
  enter=(bwrap --dev-bind "$root" / --)
else
  enter=(chroot "$root")
fi

# in_chroot COMMAND...: runs it in the chroot with a clean environment (none
# of the host's display, bus or runtime directory), plus chroot_env.
chroot_env=()
in_chroot() {
  local env=(
    HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM="${TERM:-dumb}"
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    DEBIAN_FRONTEND=noninteractive
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  )
  local name
  for name in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    [ -n "${!name:-}" ] && env+=("$name=${!name}")
  done
  env -i "${env[@]}" "${chroot_env[@]}" "${enter[@]}" "$@"
}

# Name resolution and this workplace's TLS authority (it intercepts TLS), on
# every run: the host's may change. The chroot's ca-certificates package
# rebuilds its bundle from /usr/local/share/ca-certificates too.
copy_host_config() {
  local file
  # A minimal Debian may have none of them.
  for file in /etc/resolv.conf /etc/hosts /etc/ssl/certs/ca-certificates.crt; do
    if [ -e "$file" ]; then
      mkdir -p "$(dirname "$root$file")"
      cp -L "$file" "$root$file"
    fi
  done
  mkdir -p "$root/usr/local/share/ca-certificates"
  if compgen -G '/usr/local/share/ca-certificates/*' >/dev/null; then
    cp -rL /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
  fi
  printf '%s\n' "$host_apt_conf" > "$root/etc/apt/apt.conf.d/01host"
  printf '%s\n' "${apt_options[@]}" > "$root/etc/apt/apt.conf.d/02release"
}

stamp_text() {
  printf 'setup %s\nrelease %s\nmirror %s %s\npackages %s\n' \
    "$setup_version" "$release" "$mirror" "$security_mirror" "${packages[*]}"
}

bootstrap() {
  log "debootstrap --variant=minbase $release from $mirror"
  remove_root
  mkdir -p "$root"
  debootstrap --variant=minbase "$release" "$root" "$mirror" "$script"
  touch "$root/.atlas-bootstrapped"
}

install_packages() {
  log "installing ${#packages[@]} packages and the en_US and vi_VN locales"
  rm -f "$root/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\n' "$mirror" "$suites"
    if [ -n "$security_suite" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s\nComponents: main\n' \
        "$security_mirror" "$security_suite"
    fi
  } > "$root/etc/apt/sources.list.d/debian.sources"
  # No services start inside the chroot.
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  copy_host_config

  in_chroot dpkg --configure -a
  in_chroot apt-get update -q
  in_chroot apt-get install -y -q --no-install-recommends "${packages[@]}"
  # glibc 2.41 ignores LANGUAGE under C.UTF-8: Vietnamese needs a vi_VN locale.
  printf 'en_US.UTF-8 UTF-8\nvi_VN UTF-8\n' > "$root/etc/locale.gen"
  in_chroot locale-gen
  in_chroot apt-get clean
  stamp_text > "$stamp"
}

prepare_chroot() {
  if [ -n "${ATLAS_CI_FRESH:-}" ] || [ ! -f "$root/.atlas-bootstrapped" ]; then
    rm -f "$stamp"
    bootstrap
  fi
  mount_all
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(stamp_text)" ]; then
    log "using the cached chroot $root"
  else
    install_packages
  fi
  copy_host_config
}

# The work tree as it is, uncommitted changes included, without build output;
# and the shared seed listing beside it, which the validate suite compares.
copy_source() {
  local dest=$root/src/geopark-atlas
  rm -rf --one-file-system "$root/src"
  mkdir -p "$dest"
  if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$top" && git ls-files -z --cached --others --exclude-standard |
      tar --null --ignore-failed-read -T - -cf -) | tar -C "$dest" -xf -
  else
    tar -C "$top" --exclude='./_build*' --exclude='./build-aux/schema-check/node_modules' \
      -cf - . | tar -C "$dest" -xf -
  fi
  if [ -d "$top/../shared/seed" ]; then
    mkdir -p "$root/src/shared"
    cp -r "$top/../shared/seed" "$root/src/shared/seed"
  fi
}

# A display number no X server here uses: the chroot has its own /tmp, but
# abstract X sockets are shared with the host, whose xvfb-run counts up from 99.
free_display() {
  local n=77
  while [ -e "/tmp/.X$n-lock" ] || [ -e "$root/tmp/.X$n-lock" ] ||
    grep -q "@/tmp/.X11-unix/X$n\$" /proc/net/unix; do
    n=$((n + 1))
  done
  echo "$n"
}

summary() {
  /usr/bin/python3 "$top/build-aux/count-tests.py" --label "$label" \
    "$root/src/geopark-atlas/_build"
}

# The Flatpak on a stand-in runtime, with its own closing line: its two
# steps are the manifest's run-tests in the build sandbox (a failure stops
# the build) and the installed app under `flatpak run`.
run_flatpak() {
  local status=0 built=0
  log "the Flatpak on a stand-in runtime made from this chroot (Xvfb :$display and up)"
  in_chroot /bin/bash -c 'cd /src/geopark-atlas && exec build-aux/flatpak-standin.sh' 2>&1 |
    tee "$run_log" || status=$?
  kill_chroot_processes
  grep -q '==> flatpak: running it' "$run_log" && built=1
  echo "flatpak: $((built + (status == 0 ? 1 : 0))) passed, $((status == 0 ? 0 : 2 - built)) failed"
  log "$((SECONDS / 60)) min $((SECONDS % 60)) s in all"
  return $status
}

main() {
  local status=0 display
  prepare_chroot
  copy_source
  log "$(in_chroot /src/geopark-atlas/build-aux/dev.sh versions)"

  display=$(free_display)
  chroot_env=(ATLAS_XVFB_SERVERNUM="$display")
  if [ "$what" = flatpak ]; then
    run_flatpak
    return
  fi

  log "building with -Dwerror=true and running the suites (Xvfb :$display and up)"
  in_chroot /bin/bash -c 'cd /src/geopark-atlas && exec build-aux/dev.sh suites' 2>&1 |
    tee "$run_log" || status=$?
  kill_chroot_processes

  # Warnings are errors in the build; a deprecation warning printed while the
  # tests ran (GTK, GLib, libadwaita at run time) fails the run too. meson's
  # test log has the output of every test, not only of those that failed.
  local test_log=$root/src/geopark-atlas/_build/meson-logs/testlog.txt
  if grep -i -E '(warning|critical).*deprecat' "$run_log" "$test_log" 2>/dev/null; then
    echo "$label: deprecation warnings above (logs: $run_log, $test_log)"
    status=1
  fi
  summary || status=1
  log "$((SECONDS / 60)) min $((SECONDS % 60)) s in all"
  return $status
}

main
