#!/usr/bin/env bash
# Fails when the labs' folders leak into each other: each lab is one folder, ui/labs/<lab>/, which
# includes no other lab's; outside ui/labs/ only the window that hosts them (ui/MainWindow*) names a
# lab's folder, and ui/plots/ the playground's snapshot (its charts draw it); nothing in ui/
# includes the application (app/).
ui=${1:-"$(dirname "$0")/../ui"}
bad=0
for dir in "$ui"/labs/*/; do
  lab=$(basename "$dir")
  hits=$(grep -rnE '^\s*#\s*include\s*"labs/[a-z]+/' "$dir" --include='*.h' --include='*.cpp' | grep -v "\"labs/$lab/" || true)
  if [ -n "$hits" ]; then
    echo "ui/labs/$lab/ includes another lab's folder:"
    echo "$hits"
    bad=1
  fi
done
hits=$(grep -rnE '^\s*#\s*include\s*"labs/[a-z]+/' "$ui" --include='*.h' --include='*.cpp' | grep -v "^$ui/labs/" |
  grep -vE "^$ui/MainWindow[A-Za-z]*\.(h|cpp):" | grep -vE "^$ui/plots/[A-Za-z]+\.(h|cpp):[0-9]+:#include \"labs/playground/Snapshot\.h\"" || true)
if [ -n "$hits" ]; then
  echo "only the window hosting the labs may include a lab's folder:"
  echo "$hits"
  bad=1
fi
hits=$(grep -rnE '^\s*#\s*include\s*"(app/|Headless|Gui\.h)' "$ui" --include='*.h' --include='*.cpp' || true)
if [ -n "$hits" ]; then
  echo "ui/ must not include the application (app/):"
  echo "$hits"
  bad=1
fi
[ $bad -eq 0 ] && echo "each lab is its own folder; ui/ does not depend on app/"
exit $bad
