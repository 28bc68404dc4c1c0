#!/bin/sh
# Installs Debian's Chromium and its WebDriver (chromedriver) for the browser end-to-end test
# (crates/chorus/tests/browser.rs). Does nothing when both are present. Needs root (or sudo).
set -eu

if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium and chromedriver are installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver
chromium --version
chromedriver --version
