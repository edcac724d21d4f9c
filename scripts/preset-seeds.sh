#!/usr/bin/env bash
# The presets' seed sweep (docs/presets.md): trains every preset claim of tests/tst_app_presets.cpp
# once per training seed and prints each claim's pass rate; exits 1 when a claim holds on fewer
# than 95% of the seeds. Takes several minutes on one core.
#   scripts/preset-seeds.sh [SEEDS] [claim...]
# SEEDS defaults to 101-200, seeds never used to tune a preset (the presets were tuned on 1-50);
# claims are test functions (e.g. lrDecaySettles), all by default. DLPLAY_PRESET_SWEEP_VERBOSE=1
# prints every seed's measured numbers. Builds tst_app_presets in build/ first.
source "$(dirname "$0")/setup.sh"
seeds="${1:-101-200}"
[ $# -gt 0 ] && shift
DLPLAY_TARGETS=tst_app_presets dlplay_build "$DLPLAY_ROOT/build" -DCMAKE_BUILD_TYPE=Release
DLPLAY_PRESET_SEEDS="$seeds" OMP_NUM_THREADS=1 QT_QPA_PLATFORM=offscreen \
  nice -n 10 "$DLPLAY_ROOT/build/tests/tst_app_presets" "$@"
