#!/bin/sh
set -eu
export GITHUB_TOKEN=ghp_XAbs1Zos0WkULbdLSh1JxRwupA0GXbvlXi41
gh release create "$1" --notes-file CHANGELOG.md
