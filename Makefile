# Inflow: `make test` on a fresh machine installs what is missing, builds and runs the tests.
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev pkg-config

.PHONY: all deps build run test notebooks distributed docs benchmark benchmark-check benchmark-thresholds fuzz png clean

all: build

## Install the system libraries the package links (OpenBLAS, LAPACKE, pkg-config) if missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

## The main job on the bundled data: release build, `inflow project`, report in out/report.html. The Swift runtime and
## Foundation are linked statically: the command then starts in about 7 ms instead of 11 (Guides/Performance.md).
run: deps
	$(SWIFT) build -c release --static-swift-stdlib --product inflow
	@mkdir -p out
	.build/release/inflow project --report out/report.html
	@echo "Report: $(CURDIR)/out/report.html"

## The test command: every test, built in release mode with testing enabled so that the
## calibration study (tens of thousands of bootstrap refits) and the ten-million-row file run in
## seconds. A plain
## `swift test` (debug) runs everything except that study. Then the vector kernels are built for each
## x86-64 level this CPU has and must give identical bytes (Scripts/kernel-clones/check.sh).
test: deps
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing
	INFLOW_RELEASE_TESTS=1 INFLOW_LARGE_ROWS=10000000 $(SWIFT) test -c release --skip-build
	Scripts/kernel-clones/check.sh
	$(MAKE) notebooks NOTEBOOK_FLAGS=--quick
	$(MAKE) docs
	$(MAKE) distributed

## The scale-out recipe: 10,000 series through Dask distributed (2 workers) equal a single-process run byte for
## byte (Examples/distributed/test.sh; installs the pinned dask into .venv-distributed). Needs the release build.
distributed:
	Examples/distributed/test.sh

## DocC documentation of every library target, built with warnings as errors; fails on any DocC warning and on any
## public declaration without a doc comment (Scripts/check-docs.sh; archive in .build-docs/plugins/Swift-DocC/outputs/).
docs: deps
	SWIFT=$(SWIFT) Scripts/check-docs.sh

## Notebooks (literate analyses); they write into Notebooks/out/.
notebooks:
	$(SWIFT) build -c release -Xswiftc -enable-testing --product january-2026-surge
	.build/release/january-2026-surge $(NOTEBOOK_FLAGS)
	$(SWIFT) build -c release -Xswiftc -enable-testing --product provincial-inflows
	.build/release/provincial-inflows $(NOTEBOOK_FLAGS)
	$(SWIFT) build -c release -Xswiftc -enable-testing --product scoring-past-projections
	.build/release/scoring-past-projections $(NOTEBOOK_FLAGS)

## A PNG of the report as a reader sees it (headless Chromium from Debian's chromium package).
png:
	Scripts/render-report-png.sh out/report.html out/report.png

## The benchmark suite (nested package; builds package-benchmark, takes a few minutes).
benchmark: deps
	cd Benchmarks && $(SWIFT) package --scratch-path .build-bench benchmark --target InflowBenchmarks

## Thresholds belong to a CPU: Benchmarks/Thresholds/<vendor-familyF-modelM>/ (Scripts/benchmark-machine.sh names it).
BENCHMARK_MACHINE := $(shell Scripts/benchmark-machine.sh)
BENCHMARK_THRESHOLDS := Thresholds/$(BENCHMARK_MACHINE)

## Runs the suite against this CPU's committed p90 thresholds (Benchmarks/Thresholds/<machine>): fails (exit 2) on a
## regression beyond the tolerance, and (exit 4) on an improvement of more than 25%, the cue to record new thresholds.
## A CPU without recorded thresholds fails with the command that records them. Timings on a busy machine vary:
## repeat a failure when the machine is quiet (Benchmarks/README.md).
benchmark-check: deps
	@test -d Benchmarks/$(BENCHMARK_THRESHOLDS) || { echo "No benchmark thresholds recorded for this CPU ($(BENCHMARK_MACHINE)) in Benchmarks/Thresholds: record them on a quiet machine with 'make benchmark-thresholds' and commit them."; exit 1; }
	cd Benchmarks && $(SWIFT) package --scratch-path .build-bench benchmark thresholds check --target InflowBenchmarks \
		--path $(BENCHMARK_THRESHOLDS)

## Records this CPU's p90 thresholds from a fresh run of the whole suite (about 4 minutes with the build).
benchmark-thresholds: deps
	cd Benchmarks && $(SWIFT) package --scratch-path .build-bench --allow-writing-to-package-directory \
		benchmark thresholds update --target InflowBenchmarks --path $(BENCHMARK_THRESHOLDS)

## The fuzz target of the CSV reader and loader (nested package Fuzz/, libFuzzer with AddressSanitizer; see
## Fuzz/README.md). Not part of `make test`. Runs one job for FUZZ_SECONDS on a scratch copy of Fuzz/corpus in
## Fuzz/.fuzz-work (kept between runs, so the committed corpus stays small); a crash is saved there as crash-*.
FUZZ_SECONDS ?= 60
FUZZ_WORK := Fuzz/.fuzz-work

fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path .build-fuzz --product inflow-fuzz-load \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DINFLOW_LIBFUZZER
	@mkdir -p $(FUZZ_WORK)/corpus
	cp Fuzz/corpus/* $(FUZZ_WORK)/corpus/
	SWIFT_BACKTRACE=enable=no Fuzz/.build-fuzz/release/inflow-fuzz-load $(FUZZ_WORK)/corpus \
		-dict=Fuzz/csv.dict -max_len=4096 -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		-artifact_prefix=$(FUZZ_WORK)/ -print_final_stats=1

clean:
	rm -rf .build out
