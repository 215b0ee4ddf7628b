# Hardening, native half (issue 4): fuzzing the engine with cargo fuzz (libFuzzer).
# The property tests (tests/properties.rs) and the hostile-data tests (tests/hostile.rs,
# tests/hostile/) are ordinary cargo tests and run in test-native.
#   make test-fuzz   build the fuzz targets, then fuzz each for FUZZ_SECONDS (60 s), both at once
#   make fuzz-long   the same for FUZZ_LONG_SECONDS (30 min) each; FUZZ_SANITIZER=address to add ASan
# fuzz/corpus/ (what the fuzzer learnt, kept between runs) and fuzz/artifacts/ (crashing
# inputs) are not committed; fuzz/seeds/ is. A crash prints the input's path; replay it with
#   cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET artifacts/TARGET/crash-...

CARGO_FUZZ_VERSION := 0.13.2
FUZZ_TARGETS := query faq_json
FUZZ_SECONDS ?= 60
FUZZ_LONG_SECONDS ?= 1800
# The crate has no unsafe code, so AddressSanitizer adds little to Rust's own checks (debug
# assertions and overflow checks stay on) while it triples the build time and slows each run
# about four times: the short run goes without it.
FUZZ_SANITIZER ?= none
# cargo fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=sancov-module); the one stable
# toolchain accepts them with RUSTC_BOOTSTRAP=1.
FUZZ_CARGO := cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz
FUZZ_TARGET_DIR := target/$(FUZZ_SANITIZER)
FUZZ_BIN := fuzz/$(FUZZ_TARGET_DIR)/x86_64-unknown-linux-gnu/release

TEST_TARGETS += test-fuzz

.PHONY: fuzz-setup fuzz-build test-fuzz fuzz-long

## cargo-fuzz from crates.io, at the pinned version (skipped when it is there).
fuzz-setup:
	@if [ "$$(cargo fuzz --version 2>/dev/null | awk '{print $$2}')" != "$(CARGO_FUZZ_VERSION)" ]; then \
	  echo "[fuzz] installing cargo-fuzz $(CARGO_FUZZ_VERSION)"; \
	  cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked --force; \
	fi

fuzz-build: fuzz-setup
	$(FUZZ_CARGO) build -s $(FUZZ_SANITIZER) --target-dir $(FUZZ_TARGET_DIR)

## Fuzz the query path and faq.json parsing/validation, FUZZ_SECONDS each, in parallel.
test-fuzz: fuzz-build
	@$(call fuzz_run,$(FUZZ_SECONDS))

## The longer run (30 min per target by default), e.g. make fuzz-long FUZZ_SANITIZER=address.
fuzz-long: fuzz-build
	@$(call fuzz_run,$(FUZZ_LONG_SECONDS))

# Runs every target for $(1) seconds at once, from the committed seeds plus the corpus kept in
# fuzz/corpus; fails if any target finds a crash,
# a timeout (one input taking more than 10 s) or a memory blow-up; prints what each did.
define fuzz_run
set -u; cd fuzz; mkdir -p target/logs; pids=""; \
for t in $(FUZZ_TARGETS); do \
  mkdir -p corpus/$$t artifacts/$$t; \
  extra=""; \
  if [ $$t = faq_json ]; then extra=-dict=faq_json.dict; fi; \
  ../$(FUZZ_BIN)/$$t corpus/$$t seeds/$$t -max_total_time=$(1) -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=artifacts/$$t/ $$extra > target/logs/$$t.log 2>&1 & \
  pids="$$pids $$t:$$!"; \
done; \
status=0; \
for tp in $$pids; do \
  t=$${tp%%:*}; \
  if wait $${tp##*:}; then \
    runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' target/logs/$$t.log); \
    secs=$$(grep -a '^Done ' target/logs/$$t.log | sed 's/.* in \([0-9]*\) second.*/\1/'); \
    cov=$$(grep -a '^#[0-9]*[[:space:]]*DONE' target/logs/$$t.log | sed 's/.*cov: \([0-9]*\).*corp: \([0-9]*\).*/\1 edges, corpus \2 inputs/'); \
    echo "[fuzz] $$t: $$runs runs in $$secs s, no crash ($$cov)"; \
  else \
    status=1; echo "[fuzz] $$t: FAILED; the end of fuzz/target/logs/$$t.log:"; tail -n 40 target/logs/$$t.log; \
  fi; \
done; \
exit $$status
endef
