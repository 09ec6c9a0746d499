# nhacviec: the two set-up commands are `make run` and `make test`.
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
CONFIG ?= config/example.yaml
STATE ?= state

.PHONY: run test build deps bench format lint clean

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

# Checks the example config and shows what it describes.
run: build
	$(BIN_DIR)/nhacviec check -c $(CONFIG)

test:
	@scripts/install-deps.sh test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

bench:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release
	Benchmarks/run.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
