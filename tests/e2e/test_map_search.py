#!/usr/bin/python3
# A search shown on the map: typing "dong van" puts a bar over the map,
# and its button frames the places found, far from where the map was.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, click, find, find_button, run, wait_for  # noqa: E402

# Close to Bản Giốc, on the offline map: no network is needed or used.
SETTINGS = """map-zoom=14.0
map-latitude=22.852
map-longitude=106.714
basemap='offline'
sidebar-page='places'
"""
PINS = (pyatspi.ROLE_PUSH_BUTTON,)
BAN_GIOC = "Ban Gioc Waterfall, geology site"
QUAN_BA = "Quan Ba Heaven's Gate & Fairy Twin Mountains, landscape site"


def frame_button(window):
    """The bar's button, by what it reads beside the count of matches."""
    return find_button(window, "Show All")


def test_frame_search_results():
    app = App(extra_env={"LANGUAGE": "en"}, settings=SETTINGS)
    try:
        window = app.main_window()
        wait_for("the Ban Gioc pin", lambda: find(window, BAN_GIOC, PINS))
        if frame_button(window) is not None:
            raise TestFailure("the map frames search results before any search")

        entry = wait_for("the search entry", lambda: find(window, "Search"))
        entry.queryEditableText().setTextContents("dong van")
        button = wait_for("the button that frames the results",
                          lambda: frame_button(window))
        if find(window, QUAN_BA, PINS) is not None:
            raise TestFailure("Quan Ba is on the map before the results are framed")

        if button.name != "Show All":
            raise TestFailure(f"the button is named {button.name!r}")
        if button.description != "Show every matching place on the map":
            raise TestFailure(f"the button is described as {button.description!r}")
        click(button)
        wait_for("the map to frame Dong Van's places",
                 lambda: find(window, QUAN_BA, PINS) is not None
                 and find(window, BAN_GIOC, PINS) is None)

        # Cleared, the bar goes and the map stays where the search left it.
        entry.queryEditableText().setTextContents("")
        wait_for("the bar to go", lambda: frame_button(window) is None)
        if find(window, QUAN_BA, PINS) is None:
            raise TestFailure("clearing the search moved the map")
    finally:
        app.kill()


run(test_frame_search_results)
