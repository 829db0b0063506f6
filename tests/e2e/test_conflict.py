"""Two colleagues renamed Lebanon at the same time. The first file is already imported; the
second, opened as a mail client would open it, is previewed with both names, applied, and
the replaced name is brought back from the Exchange page."""
import hashlib
import json
import os
import subprocess
import sys
import time
import uuid

from e2e import run, wait_for

FIRST = "Lebanese Republic"
SECOND = "Republic of Lebanon"


def exchange_file(base, name, sender, stamp_ms, path):
    """@base with Lebanon renamed by @sender at @stamp_ms: a new replica's edit of the
    reference pack's value, written with its checksum (format §6)."""
    data = json.loads(json.dumps(base))
    replica = str(uuid.uuid4())
    data["export_id"] = str(uuid.uuid4())
    data["origin"] = {"replica": replica, "name": sender, "organisation": None}
    data["replicas"] = sorted(data["replicas"] + [{"id": replica, "name": sender,
                                                   "organisation": None}],
                              key=lambda r: r["id"])
    for record in data["records"]:
        if record["kind"] == "country" and record["id"] == "LBN":
            record["values"]["name"] = name
            clock = record["clocks"]["name"]
            clock["vv"] = dict(sorted({**clock["vv"], replica: 1}.items()))
            clock["hlc"] = f"{stamp_ms}.0@{replica}"
            clock.pop("source", None)
    del data["checksum"]
    body = json.dumps(data, indent=2, ensure_ascii=False)[:-2] + ",\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    with open(path, "w", encoding="utf-8") as f:
        f.write(body + f'  "checksum": "sha256:{digest}"\n}}\n')


def seed(binary, workdir):
    """Lebanon's profile from the reference pack; the first colleague's file imported; the
    second's left to open."""
    database = os.path.join(workdir, "e2e.db")
    base_path = os.path.join(workdir, "base.a6.json")
    subprocess.run([binary, "--database", os.path.join(workdir, "theirs.db"), "export",
                    "--scope", "country:LBN", "-o", base_path],
                   check=True, stdout=subprocess.DEVNULL)
    with open(base_path, encoding="utf-8") as f:
        base = json.load(f)
    now = int(time.time() * 1000)
    first = os.path.join(workdir, "nadia.a6.json")
    second = os.path.join(workdir, "rania.a6.json")
    exchange_file(base, FIRST, "Nadia Haddad", now - 60_000, first)
    exchange_file(base, SECOND, "Rania K.", now - 30_000, second)
    subprocess.run([binary, "--database", database, "import", first],
                   check=True, stdout=subprocess.DEVNULL)
    return second


def drawn(node):
    """A hidden page keeps its widgets, with no size: GTK 4.8 does not say "showing"."""
    try:
        return node.size[1] > 0
    except Exception:
        return False


def restore_button(app):
    return app.node.findChild(lambda n: n.roleName == "push button" and drawn(n)
                              and n.name.startswith("Bring back"),
                              retry=False, requireResult=False)


def labels_with(app, text):
    return app.node.findChildren(lambda n: n.roleName == "label" and text in (n.name or ""))


def steps(app, results):
    # The file given on the command line opens its preview: who sent it, and both names.
    wait_for(lambda: labels_with(app, "Rania K."), "the preview naming its sender")
    wait_for(lambda: labels_with(app, SECOND) and labels_with(app, FIRST), "both names")
    results.append(("the preview names the sender and shows both names",
                    bool(labels_with(app, "Rania K.") and labels_with(app, SECOND)
                         and labels_with(app, FIRST))))
    dialog = wait_for(lambda: [w for w in app.node.children if w.name != "Article Six"][0],
                      "the preview's window")
    dialog.findChild(lambda n: n.roleName == "push button"
                     and n.name.endswith("Apply")).doActionNamed("click")

    # The later edit wins; the earlier is kept for review on the Exchange page.
    app.find("list item", "Exchange").select()
    restore = wait_for(lambda: restore_button(app), "the conflict's Restore button")
    kept = labels_with(app, f"Kept “{SECOND}”")
    results.append(("the conflict says which name was kept", len(kept) > 0))

    restore.doActionNamed("click")
    wait_for(lambda: restore_button(app) is None, "the conflict restored")
    results.append(("Restore brings back the replaced name: no conflict left",
                    restore_button(app) is None))
    app.find("list item", "Countries").select()
    app.type_into("Search countries", "LBN")
    listed = wait_for(lambda: [n for n in labels_with(app, FIRST) if drawn(n)],
                      "Lebanon listed by the name brought back")
    results.append((f"Countries lists “{FIRST}” again", len(listed) > 0))


def main(binary, workdir):
    second = seed(binary, workdir)
    return run(binary, workdir, steps, second)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
