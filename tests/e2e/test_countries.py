"""Find Lao PDR by typing its French name in the Countries search, open it, read its status."""
import sys

from dogtail import rawinput

from e2e import run, wait_for

NAME = "Lao People's Democratic Republic"


def steps(app, results):
    app.find("list item", "Countries").select()
    app.type_into("Search countries", "populaire lao")
    listed = wait_for(lambda: app.labels(NAME), "Lao PDR in the list")
    results.append(("typing its French name lists Lao PDR", len(listed) > 0))
    rawinput.pressKey("Return")
    # The profile's heading is a second label with the name, the status line under it.
    wait_for(lambda: len(app.labels(NAME)) > 1, "the profile's heading")
    status = wait_for(lambda: app.labels("State Party · Asia · LAO")[0],
                      "the profile's status line")
    results.append((f"the profile reads its status “{status.name}”",
                    status.name == "State Party · Asia · LAO"))


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
