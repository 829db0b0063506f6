"""Type-to-search with real key events: with the focus in a list, letters typed go to the
global search, which lists what matches; Escape puts the page back."""
import sys
import time

from dogtail import rawinput

from e2e import focus_window, run, wait_for


def result_rows(app, name):
    results = app.node.findChild(lambda n: n.roleName in ("list", "table")
                                 and n.name == "Search results" and n.size[1] > 0,
                                 retry=False, requireResult=False)
    if results is None:
        return []
    return results.findChildren(lambda n: n.roleName == "label" and n.name == name
                                and n.size[1] > 0)


def steps(app, results):
    wait_for(lambda: focus_window("Article Six"), "the main window")
    row = app.find("list item", "Coalitions")
    app.click(row)
    wait_for(lambda: app.labels("Coalitions") and len(app.labels("Coalitions")) > 1,
             "the Coalitions page")
    time.sleep(0.5)

    rawinput.typeText("lebanon")
    found = wait_for(lambda: result_rows(app, "Lebanon"), "Lebanon among the search results")
    results.append(("letters typed in the sidebar's list search everything: Lebanon is found",
                    len(found) > 0))
    entry = app.find("entry", "Search everything")
    results.append(("the search entry shows", entry.size[1] > 0))

    rawinput.pressKey("Escape")
    wait_for(lambda: not result_rows(app, "Lebanon"), "the results gone")
    page = wait_for(lambda: len(app.labels("Coalitions")) > 1, "the Coalitions page again")
    results.append(("Escape closes the search and shows the page again", page))


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
