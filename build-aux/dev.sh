#!/usr/bin/env bash
# Geopark Atlas developer entry point.
#
#   build-aux/dev.sh run    install what is missing, build, install into
#                           _build/_install and start the app from there
#   build-aux/dev.sh test   install what is missing, build, run every test suite
#   build-aux/dev.sh suites the unit, ui, e2e and validate suites only, without
#                           the sanitizer and fuzzing stages (the chroots of
#                           build-aux/ci-chroot.sh run this)
#   build-aux/dev.sh versions  the GTK, libadwaita, libshumate, GLib and json-glib
#                           the app builds against
#   build-aux/dev.sh bench  build, generate the benchmark datasets, print the figures
#                           of docs/PERFORMANCE.md (not part of `test`);
#                           `bench first-content` runs only the start-up timing;
#                           ATLAS_BENCH_BEFORE=OTHER/_build runs another
#                           checkout's build beside ours, step by step
#   build-aux/dev.sh stress [RUNS]  build, install into _build/_install, start the app
#                           RUNS times (200) in Vietnamese, every other time typing a
#                           search at once, and count the starts that show an empty
#                           atlas (tests/e2e/stress_start.py; many minutes)
#
# Works on a fresh Debian 12 machine as root (or with sudo available).
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
build_dir=_build
asan_dir=_build-asan
fuzz_dir=_build-fuzz
# How long CI fuzzes the dataset loader, in seconds.
fuzz_seconds=${ATLAS_FUZZ_SECONDS:-60}

# Build tools, libraries, and what the tests drive the app with: the list
# build-aux/ci-chroot.sh installs in its chroots too, with the packages
# marked for that release. Debian testing and unstable have no VERSION_ID:
# they get what forky, the testing release, gets.
debian_release() {
  local version_id=12
  if [ -r /etc/os-release ]; then
    version_id=$(. /etc/os-release && echo "${VERSION_ID:-14}")
  fi
  echo "debian${version_id%%.*}"
}
mapfile -t packages < <("$top/build-aux/packages.sh" "$(debian_release)")

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing_packages() {
  local wanted=("${packages[@]}")
  # Node.js for the JSON Schema validator; any install of it will do.
  if ! command -v npm >/dev/null; then
    wanted+=(nodejs npm)
  fi
  "$top/build-aux/install-missing.sh" "${wanted[@]}"
}

# The locales people have: C.UTF-8, en_US.UTF-8 and vi_VN.UTF-8. A minimal
# Debian has only the first; the app runs and the language switch is tested
# under all three.
install_locales() {
  local wanted
  for wanted in en_US vi_VN; do
    if ! locale -a 2>/dev/null | grep -qx "$wanted.utf8"; then
      log "Generating the $wanted.UTF-8 locale"
      as_root localedef -i "$wanted" -f UTF-8 "$wanted.UTF-8"
    fi
  done
}

install_node_modules() {
  local dir=build-aux/schema-check
  if [ ! -x "$dir/node_modules/.bin/ajv" ]; then
    log "Installing the JSON Schema validator (npm)"
    npm ci --prefix "$dir" --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

configure() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    log "Configuring $dir"
    meson setup "$dir" --prefix="$top/$dir/_install" -Dwerror=true "$@"
  fi
}

build() {
  configure "$build_dir"
  log "Building"
  meson compile -C "$build_dir"
}

# Xvfb, a session bus and a window manager (build-aux/virtual-display.sh).
in_virtual_display() {
  "$top/build-aux/virtual-display.sh" "$@"
}

# The app as it will be installed: into the build's own prefix, with its
# translations, GSettings schema, icons and desktop file where a desktop
# looks for them, and started from there, as GNOME Builder runs an app.
prefix_dir=$top/$build_dir/_install

install_into_prefix() {
  local prefix
  prefix=$(meson introspect --buildoptions "$build_dir" |
    /usr/bin/python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
  if [ "$prefix" != "$prefix_dir" ]; then
    meson configure "$build_dir" --prefix="$prefix_dir" >/dev/null
  fi
  log "Installing into $build_dir/_install"
  meson install -C "$build_dir" --no-rebuild --quiet
}

run_app() {
  build
  install_into_prefix
  log "Starting Geopark Atlas"
  exec env XDG_DATA_DIRS="$prefix_dir/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
    "$prefix_dir/bin/geopark-atlas" "$@"
}

# The stack the app is built against, as CI reports it.
stack_versions() {
  pkg-config --modversion gtk4 libadwaita-1 shumate-1.0 glib-2.0 json-glib-1.0 | paste -sd' ' |
    awk '{ printf "GTK %s, libadwaita %s, libshumate %s, GLib %s, json-glib %s", $1, $2, $3, $4, $5 }'
}

run_tests() {
  build
  log "$(debian_release): $(stack_versions)"
  log "Running the test suites (unit, ui, e2e, validate)"
  in_virtual_display meson test -C "$build_dir" --print-errorlogs

  # Address and undefined-behaviour sanitizers over the code we own.
  configure "$asan_dir" -Db_sanitize=address,undefined -De2e_tests=false
  log "Building with sanitizers"
  meson compile -C "$asan_dir"
  log "Running unit and ui suites under the sanitizers"
  in_virtual_display meson test -C "$asan_dir" --print-errorlogs --suite unit --suite ui

  fuzz
  summarize 1 "$build_dir" "$asan_dir"
}

# The four suites once, without sanitizers or fuzzing; the summary line even
# when a test fails.
run_suites() {
  build
  log "Running the test suites (unit, ui, e2e, validate)"
  local status=0
  in_virtual_display meson test -C "$build_dir" --print-errorlogs || status=$?
  summarize 0 "$build_dir"
  return $status
}

# One closing line for all the suites and the fuzzer: "tests: N passed, N failed, N skipped".
# The first argument is 1 when the fuzzer ran (it stops the run when it finds anything).
summarize() {
  local fuzzer=$1; shift
  /usr/bin/python3 "$top/build-aux/count-tests.py" --extra "$fuzzer" "$@" || true
}

# libFuzzer over the dataset loader for a bounded time, starting from the
# committed corpus; new inputs go to a scratch folder, not into the tree.
fuzz() {
  if [ ! -f "$fuzz_dir/build.ninja" ]; then
    log "Configuring $fuzz_dir"
    CC=clang meson setup "$fuzz_dir" -Dwerror=true -Dfuzzing=true \
      -Db_sanitize=address,undefined -Db_lundef=false -De2e_tests=false
  fi
  meson compile -C "$fuzz_dir" tests/fuzz/fuzz-dataset
  log "Fuzzing the dataset loader for ${fuzz_seconds} s"
  local scratch
  scratch=$(mktemp -d)
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$fuzz_dir/tests/fuzz/fuzz-dataset" -max_total_time="$fuzz_seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "$scratch" tests/fuzz/corpus
  rm -rf "$scratch"
}

# The figures of docs/PERFORMANCE.md. Timings, not checks: nothing here fails
# because a figure is slow. The generated datasets are cached by size.
# The builds a bench batch compares: ours, and with ATLAS_BENCH_BEFORE (the
# build folder of another checkout, such as a worktree of the previous
# release) that one first, step by step in the same batch, so that both
# meet the same load on the machine. Each figure's line starts with its
# build's name.
bench_builds() {
  if [ -n "${ATLAS_BENCH_BEFORE:-}" ]; then
    echo "before=$ATLAS_BENCH_BEFORE"
  fi
  echo "now=$top/$build_dir"
}

# Runs "atlas-bench ARGUMENT…" for each build, in a virtual display when
# the first argument is "display".
bench_each() {
  local display=0 entry label dir
  if [ "$1" = display ]; then display=1; shift; fi
  while IFS= read -r entry; do
    label=${entry%%=*} dir=${entry#*=}
    if [ "$display" = 1 ]; then
      GSK_RENDERER=${GSK_RENDERER:-cairo} GDK_DEBUG=${GDK_DEBUG:-gl-disable} \
        GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$dir/data" \
        in_virtual_display timeout 300 "$dir/tests/bench/atlas-bench" "$@" 2>/dev/null ||
        echo "atlas-bench $*: did not finish within 300 s"
    else
      "$dir/tests/bench/atlas-bench" "$@"
    fi | sed "s/^/$label: /"
  done < <(bench_builds)
}

run_bench() {
  build
  local data=${ATLAS_BENCH_DATA:-$top/$build_dir/bench-data}
  local runs=${ATLAS_BENCH_RUNS:-7}
  local news run set

  log "Machine"
  grep -m1 'model name' /proc/cpuinfo || true
  echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  log "Builds: $(bench_builds | tr '\n' ' ')"

  for news in 1000 10000 50000 100000; do
    if [ ! -f "$data/n$news/news.json" ]; then
      log "Generating $news news items and 5000 places"
      python3 build-aux/bench/make-dataset.py "$data/n$news" --news "$news" --places 5000 --seed 1
    fi
  done

  # The target of issue 18: twice what a busy board publishes in ten years.
  if [ ! -f "$data/n20000p2000/news.json" ]; then
    log "Generating 20000 news items and 2000 places"
    python3 build-aux/bench/make-dataset.py "$data/n20000p2000" --news 20000 --places 2000 \
      --seed 1
  fi

  log "Dataset load (parse, validate, index), median of $runs fresh processes"
  bench_each load --runs "$runs"
  for set in n20000p2000 n1000 n10000 n50000 n100000; do
    bench_each load --runs "$runs" "$data/$set"
  done

  for set in n20000p2000 n50000; do
    log "Opening $set in the window (Xvfb): 3 runs"
    for run in 1 2 3; do
      bench_each display open "$data/$set" | grep '^[a-z]*: open'
    done
  done

  log "Search latency per keystroke, 50000 news items and 5000 places"
  bench_each search --rounds 5 "$data/n50000" "cao bằng" "lang son" "thác bản giốc" "đồng văn"
  bench_fts5 "$data/n50000"

  if [ ! -f "$data/pan5000/places.json" ]; then
    log "Generating 5000 places in Cao Bằng"
    python3 build-aux/bench/make-dataset.py "$data/pan5000" --news 1000 --places 5000 \
      --cluster 5000 --cluster-geopark caobang --seed 1
  fi
  if [ ! -f "$data/bundled/places.json" ]; then
    "$build_dir/src/geopark-atlas" --export-dataset "$data/bundled" >/dev/null
  fi
  log "Panning over Cao Bằng (Xvfb, software rendering, 300 frames): bundled data, then 5000 places"
  for set in bundled pan5000; do
    bench_each display pan "$data/$set" caobang
  done
  log "Flying between places of Cao Bằng, as opening one after another does (300 frames)"
  for set in bundled pan5000; do
    bench_each display fly "$data/$set" caobang
  done

  bench_first_content "$runs"
}

# SQLite FTS5 with our tokenizer, the same keystrokes as the search above
# (issue 19): one round, this build only, and only where it was built (it
# needs SQLite's headers). ATLAS_BENCH_FTS5=0 leaves it out.
bench_fts5() {
  local fts5=$top/$build_dir/tests/bench/atlas-bench-fts5
  if [ "${ATLAS_BENCH_FTS5:-1}" = 0 ] || [ ! -x "$fts5" ]; then
    return 0
  fi
  log "The same keystrokes through SQLite FTS5 with our tokenizer (one round)"
  "$fts5" search --rounds 1 --prefix '1 2 3' "$1" "cao bằng" "lang son" "thác bản giốc" "đồng văn" |
    grep -v '^  "' | sed 's/^/now: /'
}

# Time to first content of the main window, read from the X server, each run
# with a fresh HOME; interleaved with the floor (a bare libadwaita window with
# a ShumateSimpleMap) and with Debian's gnome-maps when it is installed
# (ATLAS_BENCH_INSTALL_GNOME_MAPS=1 installs it).
bench_first_content() {
  local runs=$1
  local gnome_maps programs
  programs=("atlas=$top/$build_dir/src/geopark-atlas"
            "minimal=$top/$build_dir/tests/bench/minimal-map")
  if [ -n "${ATLAS_BENCH_BEFORE:-}" ]; then
    programs=("before=$ATLAS_BENCH_BEFORE/src/geopark-atlas" "${programs[@]}")
  fi

  if [ ! -x "$build_dir/tests/bench/ttfc" ]; then
    log "Time to first content: skipped (tests/bench/ttfc needs Xlib and XDamage)"
    return 0
  fi
  if [ "${ATLAS_BENCH_INSTALL_GNOME_MAPS:-0}" = 1 ]; then
    "$top/build-aux/install-missing.sh" gnome-maps
  fi
  gnome_maps=$(command -v gnome-maps || true)
  [ -z "$gnome_maps" ] && [ -x /usr/games/gnome-maps ] && gnome_maps=/usr/games/gnome-maps
  [ -n "$gnome_maps" ] && programs+=("gnome-maps=$gnome_maps")

  log "Time to first content (Xvfb, ${GSK_RENDERER:-cairo} renderer): ${programs[*]%%=*}," \
    "interleaved, $runs runs after a warm-up; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  GSK_RENDERER=${GSK_RENDERER:-cairo} GSETTINGS_SCHEMA_DIR="$top/$build_dir/data" \
    in_virtual_display "$build_dir/tests/bench/ttfc" --runs "$runs" "${programs[@]}" 2>/dev/null
}

# Many starts of the installed app, counting the empty ones (issue 18).
run_stress() {
  local runs=${1:-200}
  build
  install_into_prefix
  log "Starting the app $runs times; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  in_virtual_display /usr/bin/python3 "$top/tests/e2e/stress_start.py" \
    --prefix "$prefix_dir" --runs "$runs"
}

main() {
  local command=${1:-}
  shift || true
  case "$command" in
    run)
      install_missing_packages
      install_locales
      run_app "$@"
      ;;
    test)
      install_missing_packages
      install_locales
      install_node_modules
      run_tests
      ;;
    suites)
      install_missing_packages
      install_locales
      install_node_modules
      run_suites
      ;;
    stress)
      install_missing_packages
      install_locales
      run_stress "$@"
      ;;
    versions)
      stack_versions
      echo
      ;;
    bench)
      install_missing_packages
      if [ "${1:-}" = first-content ]; then
        build
        bench_first_content "${ATLAS_BENCH_RUNS:-7}"
      else
        run_bench
      fi
      ;;
    *)
      echo "usage: $0 run|test|suites|bench|stress|versions" >&2
      exit 2
      ;;
  esac
}

main "$@"
