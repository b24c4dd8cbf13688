#!/usr/bin/python3
# Starts the installed app again and again, as a presenter would open it in
# Vietnamese, and counts the starts that show an empty atlas: no news in the
# sidebar's count, or the banner that says the last change to the dataset
# has problems, which the bundled dataset never has. Every other start types
# a search at once, as soon as the window is on the accessibility bus.
#
#   build-aux/dev.sh stress [RUNS]    (200 by default; minutes, not seconds)
#
# or, with a prefix the app is installed in, under a desktop session:
#
#   build-aux/virtual-display.sh tests/e2e/stress_start.py --prefix _build/_install
#
# Exits 1 when any start was empty. Not part of the e2e suite: it takes
# several seconds a start.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import re
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, find_button, keys, wait_for  # noqa: E402
from test_first_run import session_environment  # noqa: E402

TITLE = "Atlas Công viên địa chất"
SEARCH_ENTRY = "Tìm kiếm"
SEARCH = "ban"
# The sidebar's count: "42 tin", or "3 trong số 42 tin" once a search leaves fewer.
COUNT = re.compile(r"(?:(\d+) trong số )?(\d+) tin")
# The banner's button ("Show Problems"), there only when the dataset has problems.
SHOW_PROBLEMS = "Xem các lỗi"


def find_count(window):
    """The sidebar's label that counts the news items."""
    return pyatspi.findDescendant(window, lambda acc: (
        acc is not None and acc.getRole() == pyatspi.ROLE_LABEL
        and COUNT.fullmatch(acc.name or "") is not None), breadth_first=True)


def news_count(label):
    """What the count label says, as (shown, all)."""
    shown, total = COUNT.fullmatch(label.name).groups()
    return (int(shown if shown is not None else total), int(total))


def entry_text(entry):
    text = entry.queryText()
    return text.getText(0, text.characterCount)


def start(binary, prefix, search):
    """One start; returns (news items in all, banner shown, search seen in the entry)."""
    environment = session_environment({
        "LANGUAGE": "vi",
        "XDG_DATA_DIRS": os.path.join(prefix, "share") + ":/usr/share",
    })
    app = App(command=[binary], base_env=environment)
    try:
        window = wait_for(f"the window called {TITLE!r}", lambda: next(
            (w for w in app.windows() if w.getRole() == pyatspi.ROLE_FRAME and w.name == TITLE),
            None))
        if search:
            keys("ctrl+f", *SEARCH)
        label = wait_for("the count of news items", lambda: find_count(window))
        searched = False
        if search:
            entry = wait_for("the search entry", lambda: find(window, SEARCH_ENTRY))
            try:
                searched = wait_for("the search in its entry",
                                    lambda: entry_text(entry) == SEARCH, timeout=5)
            except TestFailure:
                pass
        count = news_count(label)
        banner = find_button(window, SHOW_PROBLEMS) is not None
        return count[1], banner, searched
    finally:
        app.kill()


def main():
    parser = argparse.ArgumentParser(
        description="Counts the starts of the app that show an empty atlas.")
    parser.add_argument("--prefix", required=True, help="where the app is installed")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    prefix = os.path.realpath(args.prefix)
    binary = os.path.join(prefix, "bin", "geopark-atlas")

    began = time.monotonic()
    n_search = n_seen = 0
    empty = []
    for run in range(1, args.runs + 1):
        search = run % 2 == 0
        try:
            total, banner, searched = start(binary, prefix, search)
        except TestFailure as error:
            total, banner, searched = 0, False, False
            print(f"start {run}: {error}", flush=True)
        n_search += search
        n_seen += searched
        if total == 0 or banner:
            empty.append(run)
            print(f"start {run}: EMPTY ({total} news items, banner shown: {banner})", flush=True)
        elif run % 10 == 0:
            print(f"start {run}: {total} news items, {time.monotonic() - began:.0f} s", flush=True)

    print(f"{args.runs} starts, {n_search} with a search typed at once ({n_seen} seen in the "
          f"search entry), {len(empty)} empty, {time.monotonic() - began:.0f} s", flush=True)
    return 1 if empty else 0


if __name__ == "__main__":
    sys.exit(main())
