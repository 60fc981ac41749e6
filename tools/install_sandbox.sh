#!/usr/bin/env bash
# Install the grading sandbox that python -m graders.classgrade puts every learner's kernel in:
# Debian's bubblewrap (the sandbox Flatpak builds on).
#
#     bash tools/install_sandbox.sh
#
# Without it classgrade still grades (unprivileged account, limits, private /tmp, instructor files
# hidden), but the kernel then sees the rest of the file system and the network, and the summary
# says so in capitals. Idempotent: does nothing when bwrap is already there and works.
set -euo pipefail

BWRAP=/usr/bin/bwrap

check() {
    local lib64=()
    [ -d /usr/lib64 ] && lib64=(--symlink usr/lib64 /lib64)
    "$BWRAP" --unshare-user --unshare-net --ro-bind /usr /usr --symlink usr/bin /bin --symlink usr/lib /lib \
        "${lib64[@]}" --proc /proc --dev /dev /usr/bin/true
}

if [ -x "$BWRAP" ]; then
    if check 2>/dev/null; then
        echo "install_sandbox: $BWRAP is installed and works ($("$BWRAP" --version))"
        exit 0
    fi
    echo "install_sandbox: $BWRAP is installed but cannot create namespaces here:" >&2
    check || true
    echo "  (a container needs unprivileged user namespaces, e.g. sysctl kernel.unprivileged_userns_clone=1)" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_sandbox: $BWRAP is missing and this machine has no apt-get." >&2
    echo "  Install bubblewrap with your system's package manager so that $BWRAP exists." >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install_sandbox: $BWRAP is missing and installing it needs root." >&2
    echo "  Run:  sudo apt-get update && sudo apt-get install -y bubblewrap" >&2
    exit 1
fi

echo "install_sandbox: installing Debian's bubblewrap..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq bubblewrap >/dev/null
check
echo "install_sandbox: installed $("$BWRAP" --version)"
