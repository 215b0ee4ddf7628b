# Browser tests. playwright-core drives Debian's Chromium; Firefox (geckodriver) and WebKit
# (WebKitWebDriver, its MiniBrowser under Xvfb) are driven over plain WebDriver. Pages are served
# on 127.0.0.1 only, or opened from file://.
#   make test-browser-hardening  hostile pages, the soak (SOAK_QUESTIONS=20000), a11y, privacy: ~1.5 min
#   make soak                    the long soak: SOAK_QUESTIONS (100,000) questions on one kiosk page
# The soak prints its figures (questions/s, JS heap after GC, WebAssembly pages, DOM counters) and
# writes them with every sample to target/soak-browser.json.

SOAK_QUESTIONS ?= 100000
CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen-test-runner reads tests/web/webdriver.json (headless, no sandbox: CI runs as root).
WASM_TEST_ENV := CHROMEDRIVER=$(CHROMEDRIVER) CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CARGO_TARGET_DIR=$(CURDIR)/target

.PHONY: test-wasm test-browser test-browser-hardening test-browsers soak

## The wasm bindings in headless Chromium (wasm-bindgen-test), and browser vs CLI on every dev question.
test-wasm: dist
	@# The test crate takes the root lock file, so it builds exactly the versions the product uses.
	cp Cargo.lock tests/web/Cargo.lock
	cd tests/web && $(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown
	cargo build --release --bin faq
	node --test --test-reporter=spec tests/e2e/parity.test.mjs

## End-to-end tests of the widget, the kiosk and the FAQ studio in Chromium (playwright-core), the touch kiosk at four screen sizes.
test-browser: dist
	cargo build --release --bin faq
	node --test --test-concurrency=1 --test-reporter=spec tests/e2e/widget.test.mjs tests/e2e/kiosk.test.mjs tests/e2e/kiosk-touch.test.mjs tests/e2e/studio.test.mjs

## Hostile pages, a 20,000-question soak, accessibility in every state, privacy (Chromium).
test-browser-hardening: dist
	SOAK_QUESTIONS=20000 node --test --test-concurrency=1 --test-reporter=spec \
	  tests/e2e/hostile-pages.test.mjs tests/e2e/soak.test.mjs tests/e2e/a11y.test.mjs tests/e2e/privacy.test.mjs

## The smoke suite in Firefox and WebKit (Safari's engine): embed, floating launcher, kiosk from file://.
test-browsers: dist
	node --test --test-concurrency=1 --test-reporter=spec tests/e2e/engines.test.mjs

## The long day: 100,000 questions (SOAK_QUESTIONS=... to change), memory must stay flat.
soak: dist
	SOAK_QUESTIONS=$(SOAK_QUESTIONS) node --test --test-reporter=spec tests/e2e/soak.test.mjs
