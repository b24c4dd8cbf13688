#!/usr/bin/python3
# The README's first command, as a new user runs it: `build-aux/dev.sh run`
# installs the app into the build's prefix and starts it from there, and the
# window shows the bundled data and speaks the session's language: every
# label Vietnamese under LANGUAGE=vi, LANG=vi_VN.UTF-8 and LANG=C.UTF-8
# LANGUAGE=vi, and English under LANG=en_US.UTF-8. test_flatpak.py checks
# `flatpak run` the same way.
#
# The app gets none of the test suites' variables (GEOPARK_ATLAS_LOCALEDIR,
# GSETTINGS_SCHEMA_DIR, ...): only what a desktop session has (display,
# session bus, PATH), a fresh home, and the language. Its settings live in
# that home (GLib's keyfile backend), where the tile server is a closed port
# on this machine, so that nothing leaves it; the map is offline, as in a
# meeting room.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import ast
import json
import os
import re
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(__file__))
from atlas_a11y import App, TestFailure, find, run, showing, wait_for  # noqa: E402

SOURCE = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SESSION = ("PATH", "DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "TERM")


def session_environment(language_env):
    """What a desktop session gives a program it starts, in these languages."""
    environment = {name: os.environ[name] for name in SESSION if name in os.environ}
    environment.update(language_env)
    return environment

# What the window must say in each language: its title, the sidebar's tabs
# and the search entry. Every other label, the offline map's notice and
# credit among them, is held to the catalog below.
WINDOW = {
    "vi": ("Atlas Công viên địa chất", ("Tin tức", "Địa điểm"), "Tìm kiếm"),
    "en": ("Geopark Atlas", ("News", "Places"), "Search"),
}
QUIT = {"vi": ("Trình đơn chính", "Thoát"), "en": ("Main Menu", "Quit")}
# A news item of the bundled dataset that the list shows at the start.
ARTICLE = "2025-06-28-lang-son-receives-unesco-title"


def catalog():
    """Every message of po/vi.po as (English forms, Vietnamese form)."""
    entries, entry, field = [], {}, None
    with open(os.path.join(SOURCE, "po", "vi.po"), encoding="utf-8") as po:
        for line in po:
            line = line.strip()
            if not line or line.startswith("#"):
                if entry:
                    entries.append(entry)
                entry, field = {}, None
            elif line.startswith('"'):
                entry[field] += ast.literal_eval(line)  # a string continued
            else:
                field, _, value = line.partition(" ")
                entry[field] = ast.literal_eval(value)
    if entry:
        entries.append(entry)
    return [([e["msgid"]] + ([e["msgid_plural"]] if "msgid_plural" in e else []),
             e.get("msgstr", e.get("msgstr[0]", "")))
            for e in entries if e.get("msgid")]


def pattern(message):
    """A message as a regular expression, each printf conversion standing for
    any text; None for one that is mostly conversions ("%s, %s")."""
    parts = re.split(r"%(?:\d+\$)?'?[-+ #0]*\d*(?:\.\d+)?(?:l|ll|z|h)?[dsuifgcx%]", message)
    if sum(len(re.sub(r"\W", "", part)) for part in parts) < 3:
        return None
    return re.compile(".+".join(re.escape(part) for part in parts), re.DOTALL)


def other_language(language):
    """Patterns of the messages in the other language, where they differ."""
    patterns = []
    for english, vietnamese in catalog():
        if not vietnamese or vietnamese in english:
            continue
        for message in (english if language == "vi" else [vietnamese]):
            compiled = pattern(message)
            if compiled is not None:
                patterns.append(compiled)
    return patterns


def bundled_article():
    with open(os.path.join(SOURCE, "data", "dataset", "news.json"), encoding="utf-8") as f:
        return next(a for a in json.load(f)["items"] if a["id"] == ARTICLE)


def texts_on_screen(root):
    """The names and texts a person can see in root, hidden pages left out."""
    texts = []

    def visit(node):
        if node is None or not showing(node):
            return
        if node.name:
            texts.append(node.name)
        try:
            text = node.queryText()
            texts.append(text.getText(0, text.characterCount))
        except NotImplementedError:
            pass
        for child in node:
            visit(child)

    visit(root)
    return set(texts)


def check_first_run(command, language_env, language, sandboxed=False):
    """Starts command as a person in a desktop session would, in the
    language language_env asks for, and checks that the window speaks
    language ("vi" or "en") and nothing else, then quits it from its menu.
    """
    title, tabs, search = WINDOW[language]
    other = other_language(language)
    app = App(command=command, base_env=session_environment(language_env), sandboxed=sandboxed)
    try:
        window = wait_for(f"the window called {title!r}", lambda: next(
            (w for w in app.windows() if w.getRole() == pyatspi.ROLE_FRAME and w.name == title),
            None))
        for tab in tabs:
            wait_for(f"the {tab} tab", lambda: find(window, tab, (pyatspi.ROLE_PAGE_TAB,)))
        wait_for(f"the search entry called {search!r}", lambda: find(window, search))
        heading = bundled_article()["title"][language]
        wait_for(f"the bundled news item {heading!r}",
                 lambda: find(window, heading, (pyatspi.ROLE_LABEL,)))
        wrong = sorted(text for text in texts_on_screen(window)
                       if any(p.fullmatch(text) for p in other))
        if wrong:
            raise TestFailure(f"{language_env}: the window shows {wrong}")
        menu, quit_item = QUIT[language]
        app.open_menu_item(window, menu, quit_item, quits=True)
        if app.wait_exit() != 0:
            raise TestFailure(f"{language_env}: the app did not exit cleanly")
    finally:
        app.kill()


def check_every_language(command, sandboxed=False):
    for language_env in ({"LANGUAGE": "vi"},
                         {"LANG": "vi_VN.UTF-8"},
                         {"LANG": "C.UTF-8", "LANGUAGE": "vi"}):
        check_first_run(command, language_env, "vi", sandboxed)
    check_first_run(command, {"LANG": "en_US.UTF-8"}, "en", sandboxed)


def test_first_run_speaks_the_session_language():
    check_every_language([os.path.join(SOURCE, "build-aux", "dev.sh"), "run"])


if __name__ == "__main__":
    # The README's command builds and installs _build: this test belongs to
    # that build directory, and skips (exit 77) in any other.
    binary = os.path.realpath(os.environ["GEOPARK_ATLAS_BINARY"])
    build_root = os.path.dirname(os.path.dirname(binary))
    if build_root != os.path.join(SOURCE, "_build"):
        print(f"1..0 # SKIP runs in {SOURCE}/_build only, not in {build_root}")
        sys.exit(77)
    run(test_first_run_speaks_the_session_language)
