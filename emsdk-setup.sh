#!/usr/bin/env bash
# Installs or finds everything Mapathy needs to build and test, and fetches the pinned third-party sources
# into third_party/ (ignored by git; nothing third-party is ever committed). Safe to run again: what is
# already there is checked, not fetched twice. Prints a summary; exits non-zero with a clear message when
# something cannot be had.
#
#   ./emsdk-setup.sh            everything (toolchain, native dependencies, sources, fonts, browser tests
#                               on Chromium, Firefox ESR and WebKitGTK)
#   ./emsdk-setup.sh --web      only what the WebAssembly build needs (used by .github/workflows/pages.yml)
#   ./emsdk-setup.sh --chromium only what the Chromium browser tests need to run against a site that is
#                               already built (node, Chromium, Xvfb, the npm packages; used by
#                               .github/workflows/pages.yml)
#
# Environment:
#   MAPATHY_OFFLINE=1     never try the network beyond the distribution's package archive and npm
#                         (CI sets it: the distribution's emscripten and source packages are used)
#   MAPATHY_EMSDK_VERSION the emsdk release to install when no emcc is found (default below)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
THIRD="$ROOT/third_party"
EMSDK_VERSION="${MAPATHY_EMSDK_VERSION:-3.1.74}"
IMGUI_VERSION="1.90.1"
IMGUI_DEBIAN_VERSION="1.90.1+ds-1"     # the `imgui` source package of Debian 13 (trixie)
IMGUI_DEBIAN_SUITE="trixie"
IMGUI_UPSTREAM_URL="https://github.com/ocornut/imgui/archive/refs/tags/v${IMGUI_VERSION}.tar.gz"
EMSDK_GIT_URL="https://github.com/emscripten-core/emsdk.git"
OFFLINE="${MAPATHY_OFFLINE:-0}"
WEB_ONLY=0
CHROMIUM_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --web) WEB_ONLY=1 ;;
    --chromium) CHROMIUM_ONLY=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "[setup] unknown option: $arg (see --help)" >&2; exit 1 ;;
  esac
done

SUMMARY=()
note() { SUMMARY+=("$(printf '%-14s %s' "$1" "$2")"); }
say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# ---- privileges: root, or sudo without a password prompt; otherwise tell the user what to install.
if [ "$(id -u)" -eq 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
else SUDO="__none__"
fi

APT_UPDATED=0
apt_install() {  # apt_install PKG... — installs what is not installed yet
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$SUDO" = "__none__" ]; then
    die "missing packages: ${missing[*]}
        Install them as root:  apt-get install --no-install-recommends ${missing[*]}
        then run ./emsdk-setup.sh again."
  fi
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install ${missing[*]} (or their equivalents) by hand"
  if [ "$APT_UPDATED" -eq 0 ]; then
    say "apt-get update"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
    APT_UPDATED=1
  fi
  say "installing: ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }

# ---- 1. native build and test dependencies from the distribution. The browser tests' engines: Chromium,
# Firefox ESR (driven by puppeteer-core over WebDriver BiDi) and WebKitGTK (WebKitWebDriver and its
# MiniBrowser); all three draw WebGL through Mesa's software OpenGL (llvmpipe) on an Xvfb display,
# Firefox and WebKit copy and paste through its clipboard (xclip), and a German WebKit needs the de_DE
# locale compiled (locales, step 7).
CHROMIUM_PKGS=(chromium xvfb xauth libgl1-mesa-dri libegl1)
BROWSER_PKGS=("${CHROMIUM_PKGS[@]}" firefox-esr webkit2gtk-driver xclip locales zbar-tools)
BROWSER_PKGS+=(fonts-noto-color-emoji)  # the emoji the browsers draw into the app's atlas (writing_glyphs)
if [ "$CHROMIUM_ONLY" = 1 ]; then
  NATIVE_PKGS=(ca-certificates "${CHROMIUM_PKGS[@]}")
elif [ "$WEB_ONLY" = 1 ]; then
  NATIVE_PKGS=(cmake ninja-build git ca-certificates xz-utils curl nlohmann-json3-dev fonts-inter python3-fonttools)
else
  NATIVE_PKGS=(g++ cmake ninja-build pkg-config git ca-certificates xz-utils curl
               nlohmann-json3-dev googletest libgtest-dev libbenchmark-dev zlib1g-dev
               clang-14 libclang-rt-14-dev
               fonts-inter python3-fonttools "${BROWSER_PKGS[@]}")
fi
command -v node >/dev/null 2>&1 || NATIVE_PKGS+=(nodejs)
command -v npm >/dev/null 2>&1 || NATIVE_PKGS+=(npm)
apt_install "${NATIVE_PKGS[@]}"

# ---- the real-browser tests' npm packages (pinned in the committed lock file): playwright-core drives
# Chromium, puppeteer-core Firefox (never downloading a browser: PUPPETEER_SKIP_DOWNLOAD). WebKit needs no
# package (plain WebDriver over HTTP).
browser_test_packages() {
  lock_satisfied() {  # every package of the lock file installed at its locked version
    node -e '
      const fs = require("fs"), path = require("path"), dir = process.argv[1];
      const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"));
      for (const [where, entry] of Object.entries(lock.packages)) {
        if (!where) continue;
        const file = path.join(dir, where, "package.json");
        if (!fs.existsSync(file) || JSON.parse(fs.readFileSync(file, "utf8")).version !== entry.version) process.exit(1);
      }' "$ROOT/tests/browser"
  }
  if ! lock_satisfied; then
    (cd "$ROOT/tests/browser" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
      || die "npm ci in tests/browser failed"
  fi
  local version='require(process.argv[1]).version'
  note "playwright" "$(node -p "$version" "$ROOT/tests/browser/node_modules/playwright-core/package.json")"
  note "puppeteer" "$(node -p "$version" "$ROOT/tests/browser/node_modules/puppeteer-core/package.json")"
  note "chromium" "$(chromium --version 2>/dev/null | awk '{print $2}')"
}
if [ "$CHROMIUM_ONLY" = 1 ]; then
  note "node" "$(node --version)"
  browser_test_packages
  say "ready:"
  printf '  %s\n' "${SUMMARY[@]}"
  exit 0
fi

cmake_version="$(cmake --version | head -1 | awk '{print $3}')"
printf '3.25\n%s\n' "$cmake_version" | sort -V -C || die "CMake $cmake_version is too old: 3.25 or newer is needed"
json_version="$(pkg_version nlohmann-json3-dev)"
printf '3.11\n%s\n' "${json_version%%-*}" | sort -V -C || die "nlohmann/json $json_version is too old (3.11 needed)"
note "cmake" "$cmake_version (ninja $(ninja --version))"
note "nlohmann/json" "$json_version"
if [ "$WEB_ONLY" = 0 ]; then
  note "g++" "$(g++ -dumpfullversion)"
  note "googletest" "$(pkg_version googletest)"
  note "benchmark" "$(pkg_version libbenchmark-dev)"
  note "clang" "$(clang++-14 -dumpversion) (libFuzzer)"
fi
note "node" "$(node --version)"

# ---- 2. the Emscripten toolchain: an emcc already on PATH (or an activated emsdk) -> emsdk at a pinned
# version when the network allows -> the distribution's emscripten package.
emcc_version() { "$1" --version 2>/dev/null | head -1 | sed -E 's/.* ([0-9]+\.[0-9]+\.[0-9]+).*/\1/'; }
EMCC=""
if [ -n "${EMSDK:-}" ] && [ -x "$EMSDK/upstream/emscripten/emcc" ]; then EMCC="$EMSDK/upstream/emscripten/emcc"
elif command -v emcc >/dev/null 2>&1; then EMCC="$(command -v emcc)"
elif [ -x "$THIRD/emsdk/upstream/emscripten/emcc" ]; then EMCC="$THIRD/emsdk/upstream/emscripten/emcc"
fi
if [ -z "$EMCC" ] && [ "$OFFLINE" != "1" ]; then
  say "no emcc found: trying emsdk $EMSDK_VERSION"
  if timeout 30 git ls-remote "$EMSDK_GIT_URL" HEAD >/dev/null 2>&1; then
    [ -d "$THIRD/emsdk/.git" ] || git clone -q --depth 1 "$EMSDK_GIT_URL" "$THIRD/emsdk"
    if (cd "$THIRD/emsdk" && ./emsdk install "$EMSDK_VERSION" >/dev/null && ./emsdk activate "$EMSDK_VERSION" >/dev/null); then
      EMCC="$THIRD/emsdk/upstream/emscripten/emcc"
    else
      say "emsdk install $EMSDK_VERSION failed; falling back to the distribution's emscripten"
    fi
  else
    say "emsdk is not reachable; using the distribution's emscripten"
  fi
fi
if [ -z "$EMCC" ]; then
  apt_install emscripten
  EMCC="$(command -v emcc)" || die "the emscripten package did not provide emcc"
fi
# Debian's emscripten runs its JS tools with the machine's node; they need Debian's node modules (acorn).
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
note "emscripten" "$(emcc_version "$EMCC") ($EMCC)"

# ---- 3. Dear ImGui 1.90.1: upstream's tag tarball when reachable, else the distribution's source package of
# exactly that version. Either way every file we compile is checked against cmake/imgui-1.90.1.sha256.
imgui_verified() {
  [ -f "$THIRD/imgui/imgui.h" ] || return 1
  (cd "$THIRD/imgui" && sha256sum --quiet -c "$ROOT/cmake/imgui-${IMGUI_VERSION}.sha256" >/dev/null 2>&1)
}
fetch_imgui_upstream() {
  [ "$OFFLINE" = "1" ] && return 1
  local tmp; tmp="$(mktemp -d)"
  if curl -fsSL --max-time 60 -o "$tmp/imgui.tar.gz" "$IMGUI_UPSTREAM_URL" 2>/dev/null; then
    mkdir -p "$tmp/x" && tar -xzf "$tmp/imgui.tar.gz" -C "$tmp/x" \
      && rm -rf "$THIRD/imgui" && mv "$tmp/x/imgui-${IMGUI_VERSION}" "$THIRD/imgui" && rm -rf "$tmp" && return 0
  fi
  rm -rf "$tmp"; return 1
}
fetch_imgui_debian() {
  # A private apt configuration for source packages of the next Debian release, derived from this machine's
  # own sources (the system's configuration is never edited).
  local aptdir="$THIRD/.apt"
  local uri
  uri="$(grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -1)"
  [ -n "$uri" ] || uri="$(grep -h -m1 -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -1)"
  [ -n "$uri" ] || return 1
  mkdir -p "$aptdir/sources" "$aptdir/lists/partial" "$aptdir/download"
  cat >"$aptdir/sources/imgui.sources" <<EOF
Types: deb-src
URIs: $uri
Suites: $IMGUI_DEBIAN_SUITE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$aptdir/sources"
              -o "Dir::State::Lists=$aptdir/lists" -o "APT::Sandbox::User=root" -qq)
  apt-get "${opts[@]}" update >/dev/null 2>&1 || return 1
  (cd "$aptdir/download" && apt-get "${opts[@]}" source --download-only "imgui=$IMGUI_DEBIAN_VERSION" >/dev/null 2>&1) || return 1
  local tarball
  tarball="$(ls "$aptdir/download"/imgui_"${IMGUI_VERSION}"+ds.orig.tar.* 2>/dev/null | head -1)"
  [ -n "$tarball" ] || return 1
  local tmp; tmp="$(mktemp -d)"
  tar -xf "$tarball" -C "$tmp" || { rm -rf "$tmp"; return 1; }
  rm -rf "$THIRD/imgui" && mv "$tmp"/imgui-* "$THIRD/imgui" && rm -rf "$tmp"
}
mkdir -p "$THIRD"
if imgui_verified; then
  note "Dear ImGui" "$IMGUI_VERSION (present, checksums ok)"
else
  if fetch_imgui_upstream && imgui_verified; then
    note "Dear ImGui" "$IMGUI_VERSION (upstream tag tarball, checksums ok)"
  elif fetch_imgui_debian && imgui_verified; then
    note "Dear ImGui" "$IMGUI_VERSION (Debian source package $IMGUI_DEBIAN_VERSION, checksums ok)"
  else
    die "could not fetch Dear ImGui $IMGUI_VERSION (neither the upstream tarball nor the Debian source package
        imgui=$IMGUI_DEBIAN_VERSION), or its files do not match cmake/imgui-${IMGUI_VERSION}.sha256"
  fi
fi

# ---- 4. nlohmann/json headers staged alone for the WebAssembly build (never /usr/include on its path).
if ! cmp -s /usr/include/nlohmann/json.hpp "$THIRD/nlohmann/include/nlohmann/json.hpp"; then
  rm -rf "$THIRD/nlohmann" && mkdir -p "$THIRD/nlohmann/include"
  cp -r /usr/include/nlohmann "$THIRD/nlohmann/include/"
fi
note "nlohmann (web)" "staged in third_party/nlohmann/include"

# ---- 5. fonts: Inter regular and semibold from the distribution, subset to the characters the UI uses
# (src/platform/fonts.cpp lists the same ranges) so the download stays small. Latin Extended-A stays in:
# workshop participants' names (Ayşe, Łukasz, Dvořák) must render. Kerning and layout tables are dropped:
# Dear ImGui 1.90 does not apply them.
FONT_UNICODES="U+0020-017F,U+1E9E,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193,U+2212,U+2248,U+2264-2265,U+25B2-25C0,U+25C6,U+25CF,U+2713-2717,U+FFFD"
subset_font() {  # subset_font SOURCE TARGET
  local stamp="$2.stamp" want="$1 $FONT_UNICODES no-layout-tables $(pkg_version fonts-inter)"
  if [ -f "$2" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  /usr/bin/python3 -m fontTools.subset "$1" --unicodes="$FONT_UNICODES" --layout-features='' \
    --drop-tables+=GPOS,GDEF,GSUB,kern --no-hinting --desubroutinize --output-file="$2" 2>/dev/null || die "could not subset $1"
  echo "$want" >"$stamp"
}
INTER_DIR="$(dirname "$(dpkg -L fonts-inter | grep -m1 '/Inter-Regular.otf$')")"
[ -f "$INTER_DIR/Inter-Regular.otf" ] || die "fonts-inter has no Inter-Regular.otf"
mkdir -p "$THIRD/fonts"
subset_font "$INTER_DIR/Inter-Regular.otf" "$THIRD/fonts/mapathy-ui-regular.otf"
subset_font "$INTER_DIR/Inter-SemiBold.otf" "$THIRD/fonts/mapathy-ui-bold.otf"
rm -f "$THIRD/fonts/mapathy-icons.ttf" "$THIRD/fonts/mapathy-icons.ttf.stamp"   # icons are drawn, not a font
note "fonts" "Inter $(pkg_version fonts-inter), subset: $(( $(stat -c %s "$THIRD/fonts/mapathy-ui-regular.otf") / 1024 )) KB + $(( $(stat -c %s "$THIRD/fonts/mapathy-ui-bold.otf") / 1024 )) KB"

# ---- 5b. the web build's npm packages, pinned by the lock file in tools/minify: terser (CMakeLists.txt runs
# tools/minify/minify.mjs on the site's scripts) and jsQR (the camera scanner's QR decoder, copied into the
# site). Self-contained: nothing else uses them.
minify_installed() {
  node -e '
    const fs = require("fs"), path = require("path"), dir = process.argv[1];
    const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"));
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (!where) continue;
      const file = path.join(dir, where, "package.json");
      if (!fs.existsSync(file) || JSON.parse(fs.readFileSync(file, "utf8")).version !== entry.version) process.exit(1);
    }' "$ROOT/tools/minify"
}
if ! minify_installed; then
  (cd "$ROOT/tools/minify" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in tools/minify failed"
fi
note "terser" "$(node -p 'require(process.argv[1]).version' "$ROOT/tools/minify/node_modules/terser/package.json")"
note "jsQR" "$(node -p 'require(process.argv[1]).version' "$ROOT/tools/minify/node_modules/jsqr/package.json")"

if [ "$WEB_ONLY" = 0 ]; then
# ---- 6. the real-browser tests' npm packages (see browser_test_packages above).
  browser_test_packages
  note "firefox" "$(firefox-esr --version 2>/dev/null | awk '{print $NF}')"
  note "webkitgtk" "$(pkg_version webkit2gtk-driver)"

# ---- 7. the de_DE.UTF-8 locale for a German WebKitGTK (it takes its language from the process locale),
# compiled into build/locale (tests/browser/drivers/display.mjs would build it there too, on first use).
  if [ ! -f "$ROOT/build/locale/de_DE.UTF-8/LC_CTYPE" ]; then
    mkdir -p "$ROOT/build/locale"
    localedef -i de_DE -f UTF-8 "$ROOT/build/locale/de_DE.UTF-8" >/dev/null 2>&1 || true
    [ -f "$ROOT/build/locale/de_DE.UTF-8/LC_CTYPE" ] || die "localedef could not build de_DE.UTF-8 (package locales)"
  fi
  note "locale" "de_DE.UTF-8 in build/locale"
fi

say "ready:"
printf '  %s\n' "${SUMMARY[@]}"
