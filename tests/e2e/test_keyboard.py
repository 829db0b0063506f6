"""A coordinator's job done with the keyboard alone: a page by its shortcut, a State found by
typing, a contribution added through the form by Tab and Ctrl+Enter and undone by Ctrl+Z, a
form left by Escape, the sidebar walked by its arrows and left by Tab, and the shortcuts and
Preferences windows opened by their keys and closed by Escape. Where the focus goes is read
from AT-SPI's focus events, as a screen reader would hear it."""
import sys

from e2e import FocusWatch, focus_window, run, wait_for

def shown(node):
    try:
        return node.size[1] > 0
    except Exception:
        return False


def page_is(app, title):
    """The page titled @title is shown: its name is in the header as well as in the sidebar."""
    return len([label for label in app.labels(title) if shown(label)]) > 1


def contributions(app):
    return app.node.children[0].findChildren(
        lambda n: n.roleName == "list item" and (n.name or "").startswith("From Norway")
        and shown(n))


def type_text(keys, text):
    for letter in text:
        keys.press(letter)


def open_form(app, keys):
    windows = len(app.node.children)
    keys.tab_to("push button", "Add Contribution")
    keys.press("Return")
    form = wait_for(lambda: len(app.node.children) > windows and app.node.children[-1],
                    "the contribution's form")
    wait_for(lambda: focus_window(form.name), "the form's window")
    keys.pump(0.5)
    return form, windows


def steps(app, results):
    keys = FocusWatch()
    wait_for(lambda: focus_window("Article Six"), "the main window")
    keys.pump(1.0)

    keys.press("<Alt>3", combo=True)
    results.append(("Alt+3 shows the Countries page",
                    wait_for(lambda: page_is(app, "Countries"), "the Countries page")))

    keys.tab_to("entry", "Search countries")
    type_text(keys, "Lebanon")
    keys.press("Return")
    wait_for(lambda: len(app.labels("Lebanon")) > 1, "Lebanon's profile")
    results.append(("typing a name and Enter opens Lebanon's profile", True))

    # The form, field by field with Tab; Ctrl+Enter adds the contribution.
    form, windows = open_form(app, keys)
    # Each field is announced by its name as Tab comes to it, as a screen reader hears it.
    keys.tab_to("text", "Find a State or Organisation")
    type_text(keys, "Norway")
    source = form.findChild(lambda n: n.roleName == "combo box" and n.name == "From")
    results.append(("the State typed in its field is found as the source",
                    wait_for(lambda: source.findChild(
                        lambda n: n.roleName == "label" and n.name == "Norway",
                        retry=False, requireResult=False), "Norway chosen")))
    for name, text in (("Amount", "250000"), ("Currency (ISO 4217)", "USD"), ("Year", "2024")):
        results.append((f"Tab comes to the field “{name}”, and says so",
                        keys.tab_to("text", name) > 0))
        type_text(keys, text)
    keys.press("<Control>Return", combo=True)
    wait_for(lambda: len(app.node.children) == windows, "the form closed by Ctrl+Enter")
    wait_for(lambda: focus_window("Article Six"), "the main window")
    row = wait_for(lambda: contributions(app), "the contribution in the profile")[0]
    text = " ".join(n.name for n in row.findChildren(lambda n: n.roleName == "label"))
    results.append((f"Ctrl+Enter adds the contribution typed in: “{text}”",
                    "250" in text and "USD" in text and "2024" in text))

    # Escape leaves a form and adds nothing.
    form, windows = open_form(app, keys)
    keys.tab_to("text", "Amount")
    type_text(keys, "999")
    keys.press("Escape")
    wait_for(lambda: len(app.node.children) == windows, "the form closed by Escape")
    wait_for(lambda: focus_window("Article Six"), "the main window")
    keys.pump(1.0)
    results.append(("Escape closes the form and adds nothing", len(contributions(app)) == 1))

    # The sidebar is one stop for Tab: the arrows change the page, Tab leaves it alone.
    keys.tab_to("list item", "Countries")
    keys.press("Down")
    results.append(("Down in the sidebar shows the Coalitions page",
                    wait_for(lambda: page_is(app, "Coalitions"), "the Coalitions page")))
    keys.tab()
    keys.pump(1.0)
    results.append(("Tab leaves the sidebar for the page and keeps the page",
                    page_is(app, "Coalitions") and not keys.is_on("list item", "Exchange")))

    # Ctrl+Z takes the contribution back.
    keys.press("<Control>z", combo=True)
    keys.press("<Alt>3", combo=True)
    wait_for(lambda: page_is(app, "Countries"), "the Countries page")
    wait_for(lambda: not contributions(app), "the contribution undone")
    results.append(("Ctrl+Z takes the contribution back", True))

    # The shortcuts window and Preferences: opened by their keys, closed by Escape.
    for combo, what in (("<Control><Shift>question", "the shortcuts window"),
                        ("<Control>comma", "Preferences")):
        windows = len(app.node.children)
        keys.press(combo, combo=True)
        window = wait_for(lambda: len(app.node.children) > windows and app.node.children[-1],
                          what)
        wait_for(lambda: focus_window(window.name), f"{what} focused")
        keys.pump(0.5)
        keys.press("Escape")
        closed = wait_for(lambda: not [w for w in app.node.children[windows:] if shown(w)],
                          f"{what} closed")
        results.append((f"{what} opens by its key and closes by Escape", closed))
        wait_for(lambda: focus_window("Article Six"), "the main window")


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
