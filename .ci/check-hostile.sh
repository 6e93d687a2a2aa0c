#!/usr/bin/env bash
# The hostile corpus cases too big for every `go test ./...` run: 100 MB
# pages from a file and from a pipe must be refused fast, in bounded memory.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSCLEAN_HOSTILE_BIG=1 go test ./extract -run 'TestHostileCorpus/page-100MB' -count=1 -v |
  grep -E '^(ok|FAIL|---|\s+---|\s+hostile_test)' 
