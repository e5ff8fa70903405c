# The two commands of the Quick start, and the steps they are made of.
#
#   make demo   installs what is missing, builds, and runs the demo app;
#               with no display, runs it under Xvfb, saves a screenshot, exits
#   make screenshot  the same screenshot, in English, as the metainfo's
#               data/screenshots/main.png
#   make test   installs what is missing, builds with -Dwerror=true, runs every
#               test suite, then runs them again under AddressSanitizer and
#               UndefinedBehaviorSanitizer with leak detection
#   make bench  installs what is missing, builds the benchmark (release), runs
#               it under Xvfb against the bare-WebKit baseline, prints the table
#   make fuzz   builds the libFuzzer target with clang and runs it for
#               FUZZ_SECONDS (600; 0 runs it until stopped); make test runs
#               the committed corpus and a fixed-seed search of FUZZ_RUNS

BUILDDIR      ?= _build
TESTBUILDDIR  ?= _build-test
ASANBUILDDIR  ?= _build-asan
BENCHBUILDDIR ?= _build-bench
FUZZBUILDDIR  ?= _build-fuzz
FUZZ_SECONDS  ?= 600
BENCH_ARGS    ?=
SCREENSHOT    ?= $(CURDIR)/demo-screenshot.png

# Debian 12 / Ubuntu package names of everything the build and the tests use.
PACKAGES = \
	appstream bubblewrap ca-certificates clang dbus dbus-x11 desktop-file-utils flatpak-builder gettext \
	gi-docgen gir1.2-gtk-4.0 gir1.2-webkit-6.0 gjs gobject-introspection \
	libclang-rt-14-dev libgirepository1.0-dev libgtk-4-dev libjson-glib-dev \
	libwebkitgtk-6.0-dev meson ninja-build openbox pkg-config python3-gi valac \
	webkit2gtk-driver xauth xdotool xvfb

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Runs a command with a session bus, an X server (Xvfb), and runtime and
# cache directories of its own (build-aux/run-headless.sh).
HEADLESS = $(CURDIR)/build-aux/run-headless.sh

.PHONY: all deps build demo screenshot stress test test-build test-asan test-bindings-ts update-bindings bench fuzz fuzz-build test-fuzz clean

all: build

deps:
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$package"; \
	done; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@# The real @tauri-apps/api and esbuild, as package-lock.json pins them.
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund; \
	fi

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

demo: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BUILDDIR)/run $(BUILDDIR)/demo-app/tauri-gtk-demo; \
	else \
	  echo "No display: running the demo under Xvfb and saving a screenshot to $(SCREENSHOT)"; \
	  $(HEADLESS) $(BUILDDIR)/run $(BUILDDIR)/demo-app/tauri-gtk-demo --screenshot $(SCREENSHOT) && \
	  test -s $(SCREENSHOT) && echo "Saved $(SCREENSHOT)"; \
	fi

# The metainfo's screenshot: the demo's own --screenshot, under Xvfb, in
# English, at the window's default size.
screenshot: build
	mkdir -p data/screenshots
	LANGUAGE= LANG=C.UTF-8 $(HEADLESS) $(BUILDDIR)/run $(BUILDDIR)/demo-app/tauri-gtk-demo \
	  --screenshot $(CURDIR)/data/screenshots/main.png
	@echo "Saved data/screenshots/main.png"

$(TESTBUILDDIR)/build.ninja:
	meson setup $(TESTBUILDDIR) -Dwerror=true --fatal-meson-warnings -Ddocumentation=true -Dnpm=enabled

test-build: deps $(TESTBUILDDIR)/build.ninja
	meson compile -C $(TESTBUILDDIR)
	$(HEADLESS) meson test -C $(TESTBUILDDIR) --print-errorlogs

$(ASANBUILDDIR)/build.ninja:
	meson setup $(ASANBUILDDIR) -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dc_args=-fno-omit-frame-pointer \
	  -Dintrospection=disabled

# The unit suite unwinds full stacks, which the suppressions need; the ui
# suite cannot (WebKit's JavaScript threads stop in signal handlers that the
# slow unwinder deadlocks in), and keeps the fast one.
SANITIZER_ENV = \
	G_SLICE=always-malloc \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

test-asan: deps $(ASANBUILDDIR)/build.ninja
	meson compile -C $(ASANBUILDDIR)
	$(SANITIZER_ENV) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
	  meson test -C $(ASANBUILDDIR) --print-errorlogs --suite unit
	$(SANITIZER_ENV) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  $(HEADLESS) meson test -C $(ASANBUILDDIR) --print-errorlogs --suite ui --suite js --suite plugins --suite stress

# The demo's typed TypeScript bindings, type-checked with the TypeScript
# pinned in tests/ts/package-lock.json (tests/ts/check-bindings.sh).
test-bindings-ts: deps $(TESTBUILDDIR)/build.ninja
	meson compile -C $(TESTBUILDDIR)
	cd tests/ts && npm ci --no-audit --no-fund
	tests/ts/check-bindings.sh $(TESTBUILDDIR)/demo-app/tauri-gtk-demo $(TESTBUILDDIR)/ts-check

# After a deliberate change of the demo's commands or of the generator:
# print the committed bindings again (read the diff before committing).
update-bindings: build
	$(BUILDDIR)/demo-app/tauri-gtk-demo --print-bindings > tests/ts/demo-bindings.ts
	TAURI_UPDATE_BINDINGS=1 meson test -C $(BUILDDIR) test-bindings

# The message decoding and argument checks, fed arbitrary bytes by libFuzzer
# (tests/fuzz/fuzz-dispatch.c), with ASan and UBSan, GSlice off so that
# LeakSanitizer sees every block. New inputs go to $(FUZZBUILDDIR)/corpus,
# findings to $(FUZZBUILDDIR)/artifacts/.
$(FUZZBUILDDIR)/build.ninja:
	CC=clang meson setup $(FUZZBUILDDIR) -Dfuzzing=true -Ddemo=false -Dintrospection=disabled \
	  -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dc_args="-fsanitize=fuzzer-no-link -fno-omit-frame-pointer"

FUZZ_ENV = G_SLICE=always-malloc \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

FUZZ_FLAGS = -max_len=8192 -timeout=10 -print_final_stats=1 \
	-dict=tests/fuzz/fuzz-dispatch.dict -artifact_prefix=$(FUZZBUILDDIR)/artifacts/

fuzz-build: deps $(FUZZBUILDDIR)/build.ninja
	meson compile -C $(FUZZBUILDDIR) tests/fuzz/fuzz-dispatch
	mkdir -p $(FUZZBUILDDIR)/corpus $(FUZZBUILDDIR)/artifacts

# Searches for new findings, from a new seed each time; what it finds goes
# to $(FUZZBUILDDIR)/artifacts/, and into tests/fuzz/corpus once fixed.
fuzz: fuzz-build
	$(FUZZ_ENV) $(FUZZBUILDDIR)/tests/fuzz/fuzz-dispatch $(FUZZ_FLAGS) \
	  -max_total_time=$(FUZZ_SECONDS) $(FUZZBUILDDIR)/corpus tests/fuzz/corpus

# What make test runs: a search of FUZZ_RUNS inputs from a fixed seed and
# the committed corpus alone, every input of which it runs first. The same
# search every time, so that a finding is one the tree had when it was
# committed, and reproduces wherever it is run.
FUZZ_RUNS ?= 2000000
test-fuzz: fuzz-build
	rm -rf $(FUZZBUILDDIR)/test-corpus && mkdir -p $(FUZZBUILDDIR)/test-corpus
	$(FUZZ_ENV) $(FUZZBUILDDIR)/tests/fuzz/fuzz-dispatch $(FUZZ_FLAGS) \
	  -seed=1 -runs=$(FUZZ_RUNS) $(FUZZBUILDDIR)/test-corpus tests/fuzz/corpus

# A million calls, 20,000 in flight, under the sanitizers; make test runs
# 100,000 of them.
stress: deps $(ASANBUILDDIR)/build.ninja
	meson compile -C $(ASANBUILDDIR)
	$(SANITIZER_ENV) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 STRESS_CALLS=1000000 \
	  $(HEADLESS) meson test -C $(ASANBUILDDIR) --print-errorlogs --suite stress

test: test-build test-asan test-bindings-ts test-fuzz

# Release build, no sanitizer; the benchmark always runs under Xvfb.
# BENCH_ARGS passes options to the driver, e.g. BENCH_ARGS="--rounds 9".
$(BENCHBUILDDIR)/build.ninja:
	meson setup $(BENCHBUILDDIR) --buildtype=release -Dbenchmarks=true \
	  -Dtests=false -Ddemo=false -Dintrospection=disabled

bench: deps $(BENCHBUILDDIR)/build.ninja
	meson compile -C $(BENCHBUILDDIR)
	$(HEADLESS) python3 bench/run-bench.py --build-dir $(BENCHBUILDDIR) \
	  --json $(BENCHBUILDDIR)/bench-results.json $(BENCH_ARGS)

clean:
	rm -rf $(BUILDDIR) $(TESTBUILDDIR) $(ASANBUILDDIR) $(FUZZBUILDDIR)
