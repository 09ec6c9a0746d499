# nhacviec: the two set-up commands are `make run` and `make test`.
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
CONFIG ?= config/example.yaml
STATE ?= state
# make run starts the daemon's clock shortly before a morning send time in the
# example's plan year, so reminders appear within a minute.
START ?= 2024-03-25T07:59:30+07:00
PREFIX ?= /usr/local

.PHONY: run test build deps bench format lint clean install

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

# The daemon on the example config with the embedded defaults: state in ./state,
# emails written to ./state/outbox; beside it `serve` on http://127.0.0.1:8080 with a
# demo login whose bcrypt hash is written under the state dir. Ctrl-C stops both.
run: build
	$(BIN_DIR)/nhacviec check -c $(CONFIG)
	@BIN_DIR="$(BIN_DIR)" CONFIG="$(CONFIG)" STATE="$(STATE)" START="$(START)" scripts/run-demo.sh

# Installs the binary, the systemd unit and (unless present) the example config.
install: deps
	$(SWIFT) build -c release
	install -D -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/nhacviec" $(DESTDIR)$(PREFIX)/bin/nhacviec
	install -D -m 0644 systemd/nhacviec.service $(DESTDIR)/etc/systemd/system/nhacviec.service
	install -D -m 0644 systemd/nhacviec-web.service $(DESTDIR)/etc/systemd/system/nhacviec-web.service
	install -D -m 0644 README.md $(DESTDIR)$(PREFIX)/share/doc/nhacviec/README.md
	install -d -m 0755 $(DESTDIR)/etc/nhacviec/holidays
	for f in config/holidays/*.yaml; do install -m 0644 "$$f" $(DESTDIR)/etc/nhacviec/holidays/; done
	install -m 0644 config/nhacviec.schema.json $(DESTDIR)/etc/nhacviec/nhacviec.schema.json
	@if [ -e $(DESTDIR)/etc/nhacviec/nhacviec.yaml ]; then \
		echo "keeping the existing /etc/nhacviec/nhacviec.yaml"; \
	else \
		install -m 0644 config/example.yaml $(DESTDIR)/etc/nhacviec/nhacviec.yaml; \
		echo "installed the example config as /etc/nhacviec/nhacviec.yaml: edit it, then nhacviec check"; \
	fi
	-systemctl daemon-reload 2>/dev/null

test:
	@scripts/install-deps.sh test
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

bench:
	@scripts/install-deps.sh bench
	Benchmarks/run.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
