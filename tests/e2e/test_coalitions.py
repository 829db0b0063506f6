"""A coalition for Lebanon, run through the window as a coordinator would: started from
Lebanon's profile, a follow-up that is overdue, marked done and undone, a meeting to come.
Each step asserts what the page shows afterwards."""
import datetime
import sys
import time

from dogtail import rawinput

from e2e import focus_window, run, wait_for

TITLE = "Country Coalition for Lebanon"
FOLLOW_UP = "Send the survey plan"
MEETING = "Before the Meeting of States Parties"


def shown(app, role, name):
    return app.node.findChild(lambda n: n.roleName == role and n.name == name
                              and n.size[1] > 0, retry=False, requireResult=False)


def follow_up_overdue(app):
    row = shown(app, "list item", FOLLOW_UP)
    return row is not None and row.findChild(lambda n: n.roleName == "label"
                                             and n.name == "Overdue",
                                             retry=False, requireResult=False) is not None


def check_box(app):
    return shown(app, "check box", f"Done: {FOLLOW_UP}")


def is_checked(node):
    return node.checked


def fill_form(app, title, values):
    """Types each value into the form's entry of that name, then adds the record."""
    form = wait_for(lambda: [w for w in app.node.children if w.name == title][0],
                    f"the form “{title}”")
    wait_for(lambda: focus_window(title), f"the form “{title}”'s window")
    for name, text in values:
        entry = form.findChild(lambda n: n.roleName == "text" and n.name == name)
        app.click(entry)
        rawinput.typeText(text)
    form.findChild(lambda n: n.roleName == "push button"
                   and n.name.endswith("Add")).doActionNamed("click")


def steps(app, results):
    today = datetime.date.today()
    last_week = (today - datetime.timedelta(days=7)).isoformat()
    next_month = (today + datetime.timedelta(days=30)).isoformat()

    # Lebanon's profile offers to start its coalition.
    app.find("list item", "Countries").select()
    app.type_into("Search countries", "Lebanon")
    wait_for(lambda: app.labels("Lebanon"), "Lebanon in the list")
    rawinput.pressKey("Return")
    app.click(app.find("list item", "Start a Coalition for Lebanon"))
    start = wait_for(lambda: app.node.findChild(
        lambda n: n.roleName == "push button" and n.name.endswith("Start Coalition"),
        retry=False, requireResult=False), "the assistant")
    results.append(("the profile's Start a Coalition opens the assistant", start is not None))
    start.doActionNamed("click")
    heading = wait_for(lambda: shown(app, "label", TITLE), "the workspace's heading")
    results.append(("the workspace shows the new coalition", heading.name == TITLE))
    lead = wait_for(lambda: shown(app, "list item", "Lebanon"), "Lebanon among the members")
    results.append(("Lebanon leads it", lead is not None))

    # A follow-up due last week: it stands out as overdue.
    app.find("push button", "Add Follow-up").doActionNamed("click")
    fill_form(app, "Follow-up", [("Title", FOLLOW_UP), ("Due", last_week)])
    wait_for(lambda: shown(app, "list item", FOLLOW_UP), "the follow-up's row")
    wait_for(lambda: follow_up_overdue(app), "the overdue badge")
    results.append(("the follow-up shows, overdue", follow_up_overdue(app)))

    # Done in one click; Ctrl+Z takes it back.
    app.click(check_box(app))
    wait_for(lambda: is_checked(check_box(app)), "the follow-up marked done")
    wait_for(lambda: not follow_up_overdue(app), "the overdue badge gone")
    results.append(("one click marks it done, no longer overdue",
                    is_checked(check_box(app)) and not follow_up_overdue(app)))
    wait_for(lambda: focus_window("Article Six"), "the main window")
    time.sleep(0.5)
    rawinput.keyCombo("<Control>z")
    wait_for(lambda: not is_checked(check_box(app)), "the follow-up open again")
    wait_for(lambda: follow_up_overdue(app), "the overdue badge again")
    results.append(("Ctrl+Z opens it again, overdue",
                    not is_checked(check_box(app)) and follow_up_overdue(app)))

    # A meeting next month is listed among those to come.
    app.find("push button", "Add Meeting").doActionNamed("click")
    fill_form(app, "Meeting", [("Title", MEETING), ("Date", next_month),
                               ("Agenda", "Review the survey plan")])
    row = wait_for(lambda: shown(app, "list item", MEETING), "the meeting's row")
    upcoming = app.find("list", "Upcoming Meetings")
    results.append(("the meeting is listed as upcoming",
                    row.parent == upcoming or upcoming.findChild(
                        lambda n: n.name == MEETING, retry=False, requireResult=False)
                    is not None))


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
