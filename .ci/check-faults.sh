#!/usr/bin/env bash
# The long fault cases, too slow for every `go test ./...` run: a batch over
# 100,000 generated documents (peak memory must stay within 10% of the
# 10,000-document run) and `serve` under 1,000 slow clients plus 50 normal
# ones (p99 under 1 s, bounded memory, prompt exit on SIGTERM). The short
# fault cases (kill -9 and --resume, full disk, signals, awkward inputs)
# run in go test ./... . Needs /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  if command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
  fi
fi
NEWSCLEAN_FAULTS_LONG=1 go test ./cmd/newsclean/faults -run 'TestLongRunMemory|TestServeSlowClients' \
  -count=1 -v -timeout 30m | grep -E '^(ok|FAIL|---|\s+---|\s+(long|serve)_test)'
