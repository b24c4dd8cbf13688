#!/usr/bin/python3
# From the keyboard, as a person with a screen reader searches in Vietnamese:
# type a query, press Down and Enter, and what opens is the first result the
# sidebar shows, which is the item meant. A geopark the query names comes
# first, above the lists; Down reaches the first row even when another row
# had the focus before; both counts are read from the count line.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, keys, run, wait_for  # noqa: E402

DATASET = os.path.join(os.path.dirname(__file__), "..", "..", "data", "dataset")
SETTINGS = """sidebar-page='places'
basemap='offline'
"""


def load(name):
    with open(os.path.join(DATASET, name), encoding="utf-8") as f:
        return json.load(f)["items"]


def first_row_title(sidebar, list_name):
    """The title of the first row of the list, as a screen reader reads it."""
    view = find(sidebar, list_name, (pyatspi.ROLE_LIST,))
    if view is None or view.childCount == 0:
        return None
    rows = [view.getChildAtIndex(i) for i in range(view.childCount)]
    rows = [row for row in rows if row is not None]
    # GTK 4.8 keeps rows for items around the one in view: the first in the
    # tree is the first in the list once the list is scrolled to its top.
    label = pyatspi.findDescendant(rows[0], lambda a: a is not None
                                   and a.getRole() == pyatspi.ROLE_LABEL and bool(a.name))
    return label.name if label is not None else None


def search(app, entry, text):
    keys("ctrl+f")
    entry.queryEditableText().setTextContents(text)


def test_down_enter_opens_first_result():
    geoparks = {g["id"]: g for g in load("geoparks.json")}
    places = {p["id"]: p for p in load("places.json")}
    dong_van = geoparks["dongvan"]["name"]["vi"]
    ban_gioc = places["cb-01"]["name"]["vi"]

    app = App(extra_env={"LANGUAGE": "vi", "LANG": "C.UTF-8"}, settings=SETTINGS)
    try:
        window = app.main_window()
        sidebar = wait_for("the sidebar", lambda: find(window, "Thanh bên"))
        details = wait_for("the detail panel", lambda: find(window, "Chi tiết"))
        entry = wait_for("the search entry", lambda: find(sidebar, "Tìm kiếm"))

        # The geopark a query names: its row comes first, and opens its page.
        search(app, entry, "dong van")
        wait_for("the geopark found, above the lists",
                 lambda: find(sidebar, dong_van, (pyatspi.ROLE_LIST_ITEM,)))
        keys("Down", "Return")
        wait_for("the geopark's page, opened from the keyboard",
                 lambda: find(details, dong_van, (pyatspi.ROLE_LABEL,)))

        # Both counts, read from the count line while a search is typed.
        count = wait_for("the count line", lambda: pyatspi.findDescendant(
            sidebar, lambda a: a is not None and a.getRole() == pyatspi.ROLE_STATUS_BAR))
        text = count.name
        if "tin" not in text or "địa điểm" not in text:
            raise TestFailure(f"the count line gives only one list's count: {text!r}")

        # Escape twice: the search, then the geopark the page filtered by.
        keys("ctrl+f", "Escape", "Escape")
        wait_for("the search cleared", lambda: entry.queryText().characterCount == 0)

        # A place: Down reaches the first row even when another row had the
        # focus, and Enter opens it.
        search(app, entry, "thac")
        wait_for("Thác Bản Giốc in the list",
                 lambda: find(sidebar, ban_gioc, (pyatspi.ROLE_LABEL,)))
        keys("Down", "Down", "Down")
        search(app, entry, "thac ")
        first = wait_for("the first row", lambda: first_row_title(sidebar, "Địa điểm"))
        keys("Down", "Return")
        wait_for(f"the first row, {first}, opened from the keyboard",
                 lambda: find(details, first, (pyatspi.ROLE_LABEL,)))

        # The same with Enter in the search: the first row again.
        search(app, entry, "ban gioc")
        first = wait_for("the first row", lambda: first_row_title(sidebar, "Địa điểm"))
        keys("Return")
        wait_for(f"the first row, {first}, opened with Enter",
                 lambda: find(details, first, (pyatspi.ROLE_LABEL,)))
    finally:
        app.kill()


run(test_down_enter_opens_first_result)
