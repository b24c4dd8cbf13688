#!/usr/bin/python3
# The metainfo's screenshots keep to Flathub's rules: each image is in
# data/screenshots/, shows the window alone at most 1000×700 (ours are taken
# at scale 1; Flathub allows 2000×1400 at scale 2), and has a caption of one
# sentence without a full stop. Exit status 1 with every problem listed.
#
#   check-screenshots.py METAINFO.xml.in SCREENSHOT_DIR
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import struct
import sys
import xml.etree.ElementTree as ElementTree

MAX_WIDTH, MAX_HEIGHT = 1000, 700


def png_size(path):
    with open(path, "rb") as png:
        header = png.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", header[16:24])


def problems(metainfo, directory):
    screenshots = ElementTree.parse(metainfo).getroot().findall("screenshots/screenshot")
    if not screenshots:
        yield "no screenshots"
    for screenshot in screenshots:
        url = screenshot.findtext("image", "").strip()
        name = os.path.basename(url)
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            yield f"{url}: no {name} in {directory}"
            continue
        width, height = png_size(path)
        if width > MAX_WIDTH or height > MAX_HEIGHT:
            yield f"{name}: {width}×{height} is larger than {MAX_WIDTH}×{MAX_HEIGHT}"
        captions = [c for c in screenshot.findall("caption")
                    if "{http://www.w3.org/XML/1998/namespace}lang" not in c.attrib]
        if len(captions) != 1 or not (captions[0].text or "").strip():
            yield f"{name}: needs one English caption"
            continue
        caption = captions[0].text.strip()
        if caption.endswith("."):
            yield f"{name}: the caption ends with a full stop: {caption!r}"
        if ". " in caption:
            yield f"{name}: the caption is more than one sentence: {caption!r}"


def main(metainfo, directory):
    found = list(problems(metainfo, directory))
    for problem in found:
        print(problem)
    if not found:
        print(f"{os.path.basename(metainfo)}: screenshots fit Flathub's rules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
