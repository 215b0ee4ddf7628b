# Benchmarks: faq-widget against Fuse.js, MiniSearch and FlexSearch in headless Chromium, on the
# same FAQ and questions, at 12, 1,000 and 10,000 entries; and the engine natively (criterion).
# They print figures; no test fails on timing, so none of them is in TEST_SUITES.
# Results: bench-results/ (results.json, table.md). See BENCHMARKS.md.
.PHONY: bench-browser bench-native bench-profile

# e.g. make bench BENCH_ARGS="--sizes 12,1000 --ready-runs 3"
BENCH_ARGS ?=

## Benchmarks: browser (faq-widget vs Fuse.js, MiniSearch, FlexSearch) then native criterion; ~6-9 min on 2 cores.
bench: setup
	$(MAKE) bench-browser
	$(MAKE) bench-native
	node bench/report.mjs

## The browser benchmark only (builds dist/ first).
bench-browser: dist
	node bench/run.mjs $(BENCH_ARGS)

## The native engine benchmark only: build and ask at 12 / 1,000 / 10,000 entries.
# The bench profile inherits release's panic = "abort", but a bench target is built to unwind, so
# cargo compiles the library twice under one file name and the two builds can race (cargo issue
# 6313: "requires panic strategy abort", undefined symbols). Unwind everywhere for the bench.
bench-native:
	CARGO_PROFILE_BENCH_PANIC=unwind cargo bench --bench engine

TWIGGY_VERSION := 0.8.0
## Where the bytes and the time go: twiggy over the release wasm with function names kept, and the
## Chromium CPU profile (CDP Profiler) of faq-widget's build and answers.
PROFILE_PKG := bench-results/pkg-profiling
bench-profile: pkg
	@if [ "$$(twiggy --version 2>/dev/null | awk '{print $$2}')" != "$(TWIGGY_VERSION)" ]; then \
	  cargo install twiggy --version $(TWIGGY_VERSION) --locked --force; fi
	mkdir -p $(PROFILE_PKG)
	wasm-bindgen target/wasm32-unknown-unknown/release/faq_widget.wasm --out-dir $(PROFILE_PKG) --target web --keep-debug
	wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
		$(PROFILE_PKG)/faq_widget_bg.wasm -o $(PROFILE_PKG)/faq_widget_bg.wasm
	twiggy top -n 30 $(PROFILE_PKG)/faq_widget_bg.wasm
	node scripts/bundle.mjs --no-budget --pkg $(PROFILE_PKG) --out bench-results/dist-profiling >/dev/null
	node bench/profile.mjs --pkg $(PROFILE_PKG) --dist bench-results/dist-profiling
