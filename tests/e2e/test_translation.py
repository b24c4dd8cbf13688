#!/usr/bin/python3
# Started with LANGUAGE=vi, the window and its content speak Vietnamese.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, run, wait_for  # noqa: E402


def test_vietnamese_window():
    # LANG=C is the hard case: glibc ignores LANGUAGE under the plain C locale.
    app = App(extra_env={"LANGUAGE": "vi", "LANG": "C", "LC_ALL": ""})
    try:
        window = app.main_window()
        if window.name != "Atlas Công viên địa chất":
            raise TestFailure(f"window is called {window.name!r}")
        for region in ("Thanh bên", "Bản đồ", "Chi tiết"):
            wait_for(f"the {region} region", lambda: find(window, region))
        wait_for("the Vietnamese search entry", lambda: find(window, "Tìm kiếm"))
        # The content follows: dates in the Vietnamese way, titles in Vietnamese.
        wait_for("a date written the Vietnamese way", lambda: find(window, "29/6/2025"))
        wait_for("a Vietnamese title",
                 lambda: find(window, "Lạng Sơn đón nhận Danh hiệu Công viên địa chất toàn cầu UNESCO"))
        app.open_menu_item(window, "Trình đơn chính", "Thoát", quits=True)
        if app.wait_exit() != 0:
            raise TestFailure("the app did not exit cleanly")
    finally:
        app.kill()


run(test_vietnamese_window)
