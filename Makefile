# Thin wrappers over scripts/ (see README.md).
.PHONY: run test bench bench-e2e bench-realtime bench-import build

run: build
	.build/debug/dealgraph serve --demo

test:
	scripts/bootstrap
	swift test

bench:
	scripts/bench

bench-e2e:
	scripts/bootstrap
	scripts/bench-e2e

bench-realtime:
	scripts/bootstrap
	scripts/bench-realtime

bench-import:
	scripts/bootstrap
	scripts/bench-import

build:
	scripts/bootstrap
	swift build --product dealgraph
