# Dateline build. This Makefile is the single source of the build tags and of
# every command: deps, build, run, test, bench, fuzz, package.

GO            ?= go
GO_BUILD_TAGS := sqlite_fts5
BIN           := bin/dateline
# VERSION is FyneApp.toml's, so that --version, Help > About and the package
# all say the same.
VERSION       := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS       := -X main.version=$(VERSION)
# The fyne packaging tool, pinned: @latest would change the package under us.
FYNE_TOOL     := fyne.io/tools/cmd/fyne@v1.7.4
PKGS          := ./...
# FUZZTIME counts inputs rather than seconds: Go 1.26's fuzz coordinator can
# report a spurious "context deadline exceeded" when a duration runs out
# (go.dev/issue/75804, fixed in Go 1.27), and a count has no deadline.
FUZZTIME      ?= 50000x
# Linters run at pinned versions through go run (the module proxy serves
# them; the first run builds them, later runs come from the build cache).
# staticcheck v0.8.2 is release 2026.2.2, which supports Go 1.26.
STATICCHECK   := honnef.co/go/tools/cmd/staticcheck@v0.8.2
DEADCODE      := golang.org/x/tools/cmd/deadcode@v0.52.0

# System packages cgo needs: a C compiler, pkg-config, OpenGL and X11 headers
# (Fyne's GLFW driver) — go-sqlite3 compiles SQLite itself with gcc. The test
# run also needs an X server (Xvfb) with Mesa's software OpenGL, xdotool and
# ImageMagick for the end-to-end check of the real window, and PostgreSQL for
# the newsroom server's tests (they start a throwaway cluster themselves), and
# dbus-daemon for the test of the desktop portal's file chooser (a private bus
# with a fake portal on it).
# The export conformance test (app/cli/conformance_test.go) feeds the exports
# to the programs people use: Hugo, headless Chromium, xmllint (libxml2-utils)
# and html-validate, which npm installs into .cache/npm (HTML_VALIDATE_VERSION).
BUILD_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev
TEST_PACKAGES  := xvfb xauth xdotool imagemagick libgl1-mesa-dri postgresql dbus-daemon
TEST_PACKAGES  += hugo chromium libxml2-utils nodejs
# html-validate, pinned (9.7 runs on Node 18.19 and later: bookworm has 18.20), into a cache
# directory inside the repository that git ignores.
HTML_VALIDATE_VERSION := 9.7.1
NPM_CACHE_DIR         := .cache/npm

SUDO := $(shell [ "$$(id -u)" = 0 ] && echo "" || (command -v sudo >/dev/null 2>&1 && echo "sudo -n" || echo "NONE"))

.PHONY: all deps test-deps build run test vet lint bench soak fuzz package clean help

all: build

help:
	@echo "make run     install missing system packages, build bin/dateline, start the GUI"
	@echo "make test    install missing system packages, go vet and go test (tags: $(GO_BUILD_TAGS))"
	@echo "make build   build bin/dateline"
	@echo "make lint    gofmt, go vet, staticcheck and deadcode (pinned versions); make test runs it when CI=true"
	@echo "make bench   run the benchmarks next to their baselines"
	@echo "make soak    run the autosave kill harness for 1,000 trials and 1,000 randomized sync histories"
	@echo "make fuzz    run every fuzz target for FUZZTIME (default $(FUZZTIME))"
	@echo "make deps    install missing build packages with apt-get"
	@echo "make package build a Linux tar.xz with .desktop file, icon and AppStream metadata"

# deps installs whatever of BUILD_PACKAGES is missing. It uses apt-get as
# root, sudo otherwise, and prints the exact command when it can do neither.
deps:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(BUILD_PACKAGES)"
	@command -v $(GO) >/dev/null 2>&1 || { echo "make deps: Go is not installed; install Go 1.25 or newer from your distribution or go.dev, then run make again" >&2; exit 1; }

test-deps: deps
	@$(MAKE) --no-print-directory _apt PACKAGES="$(TEST_PACKAGES)"
	@# Some Node.js builds (NodeSource's) bring their own npm, which
	@# Debian's npm package would conflict with: install it only when missing.
	@command -v npm >/dev/null 2>&1 || $(MAKE) --no-print-directory _apt PACKAGES="npm"
	@if [ "$$($(NPM_CACHE_DIR)/node_modules/.bin/html-validate --version 2>/dev/null)" != "html-validate-$(HTML_VALIDATE_VERSION)" ]; then \
		echo "make test-deps: installing html-validate@$(HTML_VALIDATE_VERSION) into $(NPM_CACHE_DIR)"; \
		npm install --prefix $(NPM_CACHE_DIR) --no-audit --no-fund --no-save --silent html-validate@$(HTML_VALIDATE_VERSION) || { \
			echo "make test-deps: npm could not install html-validate; the export conformance test needs it" >&2; exit 1; }; \
	fi

_apt:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "make deps: not a Debian/Ubuntu system; make sure these (or your distribution's equivalents) are installed: $(PACKAGES)"; \
		exit 0; \
	fi; \
	missing=""; \
	for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$(SUDO)" = "NONE" ]; then \
		echo "make deps: missing system packages:$$missing" >&2; \
		echo "make deps: run this as root, then make again:  apt-get update && apt-get install -y$$missing" >&2; \
		exit 1; \
	fi; \
	echo "make deps: installing$$missing"; \
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && \
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null || { \
		echo "make deps: apt-get failed; run this as root:  apt-get update && apt-get install -y$$missing" >&2; exit 1; }

build: deps
	$(GO) build -tags "$(GO_BUILD_TAGS)" -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN)

vet:
	$(GO) vet -tags "$(GO_BUILD_TAGS)" $(PKGS)

# lint fails on any finding of gofmt -l, go vet, staticcheck or deadcode.
# deadcode runs with -test: functions only tests reach (storage.WithNow, the
# fake clock's hook; app's PreviewRenderer.Wait, the tests' sync point) are
# there for the tests and count as used.
lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt -l: these files need gofmt:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags "$(GO_BUILD_TAGS)" $(PKGS)
	$(GO) run $(STATICCHECK) -tags "$(GO_BUILD_TAGS)" $(PKGS)
	@echo "$(GO) run $(DEADCODE) -test -tags $(GO_BUILD_TAGS) $(PKGS)"; \
	out=$$($(GO) run $(DEADCODE) -test -tags "$(GO_BUILD_TAGS)" $(PKGS)) || exit 1; \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi

# test vets and tests every package. The CLI and window end-to-end tests build
# the binary themselves with the same tags (DATELINE_BUILD_TAGS). The autosave
# kill harness (app/autosave_kill_test.go) runs its 200 trials among them and
# its distribution of lost typing is printed at the end. The window and sync
# tests of one package can pass 10 minutes (go test's default limit) on a busy
# 2-core machine, hence -timeout.
KILL_REPORT := $(CURDIR)/bin/kill-harness.txt
test: test-deps
	$(GO) vet -tags "$(GO_BUILD_TAGS)" $(PKGS)
	@if [ "$$CI" = "true" ]; then $(MAKE) --no-print-directory lint; fi
	@mkdir -p bin && rm -f $(KILL_REPORT)
	DATELINE_BUILD_TAGS="$(GO_BUILD_TAGS)" DATELINE_KILL_REPORT="$(KILL_REPORT)" $(GO) test -tags "$(GO_BUILD_TAGS)" -count=1 -timeout 25m $(PKGS)
	@cat $(KILL_REPORT) 2>/dev/null || true
	@if [ "$$CI" = "true" ]; then $(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME); fi

# bench runs every benchmark once with memory figures; each report names its
# baseline (stock Fyne widget, raw goldmark, raw SQLite) measured in the same run.
bench: deps
	$(GO) test -tags "$(GO_BUILD_TAGS)" -run '^$$' -bench . -benchmem $(PKGS)

# soak runs the autosave kill harness for 1,000 trials: a child types into
# the autosave engine and is SIGKILLed at a random moment, the parent checks
# the library's integrity and how much typing was lost. Then 1,000 randomized
# sync histories (storage/pgsync/jepsen_test.go; make test runs 50), with
# sync processes SIGKILLed mid-push and drafts moved to Trash and deleted.
soak: deps
	DATELINE_KILL_TRIALS=1000 $(GO) test -tags "$(GO_BUILD_TAGS)" -count=1 -timeout 30m -run '^TestKillHarness$$' -v ./app/
	DATELINE_SYNC_HISTORIES=1000 $(GO) test -tags "$(GO_BUILD_TAGS)" -count=1 -timeout 90m -run '^TestJepsen$$' -v ./storage/pgsync/

# fuzz runs each Fuzz target for FUZZTIME. go test -fuzz takes one target
# per package at a time, so the targets are listed from the sources.
fuzz: deps
	@for f in $$(grep -rl --include='*_test.go' '^func Fuzz' . ); do \
		dir=$$(dirname $$f); \
		for t in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$f | sed 's/^func //'); do \
			echo "fuzz $$dir $$t ($(FUZZTIME))"; \
			$(GO) test -tags "$(GO_BUILD_TAGS)" -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) ./$$dir || exit 1; \
		done; \
	done

# package builds bin/Dateline-VERSION-linux-amd64.tar.xz: the binary, the
# .desktop file and the icon laid out by the fyne tool (installable with
# its Makefile: make -C DIR user-install), plus the AppStream metadata.
package: deps
	rm -f Dateline.tar.xz
	$(GO) run $(FYNE_TOOL) package -os linux -icon assets/icon.png --tags "$(GO_BUILD_TAGS)" --release
	@tmp=$$(mktemp -d) && tar -xJf Dateline.tar.xz -C $$tmp && top=$$(ls $$tmp) && \
		install -Dm644 assets/news.dateline.app.metainfo.xml $$tmp/$$top/usr/local/share/metainfo/news.dateline.app.metainfo.xml && \
		sed -i -e '/^	install .*$$(DESTDIR)$$(PREFIX)\/share\/pixmaps\/$$(Icon)$$/a\	install -Dm00644 usr/local/share/metainfo/$$(AppID).metainfo.xml $$(DESTDIR)$$(PREFIX)/share/metainfo/$$(AppID).metainfo.xml' \
			-e '/^	-rm $$(DESTDIR)$$(PREFIX)\/share\/pixmaps\/$$(Icon)$$/a\	-rm $$(DESTDIR)$$(PREFIX)/share/metainfo/$$(AppID).metainfo.xml' $$tmp/$$top/Makefile && \
		mkdir -p bin && tar -cJf bin/Dateline-$(VERSION)-linux-amd64.tar.xz -C $$tmp $$top && \
		rm -rf $$tmp Dateline.tar.xz && echo "bin/Dateline-$(VERSION)-linux-amd64.tar.xz"

clean:
	rm -rf bin
