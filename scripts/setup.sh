#!/usr/bin/env bash
# Installs everything a fresh machine lacks to build and test faq-widget.
# Idempotent and quick when everything is there: each step is skipped when its tool is already
# there at the pinned version. Everything comes from package registries (crates.io, npm, Debian
# apt); nothing downloads binaries at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

# The CLI must be the exact version of the wasm-bindgen crate, which Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
# Debian packages: Chromium for the browser tests; Firefox ESR, WebKit's WebDriver and Xvfb for the
# smoke suite in the other engines customers use.
APT_PACKAGES=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth)

log() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The customers' WebAssembly is built with its own standard library (mk/build.mk), from the sources.
if ! rustup component list --installed | grep -qx 'rust-src'; then
  log "adding rust component rust-src"
  rustup component add rust-src
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version of the crate in Cargo.lock)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --force
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  log "installing geckodriver $GECKODRIVER_VERSION (Firefox's WebDriver)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --force
fi

# npm packages (playwright-core, binaryen's wasm-opt, axe-core, biome, esbuild, terser, the benchmark
# peers), pinned by package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund
fi
log "ready"
