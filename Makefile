# privacybot — the two commands: `make run` and `make test`.
GO ?= go
PKG := ./...

.PHONY: run test bench load build eval eval-test question-sets train train-safeguarding tidy browser-test

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

# How many questions the answer engine decides right on the development and validation question
# sets (internal/eval/eval_test.go lists them), and how many turns of the conversation sets
# (conversations_test.go), and any set under its floor: what a round of work is chosen by, with
# make train's leave-one-out count. One development set's misses:
# go test -count=1 -v -run 'TestQuestionSets/dev-corpus3$' ./internal/eval/
eval:
	@$(MAKE) --no-print-directory question-sets GROUPS='development|validation'

# The test sets' total too: measured once a round is chosen, never to choose one.
eval-test:
	@$(MAKE) --no-print-directory question-sets GROUPS='development|validation|test'

comma := ,
question-sets:
	@log=$$(mktemp); $(GO) test -count=1 -v -run '^(TestQuestionSets|TestConversationSets)$$' ./internal/eval/ -groups=$(subst |,$(comma),$(GROUPS)) > $$log; status=$$?; \
		grep -E "decided right, ($(GROUPS)) (sets|conversations)|--- FAIL" $$log | sed 's/^ *[a-z_]*_test.go:[0-9]*: //'; rm -f $$log; exit $$status

# Retrain the abstention model on the development sets (internal/answer/abstention.json), and
# say how many of their questions it decides right when each set in turn is left out of its
# training: what a change to the engine's signals is judged by.
train:
	@log=$$(mktemp); $(GO) test -count=1 -v -run '^TestAbstentionModelIsTrainedOnTheDevelopmentSets$$' ./internal/eval/ -update > $$log; status=$$?; \
		grep -E 'leave one development set out|--- FAIL' $$log | sed 's/^ *[a-z_]*_test.go:[0-9]*: //'; rm -f $$log; exit $$status

# Retrain the safeguarding model over word vectors (internal/rights/safeguard_model.json) on the
# labelled messages, the ninth QA pass's development half and the development question sets;
# then go test -v -run NinthQAPassTestHalf ./internal/rights/ says how it does on the test half.
train-safeguarding:
	$(GO) test -count=1 -run '^TestSafeguardingModelIsTrained$$' ./internal/rights/ -update

tidy:
	$(GO) mod tidy
