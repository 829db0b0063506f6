#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the shared-mime-info definition of exchange files is recognised by GIO.

Usage: test-mime.py MIME_XML UPDATE_MIME_DATABASE

Installs MIME_XML into a private XDG data directory, builds its cache with
update-mime-database, then asks GIO (in a child process that sees only that directory and the
system one) to guess content types by file name and by content.
"""

import os
import shutil
import subprocess
import sys
import tempfile

MIME_TYPE = "application/x-articlesix+json"
DESCRIPTION = "Article Six exchange file"
EXCHANGE_START = b'{\n  "format": "article-six",\n  "format_version": "1.0"}'


def check_in_child():
    try:
        import gi

        gi.require_version("Gio", "2.0")
        from gi.repository import Gio
    except (ImportError, ValueError) as e:
        print(f"SKIP: PyGObject with Gio 2.0 is needed: {e}", file=sys.stderr)
        return 77

    failures = []

    def expect(what, got, want, equal=True):
        ok = (got == want) if equal else (got != want)
        relation = "==" if equal else "!="
        print(f"{'ok' if ok else 'FAIL'}: {what}: {got!r} (expected {relation} {want!r})")
        if not ok:
            failures.append(what)

    def guess(name, data):
        content_type, _uncertain = Gio.content_type_guess(name, data)
        return content_type

    expect("guess by name", guess("profile.a6.json", None), MIME_TYPE)
    expect("guess by upper-case name", guess("PROFILE.A6.JSON", None), MIME_TYPE)
    expect("guess by content", guess(None, EXCHANGE_START), MIME_TYPE)
    expect("guess by name and content", guess("mail.a6.json", EXCHANGE_START), MIME_TYPE)
    expect("plain JSON by content", guess(None, b'{"a":1}'), MIME_TYPE, equal=False)
    expect("plain JSON by name", guess("data.json", None), MIME_TYPE, equal=False)
    expect("other format by content",
           guess(None, b'{\n  "format": "something-else",\n  "a": 1}'), MIME_TYPE, equal=False)
    expect("is a JSON file", Gio.content_type_is_a(MIME_TYPE, "application/json"), True)
    expect("description", Gio.content_type_get_description(MIME_TYPE), DESCRIPTION)

    if failures:
        print(f"{len(failures)} check(s) failed: {', '.join(failures)}", file=sys.stderr)
        return 1
    return 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--check-in-child":
        return check_in_child()
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2

    mime_xml, update_mime_database = argv[1], argv[2]
    with tempfile.TemporaryDirectory(prefix="article-six-mime-") as tmp:
        packages = os.path.join(tmp, "mime", "packages")
        os.makedirs(packages)
        shutil.copy(mime_xml, os.path.join(packages, os.path.basename(mime_xml)))

        env = dict(os.environ)
        env["XDG_DATA_DIRS"] = f"{tmp}:/usr/local/share:/usr/share"
        env["XDG_DATA_HOME"] = os.path.join(tmp, "home")
        env["LANGUAGE"] = "C"
        env["LC_ALL"] = "C.UTF-8"

        # update-mime-database reports some problems on stderr but still exits 0.
        result = subprocess.run([update_mime_database, os.path.join(tmp, "mime")],
                                env=env, capture_output=True, text=True)
        if result.returncode != 0 or result.stderr.strip():
            print(f"FAIL: update-mime-database exited {result.returncode}:\n{result.stderr}",
                  file=sys.stderr)
            return 1

        # GIO reads the data directories once per process, so the checks run in a fresh one.
        child = subprocess.run([sys.executable, os.path.abspath(__file__), "--check-in-child"],
                               env=env)
        return child.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
