#!/usr/bin/env bash
# The fault cases too slow for every `go test ./...` run. Always: `serve`
# under 1,000 slow clients plus 50 normal ones (p99 under 1 s, bounded
# memory, prompt exit on SIGTERM; about 30 s). With NEWSCLEAN_FAULTS_LONG=1
# also a batch over 100,000 generated documents (several minutes: peak
# memory within 10% of the 10,000-document run). The short fault cases
# (kill -9 and --resume, full disk, signals, awkward inputs) run in
# go test ./... . The memory case needs /usr/bin/time (Debian package time).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${NEWSCLEAN_FAULTS_LONG:-}" = 1 ] && [ ! -x /usr/bin/time ] && command -v apt-get >/dev/null; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
NEWSCLEAN_FAULTS_LOAD=1 go test ./cmd/newsclean/faults -run 'TestLongRunMemory|TestServeSlowClients' \
  -count=1 -v -timeout 30m | grep -E '^(ok|FAIL|---|\s+---|\s+(long|serve)_test)'
