"""Pick a sidebar entry by its accessible name and read the page title back."""
import sys
import time

from e2e import App, tap, wait_for

PAGES = ("Countries", "Exchange", "Action Plans")


def main(binary, workdir):
    app = App(binary, workdir)
    results = []
    try:
        for page in PAGES:
            before = len(app.labels(page))
            row = app.find("list item", page)
            row.select()
            # The header's title joins the labels already naming the page: the title reads back.
            wait_for(lambda: len(app.labels(page)) == before + 1, f"the title “{page}”")
            results.append((f"sidebar opens {page}", True))
            time.sleep(0.3)  # a second activation within ~250 ms is ignored
    except AssertionError as error:
        results.append((str(error), False))
    finally:
        app.close()
    return tap(results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
