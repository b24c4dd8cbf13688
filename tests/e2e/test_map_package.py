#!/usr/bin/python3
# A map package opened as a person opens it: the layers menu's Open Map
# Package…, GTK's own file chooser (no portal), the path typed
# into its location entry. The package's name then stands in the layers
# menu, its attribution in the map's credits, and the choice is saved.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import sys
import tempfile

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import (App, BUTTON_ROLES, MENU_ITEM_ROLES, click, find,  # noqa: E402
                        find_all_text, find_button, keys, run, wait_for)

# Over the package (made by GDAL at build time: tests/make-map-packages.sh),
# on the built-in map until it is opened.
SETTINGS = """map-zoom=7.0
map-latitude=22.75
map-longitude=106.0
basemap='offline'
"""


def make_package(folder):
    """The build's package, with an attribution as QGIS writes one."""
    path = os.path.join(folder, "quadrants-team.mbtiles")
    shutil.copy(os.environ["ATLAS_E2E_MAP_PACKAGE"], path)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO metadata VALUES ('attribution', "
                   "'<a href=\"https://example.org/\">&copy; Geopark GIS team</a>')")
    return path


def chooser():
    """The chooser window, looked for on the whole desktop: were a portal
    to show it after all, its window would be another process's."""
    for app in pyatspi.Registry.getDesktop(0):
        if app is None:
            continue
        for window in app:
            if window is not None and window.name == "Open Map Package":
                return window
    return None


def location_entry(dialog):
    """The text entry that has the keyboard in the chooser, once Ctrl+L has
    opened its location entry."""
    return pyatspi.findDescendant(
        dialog, lambda a: a is not None
        and a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)
        and a.getState().contains(pyatspi.STATE_FOCUSED))


def open_location(dialog):
    """Ctrl+L until the location entry has the keyboard: the first press
    may reach the chooser before it has the focus."""
    keys("ctrl+l")
    return location_entry(dialog)


def entry_text(entry):
    text = entry.queryText()
    return text.getText(0, text.characterCount)


def enter_path(entry, path):
    """The whole path into the location entry, as it is pasted. Typed key
    by key, it races the entry's inline completion: GTK 4.24 made
    ".../quadrants-team.mbtiles" "...mbtilesam.mbtiles" in some runs.
    Where the entry has no editable text interface, it is typed."""
    try:
        editable = entry.queryEditableText()
    except NotImplementedError:
        editable = None
    if editable is None or not editable.setTextContents(path):
        keys(*path)
    wait_for("the path in the location entry", lambda: entry_text(entry) == path)


def test_open_map_package():
    folder = tempfile.mkdtemp(prefix="atlas-e2e-package-")
    path = make_package(folder)
    # GTK's own chooser, as on GTK 4.8 everywhere: newer GTK goes through
    # the file chooser portal wherever one runs, whose GTK 3 dialog (another
    # process) takes Enter before it has taken in the typed path.
    app = App(extra_env={"LANGUAGE": "en", "GDK_DEBUG": "no-portals"}, settings=SETTINGS)
    try:
        window = app.main_window()
        app.open_menu_item(window, "Base Map", "Open Map Package…")
        dialog = wait_for("the file chooser", chooser)

        # The location entry, as a person puts a path into it.
        entry = wait_for("the chooser's location entry", lambda: open_location(dialog))
        enter_path(entry, path)
        keys("Return")
        wait_for("the file chooser to close", lambda: chooser() is None)

        wait_for("the package's attribution in the credits",
                 lambda: any("© Geopark GIS team" in name for name in find_all_text(window)))

        click(wait_for("the Base Map button", lambda: find(window, "Base Map", BUTTON_ROLES)))
        wait_for("the package in the layers menu",
                 lambda: find_button(app.accessible, "Quadrants (Map Package)", MENU_ITEM_ROLES))
        keys("Escape")

        keyfile = os.path.join(app.home.name, "config", "glib-2.0", "settings", "keyfile")
        wait_for("the choice to be saved",
                 lambda: f"map-package='{path}'" in open(keyfile).read() and
                 "basemap='package'" in open(keyfile).read())
    finally:
        app.kill()
        shutil.rmtree(folder)


run(test_open_map_package)
