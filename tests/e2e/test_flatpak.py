#!/usr/bin/python3
# The installed Flatpak, started with `flatpak run` as a person starts it:
# the window shows the bundled data in the session's language (each setting
# test_first_run checks) and quits cleanly from its menu; and with no
# permission on the file system, Open Dataset… asks the file chooser portal,
# whose dialog comes from outside the sandbox. Run by
# build-aux/flatpak-standin.sh once it has built and installed the app,
# under a display and a session bus (xdg-desktop-portal starts on demand).
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import (APPLICATION_ID, App, BUTTON_ROLES, TestFailure, click, find,  # noqa: E402
                        run, wait_for)
from test_first_run import check_every_language, session_environment  # noqa: E402

COMMAND = ["flatpak", "run", APPLICATION_ID]


def portal_dialog():
    """A window of the desktop portal's own process, titled Open Dataset."""
    for application in pyatspi.Registry.getDesktop(0):
        if application is None or application.name == "geopark-atlas":
            continue
        for window in application:
            if window is not None and window.name == "Open Dataset":
                return window
    return None


def check_open_dataset_through_the_portal():
    app = App(command=COMMAND, base_env=session_environment({"LANG": "en_US.UTF-8"}),
              sandboxed=True)
    try:
        window = app.main_window()
        app.open_menu_item(window, "Main Menu", "Open Dataset…")
        dialog = wait_for("the portal's Open Dataset dialog", portal_dialog)
        click(wait_for("its Cancel button", lambda: find(dialog, "Cancel", BUTTON_ROLES)))
        wait_for("the dialog to close", lambda: portal_dialog() is None)
        if app.process.poll() is not None:
            raise TestFailure("the app quit when the dialog was cancelled")
        app.open_menu_item(window, "Main Menu", "Quit", quits=True)
        if app.wait_exit() != 0:
            raise TestFailure("the app did not exit cleanly")
    finally:
        app.kill()


def test_flatpak_run():
    check_every_language(COMMAND, sandboxed=True)
    check_open_dataset_through_the_portal()


run(test_flatpak_run)
