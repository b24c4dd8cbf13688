#!/usr/bin/python3
# A staff member's dataset folder, driven through the accessibility tree:
# a broken folder gets an error page with a way back to the bundled data;
# a good folder that an edit breaks keeps its data and shows a banner, which
# goes away when the file is fixed.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, click, find, find_button, run, wait_for  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "datasets")


def copy_fixture(name, into):
    folder = os.path.join(into, name)
    shutil.copytree(os.path.join(FIXTURES, name), folder)
    return folder


def test_dataset_folders():
    scratch = tempfile.mkdtemp(prefix="atlas-e2e-data-")
    broken = copy_fixture("valid", scratch)
    with open(os.path.join(broken, "news.json"), "w") as f:
        f.write('{"items": [{"id": "Not An Id"}]}')

    app = App(extra_env={"LANGUAGE": "en"}, args=("--dataset", broken))
    try:
        window = app.main_window()
        wait_for("the error page", lambda: find(window, "This Dataset Cannot Be Opened"))
        click(wait_for("the way back", lambda: find_button(window, "Use the Bundled Dataset")))
        # In the sidebar's list: the start page lists the latest news too.
        wait_for("the bundled news in the list",
                 lambda: find(find(window, "Sidebar"), "2025 annual meeting of the Technical "
                                                       "Subcommittee on Vietnam's Global Geoparks"))
        app.open_menu_item(window, "Main Menu", "Quit", quits=True)
        if app.wait_exit() != 0:
            raise TestFailure("the app did not exit cleanly")
    finally:
        app.kill()

    good = copy_fixture("valid", os.path.join(scratch, "good"))
    news = os.path.join(good, "news.json")
    with open(news) as f:
        good_news = f.read()

    app = App(extra_env={"LANGUAGE": "en"}, args=("--dataset", good))
    try:
        window = app.main_window()
        title = "Conserving traditional craft villages together with developing sustainable livelihoods"
        wait_for("the folder's news", lambda: find(window, title))

        with open(news, "w") as f:
            f.write(good_news.replace('"date": "2024-09-13"', '"date": "2024-09-31"'))
        wait_for("the problems banner", lambda: find_button(window, "Show Problems"))
        if find(window, title) is None:
            raise TestFailure("the last good data is no longer shown")

        click(find_button(window, "Show Problems"))
        problem = "news.json: $.items[2].date: 2024-09-31 is not a day that exists"
        dialog = wait_for("the list of problems",
                          lambda: next((w for w in app.windows() if w != window
                                        and find(w, problem, must_show=False)), None))
        click(wait_for("the Close button", lambda: find_button(dialog, "Close")))
        wait_for("the problems dialog to close", lambda: len(app.windows()) == 1)

        with open(news, "w") as f:
            f.write(good_news)
        wait_for("the banner to go", lambda: find_button(window, "Show Problems") is None)
        app.open_menu_item(window, "Main Menu", "Quit", quits=True)
        if app.wait_exit() != 0:
            raise TestFailure("the app did not exit cleanly")
    finally:
        app.kill()
        shutil.rmtree(scratch)


run(test_dataset_folders)
