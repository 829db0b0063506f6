"""Find LAP Action 38 by typing in the Action plans search, open it, read its title."""
import sys

from dogtail import rawinput

from e2e import App, tap, wait_for


def labels(node, name):
    return node.findChildren(lambda n: n.roleName == "label" and n.name == name)


def main(binary, workdir):
    app = App(binary, workdir)
    results = []
    try:
        app.find("list item", "Action Plans").select()
        entry = app.find("entry", "Search actions")
        # Focus the entry as a user would, by clicking it, then type.
        x, y = entry.position
        width, height = entry.size
        rawinput.click(x + width // 2, y + height // 2)
        rawinput.typeText("38")
        wait_for(lambda: len(labels(app.node, "Action 38")) > 0, "Action 38 in the list")
        rawinput.pressKey("Return")
        heading = wait_for(lambda: labels(app.node, "LAP Action 38")[0], "the action's heading")
        results.append(("typing 38 and Enter opens LAP Action 38", True))
        # The title is the first label after the heading's row in the detail's header.
        header = heading.parent.parent
        title = [c.name for c in header.children if c.roleName == "label"][0]
        results.append((f"the detail reads its title “{title}”", title == "Action 38"))
    except (AssertionError, IndexError) as error:
        results.append((str(error) or "an element was missing", False))
    finally:
        app.close()
    return tap(results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
