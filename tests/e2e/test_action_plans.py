"""Find LAP Action 38 by typing in the Action plans search, open it, read its title."""
import sys

from dogtail import rawinput

from e2e import run, wait_for


def steps(app, results):
    app.find("list item", "Action Plans").select()
    app.type_into("Search actions", "38")
    # The list names the action by its plan and number, as the detail's heading does.
    wait_for(lambda: len(app.labels("LAP Action 38")) > 0, "LAP Action 38 in the list")
    rawinput.pressKey("Return")
    wait_for(lambda: len(app.labels("LAP Action 38")) > 1, "the action's heading")
    results.append(("typing 38 and Enter opens LAP Action 38",
                    len(app.labels("LAP Action 38")) > 1))
    # Its title was never recovered: the detail's header reads the gist instead, as the first
    # label after the heading's row (the list's row reads it too).
    firsts = []
    for heading in app.labels("LAP Action 38"):
        labels = [c.name for c in heading.parent.parent.children if c.roleName == "label"]
        firsts.append(labels[0] if labels else None)
    results.append((f"the detail reads the gist (first labels: {firsts})",
                    any(f and f.startswith("States needing help") for f in firsts)))

def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
