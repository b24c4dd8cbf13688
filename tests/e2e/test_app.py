#!/usr/bin/python3
# The app starts, shows its three regions, opens and closes About, the
# shortcuts and Preferences through the menu, and quits through the menu, all
# through the accessibility tree.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, BUTTON_ROLES, click, find, find_all_text, run, wait_for  # noqa: E402


def test_app_starts_and_about_opens():
    app = App(extra_env={"LANGUAGE": "en"})
    try:
        window = app.main_window()
        if window.name != "Geopark Atlas":
            raise TestFailure(f"window is called {window.name!r}")

        for region in ("Sidebar", "Map", "Details"):
            wait_for(f"the {region} region", lambda: find(window, region))
        wait_for("the search entry", lambda: find(window, "Search"))
        wait_for("the zoom buttons", lambda: find(window, "Zoom In", BUTTON_ROLES))

        app.open_menu_item(window, "Main Menu", "About Geopark Atlas")
        about = wait_for("the About window",
                         lambda: next((w for w in app.windows() if w != window
                                       and find(w, "0.2.0", must_show=False)), None))
        names = find_all_text(about)
        if "Geopark Atlas" not in names:
            raise TestFailure(f"About does not name the app: {names}")

        click(wait_for("the About window's close button", lambda: find(about, "Close", BUTTON_ROLES)))
        wait_for("the About window to close", lambda: len(app.windows()) == 1)

        app.open_menu_item(window, "Main Menu", "Keyboard Shortcuts")
        shortcuts = wait_for("the shortcuts window",
                             lambda: next((w for w in app.windows() if w != window
                                           and find(w, "Zoom In", must_show=False)), None))
        if "Search" not in find_all_text(shortcuts):
            raise TestFailure("the shortcuts window does not list Search")
        click(wait_for("the shortcuts window's close button",
                       lambda: find(shortcuts, "Close", BUTTON_ROLES)))
        wait_for("the shortcuts window to close", lambda: len(app.windows()) == 1)

        app.open_menu_item(window, "Main Menu", "Preferences")
        preferences = wait_for("the Preferences window",
                               lambda: next((w for w in app.windows() if w != window
                                             and find(w, "Style", must_show=False)), None))
        click(wait_for("the Preferences window's close button",
                       lambda: find(preferences, "Close", BUTTON_ROLES)))
        wait_for("the Preferences window to close", lambda: len(app.windows()) == 1)

        app.open_menu_item(window, "Main Menu", "Quit", quits=True)
        code = app.wait_exit()
        if code != 0:
            raise TestFailure(f"the app exited with {code}")
    finally:
        app.kill()


run(test_app_starts_and_about_opens)
