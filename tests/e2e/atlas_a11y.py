# Helpers for driving Geopark Atlas through the accessibility tree (AT-SPI).
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 20.0
APPLICATION_ID = "io.github.geoparkatlas.GeoparkAtlas"

# Tests never reach outside this machine: tiles come from a closed port.
SETTINGS = """[io/github/geoparkatlas/GeoparkAtlas]
tile-url='http://127.0.0.1:9/{z}/{x}/{y}.png'
"""


class TestFailure(Exception):
    pass


def wait_for(what, predicate, timeout=TIMEOUT):
    """Polls predicate until it returns something truthy, and returns that."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except Exception:  # the tree changes under our feet while the app works
            result = None
        if result:
            return result
        time.sleep(0.1)
    raise TestFailure(f"timed out waiting for {what}")


def showing(accessible):
    """Whether a person could see it: visible and with a size on screen.

    GTK 4.8 sets SHOWING on windows only; its widgets report VISIBLE, and
    widgets on hidden pages report it too, with empty extents.
    """
    states = accessible.getState()
    if not (states.contains(pyatspi.STATE_SHOWING) or states.contains(pyatspi.STATE_VISIBLE)):
        return False
    # A collapsed revealer keeps its child's size: every container up to the
    # window must have room for it too.
    node = accessible
    while node is not None and node.getRole() not in (pyatspi.ROLE_FRAME, pyatspi.ROLE_APPLICATION):
        try:
            extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        except NotImplementedError:
            extents = None
        if extents is not None and (extents.width <= 0 or extents.height <= 0):
            return False
        node = node.parent
    return True


def labelled_name(accessible):
    """The accessible name, or the text of what it is labelled by.

    GTK 4.18 leaves menu items unnamed and points to their label instead.
    """
    if accessible.name:
        return accessible.name
    texts = []
    for relation in accessible.getRelationSet():
        if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        for i in range(relation.getNTargets()):
            try:
                text = relation.getTarget(i).queryText()
                texts.append(text.getText(0, text.characterCount))
            except NotImplementedError:
                pass
    return " ".join(texts)


def find(root, name, roles=None, must_show=True):
    """The first descendant with this accessible name (and one of roles)."""
    def matches(acc):
        if acc is None:
            return False
        if roles is not None and acc.getRole() not in roles:
            return False
        if acc.name != name and (acc.name or labelled_name(acc) != name):
            return False
        if roles is not None and acc.getRole() not in roles:
            return False
        return not must_show or showing(acc)
    return pyatspi.findDescendant(root, matches, breadth_first=True)


def find_button(root, name, roles=None):
    """A button (or menu item) by the text a person reads on it.

    GTK 4.8 names a button with a text label after both its label property
    and its child label ("_Save as… Save as…"), and GTK 4.18 leaves menu
    items unnamed, so fall back to the child label and its button.
    """
    roles = roles or BUTTON_ROLES
    button = find(root, name, roles)
    if button is not None:
        return button
    label = find(root, name, (pyatspi.ROLE_LABEL,))
    parent = label.parent if label is not None else None
    for _ in range(3):
        if parent is None or parent.getRole() in roles:
            return parent
        parent = parent.parent
    return None


def find_all_text(root):
    """Every accessible name and label text under root, for diagnostics."""
    names = []
    for acc in pyatspi.findAllDescendants(root, lambda a: a is not None and bool(a.name)):
        names.append(acc.name)
    return names


def _actions(accessible):
    try:
        return accessible.queryAction()
    except NotImplementedError:
        return None


def click(accessible):
    """Activates a button or menu item through its accessible action.

    A GtkMenuButton exposes an outer button without actions around the
    toggle button that does the work, so look inside when needed.
    """
    action = _actions(accessible)
    if action is None or action.nActions == 0:
        inner = pyatspi.findDescendant(
            accessible, lambda a: a is not None and (_actions(a) or None) is not None
            and _actions(a).nActions > 0)
        if inner is None:
            raise TestFailure(f"{accessible.name!r} cannot be activated")
        action = _actions(inner)
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            action.doAction(i)
            return
    action.doAction(0)


# X keysyms of the keys the tests press, and the modifier masks they hold.
KEYSYMS = {
    "BackSpace": 0xFF08, "Tab": 0xFF09, "Return": 0xFF0D, "Escape": 0xFF1B,
    "Home": 0xFF50, "Left": 0xFF51, "Up": 0xFF52, "Right": 0xFF53, "Down": 0xFF54,
    "Prior": 0xFF55, "Next": 0xFF56, "End": 0xFF57, "space": 0x20,
    **{f"F{n}": 0xFFBE + n - 1 for n in range(1, 13)},
}
MODIFIERS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3}


def keys(*names):
    """Presses keys as a keyboard would, such as "F5", "b" or "ctrl+f".

    Through the accessibility bus, which finds each key in the X server's
    keymap at its plain level: xdotool sends F5 with Alt held on the
    keymaps of newer xkeyboard-config, where the F keys have more levels.
    """
    for name in names:
        *held, key = name.split("+")
        mask = 0
        for modifier in held:
            mask |= MODIFIERS[modifier]
        if mask:
            pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
        try:
            keysym = KEYSYMS[key] if key in KEYSYMS else ord(key)
            pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        finally:
            if mask:
                pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)


BUTTON_ROLES = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
MENU_ITEM_ROLES = (pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON,
                   pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM)


class App:
    """The built binary, started in a fresh home, found in the AT-SPI tree.

    command replaces the built binary (its process must become the app's,
    as a script that ends in exec does, or start it); base_env replaces this
    process's environment as the one the app's starts from. A sandboxed app
    (flatpak run) reaches the accessibility bus through a proxy that is no
    child of ours: it is found by its name, the only one of that name.
    """

    def __init__(self, extra_env=None, args=(), settings="", command=None, base_env=None,
                 sandboxed=False):
        self.home = tempfile.TemporaryDirectory(prefix="atlas-e2e-")
        # Where the app keeps its settings, and where its Flatpak does.
        for config in (("config",), (".var", "app", APPLICATION_ID, "config")):
            settings_dir = os.path.join(self.home.name, *config, "glib-2.0", "settings")
            os.makedirs(settings_dir)
            with open(os.path.join(settings_dir, "keyfile"), "w") as keyfile:
                keyfile.write(SETTINGS + settings)
        env = dict(os.environ if base_env is None else base_env)
        env.update({
            "GSETTINGS_BACKEND": "keyfile",
            "HOME": self.home.name,
            "XDG_CONFIG_HOME": os.path.join(self.home.name, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home.name, "cache"),
            "XDG_DATA_HOME": os.path.join(self.home.name, "data"),
            "GTK_A11Y": "atspi",
            # A critical warning is a bug the person driving would not see: stop there.
            "G_DEBUG": "fatal-criticals",
        })
        env.pop("NO_AT_BRIDGE", None)
        env.update(extra_env or {})
        self.sandboxed = sandboxed
        command = command or [os.environ["GEOPARK_ATLAS_BINARY"]]
        # A group of its own, so that kill() ends whatever a command started.
        self.process = subprocess.Popen([*command, *args], env=env, start_new_session=True)
        self.accessible = wait_for("the application on the accessibility bus", self._find_app)

    def _started_by_us(self, pid):
        """Whether pid is our process or one it started."""
        while pid > 1:
            if pid == self.process.pid:
                return True
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    pid = int(stat.read().rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                return False
        return False

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        if self.sandboxed:
            found = [app for app in desktop if app is not None and app.name == "geopark-atlas"]
            return found[0] if len(found) == 1 else None
        for app in desktop:
            if app is not None and self._started_by_us(app.get_process_id()):
                return app
        return None

    def windows(self):
        """The app's windows on screen (dialogs may report VISIBLE only)."""
        def on_screen(window):
            states = window.getState()
            return states.contains(pyatspi.STATE_SHOWING) or states.contains(pyatspi.STATE_VISIBLE)
        return [w for w in self.accessible if w is not None and on_screen(w)]

    def main_window(self):
        return wait_for("the main window",
                        lambda: next((w for w in self.windows()
                                      if w.getRole() == pyatspi.ROLE_FRAME), None))

    def open_menu_item(self, window, menu_button, item, quits=False):
        click(wait_for(f"the {menu_button} button", lambda: find(window, menu_button, BUTTON_ROLES)))
        entry = wait_for(f"the {item} menu item",
                         lambda: find_button(self.accessible, item, MENU_ITEM_ROLES))
        try:
            click(entry)
        except Exception as error:
            # An item that quits may take the app away before it answers.
            if not quits or "disconnected" not in str(error):
                raise

    def click_at(self, accessible, x_offset=None, y_offset=None, button=1):
        """Clicks with the mouse inside an accessible (by default its middle).

        For widgets of our own, to which GTK 4.8 gives no accessible action,
        and for the mouse's back and forward buttons (8 and 9).
        """
        # Where it is once the layout has settled: a list that has just been
        # filtered may still move its rows.
        def settled():
            first = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            time.sleep(0.1)
            second = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            same = (first.x, first.y, first.width, first.height) == \
                (second.x, second.y, second.width, second.height)
            return second if same else None
        extents = wait_for("its place on screen to settle", settled)
        # The app's largest window: a tooltip or popover is a window too.
        windows = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                                  str(self.process.pid)],
                                 capture_output=True, text=True, check=True).stdout.split()
        geometries = [dict(line.split("=") for line in subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", window],
            capture_output=True, text=True, check=True).stdout.split()) for window in windows]
        geometry = max(geometries, key=lambda g: int(g["WIDTH"]) * int(g["HEIGHT"]))
        x = int(geometry["X"]) + extents.x + (extents.width // 2 if x_offset is None else x_offset)
        y = int(geometry["Y"]) + extents.y + (extents.height // 2 if y_offset is None else y_offset)
        # From the screen's corner, so that the pointer always moves ("mousemove
        # --sync" waits until it does) and enters the target as a hand would.
        subprocess.run(["xdotool", "mousemove", "0", "0"], check=True)
        subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", str(button)],
                       check=True)

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TestFailure("the application did not quit")

    def kill(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.home.cleanup()


def run(test):
    """Runs one test function and prints a TAP line; exits non-zero on failure."""
    print("1..1", flush=True)
    try:
        test()
    except Exception as error:  # report any failure as a failed test
        print(f"not ok 1 - {test.__name__}: {error}", flush=True)
        sys.exit(1)
    print(f"ok 1 - {test.__name__}", flush=True)
