#!/usr/bin/python3
# A pin on the map, found by its accessible name and clicked, becomes the
# selected place.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, run, wait_for  # noqa: E402

# Close to Bản Giốc, on the offline map: no network is needed or used.
SETTINGS = """map-zoom=14.0
map-latitude=22.852
map-longitude=106.714
basemap='offline'
"""


def test_select_pin():
    app = App(extra_env={"LANGUAGE": "en"}, settings=SETTINGS)
    try:
        window = app.main_window()
        pin = wait_for("the Ban Gioc pin",
                       lambda: find(window, "Ban Gioc Waterfall, geology site",
                                    (pyatspi.ROLE_PUSH_BUTTON,)))
        if pin.getState().contains(pyatspi.STATE_SELECTED):
            raise TestFailure("the pin is selected before anyone chose it")

        # The pin's head: its tip, at the middle of the widget, is the place.
        app.click_at(pin, y_offset=16)
        wait_for("the pin to be selected",
                 lambda: find(window, "Ban Gioc Waterfall, geology site",
                              (pyatspi.ROLE_PUSH_BUTTON,)).getState().contains(pyatspi.STATE_SELECTED))

        other = find(window, "Nguom Ngao Cave, geology site", (pyatspi.ROLE_PUSH_BUTTON,))
        if other is None or other.getState().contains(pyatspi.STATE_SELECTED):
            raise TestFailure("another pin is missing or selected too")
    finally:
        app.kill()


run(test_select_pin)
