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
from atlas_a11y import App, TestFailure, find, find_button, keys, run, wait_for  # noqa: E402

DATASET = os.path.join(os.path.dirname(__file__), "..", "..", "data", "dataset")
SETTINGS = """sidebar-page='places'
basemap='offline'
"""


def load(name):
    with open(os.path.join(DATASET, name), encoding="utf-8") as f:
        return json.load(f)["items"]


def search(app, entry, text):
    keys("ctrl+f")
    entry.queryEditableText().setTextContents(text)


def test_down_enter_opens_first_result():
    geoparks = {g["id"]: g for g in load("geoparks.json")}
    places = {p["id"]: p for p in load("places.json")}
    dong_van = geoparks["dongvan"]["name"]["vi"]
    ban_gioc = places["cb-01"]["name"]["vi"]
    nguom_ngao = places["cb-02"]["name"]["vi"]
    pagoda = places["cb-05"]["name"]["vi"]

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
        # Named after its text on GTK 4.8 and 4.24; GTK 4.18 gives only the text.
        text = count.name or count.queryText().getText(0, -1)
        if "tin" not in text or "địa điểm" not in text:
            raise TestFailure(f"the count line gives only one list's count: {text!r}")

        # Escape twice: the search, then the geopark the page filtered by.
        # Each key waits for its own effect: a second Escape still on its way
        # would clear the next search instead of the chip.
        keys("ctrl+f", "Escape")
        wait_for("the search cleared", lambda: entry.queryText().characterCount == 0)
        chip = f"Bỏ bộ lọc: {geoparks['dongvan']['short_name']['vi']}"
        wait_for("the geopark's chip", lambda: find_button(sidebar, chip))
        keys("Escape")
        wait_for("the chip cleared", lambda: find_button(sidebar, chip) is None)

        # A place: Down reaches the first row even when another row had the
        # focus, and Enter opens it: the waterfall "ban gioc" means, not the
        # pagoda named after it.
        search(app, entry, "thac")
        wait_for("Thác Bản Giốc in the list",
                 lambda: find(sidebar, ban_gioc, (pyatspi.ROLE_LABEL,)))
        keys("Down", "Down", "Down")
        search(app, entry, "ban gioc")
        # The pagoda is not a result of "thac": the list is the new one.
        wait_for("the pagoda in the list", lambda: find(sidebar, pagoda, (pyatspi.ROLE_LABEL,)))
        keys("Down", "Return")
        wait_for(f"{ban_gioc}, opened from the keyboard",
                 lambda: find(details, ban_gioc, (pyatspi.ROLE_LABEL,)))

        # The same with Enter in the search, typed with its accents.
        search(app, entry, "ngườm ngao")
        wait_for("the cave in the list", lambda: find(sidebar, nguom_ngao, (pyatspi.ROLE_LABEL,)))
        keys("Return")
        wait_for(f"{nguom_ngao}, opened with Enter",
                 lambda: find(details, nguom_ngao, (pyatspi.ROLE_LABEL,)))
    finally:
        app.kill()


run(test_down_enter_opens_first_result)
