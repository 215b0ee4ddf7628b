# Fuzzing the engine with cargo fuzz (libFuzzer). The property tests (tests/properties.rs) and the
# hostile-data tests (tests/hostile.rs, tests/hostile/) are ordinary cargo tests in test-native.
#   make test-fuzz   build the fuzz targets (the query path, FAQ files, compiled indexes as a
#                    faq-src pack brings them), then fuzz each for FUZZ_SECONDS (60 s), all at once
#   make fuzz-long   the same for FUZZ_LONG_SECONDS (30 min) each; FUZZ_SANITIZER=address to add ASan
# fuzz/corpus/ (what the fuzzer learnt, kept between runs) and fuzz/artifacts/ (crashing inputs)
# are not committed; fuzz/seeds/ is. A crash prints the input's path; replay it with
#   cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET artifacts/TARGET/crash-...

CARGO_FUZZ_VERSION := 0.13.2
FUZZ_TARGETS := query faq_json image
FUZZ_SECONDS ?= 60
FUZZ_LONG_SECONDS ?= 1800
# The crate has no unsafe code (deny(unsafe_code)), so AddressSanitizer adds little to
# Rust's own checks (debug assertions and overflow checks stay on) while it triples the build time
# and slows each run about four times: the short run goes without it.
FUZZ_SANITIZER ?= none
# cargo fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=sancov-module); the one stable
# toolchain accepts them with RUSTC_BOOTSTRAP=1.
FUZZ_CARGO := cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz
FUZZ_TARGET_DIR := target/$(FUZZ_SANITIZER)
FUZZ_BIN := $(FUZZ_TARGET_DIR)/x86_64-unknown-linux-gnu/release

.PHONY: fuzz-setup fuzz-build test-fuzz fuzz-long

# cargo-fuzz from crates.io, at the pinned version (skipped when it is there).
fuzz-setup:
	@if [ "$$(cargo fuzz --version 2>/dev/null | awk '{print $$2}')" != "$(CARGO_FUZZ_VERSION)" ]; then \
	  echo "[fuzz] installing cargo-fuzz $(CARGO_FUZZ_VERSION)"; \
	  cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked --force; \
	fi

fuzz-build: fuzz-setup
	$(FUZZ_CARGO) build -s $(FUZZ_SANITIZER) --target-dir $(FUZZ_TARGET_DIR)

## Fuzz the query path and faq.json parsing/validation for FUZZ_SECONDS (60) each, both at once.
test-fuzz: fuzz-build
	scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BIN) $(FUZZ_TARGETS)

## The long fuzzing run (30 min per target by default), e.g. make fuzz-long FUZZ_SANITIZER=address.
fuzz-long: fuzz-build
	scripts/fuzz.sh $(FUZZ_LONG_SECONDS) $(FUZZ_BIN) $(FUZZ_TARGETS)
