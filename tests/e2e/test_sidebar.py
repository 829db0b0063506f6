"""Pick a sidebar entry by its accessible name and read the page title back."""
import sys
import time

from e2e import run, wait_for

PAGES = ("Countries", "Exchange", "Action Plans")


def steps(app, results):
    for page in PAGES:
        before = len(app.labels(page))
        row = app.find("list item", page)
        row.select()
        # The header's title joins the labels already naming the page: the title reads back.
        wait_for(lambda: len(app.labels(page)) == before + 1, f"the title “{page}”")
        results.append((f"sidebar opens {page}", len(app.labels(page)) == before + 1))
        time.sleep(0.3)  # a second activation within ~250 ms is ignored


def main(binary, workdir):
    return run(binary, workdir, steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
