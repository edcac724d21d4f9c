#!/usr/bin/env bash
# Screenshots of every preset after training, for a person to look at: builds tools/screens.cpp
# and runs it on the offscreen platform twice, side by side — a 1366×768 screen in presentation
# mode and a 1920×1080 screen in the normal view — each in English and in Chinese. Each preset is
# loaded from the Presets menu and trained to its own step count (see tools/screens.cpp).
#
# usage: scripts/screens.sh [dlplay_screens options]   e.g. --presets xor-tanh,l1-vs-l2 --languages zh
# Writes build/screenshots/presets-1366x768-presentation/<preset>-<en|zh>.png
#    and build/screenshots/presets-1920x1080/<preset>-<en|zh>.png (about two minutes on two cores).
set -euo pipefail

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
cd "$root"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build -j2 dlplay_screens >/dev/null

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The offscreen platform's screen, so that the window (and anything that fills the screen) has
# the size of the display being imitated.
screen() {  # screen WIDTH HEIGHT FILE
  printf '{"screens": [{"name": "screen", "x": 0, "y": 0, "width": %d, "height": %d, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}\n' \
    "$1" "$2" >"$3"
}
screen 1366 768 "$tmp/projector.json"
screen 1920 1080 "$tmp/desktop.json"

out="$root/build/screenshots"
start=$SECONDS
run() {  # run NAME CONFIG [options...]
  local name="$1" config="$2"
  shift 2
  rm -rf "${out:?}/$name"
  QT_QPA_PLATFORM="offscreen:configfile=$config" "$root/build/tools/dlplay_screens" --out "$out/$name" "$@" \
    >"$tmp/$name.log" 2> >(grep -v "propagateSizeHints\|XDG_RUNTIME_DIR" >&2)
}
status=0
run presets-1366x768-presentation "$tmp/projector.json" --presentation "$@" &
first=$!
run presets-1920x1080 "$tmp/desktop.json" "$@" || status=1
wait "$first" || status=1
cat "$tmp/presets-1366x768-presentation.log" "$tmp/presets-1920x1080.log"
echo "# $(find "$out/presets-1366x768-presentation" "$out/presets-1920x1080" -name '*.png' | wc -l) screenshots in $((SECONDS - start)) s under $out (load $(cut -d' ' -f1-3 /proc/loadavg))"
exit $status
