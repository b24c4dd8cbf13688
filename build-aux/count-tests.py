#!/usr/bin/python3
# The closing line of a test run: "[LABEL: ]tests: N passed, N failed, N skipped",
# counted from the meson test logs of the build folders given. --extra adds
# checks that passed outside meson (the fuzzer). Exits 1 when a test failed
# or when no log is there (the build failed before any test ran).
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--label", default="")
parser.add_argument("--extra", type=int, default=0)
parser.add_argument("builds", nargs="+")
args = parser.parse_args()
prefix = f"{args.label}: " if args.label else ""

passed, failed, skipped = args.extra, 0, 0
for build in args.builds:
    path = os.path.join(build, "meson-logs", "testlog.json")
    if not os.path.exists(path):
        print(f"{prefix}tests: none ran in {build} (the build failed)")
        sys.exit(1)
    with open(path) as log:
        for line in log:
            result = json.loads(line)["result"]
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1

print(f"{prefix}tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
