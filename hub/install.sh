#!/usr/bin/env bash
# Install the course hub's proxy: configurable-http-proxy, pinned in hub/package.json and
# hub/package-lock.json, into hub/node_modules with `npm ci` (JupyterHub itself is pinned in
# environment.yml and installed by `make install`).
#
#     bash hub/install.sh          # idempotent; `make hub` and tests/hub/test_hub.py run it
#
# Needs Node.js and npm. On Debian, as root, it installs Debian's nodejs and npm when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        echo "hub/install.sh: installing Debian's nodejs and npm..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "hub/install.sh: Node.js and npm are needed for configurable-http-proxy." >&2
        echo "  Debian/Ubuntu: sudo apt-get install -y nodejs npm; then run this again." >&2
        exit 1
    fi
fi

want="$(node -e 'console.log(require("./package-lock.json").packages["node_modules/configurable-http-proxy"].version)')"
have="$(node -e 'try { console.log(require("./node_modules/configurable-http-proxy/package.json").version) } catch (e) { console.log("") }')"
if [ "$want" != "$have" ] || [ ! -x node_modules/.bin/configurable-http-proxy ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
echo "hub/install.sh: configurable-http-proxy $(node_modules/.bin/configurable-http-proxy --version) in hub/node_modules"
