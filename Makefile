# privacybot — the two commands: `make run` and `make test`.
GO ?= go
PKG := ./...

.PHONY: run test bench load build eval train tidy browser-test

# Serve the bot on http://localhost:8080 with the embedded defaults: bundled notices,
# extractive answers, a SQLite queue under ./data. No network, no model needed.
run:
	$(GO) run ./cmd/privacybot serve

# Every unit, contract and end-to-end test. PostgreSQL store tests run when
# PRIVACYBOT_TEST_POSTGRES_URL is set; browser tests when PRIVACYBOT_BROWSER_TESTS=1 (.ci/run sets both).
test:
	$(GO) vet $(PKG)
	$(GO) test -count=1 $(PKG)

# Speed and memory targets live in benchmarks, never in timed unit tests.
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKG)

# 200 concurrent chat sessions on loopback for 30 s: prints req/s, p50/p90/p99, errors.
load:
	PRIVACYBOT_LOAD_TEST=1 $(GO) test -count=1 -run '^TestLoad$$' -v ./internal/channel/web/

# The browser tests and the axe accessibility audit in Debian's chromium (.ci/run installs it).
browser-test:
	npm ci --prefix testdata/browser --no-audit --no-fund
	PRIVACYBOT_BROWSER_TESTS=1 $(GO) test -count=1 -run Browser -v ./internal/channel/web/

build:
	$(GO) build -o bin/privacybot ./cmd/privacybot

# The answer engine on a development set (with its misses) and the validation sets (totals only:
# nobody reads what they miss). Built once, not linked again by `go run` for each set.
eval: build
	bin/privacybot eval --questions testdata/eval/questions3.jsonl
	bin/privacybot eval --totals --questions testdata/eval/heldout.jsonl
	bin/privacybot eval --totals --questions testdata/eval/heldout2.jsonl
	for c in 2 7 8 11 12 13 14; do \
		bin/privacybot eval --totals --corpus testdata/unseen-corpus$$c --questions testdata/unseen-corpus$$c/questions.jsonl || exit 1; \
	done

# Retrain the abstention model on the development sets (internal/answer/abstention.json).
train:
	$(GO) test -count=1 -run '^TestAbstentionModelIsTrainedOnTheDevelopmentSets$$' ./internal/eval/ -update

tidy:
	$(GO) mod tidy
