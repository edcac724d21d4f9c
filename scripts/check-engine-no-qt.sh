#!/usr/bin/env bash
# Fails when any file under engine/ includes a Qt header: the engine must build without Qt.
dir=${1:-"$(dirname "$0")/../engine"}
hits=$(grep -rnE '^\s*#\s*include\s*[<"](Q[A-Za-z]+|Qt[A-Za-z]*/)' "$dir" --include='*.h' --include='*.cpp' --include='*.hpp' || true)
if [ -n "$hits" ]; then
  echo "engine/ must not include Qt headers:"
  echo "$hits"
  exit 1
fi
echo "engine/ is Qt-free"
