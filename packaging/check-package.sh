#!/usr/bin/env bash
# The package_deb test (CTest, label "package"): builds the .deb from a built tree with cpack and
# checks what a school's machine gets from it — the control fields (dependencies declared), the
# file list, the menu entry, the icons, and that the binary extracted from the package runs
# outside the build tree. With DLPLAY_TEST_APT_INSTALL=1 it also installs the package with apt,
# runs /usr/bin/dlplay and removes the package again (changes the system: off by default).
# Usage: check-package.sh BUILD_DIR OUT_DIR VERSION "ICON_SIZES"
set -euo pipefail
build=$1 out=$2 version=$3 sizes=$4
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

rm -rf "$out"
mkdir -p "$out"
echo "== cpack -G DEB (log: $out/cpack.log)"
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log" >&2
  fail "cpack failed"
fi
shopt -s nullglob
debs=("$out"/dlplay_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one dlplay_*.deb in $out, found ${#debs[@]}"
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "dlplay_${version}_${arch}.deb" ] || fail "file name $(basename "$deb")"
echo "built $deb ($(du -h "$deb" | cut -f1))"

echo "== control fields"
dpkg-deb -I "$deb" control | tee "$out/control"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = dlplay ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
case "$(field Section)" in education | science) ;; *) fail "Section: $(field Section)" ;; esac
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
# From dpkg-shlibdeps (the libraries the binary links), and the two declared by hand.
depends=$(field Depends)
names=$(tr ',|' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//')
for dep in libc6 libstdc++6 libgomp1 zlib1g libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 \
  fonts-noto-cjk qt6-translations-l10n; do
  grep -qxF "$dep" <<<"$names" || fail "Depends lacks $dep: $depends"
done

echo "== contents"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' | sort >"$out/contents"
cat "$out/contents"
expect=(/usr/bin/dlplay /usr/share/applications/dlplay.desktop /usr/share/icons/hicolor/scalable/apps/dlplay.svg
  /usr/share/man/man1/dlplay.1.gz /usr/share/doc/dlplay/copyright /usr/share/doc/dlplay/README.md
  /usr/share/doc/dlplay/docs/experiment-format.md)
for s in $sizes; do expect+=("/usr/share/icons/hicolor/${s}x${s}/apps/dlplay.png"); done
for f in "${expect[@]}"; do grep -qx "$f" "$out/contents" || fail "package lacks $f"; done
# Everything lives under /usr (no /usr/local, no build paths, no test programs).
bad=$(grep -vE '^/$|^/usr(/|$)' "$out/contents" || true)
[ -z "$bad" ] || fail "files outside /usr: $bad"
bad=$(grep -E '^/usr/bin/.' "$out/contents" | grep -vx /usr/bin/dlplay || true)
[ -z "$bad" ] || fail "unexpected programs: $bad"

echo "== extracted package"
root="$out/root"
dpkg-deb -x "$deb" "$root"
desktop="$root/usr/share/applications/dlplay.desktop"
grep -qx 'Exec=dlplay' "$desktop" || fail "dlplay.desktop: Exec is not 'dlplay'"
grep -qx 'Icon=dlplay' "$desktop" || fail "dlplay.desktop: Icon is not 'dlplay'"
grep -qx 'Type=Application' "$desktop" || fail "dlplay.desktop: Type is not Application"
grep -qE '^Categories=(.*;)?(Education|Science);' "$desktop" || fail "dlplay.desktop: Categories lack Education/Science"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
  echo "desktop-file-validate: ok"
else
  echo "desktop-file-validate not installed (package desktop-file-utils): skipped"
fi
for s in $sizes; do
  png="$root/usr/share/icons/hicolor/${s}x${s}/apps/dlplay.png"
  file -b "$png" | grep -q "PNG image data, $s x $s," || fail "$png: $(file -b "$png")"
done
grep -q '<svg' "$root/usr/share/icons/hicolor/scalable/apps/dlplay.svg" || fail "the scalable icon is not an SVG"
gzip -t "$root/usr/share/man/man1/dlplay.1.gz" || fail "man page is not gzip"

bin="$root/usr/bin/dlplay"
# Nothing points back at the source or build tree: no RUNPATH, no embedded paths.
if readelf -d "$bin" | grep -qE 'RPATH|RUNPATH'; then fail "binary has an RPATH/RUNPATH: $(readelf -d "$bin" | grep PATH)"; fi
src=$(cd "$(dirname "$0")/.." && pwd)
for p in "$src" "$(cd "$build" && pwd)"; do
  if grep -qaF "$p" "$bin"; then fail "binary contains the path $p"; fi
done
# Run it from an empty directory with an empty home, so nothing in the tree or in settings helps.
home="$out/home"
mkdir -p "$home"
run() { (cd "$home" && env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/.config" QT_QPA_PLATFORM=offscreen "$@"); }
v=$(run "$bin" --version)
[ "$v" = "dlplay $version" ] || fail "--version printed '$v'"
# (Listed into a variable first: grep -q stops reading at its match, and under pipefail the
# writer's broken pipe would fail the check whenever the match comes early.)
presets=$(run "$bin" --list-presets --lab playground)
grep -q '^xor-tanh' <<<"$presets" || fail "--list-presets --lab playground lacks xor-tanh"
run "$bin" --headless --preset xor-tanh --steps 20 --metrics "$home/m.csv" >"$out/headless.log" 2>&1 ||
  { cat "$out/headless.log" >&2; fail "--headless --preset xor-tanh --steps 20"; }
[ "$(wc -l <"$home/m.csv")" -eq 21 ] || fail "metrics CSV has $(wc -l <"$home/m.csv") lines, expected header + 20"
presets=$(run "$bin" --list-presets --lab landscape)
grep -q '^landscape-saddle-escape' <<<"$presets" || fail "--list-presets --lab landscape lacks landscape-saddle-escape"
run "$bin" --headless --lab landscape --preset landscape-momentum-bound --steps 20 --metrics "$home/t.csv" \
  >"$out/landscape.log" 2>&1 || { cat "$out/landscape.log" >&2; fail "--headless --lab landscape"; }
[ "$(wc -l <"$home/t.csv")" -eq 43 ] || fail "trajectory CSV has $(wc -l <"$home/t.csv") lines, expected header + 2×21"
run "$bin" --headless --lab search --preset search-grid-vs-random --steps 20 --trials-csv "$home/trials.csv" \
  >"$out/search.log" 2>&1 || { cat "$out/search.log" >&2; fail "--headless --lab search --preset search-grid-vs-random"; }
[ "$(wc -l <"$home/trials.csv")" -eq 19 ] || fail "trials CSV has $(wc -l <"$home/trials.csv") lines, expected header + 9 grid + 9 compared"
echo "extracted binary: --version, --list-presets, 20 headless steps in each lab and a 9-trial search with its comparison ok"

if [ "${DLPLAY_TEST_APT_INSTALL:-0}" = 1 ]; then
  echo "== apt-get install (DLPLAY_TEST_APT_INSTALL=1)"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  # Without Recommends (qt6-wayland), so that removing the package leaves the system as it was.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
  trap 'DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq dlplay' EXIT
  [ "$(command -v dlplay)" = /usr/bin/dlplay ] || fail "dlplay on PATH is $(command -v dlplay)"
  [ "$(dlplay --version)" = "dlplay $version" ] || fail "installed dlplay --version"
  (cd "$home" && QT_QPA_PLATFORM=offscreen dlplay --headless --preset xor-tanh --steps 20 --quiet) || fail "installed dlplay"
  [ -f /usr/share/applications/dlplay.desktop ] || fail "no /usr/share/applications/dlplay.desktop"
  echo "installed with apt and ran /usr/bin/dlplay"
fi
echo "package ok: $deb"
