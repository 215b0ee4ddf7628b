# Benchmarks (issue 5): faq-widget against Fuse.js, MiniSearch and FlexSearch in headless Chromium,
# on the same FAQ and questions, at 12, 1,000 and 10,000 entries; and the engine natively (criterion).
# They print figures (and refresh docs/bench-latency.svg); no test fails on timing, so nothing here
# joins TEST_TARGETS. Results: bench-results/ (results.json, table.md). See BENCHMARKS.md.
.PHONY: bench-browser bench-native bench-profile

# e.g. make bench BENCH_ARGS="--sizes 12,1000 --ready-runs 3"
BENCH_ARGS ?=

## Benchmarks: browser (faq-widget vs Fuse.js, MiniSearch, FlexSearch) then native criterion; ~6-9 min on 2 cores.
bench: setup
	$(MAKE) bench-browser
	$(MAKE) bench-native

## The browser benchmark only (builds pkg/ and dist/faq-widget.js first, with mk/widget.mk's dist).
bench-browser: dist
	node bench/run.mjs $(BENCH_ARGS)

## The native engine benchmark only: build and ask at 12 / 1,000 / 10,000 entries.
bench-native:
	cargo bench --bench engine

## Where the time goes in Chromium: CPU profile of faq-widget's build and answers (wasm with names).
bench-profile:
	wasm-pack build --profiling --target web --out-dir bench-results/pkg-profiling
	node bench/profile.mjs
