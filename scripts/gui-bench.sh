#!/usr/bin/env bash
# Window-responsiveness report: builds bench/gui_bench.cpp and runs it on the offscreen platform
# (configuration B of ../shared/perf/README.md trained flat out in a real MainWindow, the watch
# panel open): the Loss tab, the Metrics tab, then a stress phase of ± neuron, ± layer and preset
# loads every 100 ms. Prints Markdown tables; exits 0 even when a target is missed — it is a
# report, not a test.
#
# usage: scripts/gui-bench.sh [dlplay_gui_bench options]   e.g. --seconds 10 --steps 100000
#   --scenario all|steady|stress|search|cnn (default all); --seconds 20 per steady phase, the Loss tab's also
#   until --steps 1000000; --stress-seconds 20, --stress-interval 100 (ms). About 2–4 minutes.
# DLPLAY_SLOW_TRACE=1 in the environment prints a breakdown of every snapshot that takes the GUI
# thread over 15 ms (transport, map, network, charts, score board).
set -euo pipefail

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
cd "$root"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build -j2 dlplay_gui_bench >/dev/null
QT_QPA_PLATFORM=offscreen "$root/build/bench/dlplay_gui_bench" "$@"
exit 0
