#!/usr/bin/env bash
# Install the browser that the end-to-end test (tests/browser/test_browser.py) drives: Debian's Chromium.
#
#     bash tools/install_browser.sh
#
# Playwright's own browser download does not work on the course's build machines, so the test
# launches /usr/bin/chromium instead. Idempotent: does nothing when Chromium is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "install_browser: $CHROMIUM is already installed ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: $CHROMIUM is missing and this machine has no apt-get." >&2
    echo "  Install Chromium with your system's package manager so that $CHROMIUM exists," >&2
    echo "  then run the tests again (tests/browser/test_browser.py needs it)." >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install_browser: $CHROMIUM is missing and installing it needs root." >&2
    echo "  Run:  sudo apt-get update && sudo apt-get install -y chromium" >&2
    echo "  then run the tests again (tests/browser/test_browser.py needs it)." >&2
    exit 1
fi

echo "install_browser: installing Debian's chromium (about 30 s)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "install_browser: installed $("$CHROMIUM" --version)"
