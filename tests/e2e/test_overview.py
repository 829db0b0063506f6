"""The Overview's first number opens the list behind it: "11 States sought assistance in 2018"
narrows Countries to those States, and Show All gives the whole list back."""
import sys

from e2e import run, wait_for

SOUGHT = "11 States sought assistance in 2018"


def drawn(node):
    """A hidden page keeps its widgets, with no size: GTK 4.8 does not say "showing"."""
    try:
        return node.size[1] > 0
    except Exception:
        return False


def shown_labels(app, name):
    return app.node.children[0].findChildren(
        lambda n: n.roleName == "label" and n.name == name and drawn(n))


def show_all(app):
    return app.node.children[0].findChild(
        lambda n: n.roleName == "push button" and n.name == "Show All" and drawn(n),
        retry=False, requireResult=False)


def steps(app, results):
    row = wait_for(lambda: app.node.findChild(
        lambda n: n.roleName == "list item" and (n.name or "").startswith(SOUGHT),
        retry=False, requireResult=False), "the Overview's count of States")
    results.append((f"the Overview opens on “{row.name}”", row.name.startswith(SOUGHT)
                    and drawn(row)))

    app.click(row)
    wait_for(lambda: show_all(app), "Countries narrowed, with Show All")
    wait_for(lambda: shown_labels(app, "Lebanon"), "Lebanon among them")
    results.append(("its States are listed: Lebanon among them",
                    len(shown_labels(app, "Lebanon")) > 0))
    # Algeria, near the top of the whole list, sought nothing.
    results.append(("a State that sought nothing is not", not shown_labels(app, "Algeria")))

    show_all(app).doActionNamed("click")
    wait_for(lambda: shown_labels(app, "Algeria"), "the whole list again")
    results.append(("Show All gives the whole list back", len(shown_labels(app, "Algeria")) > 0))


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
