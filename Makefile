# Thin wrappers over scripts/ (see README.md).
.PHONY: run test bench bench-e2e bench-realtime bench-import build fuzz reliability

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

# make fuzz SECONDS=600 runs each libFuzzer target that long (default 60).
fuzz:
	scripts/bootstrap
	FUZZ_SECONDS=$(or $(SECONDS),60) scripts/fuzz

# Fuzzing, load and fault suites that take minutes; one table at the end.
reliability:
	scripts/bootstrap
	scripts/reliability

build:
	scripts/bootstrap
	swift build --product dealgraph
