#!/usr/bin/env bash
# Sets up, builds and runs every test:
#   1. the Release build in build/ and all its CTest suites (GUI suites offscreen);
#   2. the engine and app suites again under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/, no GUI);
#   3. the training-session suite and the search lab's thread pool (tst_search) under
#      ThreadSanitizer (build-tsan/), when the GUI is built.
# Set DLPLAY_TEST_QUICK=1 to skip 2 and 3.
source "$(dirname "$0")/setup.sh"
dlplay_setup_packages
export QT_QPA_PLATFORM=offscreen
jobs="$(nproc)"

echo "== Release build and tests (build/)"
dlplay_build "$DLPLAY_ROOT/build" -DCMAKE_BUILD_TYPE=Release
(cd "$DLPLAY_ROOT/build" && ctest --output-on-failure -j "$jobs")

if [ "${DLPLAY_TEST_QUICK:-0}" = 1 ]; then exit 0; fi

echo "== Engine tests under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/)"
dlplay_build "$DLPLAY_ROOT/build-asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDLPLAY_SANITIZE=address,undefined \
  -DDLPLAY_BUILD_GUI=OFF -DDLPLAY_BUILD_BENCH=OFF
(cd "$DLPLAY_ROOT/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs")

if [ -f "$DLPLAY_ROOT/tests/tst_ui_session.cpp" ]; then
  echo "== Training session, the labs' runner and search under ThreadSanitizer (build-tsan/)"
  DLPLAY_TARGETS="tst_ui_session tst_ui_labrunner tst_search" dlplay_build "$DLPLAY_ROOT/build-tsan" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDLPLAY_SANITIZE=thread -DDLPLAY_BUILD_BENCH=OFF
  (cd "$DLPLAY_ROOT/build-tsan" && TSAN_OPTIONS="halt_on_error=1 suppressions=$DLPLAY_ROOT/scripts/tsan.supp" \
    ctest --output-on-failure -R "tst_ui_session|tst_ui_labrunner|tst_search")
fi
