"""A contribution to Lebanon, entered as a coordinator would: from its profile's form, typed
field by field, it is listed in the profile with its donor, amount and year."""
import sys
import time

from dogtail import rawinput

from e2e import focus_window, run, wait_for

DESCRIPTION = "Survey of the southern districts"


def shown(node):
    try:
        return node.size[1] > 0
    except Exception:
        return False


def in_profile(app):
    """The row of Norway's contribution in the profile, or None."""
    return app.node.children[0].findChild(
        lambda n: n.roleName == "list item" and (n.name or "").startswith("From Norway")
        and shown(n), retry=False, requireResult=False)


def details(row):
    return " ".join(n.name for n in row.findChildren(lambda n: n.roleName == "label"))


def steps(app, results):
    app.find("list item", "Countries").select()
    app.type_into("Search countries", "Lebanon")
    wait_for(lambda: app.labels("Lebanon"), "Lebanon in the list")
    rawinput.pressKey("Return")
    wait_for(lambda: len(app.labels("Lebanon")) > 1, "Lebanon's profile")
    results.append(("the profile lists no such contribution yet", in_profile(app) is None))

    windows = len(app.node.children)
    app.find("push button", "Add Contribution").doActionNamed("click")
    form = wait_for(lambda: len(app.node.children) > windows and app.node.children[-1],
                    "the contribution's form")
    wait_for(lambda: focus_window(form.name), "the form's window")
    for name, text in (("Find a State or Organisation", "Norway"), ("Amount", "250000"),
                       ("Currency (ISO 4217)", "USD"), ("Year", "2024"),
                       ("Description", DESCRIPTION)):
        entry = form.findChild(lambda n: n.roleName == "text" and n.name == name)
        app.click(entry)
        rawinput.typeText(text)
        time.sleep(0.3)
    source = form.findChild(lambda n: n.roleName == "combo box" and n.name == "From")
    results.append(("the form finds Norway as its source",
                    source.findChild(lambda n: n.roleName == "label" and n.name == "Norway",
                                     retry=False, requireResult=False) is not None))
    form.findChild(lambda n: n.roleName == "push button" and n.name == "Add").doActionNamed("click")

    row = wait_for(lambda: in_profile(app), "the contribution in the profile")
    text = details(row)
    results.append((f"the profile lists it: “{text}”",
                    "2024" in text and "250" in text and "USD" in text))


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
