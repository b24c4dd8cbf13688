#!/usr/bin/python3
# Typing "ban gioc", without diacritics, lists Thác Bản Giốc among the places.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, run, wait_for  # noqa: E402


def test_search_without_diacritics():
    app = App(extra_env={"LANGUAGE": "vi", "LANG": "C.UTF-8"}, settings="sidebar-page='places'\n")
    try:
        window = app.main_window()
        wait_for("Ngườm Ngao in the list", lambda: find(window, "Động Ngườm Ngao"))

        entry = wait_for("the search entry", lambda: find(window, "Tìm kiếm"))
        entry.queryEditableText().setTextContents("ban gioc")

        wait_for("Thác Bản Giốc in the list", lambda: find(window, "Thác Bản Giốc",
                                                           (pyatspi.ROLE_LABEL,)))
        wait_for("the other places to go", lambda: find(window, "Động Ngườm Ngao") is None)
    finally:
        app.kill()


run(test_search_without_diacritics)
