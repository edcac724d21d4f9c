#!/usr/bin/env bash
# Shared set-up for run.sh, test.sh and bench.sh: installs the Debian 12 packages dlplay needs
# when any is missing (through sudo when not root), then configures and builds into $BUILD_DIR.
# Source it; it defines dlplay_setup_packages and dlplay_build.
set -euo pipefail

DLPLAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DLPLAY_PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins libgl-dev libqt6opengl6-dev libxkbcommon-dev
  libeigen3-dev zlib1g-dev fonts-noto-cjk xvfb xauth
  dataset-fashion-mnist  # Fashion-MNIST for the CNN lab (engine/data/Images.h)
  dpkg-dev file desktop-file-utils
)

dlplay_setup_packages() {
  local missing=()
  for p in "${DLPLAY_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# dlplay_build BUILD_DIR [cmake options...]: configure and build everything in it (only the
# targets in $DLPLAY_TARGETS when that is set).
dlplay_build() {
  local dir="$1"
  shift
  cmake -S "$DLPLAY_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  if [ -n "${DLPLAY_TARGETS:-}" ]; then
    # shellcheck disable=SC2086
    cmake --build "$dir" -j "$(nproc)" --target $DLPLAY_TARGETS
  else
    cmake --build "$dir" -j "$(nproc)"
  fi
}
