"""Find LAP Action 38 by typing in the Action plans search, open it, read its title."""
import sys

from dogtail import rawinput

from e2e import run, wait_for


def steps(app, results):
    app.find("list item", "Action Plans").select()
    app.type_into("Search actions", "38")
    wait_for(lambda: len(app.labels("Action 38")) > 0, "Action 38 in the list")
    rawinput.pressKey("Return")
    heading = wait_for(lambda: app.labels("LAP Action 38")[0], "the action's heading")
    results.append(("typing 38 and Enter opens LAP Action 38", True))
    # The title is the first label after the heading's row in the detail's header.
    header = heading.parent.parent
    title = [c.name for c in header.children if c.roleName == "label"][0]
    results.append((f"the detail reads its title “{title}”", title == "Action 38"))


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
