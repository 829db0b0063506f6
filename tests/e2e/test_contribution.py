"""A contribution to Lebanon, entered as a coordinator would: from its profile's form, typed
field by field, it is listed in the profile with its donor, amount and year, and in the
profile's PDF for coalition partners (not in the public one)."""
import os
import subprocess
import sys
import time

from dogtail import rawinput

from e2e import focus_window, run, wait_for

DESCRIPTION = "Survey of the southern districts"


def shown(node):
    try:
        return node.size[1] > 0
    except Exception:
        return False


def in_profile(app):
    """The row of Norway's contribution in the profile, or None."""
    return app.node.children[0].findChild(
        lambda n: n.roleName == "list item" and (n.name or "").startswith("From Norway")
        and shown(n), retry=False, requireResult=False)


def details(row):
    return " ".join(n.name for n in row.findChildren(lambda n: n.roleName == "label"))


def steps(app, results):
    app.find("list item", "Countries").select()
    app.type_into("Search countries", "Lebanon")
    wait_for(lambda: app.labels("Lebanon"), "Lebanon in the list")
    rawinput.pressKey("Return")
    wait_for(lambda: len(app.labels("Lebanon")) > 1, "Lebanon's profile")
    results.append(("the profile lists no such contribution yet", in_profile(app) is None))

    windows = len(app.node.children)
    app.find("push button", "Add Contribution").doActionNamed("click")
    form = wait_for(lambda: len(app.node.children) > windows and app.node.children[-1],
                    "the contribution's form")
    wait_for(lambda: focus_window(form.name), "the form's window")
    for name, text in (("Find a State or Organisation", "Norway"), ("Amount", "250000"),
                       ("Currency (ISO 4217)", "USD"), ("Year", "2024"),
                       ("Description", DESCRIPTION)):
        entry = form.findChild(lambda n: n.roleName == "text" and n.name == name)
        app.click(entry)
        rawinput.typeText(text)
        time.sleep(0.3)
    source = form.findChild(lambda n: n.roleName == "combo box" and n.name == "From")
    results.append(("the form finds Norway as its source",
                    source.findChild(lambda n: n.roleName == "label" and n.name == "Norway",
                                     retry=False, requireResult=False) is not None))
    form.findChild(lambda n: n.roleName == "push button" and n.name == "Add").doActionNamed("click")

    row = wait_for(lambda: in_profile(app), "the contribution in the profile")
    text = details(row)
    results.append((f"the profile lists it: “{text}”",
                    "2024" in text and "250" in text and "USD" in text))


def pdf_text(binary, workdir, level):
    """Lebanon's one-page profile from the same database, as text."""
    pdf = os.path.join(workdir, f"lebanon-{level}.pdf")
    subprocess.run([binary, "--database", os.path.join(workdir, "e2e.db"), "profile", "LBN",
                    "--pdf", pdf, "--level", level], check=True, stdout=subprocess.DEVNULL)
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_steps(binary, workdir, app, results):
    steps(app, results)
    # Contributions are shared with coalitions unless the user says otherwise: the profile
    # printed for coalition partners shows it, the public one does not.
    shared = pdf_text(binary, workdir, "coalition")
    results.append(("the profile's PDF for coalition partners lists it",
                    "Norway" in shared and "250,000 USD" in shared))
    public = pdf_text(binary, workdir, "public")
    results.append(("the public PDF leaves it out", "250,000 USD" not in public))


def main(binary, workdir):
    return run(binary, workdir,
               lambda app, results: pdf_steps(binary, workdir, app, results))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
