#!/usr/bin/python3
# The heart of the app, as a person uses it in Vietnamese: search a place
# without accents and open it, see its news, remove the filter it set, open
# an article and see its places selected on the map, and go back.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, click, find, find_button, run, wait_for  # noqa: E402

DATASET = os.path.join(os.path.dirname(__file__), "..", "..", "data", "dataset")
SETTINGS = """sidebar-page='places'
basemap='offline'
"""


def load(name):
    with open(os.path.join(DATASET, name), encoding="utf-8") as f:
        return json.load(f)["items"]


def region(window, name):
    return wait_for(f"the {name} region", lambda: find(window, name))


def selected_pins(window):
    return [acc.name for acc in pyatspi.findAllDescendants(
        window, lambda a: a is not None and a.getRole() == pyatspi.ROLE_PUSH_BUTTON
        and a.getState().contains(pyatspi.STATE_SELECTED))]


def test_browse_and_link():
    places = {p["id"]: p for p in load("places.json")}
    news = load("news.json")
    ban_gioc = places["cb-01"]["name"]["vi"]
    # Nothing in the news names Bản Giốc: its page offers its geopark's news.
    geopark_titles = [a["title"]["vi"] for a in news if "caobang" in a["geoparks"]]
    # The one article naming two places: a partner geopark abroad and a venue.
    article = next(a for a in news if len(a["places"]) >= 2)

    app = App(extra_env={"LANGUAGE": "vi", "LANG": "C.UTF-8"}, settings=SETTINGS)
    try:
        window = app.main_window()
        sidebar = region(window, "Thanh bên")
        details = region(window, "Chi tiết")

        entry = wait_for("the search entry", lambda: find(sidebar, "Tìm kiếm"))
        entry.queryEditableText().setTextContents("ban gioc")
        row = wait_for("Thác Bản Giốc in the list",
                       lambda: find(sidebar, ban_gioc, (pyatspi.ROLE_LABEL,)))
        app.click_at(row)

        wait_for("its page in the detail panel",
                 lambda: find(details, ban_gioc, (pyatspi.ROLE_LABEL,)))
        wait_for("its English name too", lambda: find(details, "Ban Gioc Waterfall"))
        wait_for("its geopark's news", lambda: any(
            find(details, title, (pyatspi.ROLE_LABEL,)) for title in geopark_titles))

        # Opening the place filtered the news to it; the chip says so and undoes it.
        chip = wait_for("the filter chip",
                        lambda: find_button(sidebar, f"Bỏ bộ lọc: {ban_gioc}"))
        click(chip)
        wait_for("the chip to go", lambda: find_button(sidebar, f"Bỏ bộ lọc: {ban_gioc}") is None)

        # An article: its places are selected on the map.
        entry.queryEditableText().setTextContents("")
        click(wait_for("the News tab", lambda: find(sidebar, "Tin tức", (pyatspi.ROLE_PAGE_TAB,))))
        entry.queryEditableText().setTextContents("haute provence")
        title = wait_for("the article in the list",
                         lambda: find(sidebar, article["title"]["vi"], (pyatspi.ROLE_LABEL,)))
        app.click_at(title)
        wait_for("the article in the detail panel",
                 lambda: find(details, article["title"]["vi"], (pyatspi.ROLE_LABEL,)))
        names = [places[p]["name"]["vi"] for p in article["places"]]
        selected = wait_for("its places selected on the map", lambda: (
            lambda pins: pins if all(any(pin.startswith(n + ",") for pin in pins) for n in names)
            else None)(selected_pins(window)))
        if len(selected) != len(names):
            raise TestFailure(f"other pins are selected too: {selected}")

        # Back: the place again.
        click(wait_for("the Back button", lambda: find_button(window, "Quay lại")))
        wait_for("Bản Giốc again", lambda: find(details, ban_gioc, (pyatspi.ROLE_LABEL,)))
        wait_for("the article's pins to be released", lambda: not any(
            pin.startswith(names[0] + ",") for pin in selected_pins(window)))
    finally:
        app.kill()


run(test_browse_and_link)
