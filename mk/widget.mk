# The widget (issue 3): the WebAssembly package, the one-script bundle, the kiosk page, the demo,
# the screenshots, and the wasm and browser tests.
#   make dist         pkg/ (wasm-pack, with .d.ts), dist/faq-widget.js (+ .d.ts), dist/kiosk.html, dist/pkg/
#   make demo         set up, build, serve www/ on 127.0.0.1:$(DEMO_PORT)
#   make screenshots  docs/*.png for the README
#   make test-wasm    wasm-bindgen tests in headless Chromium + browser/native parity on dev.tsv
#   make test-browser end-to-end tests of the widget (playwright-core + Debian chromium)

WIDGET_GZIP_BUDGET := 61440
DEMO_PORT ?= 8000
CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen-test-runner reads tests/web/webdriver.json (headless, no sandbox: CI runs as root).
WASM_TEST_ENV := CHROMEDRIVER=$(CHROMEDRIVER) CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CARGO_TARGET_DIR=$(CURDIR)/target

TEST_TARGETS += test-wasm test-browser

.PHONY: pkg dist demo screenshots test-wasm test-browser

## The wasm-pack package (wasm-opt from the npm package binaryen, on PATH via the Makefile).
pkg:
	wasm-pack build --release --target web --out-dir pkg

## One classic script with everything inside, the kiosk page, and a copy of the package.
dist: pkg
	cargo run --quiet --release --bin faq -- validate faq.json
	node scripts/bundle.mjs --budget-gzip $(WIDGET_GZIP_BUDGET)
	rm -rf dist/pkg && mkdir -p dist/pkg && cp -r pkg/faq_widget.js pkg/faq_widget.d.ts pkg/faq_widget_bg.wasm pkg/faq_widget_bg.wasm.d.ts pkg/package.json pkg/snippets dist/pkg/

## Set up a fresh machine, build, and serve the mock ISP page and the kiosk page.
demo: setup dist
	@echo
	@echo "  Mock ISP home page, floating widget:  http://127.0.0.1:$(DEMO_PORT)/index.html"
	@echo "  Inline widget, English, themed:       http://127.0.0.1:$(DEMO_PORT)/inline.html"
	@echo "  Kiosk page (also: open dist/kiosk.html from disk): http://127.0.0.1:$(DEMO_PORT)/generated/kiosk.html?idle=60"
	@echo "  (Ctrl-C stops the server)"
	@echo
	python3 -m http.server --bind 127.0.0.1 --directory www $(DEMO_PORT)

screenshots: dist
	node scripts/widget-screenshots.mjs

test-wasm: dist
	@# The test crate takes the root lock file, so it builds exactly the versions the product uses.
	cp Cargo.lock tests/web/Cargo.lock
	cd tests/web && $(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown
	cargo build --release --bin faq
	node --test --test-reporter=spec tests/e2e/parity.test.mjs

test-browser: dist
	node --test --test-reporter=spec tests/e2e/widget.test.mjs tests/e2e/kiosk.test.mjs
