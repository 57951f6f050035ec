# Thin wrappers over scripts/ (see README.md).
.PHONY: run test bench build

run: build
	.build/debug/dealgraph serve

test:
	scripts/bootstrap
	swift test

bench:
	scripts/bench

build:
	scripts/bootstrap
	swift build --product dealgraph
