#!/usr/bin/python3
# A presenter with a clicker: F5 presents the places listed, three steps
# forward and one back land on the right place with the map on it, B blanks
# the screen and back, and Escape returns to the window as it was.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, keys, run, wait_for  # noqa: E402

# Cao Bằng's places, Nguom Ngao open, the map on the geopark; offline.
SETTINGS = """window-width=1100
window-height=700
sidebar-page='places'
filter-geopark='caobang'
last-selection='cb-02'
map-zoom=9.0
map-latitude=22.7
map-longitude=106.3
basemap='offline'
"""


def extents(accessible):
    e = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return (e.x, e.y, e.width, e.height)


def caption(window):
    card = find(window, "Caption")
    if card is None:
        return None
    labels = [child for child in pyatspi.findAllDescendants(
        card, lambda a: a is not None and a.getRole() == pyatspi.ROLE_LABEL)]
    texts = [label.name for label in labels]
    step = next((t for t in texts if " / " in t), None)
    return step, texts


def selected_pin(window):
    return pyatspi.findDescendant(
        window, lambda a: a is not None and a.getRole() == pyatspi.ROLE_PUSH_BUTTON
        and a.getState().contains(pyatspi.STATE_SELECTED) and ", " in (a.name or ""))


def test_present():
    app = App(extra_env={"LANGUAGE": "en"}, settings=SETTINGS)
    try:
        window = app.main_window()
        wait_for("the open place's pin", lambda: selected_pin(window))
        before_pin = extents(selected_pin(window))
        before_window = extents(window)

        keys("F5")
        step, texts = wait_for("the caption card", lambda: caption(window))
        first, total = (int(n) for n in step.split(" / "))
        wait_for("the sidebar to be hidden", lambda: find(window, "Sidebar") is None)
        # Full screen on the 1280×800 display (the window's own extents leave
        # out the few pixels of its client-side border).
        wait_for("full screen", lambda: extents(window)[2] >= 1260 and extents(window)[3] >= 780)

        # Forward with each key a clicker sends, then back; each wait is for a
        # step the keys before it could not pass through on their way.
        keys("Next", "Right", "space")
        expected = f"{first + 3} / {total}"
        wait_for(f"step {expected}", lambda: caption(window)[0] == expected)
        keys("Prior")
        expected = f"{first + 2} / {total}"
        wait_for(f"step {expected}", lambda: caption(window)[0] == expected)
        # The card names the place whose pin is selected, and the map shows it.
        pin = wait_for("the step's pin", lambda: selected_pin(window))
        name = pin.name.rsplit(", ", 1)[0]
        if name not in caption(window)[1]:
            raise TestFailure(f"the card shows {caption(window)[1]}, the map {pin.name!r}")
        x, y, w, h = extents(pin)
        if not (0 <= x and x + w <= 1280 and 0 <= y and y + h <= 800):
            raise TestFailure(f"the pin of {name} is off screen at {x},{y}")

        keys("b")
        wait_for("the blank screen", lambda: find(window, "Screen Blanked"))
        keys("b")
        wait_for("the screen back", lambda: find(window, "Screen Blanked") is None)

        keys("Escape")
        wait_for("the sidebar again", lambda: find(window, "Sidebar"))
        wait_for("the caption gone", lambda: find(window, "Caption") is None)
        wait_for("the window's size again", lambda: extents(window)[2:] == before_window[2:])
        wait_for("Nguom Ngao open again", lambda: find(find(window, "Details"), "Nguom Ngao Cave",
                                                       (pyatspi.ROLE_LABEL,)))
        wait_for("the map where it was",
                 lambda: selected_pin(window) is not None
                 and extents(selected_pin(window))[:2] == before_pin[:2])
    finally:
        app.kill()


run(test_present)
