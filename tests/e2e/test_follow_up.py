"""A follow-up status that lasts: LAP Action 39 marked in progress from its detail, with the
keyboard, is shown in progress in the list, and again after the app is closed and restarted."""
import sys
import time

from dogtail import rawinput

from e2e import App, focus_window, tap, wait_for

ACTION = "LAP Action 39"
STATUS = "In progress"


def shown(node):
    try:
        return node.size[1] > 0
    except Exception:
        return False


def open_action(app):
    app.find("list item", "Action Plans").select()
    app.type_into("Search actions", "39")
    wait_for(lambda: app.labels(ACTION), f"{ACTION} in the list")
    rawinput.pressKey("Return")
    wait_for(lambda: len(app.labels(ACTION)) > 1, "the action's heading")
    return wait_for(lambda: app.node.findChild(lambda n: n.roleName == "combo box"
                                               and n.name == "Status" and shown(n),
                                               retry=False, requireResult=False),
                    "the follow-up's status")


def status_shown(combo):
    """What the status row reads: the label of its selected item."""
    return [n.name for n in combo.findChildren(lambda n: n.roleName == "label" and shown(n))]


def first_run(app, results):
    combo = open_action(app)
    results.append((f"{ACTION} opens, not started", "Not started" in status_shown(combo)))
    wait_for(lambda: focus_window("Article Six"), "the main window")
    app.click(combo)
    time.sleep(0.5)
    rawinput.pressKey("Down")
    rawinput.pressKey("Return")
    wait_for(lambda: STATUS in status_shown(combo), f"the status “{STATUS}”")
    row = wait_for(lambda: [label for label in app.labels(STATUS) if shown(label)
                            and label.parent.findChild(lambda n: n.name == ACTION,
                                                       retry=False, requireResult=False)],
                   "the list's row in progress")
    results.append((f"marked {STATUS.lower()}, the list's row says so", len(row) > 0))


def second_run(app, results):
    combo = open_action(app)
    now = wait_for(lambda: STATUS in status_shown(combo) and status_shown(combo),
                   f"the status “{STATUS}” after a restart")
    results.append((f"after a restart it is still {STATUS.lower()}: {now}", STATUS in now))


def main(binary, workdir):
    results = []
    for body in (first_run, second_run):
        app = App(binary, workdir)
        try:
            body(app, results)
        except (AssertionError, IndexError) as error:
            results.append((str(error) or "an element was missing", False))
            app.close()
            break
        app.close()
    return tap(results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
