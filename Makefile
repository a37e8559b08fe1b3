# The project's vocabulary: `make help` lists the targets.
SHELL := /bin/bash
GO    ?= go
# Root installs directly; anyone else through sudo.
SUDO  := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT   := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.DEFAULT_GOAL := help
.PHONY: help run test fuzz check-pages bench bench-memory cluster-test soak generate check-generated lint deps deps-build deps-db deps-browser deps-checkers deps-bench

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

run: deps-db ## serve the demo site on the embedded database at http://127.0.0.1:8080/
	$(GO) run ./cmd/portal serve

# make test must finish within 20 minutes on a busy 2-CPU machine. go test
# starts packages in the order it is given them (./... adds the rest once),
# so the four that take minutes under -race go first and none is left to run
# alone at the end. internal/media's allocation and budget tests are built
# without -race (budget_norace_test.go: they are single-goroutine and took
# minutes under the detector); the second go test runs them.
SLOW_TESTS := ./internal/web/ ./internal/store/ ./cmd/portal/ ./internal/media/

test: deps check-generated lint ## everything CI checks: generated code, gofmt, vet, tests with -race, the page checks
	$(GO) test -race -count=1 -timeout 20m $(SLOW_TESTS) ./...
	$(GO) test -count=1 -timeout 10m ./internal/media/
	$(MAKE) --no-print-directory check-pages

# go test -fuzz takes one target a run: every Fuzz function in every package
# that has one, each for FUZZTIME. A failure stops the loop; go has saved the
# input under the package's testdata/fuzz, where go test replays it.
# The -timeout bounds the seed run only; the fuzzing itself stops at FUZZTIME.
FUZZTIME ?= 30s

fuzz: ## run each fuzz target for FUZZTIME (default 30s, e.g. make fuzz FUZZTIME=5m)
	@set -e; for pkg in $$(grep -rl --include='*_test.go' '^func Fuzz' cmd internal | xargs -n1 dirname | sort -u); do \
		list=$$($(GO) test -list '^Fuzz' ./$$pkg/); \
		for target in $$(grep '^Fuzz' <<<"$$list"); do \
			echo "fuzzing $$target in ./$$pkg/ for $(FUZZTIME)"; \
			$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) -timeout 10m ./$$pkg/; \
		done; \
	done

# The npm checkers, pinned by the lock file, install into a folder git ignores.
CHECKERS     := var/checkers
CHECKERS_SRC := internal/pagecheck/js

# Every page a crawl reaches gets the Nu checker and axe (six of each URL
# shape, see sampled in site_test.go); Lighthouse audits four pages (home,
# a content page, the news list, an article), each once, or the median of
# three when its first run scores below 0.95. It runs alone first; the
# crawls then run side by side.
check-pages: deps $(CHECKERS)/.installed ## crawl the demo site: status, valid HTML, axe, no third-party loads, weight, Lighthouse
	PAGECHECK_MODULES=$(abspath $(CHECKERS))/node_modules PAGECHECK_REPORTS=$(abspath var/reports) \
		$(GO) test -tags pagecheck -count=1 -v -timeout 30m ./internal/pagecheck/ 2>&1 | \
		grep -v -E '^=== (RUN|PAUSE|CONT)'; exit $${PIPESTATUS[0]}

$(CHECKERS)/.installed: $(CHECKERS_SRC)/package.json $(CHECKERS_SRC)/package-lock.json | deps-checkers
	mkdir -p $(CHECKERS)
	cp $(CHECKERS_SRC)/package.json $(CHECKERS_SRC)/package-lock.json $(CHECKERS)/
	# --ignore-scripts: no install script may fetch a browser or a Java of its own.
	cd $(CHECKERS) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

bench: deps-db deps-bench ## Go benchmarks at 1,000 and 100,000 articles; the public pages beside nginx, page cache on and off
	$(GO) test -run '^$$' -bench . -benchmem -count 1 -timeout 60m ./internal/web/
	$(GO) build -o var/bench/portal ./cmd/portal
	$(GO) build -o var/bench/rateload ./internal/pagecheck/cmd/rateload
	internal/pagecheck/bench.sh $(abspath var/bench/portal) $(abspath var/bench/rateload) $(abspath var/bench/run)

DURATION ?= 10m
bench-memory: deps-db deps-bench ## the portal's peak resident size under DURATION (10m) of load on every public page; goal < 200 MB
	$(GO) build -o var/bench/portal ./cmd/portal
	DURATION=$(DURATION) internal/pagecheck/bench-memory.sh $(abspath var/bench/portal) $(abspath var/bench/memory)

# Three portals on one PostgreSQL behind deploy/nginx-portal.conf (all on
# loopback): visitors reading, a publish a second, registrations; one portal
# is killed with SIGKILL halfway and started again. Fails when a read fails,
# an acknowledged registration is missing, or a publish is not seen on every
# running instance within 5 s.
cluster-test: deps-db deps-bench ## three portals behind nginx, one killed under load; goal: 0 failed reads, 0 lost writes
	$(GO) build -o var/bench/portal ./cmd/portal
	$(GO) build -o var/bench/loadmix ./internal/pagecheck/cmd/loadmix
	var/bench/loadmix -portal $(abspath var/bench/portal) -site deploy/nginx-portal.conf \
		-instances 3 -nginx -kill -readers 16 -registrars 4 -duration 60s -every 10s

SOAK ?= 10m
soak: deps-db ## SOAK (10m) of mixed load on one portal: errors, p99 and memory per minute; goal: 0 errors, memory flat
	$(GO) build -o var/bench/portal ./cmd/portal
	$(GO) build -o var/bench/loadmix ./internal/pagecheck/cmd/loadmix
	var/bench/loadmix -portal $(abspath var/bench/portal) -instances 1 -checkins -soak -readers 8 -registrars 2 \
		-duration $(SOAK) -every 1m

deps-bench: ## install wrk and nginx for make bench unless present
	@missing=""; command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v nginx >/dev/null || missing="$$missing nginx"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then echo "make bench needs:$$missing"; exit 1; fi; \
	echo "installing$$missing"; \
	$(APT) update -qq && $(APT) install -y -qq $$missing >/dev/null

generate: ## regenerate the templ code (commit the result)
	$(GO) tool templ generate

check-generated: ## fail when `templ generate` would change the generated code
	@before=$$(find . -name '*_templ.go' -not -path './var/*' | sort | xargs sha256sum); \
	$(GO) tool templ generate >/dev/null 2>&1 || { $(GO) tool templ generate; exit 1; }; \
	after=$$(find . -name '*_templ.go' -not -path './var/*' | sort | xargs sha256sum); \
	if [ "$$before" != "$$after" ]; then \
		diff <(echo "$$before") <(echo "$$after"); \
		echo "generated templ code was stale (now regenerated): review and commit it"; exit 1; fi; \
	untracked=$$(git ls-files --others --exclude-standard -- '*_templ.go'); \
	if [ -n "$$untracked" ]; then echo "generated but not in git: $$untracked"; exit 1; fi

lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags pagecheck ./internal/pagecheck/

deps: deps-build deps-db deps-browser ## install what a fresh Debian/Ubuntu machine lacks

deps-checkers: ## install Node.js, npm and Java for the page checkers unless present
	@missing=""; command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then echo "the page checkers need:$$missing"; exit 1; fi; \
	echo "installing$$missing"; \
	$(APT) update -qq && $(APT) install -y -qq $$missing >/dev/null

deps-build: ## install a C compiler unless present (go test -race needs cgo)
	@if command -v gcc >/dev/null || command -v cc >/dev/null; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then echo "go test -race needs a C compiler: install gcc"; exit 1; fi; \
	echo "installing gcc"; \
	$(APT) update -qq && $(APT) install -y -qq gcc libc6-dev >/dev/null

deps-db: ## install the PostgreSQL server binaries unless present
	@if command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
		echo "PostgreSQL server binaries (initdb, postgres) are missing and there is no apt-get:"; \
		echo "install your system's PostgreSQL server package, or set DATABASE_URL / TEST_DATABASE_URL"; exit 1; fi; \
	echo "installing the PostgreSQL server package"; \
	$(APT) update -qq && $(APT) install -y -qq postgresql >/dev/null

deps-browser: ## install Chromium and a Chinese font for the browser tests unless present
	@missing=""; command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing="$$missing chromium"; \
	command -v fc-list >/dev/null || missing="$$missing fontconfig"; \
	if [ -z "$$(fc-list :lang=zh 2>/dev/null)" ]; then missing="$$missing fonts-noto-cjk"; fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
		echo "the browser tests need:$$missing (axe, Lighthouse and screenshots judge Chinese pages by the font a reader has)"; exit 1; fi; \
	echo "installing$$missing"; \
	$(APT) update -qq && $(APT) install -y -qq $$missing >/dev/null
