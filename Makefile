# sitrep: the two commands a newcomer needs are `make run` and `make test`.
#   make setup  install missing Debian packages (apt-get as root, else print the command)
#   make build  configure and build Release into build/ (binary: build/sitrep)
#   make run    setup + build + `build/sitrep demo` on examples/
#   make test   setup + build + the whole suite through ctest
#   make bench  setup + build + the Google Benchmark programs
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all setup build run test bench clean

all: build

setup:
	@scripts/setup.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: setup
	@$(MAKE) --no-print-directory build
	$(BUILD_DIR)/sitrep demo

test: setup
	@$(MAKE) --no-print-directory build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: setup
	@$(MAKE) --no-print-directory build
	@for b in $(BUILD_DIR)/bench/bench_*; do echo "== $$b"; $$b; done

clean:
	rm -rf $(BUILD_DIR)
