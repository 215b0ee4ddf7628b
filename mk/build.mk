# Building: the WebAssembly package, the one-script bundle and the kiosk page, the FAQ studio, the
# demo, the screenshots.
#   make dist         pkg/ (wasm-pack, with .d.ts), pkg-studio/, dist/faq-widget.js (+ .d.ts),
#                     dist/kiosk.html, dist/studio.html, dist/pkg/
#   make demo         set up, build, serve www/ on 127.0.0.1:$(DEMO_PORT)

DEMO_PORT ?= 8000

.PHONY: pkg pkg-studio dist demo screenshots

# The customers' WebAssembly is built with its standard library (rust-src) and the
# immediate-abort panic strategy: a panic (none is reachable from valid input) traps instead of
# formatting a message, which takes the formatting machinery out of the download (3.4 KB gzip,
# measured); -Zlocation-detail=none leaves out the source paths and line numbers that panics
# would report, and that no one reads from a trap (0.16 KB gzip, measured). These are unstable
# options; RUSTC_BOOTSTRAP=1 lets the one stable toolchain take them, as cargo fuzz does
# (mk/fuzz.mk).
WASM_BUILD_ENV := RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
WASM_BUILD_ARGS := --no-default-features -Z build-std=std,panic_abort

## The customers' wasm-pack package in pkg/: the engine without the compiler (wasm-opt from the npm package binaryen).
pkg: setup
	$(WASM_BUILD_ENV) wasm-pack build --release --target web --out-dir pkg -- $(WASM_BUILD_ARGS)

## The FAQ studio's wasm-pack package in pkg-studio/: the validator, the compiler and the reports (feature studio), a normal std build.
# Its own target directory: the customers' build takes other RUSTFLAGS, and sharing one directory
# would rebuild every crate each time the other build ran.
pkg-studio: setup
	CARGO_TARGET_DIR=$(CURDIR)/target/studio wasm-pack build --release --target web --out-dir pkg-studio -- --features studio

## Build dist/: one classic script with everything inside, the kiosk page, the FAQ studio, a copy of the package. Fails over budget.
dist: pkg pkg-studio
	cargo run --quiet --release --bin faq -- validate faq.json
	mkdir -p dist
	cargo run --quiet --release --bin faq -- compile faq.json --out dist/faq.pack
	node scripts/bundle.mjs --studio pkg-studio
	rm -rf dist/pkg && mkdir -p dist/pkg && cp -r pkg/faq_widget.js pkg/faq_widget.d.ts pkg/faq_widget_bg.wasm pkg/faq_widget_bg.wasm.d.ts pkg/package.json pkg/snippets dist/pkg/

## Set up a fresh machine, build, and serve the mock ISP page and the kiosk page on 127.0.0.1.
demo: dist
	@echo
	@echo "  Mock ISP home page, floating widget:  http://127.0.0.1:$(DEMO_PORT)/index.html"
	@echo "  Inline widget, English, themed:       http://127.0.0.1:$(DEMO_PORT)/inline.html"
	@echo "  Kiosk page (also: open dist/kiosk.html from disk): http://127.0.0.1:$(DEMO_PORT)/generated/kiosk.html?idle=60"
	@echo "  (Ctrl-C stops the server)"
	@echo
	python3 -m http.server --bind 127.0.0.1 --directory www $(DEMO_PORT)

## Take the README's screenshots (docs/*.png) in Chromium: the widget, the kiosk, the FAQ studio.
screenshots: dist
	node scripts/widget-screenshots.mjs
	node scripts/studio-screenshots.mjs
