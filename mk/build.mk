# Building: the WebAssembly package, the one-script bundle and the kiosk page, the demo, the
# screenshots.
#   make dist         pkg/ (wasm-pack, with .d.ts), dist/faq-widget.js (+ .d.ts), dist/kiosk.html, dist/pkg/
#   make demo         set up, build, serve www/ on 127.0.0.1:$(DEMO_PORT)

DEMO_PORT ?= 8000

.PHONY: pkg dist demo screenshots

## The wasm-pack package in pkg/ (wasm-opt from the npm package binaryen, installed by setup).
pkg: setup
	wasm-pack build --release --target web --out-dir pkg

## Build dist/: one classic script with everything inside, the kiosk page, a copy of the package. Fails over budget.
dist: pkg
	cargo run --quiet --release --bin faq -- validate faq.json
	node scripts/bundle.mjs
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

## Take the README's screenshots (docs/*.png) in Chromium.
screenshots: dist
	node scripts/widget-screenshots.mjs
