# faq-widget: the two commands a newcomer needs are `make demo` and `make test`.
# Each part of the project keeps its own targets in mk/*.mk and adds its tests to TEST_TARGETS.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TEST_TARGETS := test-native

.PHONY: all setup test test-native lint demo dist bench
all: dist

## Install what a fresh machine lacks (rust wasm target, pinned wasm-pack and wasm-bindgen, chromium, npm tools).
setup:
	bash scripts/setup.sh

## Rust: formatting, lints, unit tests, CLI and data tests, the accuracy gate.
test-native:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo test --all-targets

include $(wildcard mk/*.mk)

## Every test: native, wasm, browser.
test: setup
	$(MAKE) $(TEST_TARGETS)
