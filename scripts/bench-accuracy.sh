#!/usr/bin/env bash
# Accuracy benchmark (a report, not a test): trains the Fashion-MNIST presets of the CNN lab to
# their configured steps on this machine and prints each one's test accuracy and wall time, to set
# against the table in Debian's dataset-fashion-mnist README ("2 Conv + pooling": 0.876–0.916).
#
# usage: scripts/bench-accuracy.sh [--threads N] [PRESET...]   (default: every cnn-fashion-* preset, 2 threads)
set -euo pipefail
threads=2
presets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --threads) threads="$2"; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) presets+=("$1") ;;
  esac
  shift
done
source "$(dirname "$0")/setup.sh"
dlplay_setup_packages
DLPLAY_TARGETS="dlplay" dlplay_build "$DLPLAY_ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
dlplay="$DLPLAY_ROOT/build/app/dlplay"
if [[ ${#presets[@]} -eq 0 ]]; then
  mapfile -t presets < <("$dlplay" --list-presets --lab cnn | awk '{print $1}' | grep '^cnn-fashion-')
fi
echo "| preset | parameters | test accuracy | wall time (${threads} threads) |"
echo "|---|---|---|---|"
for p in "${presets[@]}"; do
  start=$(date +%s.%N)
  out="$("$dlplay" --headless --lab cnn --preset "$p" --threads "$threads")"
  end=$(date +%s.%N)
  params="$(grep -o 'network: [0-9]* parameters' <<<"$out" | awk '{print $2}')"
  acc="$(grep -o 'test accuracy [0-9.]*' <<<"$out" | awk '{print $3}')"
  printf '| %s | %s | %s | %s s |\n' "$p" "$params" "$acc" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')"
done
