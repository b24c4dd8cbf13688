#!/usr/bin/python3
# Before anything is opened, the detail panel offers the four geoparks, each
# with the province it is in today and its counts, and the latest news, in
# the interface's language, also after a live switch; a geopark's row opens
# its page as the sidebar would, the lists filtered to it.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, find, find_button, run, wait_for  # noqa: E402

DATASET = os.path.join(os.path.dirname(__file__), "..", "..", "data", "dataset")
SETTINGS = "basemap='offline'\n"


def load(name):
    with open(os.path.join(DATASET, name), encoding="utf-8") as f:
        return json.load(f)["items"]


def test_start_page():
    geoparks = {g["id"]: g for g in load("geoparks.json")}
    newest = max(load("news.json"), key=lambda a: a["date"])

    app = App(extra_env={"LANGUAGE": "vi", "LANG": "C.UTF-8"}, settings=SETTINGS)
    try:
        window = app.main_window()
        details = wait_for("the Details region", lambda: find(window, "Chi tiết"))
        for geopark in geoparks.values():
            name = geopark["short_name"]["vi"]
            wait_for(f"{name} on the start page",
                     lambda: find(details, name, (pyatspi.ROLE_LABEL,)))
        # Hà Giang's Đồng Văn is in Tuyên Quang since the provinces merged.
        wait_for("Đồng Văn's province of today and its counts",
                 lambda: find(details, "Tỉnh Tuyên Quang\n6 địa điểm · Chưa có tin",
                              (pyatspi.ROLE_LABEL,)))
        wait_for("the latest news",
                 lambda: find(details, newest["title"]["vi"], (pyatspi.ROLE_LABEL,)))

        # The interface switched to English: the start page follows.
        app.open_menu_item(window, "Trình đơn chính", "English")
        window = wait_for("the English window", lambda: next(
            (w for w in app.windows()
             if w.getRole() == pyatspi.ROLE_FRAME and w.name == "Geopark Atlas"), None))
        details = wait_for("the Details region", lambda: find(window, "Details"))
        wait_for("Đồng Văn's province and counts in English",
                 lambda: find(details, "Tuyen Quang Province\n6 places · No news",
                              (pyatspi.ROLE_LABEL,)))
        wait_for("the latest news in English",
                 lambda: find(details, newest["title"]["en"], (pyatspi.ROLE_LABEL,)))

        cao_bang = geoparks["caobang"]
        app.click_at(find(details, cao_bang["short_name"]["en"], (pyatspi.ROLE_LABEL,)))
        wait_for("Cao Bằng's page in the detail panel",
                 lambda: find(details, cao_bang["name"]["en"], (pyatspi.ROLE_LABEL,)))
        wait_for("the lists filtered to it, as the sidebar does",
                 lambda: find_button(window, f"Remove Filter: {cao_bang['short_name']['en']}"))
    finally:
        app.kill()


run(test_start_page)
