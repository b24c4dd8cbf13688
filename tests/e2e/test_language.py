#!/usr/bin/python3
# A presenter switches the running app from Vietnamese to English and back:
# the menus, the labels, the list and the open article follow at once, and
# the article stays open with the same search.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, find_button, keys, run, wait_for  # noqa: E402

DATASET = os.path.join(os.path.dirname(__file__), "..", "..", "data", "dataset")
ARTICLE = "2025-06-28-lang-son-receives-unesco-title"


def frame_named(app, name):
    return wait_for(f"the window called {name!r}", lambda: next(
        (w for w in app.windows() if w.getRole() == pyatspi.ROLE_FRAME and w.name == name), None))


def text_of(entry):
    text = entry.queryText()
    return text.getText(0, text.characterCount)


def check_window(app, language, article):
    """The window in one language, with the article open and "lang son" searched."""
    names = {
        "vi": ("Atlas Công viên địa chất", "Thanh bên", "Chi tiết", "Tìm kiếm", "Tin tức",
               "Trình đơn chính"),
        "en": ("Geopark Atlas", "Sidebar", "Details", "Search", "News", "Main Menu"),
    }[language]
    title, sidebar_name, details_name, search_name, news_tab, menu = names
    window = frame_named(app, title)
    sidebar = wait_for("the sidebar", lambda: find(window, sidebar_name))
    details = wait_for("the detail panel", lambda: find(window, details_name))
    wait_for(f"the {news_tab} tab", lambda: find(sidebar, news_tab, (pyatspi.ROLE_PAGE_TAB,)))
    wait_for(f"the {menu} button", lambda: find_button(window, menu))
    entry = wait_for("the search entry", lambda: find(sidebar, search_name))
    if text_of(entry) != "lang son":
        raise TestFailure(f"the search is {text_of(entry)!r} in {language}")
    heading = article["title"][language]
    # The start page lists the latest news too: the summary is the article's
    # page's alone.
    summary = article["summary"][language]
    wait_for(f"the article open in {language}",
             lambda: find(details, heading, (pyatspi.ROLE_LABEL,))
             and find(details, summary, (pyatspi.ROLE_LABEL,)))
    wait_for(f"the article listed in {language}",
             lambda: find(sidebar, heading, (pyatspi.ROLE_LABEL,)))
    return window, sidebar, entry, menu


def test_switch_language_live():
    with open(os.path.join(DATASET, "news.json"), encoding="utf-8") as f:
        article = next(a for a in json.load(f)["items"] if a["id"] == ARTICLE)
    with open(os.path.join(DATASET, "geoparks.json"), encoding="utf-8") as f:
        geopark = next(g for g in json.load(f)["items"] if g["id"] == "langson")

    # The session's locale: C.UTF-8 by default, or one named by the test
    # suite, which must then be installed (build-aux/dev.sh generates them).
    locale = os.environ.get("ATLAS_E2E_LANG", "C.UTF-8")
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    if locale.replace("UTF-8", "utf8") not in installed:
        raise TestFailure(f"the {locale} locale is not installed (build-aux/dev.sh test makes it)")
    environment = {"LANG": locale, "LC_ALL": ""}
    # Under a Vietnamese locale the session itself speaks Vietnamese.
    environment["LANGUAGE"] = "" if locale.startswith("vi_") else "vi"
    app = App(extra_env=environment, settings="basemap='offline'\n")
    try:
        window = frame_named(app, "Atlas Công viên địa chất")
        sidebar = wait_for("the sidebar", lambda: find(window, "Thanh bên"))
        entry = wait_for("the search entry", lambda: find(sidebar, "Tìm kiếm"))
        keys("ctrl+f")
        entry.queryEditableText().setTextContents("lang son")
        # From the keyboard: the geopark the search names comes first, then
        # the news, the one meant first of them.
        wait_for("the geopark above the list",
                 lambda: find(sidebar, geopark["name"]["vi"], (pyatspi.ROLE_LIST_ITEM,)))
        keys("Down", "Down", "Return")
        window, _, _, menu = check_window(app, "vi", article)

        app.open_menu_item(window, menu, "English")
        window, _, _, menu = check_window(app, "en", article)
        # A date of the article, the English way.
        wait_for("a date written the English way", lambda: find(window, "28 June 2025"))

        app.open_menu_item(window, menu, "Tiếng Việt")
        window, _, _, _ = check_window(app, "vi", article)
        wait_for("a date written the Vietnamese way", lambda: find(window, "28/6/2025"))
        if len([w for w in app.windows() if w.getRole() == pyatspi.ROLE_FRAME]) != 1:
            raise TestFailure("the old window is still there")
    finally:
        app.kill()


run(test_switch_language_live)
