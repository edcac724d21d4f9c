#!/usr/bin/env bash
# Sets up (packages, Release build in build/) and starts dlplay; arguments pass through:
#   scripts/run.sh                      the window
#   scripts/run.sh --headless --preset vanishing-sigmoid-deep --metrics m.csv
source "$(dirname "$0")/setup.sh"
dlplay_setup_packages
dlplay_build "$DLPLAY_ROOT/build" -DCMAKE_BUILD_TYPE=Release >&2
exec "$DLPLAY_ROOT/build/app/dlplay" "$@"
