"""Shared helpers for the end-to-end tests: start the app, find it over AT-SPI, wait."""
import os
import subprocess
import time

from dogtail.config import config

config.checkForA11y = False
config.searchShowingOnly = False
config.logDebugToFile = False
config.logDebugToStdOut = False

import pyatspi  # noqa: E402
from dogtail import rawinput, tree  # noqa: E402  (config must be set first)


def window_position(node):
    """Where @node is in its window. Without a window manager every window sits at the
    screen's origin, so this is where to click; GTK 4.8 does not give screen coordinates
    (it warns when asked)."""
    return node.queryComponent().getPosition(pyatspi.WINDOW_COORDS)


def wait_for(predicate, what, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:  # AT-SPI objects come and go while the window builds
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class App:
    def __init__(self, binary, workdir, *args):
        env = dict(os.environ)
        env.update(
            GDK_BACKEND="x11",
            GSK_RENDERER="cairo",
            GDK_DEBUG="gl-disable",
            ADW_DISABLE_PORTAL="1",
            G_DEBUG="fatal-criticals",
        )
        database = os.path.join(workdir, "e2e.db")
        self.process = subprocess.Popen([binary, "--database", database, *args], env=env)
        self.node = wait_for(self._find, "the application on the accessibility bus")

    def _find(self):
        for app in tree.root.applications():
            if app.name == "article-six":
                return app
        return None

    def find(self, role, name):
        return wait_for(
            lambda: self.node.findChild(
                lambda n: n.roleName == role and n.name == name, retry=False, requireResult=False
            ),
            f"{role} “{name}”",
        )

    def labels(self, name):
        return self.node.findChildren(lambda n: n.roleName == "label" and n.name == name)

    def type_into(self, entry_name, text):
        """Click the entry as a user would, to focus it, then type."""
        entry = self.find("entry", entry_name)
        x, y = window_position(entry)
        width, height = entry.size
        rawinput.click(x + width // 2, y + height // 2)
        rawinput.typeText(text)

    def click(self, node):
        """Click the middle of @node as a user would, scrolling it into the window first:
        rows offer no action over AT-SPI, only a place to click."""
        window_height = self.node.children[0].size[1]
        for _ in range(40):
            x, y = window_position(node)
            width, height = node.size
            if 0 <= y and y + height <= window_height:
                rawinput.click(x + width // 2, y + height // 2)
                return
            # The wheel, over the node's column: down while it is below the window.
            rawinput.click(x + width // 2, window_height // 2, button=5 if y > 0 else 4)
            time.sleep(0.1)
        raise AssertionError(f"could not scroll “{node.name}” into the window")

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


class FocusWatch:
    """What has the keyboard's focus, as a screen reader learns it: from AT-SPI's focus events
    (searching the tree for the focused node takes seconds on a full page)."""

    def __init__(self):
        from gi.repository import GLib

        self._context = GLib.MainContext.default()
        self.focused = None
        self.moves = 0
        pyatspi.Registry.registerEventListener(self._on_focus, "object:state-changed:focused")

    def _on_focus(self, event):
        if event.detail1:
            self.focused = event.source
            self.moves += 1

    def pump(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            while self._context.iteration(False):
                pass
            time.sleep(0.02)

    def press(self, key, combo=False):
        """Press @key ("Tab", or "<Control>Return" with @combo) and let the events arrive."""
        (rawinput.keyCombo if combo else rawinput.pressKey)(key)
        self.pump(0.3)

    def tab(self, timeout=2.0):
        """Press Tab and wait for the focus to move: a busy machine reports it late, and one
        press more would go past the control wanted."""
        moves = self.moves
        rawinput.pressKey("Tab")
        deadline = time.monotonic() + timeout
        while self.moves == moves and time.monotonic() < deadline:
            self.pump(0.05)
        self.pump(0.1)

    def is_on(self, role, name):
        try:
            return (self.focused is not None and self.focused.getRoleName() == role
                    and self.focused.name == name)
        except Exception:  # the node went away
            return False

    def tab_to(self, role, name, limit=80):
        """Press Tab until @role “@name” has the focus; returns how many presses it took."""
        came = []
        for presses in range(1, limit + 1):
            self.tab()
            if self.is_on(role, name):
                return presses
            came.append(self.describe())
        trail = ", ".join(came[:30])
        raise AssertionError(f"Tab never came to {role} “{name}” in {limit} presses: {trail}")

    def describe(self):
        try:
            return f"{self.focused.getRoleName()} “{self.focused.name}”"
        except Exception:
            return "nothing"


def run(binary, workdir, body, *args):
    """Start the app (with @args on its command line), let body(app, results) append
    (name, ok) pairs, and print TAP.

    A step that times out or finds nothing ends the test as one more failed result."""
    app = App(binary, workdir, *args)
    results = []
    try:
        body(app, results)
    except (AssertionError, IndexError) as error:
        results.append((str(error) or "an element was missing", False))
    finally:
        app.close()
    return tap(results)


def tap(results):
    """Print TAP for (name, ok) pairs and return the exit status."""
    print(f"1..{len(results)}")
    failed = 0
    for i, (name, ok) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        failed += not ok
    return 1 if failed else 0


def focus_window(title):
    """Give the X window titled @title the keyboard focus, as a window manager would give it
    to a new dialog (Xvfb runs none). Returns whether the window was found."""
    import ctypes

    xlib = ctypes.cdll.LoadLibrary("libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                ctypes.POINTER(ctypes.c_ulong),
                                ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                                ctypes.POINTER(ctypes.c_uint)]
    xlib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
    xlib.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
    xlib.XRaiseWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]

    display = xlib.XOpenDisplay(None)
    if not display:
        return False
    try:
        root = xlib.XDefaultRootWindow(display)
        parent = ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not xlib.XQueryTree(display, root, ctypes.byref(root_ := ctypes.c_ulong()),
                               ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count)):
            return False
        windows = [children[i] for i in range(count.value)]
        if children:
            xlib.XFree(children)
        for window in windows:
            name = ctypes.c_char_p()
            if xlib.XFetchName(display, window, ctypes.byref(name)) and name.value:
                found = name.value.decode("utf-8", "replace") == title
                xlib.XFree(name)
                if found:
                    xlib.XRaiseWindow(display, window)
                    xlib.XSetInputFocus(display, window, 1, 0)  # RevertToPointerRoot, CurrentTime
                    xlib.XSync(display, 0)
                    return True
        return False
    finally:
        xlib.XCloseDisplay(display)
