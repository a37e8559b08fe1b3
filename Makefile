# The project's vocabulary: `make help` lists the targets.
SHELL := /bin/bash
GO    ?= go
# Root installs directly; anyone else through sudo.
SUDO  := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT   := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.DEFAULT_GOAL := help
.PHONY: help run test generate check-generated lint deps deps-build deps-db deps-browser

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

run: deps-db ## serve the demo site on the embedded database at http://127.0.0.1:8080/
	$(GO) run ./cmd/portal serve

test: deps check-generated lint ## everything CI checks: generated code, gofmt, vet, tests with -race
	$(GO) test -race -count=1 ./...

generate: ## regenerate the templ code (commit the result)
	$(GO) tool templ generate

check-generated: ## fail when `templ generate` would change the committed code
	@$(GO) tool templ generate >/dev/null
	@if [ -n "$$(git status --porcelain -- '*_templ.go')" ]; then \
		git status --short -- '*_templ.go'; \
		echo "generated templ code is stale: run 'make generate' and commit it"; exit 1; fi

lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

deps: deps-build deps-db deps-browser ## install what a fresh Debian/Ubuntu machine lacks

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

deps-browser: ## install Chromium for the browser tests unless present
	@if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
		echo "Chromium is missing and there is no apt-get: install it, or set CHROMIUM to its path"; exit 1; fi; \
	echo "installing Chromium"; \
	$(APT) update -qq && $(APT) install -y -qq chromium >/dev/null
