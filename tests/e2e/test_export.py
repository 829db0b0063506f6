"""Ctrl+E, Enter, then a file name and Enter: the file holds public records only.

The database holds private contacts and notes first, so a private default would show."""
import json
import os
import stat
import subprocess
import sys
import time

from dogtail import rawinput

from e2e import focus_window, run, wait_for

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
PRIVATE_CONTACT = "00000000-0000-4000-8000-000000000009"


def seed(binary, workdir):
    database = os.path.join(workdir, "e2e.db")
    subprocess.run([binary, "--database", database, "import",
                    os.path.join(DATA, "good", "all-private.a6.json")],
                   check=True, stdout=subprocess.DEVNULL)


def steps(app, results, workdir):
    output = os.path.join(workdir, "sent.a6.json")

    app.find("list item", "Exchange")
    wait_for(lambda: len(app.labels("Exchange")) > 0, "the window")
    rawinput.keyCombo("<Control>e")
    # The first export asks who is sending: a name, then Enter.
    wait_for(lambda: app.labels("Who Is Sending?"), "who is sending")
    wait_for(lambda: focus_window("Who Is Sending?"), "its window")
    time.sleep(0.5)
    rawinput.typeText("Nadia Haddad")
    rawinput.pressKey("Return")
    wait_for(lambda: app.labels("Export Which Records?"), "the level dialog")
    # The counts arrive from the database's thread.
    counts = wait_for(lambda: app.node.findChildren(lambda n: n.roleName == "label"
                                                    and n.name.endswith(" records")),
                      "the counts")
    results.append(("Ctrl+E asks which records, with counts: "
                    + ", ".join(c.name for c in counts), len(counts) > 0))
    wait_for(lambda: focus_window("Export Which Records?"), "the level dialog's window")
    time.sleep(0.5)
    rawinput.pressKey("Return")
    wait_for(lambda: [w for w in app.node.children if w.name == "Export File"], "the file chooser")
    wait_for(lambda: focus_window("Export File"), "the file chooser's window")
    time.sleep(1.0)
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(output)
    rawinput.pressKey("Return")
    wait_for(lambda: os.path.exists(output) and os.path.getsize(output) > 0, "the file")
    time.sleep(0.5)
    with open(output, encoding="utf-8") as f:
        exported = json.load(f)
    results.append((f"Enter wrote a {exported['level']} file", exported["level"] == "public"))
    results.append((f"sent by {exported['origin']['name']}",
                    exported["origin"]["name"] == "Nadia Haddad"))
    ids = {record["id"] for record in exported["records"]}
    visibilities = {record["values"].get("visibility") for record in exported["records"]}
    results.append(("no private record in it",
                    PRIVATE_CONTACT not in ids and visibilities == {"public"}))
    mode = stat.S_IMODE(os.stat(output).st_mode)
    results.append((f"the file is {mode:o}, not writable by others", mode & 0o022 == 0))


def main(binary, workdir):
    seed(binary, workdir)
    return run(binary, workdir, lambda app, results: steps(app, results, workdir))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
