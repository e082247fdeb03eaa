#!/usr/bin/env bash
# Runs every test of Gongkai. First installs what the tests need from Debian's packages
# (poppler-utils for PDF reading, chromium and CJK fonts for PDF rendering and browser tests).
set -euo pipefail
cd "$(dirname "$0")"

packages=(poppler-utils chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

dotnet test Gongkai.slnx --nologo "$@"
