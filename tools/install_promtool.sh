#!/usr/bin/env bash
# Install promtool, Prometheus' rule checker, which Week 6's alerting exercise runs
# (`promtool check rules`, `promtool test rules`): Debian's `prometheus` package provides it.
#
#     bash tools/install_promtool.sh             # make test: fails when promtool cannot be installed
#     bash tools/install_promtool.sh --optional  # make install / make lab: says how, never fails
#
# Binder and the hub images install the same package from apt.txt (repo2docker). Idempotent: does
# nothing when promtool is already on PATH. The package's service is not started (promtool is all
# the course uses; in a container, invoke-rc.d refuses to start it anyway).
set -euo pipefail

OPTIONAL=0
[ "${1:-}" = "--optional" ] && OPTIONAL=1

missing() {
    echo "install_promtool: $1" >&2
    echo "  Run:  sudo apt-get update && sudo apt-get install -y prometheus   (Debian/Ubuntu; it provides promtool)" >&2
    echo "  Week 6's alerting exercise checks your rule file with promtool; everything else works without it." >&2
    [ "$OPTIONAL" -eq 1 ] && exit 0
    exit 1
}

if command -v promtool >/dev/null 2>&1; then
    echo "install_promtool: $(command -v promtool) is already installed ($(promtool --version 2>&1 | head -1))"
    exit 0
fi
command -v apt-get >/dev/null 2>&1 || missing "promtool is missing and this machine has no apt-get."
[ "$(id -u)" -eq 0 ] || missing "promtool is missing and installing it needs root."

echo "install_promtool: installing Debian's prometheus package for promtool (about 20 MB download)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
echo "install_promtool: installed $(promtool --version 2>&1 | head -1)"
