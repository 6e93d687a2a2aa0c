#!/usr/bin/env bash
# Installs headless Chromium from the Debian packages for the browser test of
# `newsclean serve` (cmd/newsclean/internal/servecmd/browser_test.go). The
# test skips when no Chromium is found; on a machine with apt-get and root
# (or sudo) a failed install stops CI rather than silently skipping it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get; install Chromium by hand to run the browser test" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-browser: not root and no sudo; the browser test will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
echo "installed: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
