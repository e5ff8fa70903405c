#!/bin/sh
# Runs a command as make runs the test suites, the demo without a display
# and the benchmark: with a D-Bus session bus and an X server (Xvfb) of its
# own, and a runtime and a cache directory of its own. The accessibility
# bus that WebKit's processes connect to puts its socket in the runtime
# directory (else in ~/.cache/at-spi, shared by every program of the user):
# another program on the machine can neither take it away nor be disturbed
# by this one's.
set -eu

root=$(mktemp -d "${TMPDIR:-/tmp}/tauri-gtk-run-XXXXXX")
trap 'rm -rf "$root"' EXIT
trap 'exit 130' INT TERM
mkdir -m 700 "$root/runtime" "$root/cache"

export XDG_RUNTIME_DIR="$root/runtime"
export XDG_CACHE_HOME="$root/cache"
unset AT_SPI_BUS_ADDRESS DBUS_SESSION_BUS_ADDRESS

dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" "$@"
