#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest: runtime, command, sandbox permissions and the app module.

Usage: test-flatpak-manifest.py MANIFEST_JSON
"""

import json
import sys

APP_ID = "io.github.articlesix.ArticleSix"
REQUIRED_FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
FORBIDDEN_FINISH_ARGS = ["--share=network"]


def check(manifest):
    failures = []

    def expect(what, ok, detail=""):
        print(f"{'ok' if ok else 'FAIL'}: {what}{': ' + detail if detail else ''}")
        if not ok:
            failures.append(what)

    app_id = manifest.get("app-id", manifest.get("id"))
    expect("app-id", app_id == APP_ID, repr(app_id))
    expect("runtime", manifest.get("runtime") == "org.gnome.Platform",
           repr(manifest.get("runtime")))
    # A string: flatpak-builder rejects a number here.
    expect("runtime-version", manifest.get("runtime-version") == "43",
           repr(manifest.get("runtime-version")))
    expect("sdk", manifest.get("sdk") == "org.gnome.Sdk", repr(manifest.get("sdk")))
    expect("command", manifest.get("command") == "article-six", repr(manifest.get("command")))

    finish_args = manifest.get("finish-args", [])
    for arg in REQUIRED_FINISH_ARGS:
        expect(f"finish-args has {arg}", arg in finish_args)
    for arg in FORBIDDEN_FINISH_ARGS:
        expect(f"finish-args lacks {arg}", arg not in finish_args)

    cleanup = manifest.get("cleanup", [])
    for path in ["/include", "/lib/pkgconfig"]:
        expect(f"cleanup has {path}", path in cleanup)

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    expect("modules are objects with names", all(isinstance(m, dict) and m.get("name")
                                                 for m in modules), repr(names))
    expect("module names are unique", len(names) == len(set(names)), repr(names))
    expect("libportal is built", "libportal" in names, repr(names))

    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    expect("last module is article-six", app.get("name") == "article-six", repr(app.get("name")))
    expect("article-six builds with meson", app.get("buildsystem") == "meson",
           repr(app.get("buildsystem")))
    sources = app.get("sources", [])
    expect("article-six is built from the source tree",
           any(isinstance(s, dict) and s.get("type") == "dir" and s.get("path") == ".."
               for s in sources), repr(sources))

    # Every downloaded source must be pinned, or the build is not reproducible.
    for module in modules:
        if not isinstance(module, dict):
            continue
        for source in module.get("sources", []):
            kind = source.get("type") if isinstance(source, dict) else None
            if kind in ("archive", "file"):
                expect(f"{module.get('name')}: {kind} has a sha256",
                       len(source.get("sha256", "")) == 64, repr(source.get("url")))
            elif kind == "git":
                expect(f"{module.get('name')}: git source is pinned to a commit",
                       len(source.get("commit", "")) == 40, repr(source.get("url")))

    return failures


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL: cannot read {argv[1]}: {e}", file=sys.stderr)
        return 1
    if not isinstance(manifest, dict):
        print(f"FAIL: {argv[1]}: the manifest is not a JSON object", file=sys.stderr)
        return 1

    failures = check(manifest)
    if failures:
        print(f"{len(failures)} check(s) failed: {', '.join(failures)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
