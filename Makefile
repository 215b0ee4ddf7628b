# faq-widget. A newcomer needs two commands: `make demo` and `make test`; `make` alone lists every
# target. Each mk/*.mk holds the targets of one part: build.mk (the wasm, the bundle, the demo),
# browser-tests.mk, fuzz.mk, bench.mk. Versions and budgets are pinned where they are used:
# Cargo.toml / Cargo.lock (crates, wasm-bindgen), package.json / package-lock.json (npm tools),
# scripts/setup.sh (the CLIs, read from those lock files), scripts/budget.mjs (bundle size).
.DEFAULT_GOAL := help
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Every suite `make test` runs, in order; each is a target of this file or of mk/*.mk.
TEST_SUITES := test-native lint test-js test-wasm test-browser test-browser-hardening test-browsers test-fuzz

.PHONY: help setup test test-native lint lint-rust lint-js test-js

## List the targets with what they do.
help:
	@awk '/^## /{d = d (d ? " " : "") substr($$0, 4); next} \
	  /^[a-zA-Z0-9_-]+:/ && d {n = $$1; sub(/:.*/, "", n); printf "  make %-24s %s\n", n, d} {d = ""}' \
	  $(MAKEFILE_LIST)

## Install what a fresh machine lacks, pinned, from the package registries (scripts/setup.sh).
setup:
	@bash scripts/setup.sh

## Every test: native, lint, JS units, wasm, Chromium, hardening, Firefox and WebKit, fuzzing.
test: setup
	$(MAKE) $(TEST_SUITES)

## Rust: unit tests, CLI and data tests, the accuracy gate (release: compiling big FAQs trains a model).
test-native:
	CARGO_PROFILE_RELEASE_PANIC=unwind cargo test --release --all-targets

## Formatting and lints: rustfmt, clippy (native and wasm32), biome over the JavaScript.
lint: lint-rust lint-js

lint-rust:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --features studio -- -D warnings

lint-js: setup
	biome ci www scripts bench tests/e2e tests/js

## The widget's pure JavaScript parts (link detection, cutting to bytes, prefix matching, the kiosk's keys, voices, staff counts), no browser.
test-js: setup
	node --test --test-reporter=spec tests/js/

include mk/build.mk mk/browser-tests.mk mk/fuzz.mk mk/bench.mk
