# Hardening, browser half (issue 4): hostile pages, a long day on the kiosk, offline and privacy,
# accessibility in every state. playwright-core drives Debian's Chromium, pages on 127.0.0.1 only.
#   make test-browser-hardening  the four test files below (the soak with SOAK_QUESTIONS=20000), ~1.5 min
#   make soak                    the long soak: SOAK_QUESTIONS (100,000) questions on one kiosk page
# The soak prints its figures (questions/s, JS heap after GC, WebAssembly pages, DOM counters) and
# writes them with every sample to target/soak-browser.json.

SOAK_QUESTIONS ?= 100000
BROWSER_HARDENING_TESTS := tests/e2e/hostile-pages.test.mjs tests/e2e/soak.test.mjs tests/e2e/a11y.test.mjs tests/e2e/privacy.test.mjs

TEST_TARGETS += test-browser-hardening

.PHONY: test-browser-hardening soak

test-browser-hardening: dist
	SOAK_QUESTIONS=20000 node --test --test-concurrency=1 --test-reporter=spec $(BROWSER_HARDENING_TESTS)

## The long day: 100,000 questions (SOAK_QUESTIONS=... to change), memory must stay flat.
soak: dist
	SOAK_QUESTIONS=$(SOAK_QUESTIONS) node --test --test-reporter=spec tests/e2e/soak.test.mjs
