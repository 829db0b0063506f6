"""Every control a screen reader reaches has a name: walks the AT-SPI tree of each page, of
Lebanon's profile and of the shortcuts window, and fails on any actionable node named after
its GType, unnamed, or named twice over ("_Cancel Cancel")."""
import re
import sys
import time

from dogtail import rawinput

from e2e import focus_window, run, wait_for

ACTIONABLE = {"push button", "toggle button", "check box", "radio button", "combo box",
              "text", "entry", "list item", "table row", "menu item", "spin button", "slider",
              "switch"}
GTYPE = re.compile(r"^(Gtk|Adw|Six)[A-Z]\w*$")
PAGES = ("Overview", "Action Plans", "Countries", "Coalitions", "Exchange")


def shown(node):
    """On screen: GTK 4.8 does not report "showing", but a hidden page has no size."""
    try:
        width, height = node.size
        return width > 0 and height > 0
    except Exception:  # the application node, or a node gone while walking
        return False


def text_within(node, depth=0):
    """What a screen reader reads out of a row that has no name of its own."""
    if depth > 8:
        return ""
    try:
        if node.roleName == "label" and node.name and not GTYPE.match(node.name):
            return node.name
        return next((t for t in (text_within(c, depth + 1) for c in node.children) if t), "")
    except Exception:
        return ""


def problem(node, parent_role):
    """Why @node's name would not help a listener, or None."""
    name = (node.name or "").strip()
    if node.roleName in ("push button", "toggle button") and parent_role == "combo box":
        return None  # a drop-down's own toggle: GTK's, read as part of the named combo box
    if GTYPE.match(name):
        return "a type name"
    if not name:
        if node.roleName in ("list item", "table row") and text_within(node):
            return None  # read by its content, as screen readers do with rows
        return "no name"
    words = name.replace("_", "").split(" ")
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:] and "_" in name:
        return "its mnemonic read twice"
    return None


def walk(node, found, parent_role="", depth=0):
    if depth > 80:
        return
    try:
        children = list(node.children)
        role = node.roleName
    except Exception:
        return
    if role in ACTIONABLE and shown(node):
        why = problem(node, parent_role)
        if why:
            found.append(f"{role} “{node.name}” ({why})")
    for child in children:
        walk(child, found, role, depth + 1)


def audit(app, results, where, root=None):
    found = []
    walk(root or app.node, found)
    unique = sorted(set(found))
    results.append((f"{where}: every control named" + (": " + "; ".join(unique) if unique else ""),
                    not unique))


def steps(app, results):
    wait_for(lambda: app.find("list item", "Overview"), "the sidebar")
    for page in PAGES:
        app.find("list item", page).select()
        time.sleep(1.0)
        audit(app, results, page)

    # A profile, with its rows' edit and remove buttons.
    app.find("list item", "Countries").select()
    app.type_into("Search countries", "Lebanon")
    wait_for(lambda: app.labels("Lebanon"), "Lebanon in the list")
    rawinput.pressKey("Return")
    wait_for(lambda: len(app.labels("Lebanon")) > 1, "Lebanon's profile")
    time.sleep(1.0)
    audit(app, results, "Lebanon's profile")

    # A form: its Cancel and Save buttons keep their mnemonics out of their names.
    windows = len(app.node.children)
    app.find("push button", "Add Request").doActionNamed("click")
    form = wait_for(lambda: len(app.node.children) > windows and app.node.children[-1],
                    "the request's form")
    wait_for(lambda: form.findChild(lambda n: n.roleName == "push button" and shown(n),
                                    retry=False, requireResult=False), "the form's buttons")
    audit(app, results, f"the form “{form.name}”", form)
    wait_for(lambda: focus_window(form.name), "the form's window")
    rawinput.pressKey("Escape")
    wait_for(lambda: len(app.node.children) == windows, "the form closed")

    # The shortcuts window: named itself, and its controls too.
    wait_for(lambda: focus_window("Article Six"), "the main window")
    rawinput.keyCombo("<Control><Shift>question")
    shortcuts = wait_for(lambda: [w for w in app.node.children[1:] if shown(w)][0],
                         "the shortcuts window")
    results.append((f"the shortcuts window is named “{shortcuts.name}”",
                    bool(shortcuts.name) and not GTYPE.match(shortcuts.name)))
    audit(app, results, "the shortcuts window", shortcuts)


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
