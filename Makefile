# Triage Desk. `make run` starts the desk (demo mode with no configuration); `make test`
# vets and runs every test with the race detector. Each installs what it needs first.

GO      ?= go
# migrated_fynedo: Fyne's checked threading model (see FyneApp.toml); plain go build and
# go test do not read the toml, so every target passes the tag itself.
TAGS    := migrated_fynedo
# ci: Fyne's headless driver, so the tests need gcc but no X11 or OpenGL headers.
TESTTAGS := $(TAGS),ci
export CGO_ENABLED := 1

.PHONY: run test vulncheck build bench package screenshot deps-run deps-test

run: deps-run
	$(GO) run -tags $(TAGS) ./cmd/triagedesk

test: deps-test
	$(GO) vet -tags $(TESTTAGS) ./...
	$(GO) test -race -timeout 30m -tags $(TESTTAGS) ./...
	@GO=$(GO) TAGS=$(TESTTAGS) scripts/vulncheck.sh

# govulncheck alone: fails on a reachable vulnerability, skips (saying why) offline.
vulncheck:
	@GO=$(GO) TAGS=$(TESTTAGS) scripts/vulncheck.sh

build: deps-run
	mkdir -p bin
	$(GO) build -tags $(TAGS) -o bin/triagedesk ./cmd/triagedesk
	$(GO) build -tags $(TAGS) -o bin/queueserver ./cmd/queueserver
	$(GO) build -tags $(TAGS) -o bin/triagectl ./cmd/triagectl

bench: deps-test
	$(GO) test -tags $(TESTTAGS) -run '^$$' -bench . -benchmem ./...

# A Linux package made by the fyne tool from the binary built above. fyne package
# bumps Build in FyneApp.toml on every run; the toml is restored so the tree stays clean.
package: build
	cp FyneApp.toml FyneApp.toml.keep
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package --os linux --executable bin/triagedesk --name "Triage Desk" || { mv FyneApp.toml.keep FyneApp.toml; exit 1; }
	mv FyneApp.toml.keep FyneApp.toml

# Every screenshot in docs/, each from a fresh demo desk under Xvfb.
screenshot: build
	scripts/screenshot.sh bin/triagedesk docs/screenshot.png inbox
	scripts/screenshot.sh bin/triagedesk docs/screenshot-request.png detail
	scripts/screenshot.sh bin/triagedesk docs/screenshot-emergency.png emergency
	SIZE=1440x900 scripts/screenshot.sh bin/triagedesk docs/screenshot-preview.png preview
	SIZE=1440x900 scripts/screenshot.sh bin/triagedesk docs/screenshot-dashboard.png dashboard

deps-run:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test
