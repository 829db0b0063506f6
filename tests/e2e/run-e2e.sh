#!/usr/bin/env bash
# Runs one end-to-end test on a private Xvfb (the AT-SPI bus is tied to the display) inside a
# private D-Bus session. Usage: run-e2e.sh BINARY SCRIPT
set -euo pipefail

binary=$1
script=$2
tmp=$(mktemp -d)

Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

for _ in $(seq 100); do
  [ -s "$tmp/display" ] && break
  sleep 0.1
done
[ -s "$tmp/display" ] || { echo "Xvfb did not start"; cat "$tmp/xvfb.log"; exit 1; }

export DISPLAY=":$(tr -d '\n' < "$tmp/display")"
unset GTK_A11Y NO_AT_BRIDGE

dbus-run-session -- /usr/bin/python3 -X faulthandler -u "$script" "$binary" "$tmp"
