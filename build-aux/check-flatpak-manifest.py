#!/usr/bin/python3
# The Flatpak manifest parses, with flatpak-builder's warnings fatal (an
# unknown or misspelt key is a warning), and keeps to what the issue asks of
# it: locales in the app, no filesystem access, every downloaded source pinned
# by a checksum. Exit status 77 (skipped) when flatpak-builder is missing.
#
#   check-flatpak-manifest.py MANIFEST
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys

ALLOWED_FINISH_ARGS = {
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}


def modules(parent):
    for module in parent.get("modules", []):
        if isinstance(module, dict):
            yield module
            yield from modules(module)


def main(path):
    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("flatpak-builder is missing: skipped")
        return 77

    env = dict(os.environ, G_DEBUG="fatal-warnings,fatal-criticals")
    result = subprocess.run([builder, "--show-manifest", path], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0 or result.stderr.strip():
        print(f"flatpak-builder --show-manifest failed (exit status {result.returncode}):")
        print(result.stderr.strip())
        return 1

    manifest = json.loads(result.stdout)
    problems = []
    if manifest.get("separate-locales") is not False:
        problems.append("separate-locales must be false: translations stay in the app")
    extra = set(manifest.get("finish-args", [])) - ALLOWED_FINISH_ARGS
    if extra:
        problems.append(f"permissions beyond the needed ones: {sorted(extra)}")
    for module in modules(manifest):
        for source in module.get("sources", []):
            if isinstance(source, dict) and source.get("type") in ("archive", "file") \
                    and "url" in source and "sha256" not in source:
                problems.append(f"module {module.get('name')}: {source['url']} has no sha256")
            if isinstance(source, dict) and source.get("type") == "git" and "commit" not in source:
                problems.append(f"module {module.get('name')}: {source.get('url')} "
                                "is not pinned to a commit")

    for problem in problems:
        print(problem)
    if not problems:
        print(f"{os.path.basename(path)}: parsed, {len(list(modules(manifest)))} modules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
