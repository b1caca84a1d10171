# Safeguard: the commands a newcomer needs. See README.md.
#   make demo   install what is missing, build, create a demo LA, serve on http://127.0.0.1:8080
#   make test   run every test (unit with ASan/UBSan, SQLite + PostgreSQL conformance, HTTP)
#   make bench  run the benchmarks
#   make test-calibration  the synthetic LAs against ten councils' published figures
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
DEMO_DB ?= demo.db
PORT ?= 8080

.PHONY: all deps build build-asan web demo test test-full test-calibration bench format lint clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSG_BUILD_TESTS=ON

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
	  -DSG_SANITIZE=ON -DSG_BUILD_BENCH=OFF

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target safeguard

build-asan: $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)

# The browser application (web/ -> web/dist), served by `safeguard serve`.
web:
	@bash scripts/build-web.sh

demo: deps build web
	@bash scripts/demo.sh $(BUILD)/safeguard $(DEMO_DB) $(PORT)

# The browser tests run against the optimised build (the page timings mean nothing under ASan).
test: deps build-asan build web
	@bash scripts/run-tests.sh $(ASAN_BUILD) $(BUILD)

test-full: deps build-asan build web test-calibration
	@SG_TEST_FULL=1 bash scripts/run-tests.sh $(ASAN_BUILD) $(BUILD)

# The generator's acceptance test: ten councils' synthetic LAs against their published figures.
test-calibration: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target safeguard_calibration_tests
	$(BUILD)/safeguard_calibration_tests

bench: deps $(BUILD)/build.ninja web
	cmake --build $(BUILD) -j $(JOBS) --target safeguard safeguard_bench
	@bash scripts/run-bench.sh $(BUILD)

format:
	@find src test bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

lint: $(BUILD)/build.ninja
	@find src -name '*.cc' | xargs clang-tidy -p $(BUILD) --quiet

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
