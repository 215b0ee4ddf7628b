# Benchmarks: faq-widget against Fuse.js, MiniSearch and FlexSearch in headless Chromium, on the
# same FAQ and questions, at 12, 1,000 and 10,000 entries; the host page's long tasks with the
# floating widget; and the engine natively (criterion). They print figures; no test fails on
# timing, so none of them is in TEST_SUITES.
#
# A run writes only under bench-results/ (gitignored): results.json, table.md, longtasks.json,
# native.txt, the plots, the compiled packs of the generated FAQs. `make bench-figures` then
# refreshes what is committed from that run: docs/bench-*.svg and BENCHMARKS.md's results block.
.PHONY: bench bench-browser bench-longtasks bench-native bench-report bench-figures bench-profile bench-quality faq-tool

# e.g. make bench BENCH_ARGS="--sizes 12,1000 --ready-runs 3"; LONGTASK_ARGS="--runs 10"
BENCH_ARGS ?=
LONGTASK_ARGS ?=
# The committed figures (make bench-figures copies them from bench-results/).
BENCH_FIGURES := bench-latency.svg bench-costs.svg

## Benchmarks: browser (faq-widget vs Fuse.js, MiniSearch, FlexSearch), the host page's long tasks, native criterion; ~25 min on 2 cores.
bench: setup
	$(MAKE) bench-browser
	$(MAKE) bench-longtasks
	$(MAKE) bench-native
	$(MAKE) bench-report

# The native tool compiles the generated FAQs into packs before the browser starts, as make dist does.
faq-tool:
	cargo build --release --bin faq

## The browser benchmark only (builds dist/ and the faq tool first).
bench-browser: dist faq-tool
	node bench/run.mjs $(BENCH_ARGS)

## Long tasks on a host page with the floating widget (www/index.html), at 1x and 4x CPU throttling.
bench-longtasks: dist faq-tool
	node bench/longtasks.mjs $(LONGTASK_ARGS)

# The bench profile inherits release's panic = "abort", but a bench target is built to unwind, so
# cargo compiles the library twice under one file name and the two builds can race (cargo issue
# 6313: "requires panic strategy abort", undefined symbols). Unwind everywhere for the bench.
## The native engine benchmark only: compile, load and ask at 12 / 1,000 / 10,000 entries.
bench-native:
	CARGO_PROFILE_BENCH_PANIC=unwind cargo bench --bench engine

## The report of the last run (bench-results/): table, ratios to each peer, targets, long tasks.
bench-report:
	node bench/report.mjs

# FAQ_BIN=PATH: a faq tool already built (the same engine) instead of building target/release/faq.
FAQ_BIN ?=
## Answer quality next to the peers (Node, no browser): faq eval and Fuse.js, MiniSearch, FlexSearch on dev, proxy and the blind sets, same faq.json; writes bench-results/quality.md.
bench-quality: $(if $(FAQ_BIN),,faq-tool)
	node bench/quality.mjs $(if $(FAQ_BIN),--faq-bin $(FAQ_BIN))

## Refresh the committed figures from the last run: docs/bench-*.svg and BENCHMARKS.md's results block.
bench-figures:
	@test -f bench-results/results.json || { echo "bench-figures: no bench-results/results.json: run make bench first"; exit 1; }
	for f in $(BENCH_FIGURES); do cp bench-results/$$f docs/$$f; done
	node bench/report.mjs --write BENCHMARKS.md

TWIGGY_VERSION := 0.8.0
PROFILE_PKG := bench-results/pkg-profiling
## Where the bytes and the time go: twiggy over the wasm with names kept; Chromium CPU profiles of load, ready, reading the index, answering.
bench-profile: dist faq-tool
	@if [ "$$(twiggy --version 2>/dev/null | awk '{print $$2}')" != "$(TWIGGY_VERSION)" ]; then \
	  cargo install twiggy --version $(TWIGGY_VERSION) --locked --force; fi
	mkdir -p $(PROFILE_PKG)
	wasm-bindgen target/wasm32-unknown-unknown/release/faq_widget.wasm --out-dir $(PROFILE_PKG) --target web --keep-debug
	wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
		$(PROFILE_PKG)/faq_widget_bg.wasm -o $(PROFILE_PKG)/faq_widget_bg.wasm
	twiggy top -n 30 $(PROFILE_PKG)/faq_widget_bg.wasm
	node scripts/bundle.mjs --no-budget --pkg $(PROFILE_PKG) --pack dist/faq.pack --out bench-results/dist-profiling >/dev/null
	node bench/profile.mjs --pkg $(PROFILE_PKG) --dist bench-results/dist-profiling
